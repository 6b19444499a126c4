import { defaultPullPolicy } from './statefulset-normalize';

describe('StatefulSet form <-> manifests', () => {
  it.each([
    ['nginx', 'Always'],
    ['nginx:latest', 'Always'],
    ['nginx:1.27', 'IfNotPresent'],
    ['registry.local:5000/app', 'Always'],
    ['registry.local:5000/app:v2', 'IfNotPresent'],
    ['nginx@sha256:abc', 'IfNotPresent'],
  ])('the default pull policy of %s is %s (as the API server picks it)', (image, policy) => {
    expect(defaultPullPolicy(image)).toBe(policy);
  });
});
