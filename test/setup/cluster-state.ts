import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Shared by global setup and teardown (separate module instances, so state goes through a file). */
export const STATE_FILE = join(tmpdir(), `berth-e2e-${process.pid}.json`);

export interface ClusterState {
  kubeconfig: string;
  /** True when this test run started the local control plane and should delete it afterwards. */
  startedByTests: boolean;
}
