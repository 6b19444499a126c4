import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** A binary cluster/build.sh made from its Go module (built with the rest of the control plane). */
export function builtBinary(component: 'kubectl' | 'helm' | 'crane'): string {
  const printed = execFileSync('bash', [join(__dirname, '..', '..', 'cluster', 'build.sh'), '--print'], {
    encoding: 'utf8',
  });
  const dir = new RegExp(`^${component}=(.+)$`, 'm').exec(printed)?.[1];
  const binary = dir ? join(dir, component) : '';
  if (!existsSync(binary)) throw new Error(`no ${component} at "${binary}": run cluster/build.sh`);
  return binary;
}
