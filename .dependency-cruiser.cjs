/**
 * Berth's layers, each importing only downward (docs/architecture.md, ADR 8):
 *
 *   common → config → kube → iam → auth → access → live → features → kubesphere, kubeconfig → bootstrap → app
 *
 * features: users, tenancy, platform, health, images, kube-api and resources/* (workloads, storage,
 * configuration), which may share resources/shared but never import one another. kubesphere (a
 * transport over several features: KubeSphere's console API) and kubeconfig (a user's token and
 * projects) sit above them, beside each other. `npm run lint`
 * fails on an upward import, an import between features, or a cycle between files.
 */
const LAYERS = ['common', 'config', 'kube', 'iam', 'auth', 'access', 'live'];
const FEATURES = ['users', 'tenancy', 'platform', 'health', 'images', 'kube-api', 'resources', 'audit'];
const any = (names) => `^src/(${names.join('|')})/`;

/** A layer may import itself and the layers below it. */
const layered = LAYERS.map((layer, i) => ({
  name: `${layer}-imports-only-downward`,
  comment: `src/${layer} may import only ${LAYERS.slice(0, i + 1).join(', ')}`,
  severity: 'error',
  from: { path: `^src/${layer}/` },
  to: { path: '^src/', pathNot: any(LAYERS.slice(0, i + 1)) },
}));

module.exports = {
  forbidden: [
    ...layered,
    {
      name: 'features-import-only-layers-below',
      comment: 'a feature may import the layers below it, never bootstrap or the app',
      severity: 'error',
      from: { path: any(FEATURES) },
      to: { path: '^src/', pathNot: [any(LAYERS), any(FEATURES)] },
    },
    {
      name: 'features-are-independent',
      comment: 'a feature imports no other feature (shared words live in a lower layer)',
      severity: 'error',
      from: { path: '^src/(users|tenancy|platform|health|images|kube-api|audit)/' },
      to: { path: any(FEATURES), pathNot: '^src/$1/' },
    },
    {
      name: 'resources-are-independent',
      comment: 'one kind of project resource imports no other (resources/shared is for all of them)',
      severity: 'error',
      from: { path: '^src/resources/([^/]+)/' },
      to: {
        path: '^src/(users|tenancy|platform|health|images|kube-api|resources)/',
        pathNot: ['^src/resources/$1/', '^src/resources/shared/'],
      },
    },
    {
      name: 'above-features-imports-only-features-and-below',
      comment: 'kubesphere and kubeconfig use the features, not each other, bootstrap or the app',
      severity: 'error',
      from: { path: '^src/(kubesphere|kubeconfig)/' },
      to: { path: '^src/', pathNot: [any(LAYERS), any(FEATURES), '^src/$1/'] },
    },
    {
      name: 'bootstrap-is-below-the-app',
      severity: 'error',
      from: { path: '^src/bootstrap/' },
      to: { path: '^src/', pathNot: [any(LAYERS), '^src/bootstrap/'] },
    },
    {
      name: 'no-cycles',
      comment: 'no file depends on itself through others',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'only-kube-talks-to-kubernetes',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/kube/' },
      to: { path: 'node_modules/@kubernetes/client-node' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.spec\\.ts$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
