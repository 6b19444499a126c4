import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Shared by global setup and teardown (separate module instances, so state goes through a file). */
export const STATE_FILE = join(tmpdir(), `berth-e2e-${process.pid}.json`);

/** The kwokctl cluster the e2e tests run on; `npm start` uses `berth` (BERTH_CLUSTER_NAME). */
export const E2E_CLUSTER_NAME = 'berth-e2e';

export interface ClusterState {
  kubeconfig: string;
  /** True when this test run started the local control plane and should delete it afterwards. */
  startedByTests: boolean;
}
