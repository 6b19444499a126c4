import { spawn } from 'node:child_process';
import { join } from 'node:path';

/** The repository's cluster tooling, found relative to this file in both src/ and dist/. */
export const CLUSTER_DIR = join(__dirname, '..', '..', 'cluster');

/**
 * Starts (building first, if needed) the local control plane with cluster/up.sh and returns its
 * kubeconfig path. The script's progress goes straight to our stderr, so a cold build is visible.
 */
export function startLocalCluster(): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', [join(CLUSTER_DIR, 'up.sh')], { stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const path = stdout.trim().split('\n').pop();
      if (code === 0 && path) resolve(path);
      else reject(new Error(`cluster/up.sh failed (exit code ${code ?? 'signal'}); see its output above`));
    });
  });
}
