import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ClusterState, STATE_FILE } from './cluster-state';

const CLUSTER_DIR = join(__dirname, '..', '..', 'cluster');

/**
 * Starts the local control plane for the e2e tests, or reuses the one already running. Tests never
 * run against whatever KUBECONFIG points at: a real cluster must be named in BERTH_E2E_KUBECONFIG.
 */
module.exports = function globalSetup(): void {
  let state: ClusterState;
  const explicit = process.env.BERTH_E2E_KUBECONFIG;
  if (explicit) {
    state = { kubeconfig: explicit, startedByTests: false };
  } else {
    const running = isRunning();
    process.stderr.write(
      running
        ? '\n[e2e] reusing the running local control plane\n'
        : '\n[e2e] starting the local control plane\n',
    );
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
  writeFileSync(STATE_FILE, JSON.stringify(state));
};

function isRunning(): boolean {
  try {
    execFileSync('bash', [join(CLUSTER_DIR, 'status.sh')], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
