import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ClusterState, E2E_CLUSTER_NAME, STATE_FILE } from './cluster-state';

/** Deletes the local control plane if the tests started it (set BERTH_KEEP_CLUSTER=1 to keep it). */
module.exports = function globalTeardown(): void {
  const state = JSON.parse(readFileSync(STATE_FILE, 'utf8')) as ClusterState;
  rmSync(STATE_FILE, { force: true });
  if (state.startedByTests && !process.env.BERTH_KEEP_CLUSTER) {
    execFileSync('bash', [join(__dirname, '..', '..', 'cluster', 'down.sh')], {
      stdio: 'inherit',
      env: { ...process.env, BERTH_CLUSTER_NAME: E2E_CLUSTER_NAME },
    });
  }
};
