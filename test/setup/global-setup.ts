import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { NEEDS_FILE } from '../support/rbac-coverage';
import { RUN_LOG_FILE, USED_SECRETS_FILE } from '../support/run-log';
import { join } from 'node:path';
import { ClusterState, E2E_CLUSTER_NAME, STATE_FILE } from './cluster-state';

const CLUSTER_DIR = join(__dirname, '..', '..', 'cluster');

/**
 * Starts the e2e tests' own local control plane, or reuses it while it runs. Tests never run against
 * whatever KUBECONFIG points at (a real cluster must be named in BERTH_E2E_KUBECONFIG), and never on
 * the developer's `npm start` cluster: theirs is a separate kwokctl cluster, `berth-e2e`.
 */
module.exports = function globalSetup(): void {
  let state: ClusterState;
  const explicit = process.env.BERTH_E2E_KUBECONFIG;
  if (explicit) {
    state = { kubeconfig: explicit, startedByTests: false };
  } else {
    // Inherited by every worker, so `npm start` in the main-process test finds this cluster too.
    process.env.BERTH_CLUSTER_NAME = E2E_CLUSTER_NAME;
    const running = succeeds('status.sh');
    if (running) {
      process.stderr.write(`\n[e2e] reusing the running local control plane "${E2E_CLUSTER_NAME}"\n`);
    } else {
      // A stopped one is what an interrupted run left behind: start from an empty cluster instead.
      process.stderr.write(`\n[e2e] creating a fresh local control plane "${E2E_CLUSTER_NAME}"\n`);
      execFileSync('bash', [join(CLUSTER_DIR, 'down.sh')], { stdio: ['ignore', 'ignore', 'inherit'] });
    }
    const kubeconfig = execFileSync('bash', [join(CLUSTER_DIR, 'up.sh')], {
      stdio: ['ignore', 'pipe', 'inherit'],
      encoding: 'utf8',
    })
      .trim()
      .split('\n')
      .pop();
    if (!kubeconfig) throw new Error('cluster/up.sh printed no kubeconfig path');
    state = { kubeconfig, startedByTests: !running };
  }
  process.env.BERTH_E2E_KUBECONFIG = state.kubeconfig;
  // This run's record of what Berth asks of RBAC starts empty (test/rbac.run-spec.ts reads it).
  writeFileSync(NEEDS_FILE, '');
  // And so do its log and the secrets it used (test/log-secrets.run-spec.ts greps one for the other).
  writeFileSync(RUN_LOG_FILE, '');
  writeFileSync(USED_SECRETS_FILE, '');
  writeFileSync(STATE_FILE, JSON.stringify(state));
};

function succeeds(script: string): boolean {
  try {
    execFileSync('bash', [join(CLUSTER_DIR, script)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
