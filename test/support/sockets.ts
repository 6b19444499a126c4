import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';

/** A socket a process listens on (TCP LISTEN) or has bound (UDP), read from /proc. */
export interface BoundSocket {
  pid: number;
  protocol: 'tcp' | 'tcp6' | 'udp' | 'udp6';
  address: string;
  port: number;
}

const TCP_LISTEN = '0A';

/**
 * Every listening TCP socket and every bound UDP socket the given processes hold, from /proc (Linux
 * only; what `ss -ltnup` shows, without needing ss or root).
 */
export function boundSockets(pids: number[]): BoundSocket[] {
  const owners = new Map<string, number>();
  for (const pid of pids) {
    for (const inode of socketInodes(pid)) owners.set(inode, pid);
  }
  const sockets: BoundSocket[] = [];
  for (const protocol of ['tcp', 'tcp6', 'udp', 'udp6'] as const) {
    const lines = readFileSync(`/proc/net/${protocol}`, 'utf8').trim().split('\n').slice(1);
    for (const line of lines) {
      const cols = line.trim().split(/\s+/);
      const [local, , state, , , , , , inode] = cols.slice(1);
      const pid = owners.get(inode);
      if (pid === undefined) continue;
      if (protocol.startsWith('tcp') && state !== TCP_LISTEN) continue;
      const [hex, port] = local.split(':');
      sockets.push({ pid, protocol, address: decodeAddress(hex), port: parseInt(port, 16) });
    }
  }
  return sockets;
}

/** The process and all its descendants (npm start → sh → node). */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The command name (field 2) may hold spaces and parentheses: read after the last ')'.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended while we looked
    }
  }
  const tree: number[] = [];
  const queue = [root];
  while (queue.length) {
    const pid = queue.shift()!;
    tree.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return tree;
}

export function isLoopback(address: string): boolean {
  return /^127\./.test(address) || address === '0:0:0:0:0:0:0:1' || /^::ffff:127\./.test(address);
}

function socketInodes(pid: number): string[] {
  try {
    return readdirSync(`/proc/${pid}/fd`)
      .map((fd) => {
        try {
          return /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`))?.[1];
        } catch {
          return undefined;
        }
      })
      .filter((inode): inode is string => inode !== undefined);
  } catch {
    return [];
  }
}

/** /proc/net addresses are hex in host (little-endian) byte order, per 32-bit word. */
function decodeAddress(hex: string): string {
  const words = hex.match(/.{8}/g) ?? [];
  const bytes = words.flatMap((word) => (word.match(/../g) ?? []).reverse().map((b) => parseInt(b, 16)));
  if (bytes.length === 4) return bytes.join('.');
  if (bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff)
    return `::ffff:${bytes.slice(12).join('.')}`;
  // Uncompressed (0:0:0:0:0:0:0:1): simple to compare, no need for the :: shorthand here.
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(((bytes[i] << 8) | bytes[i + 1]).toString(16));
  return groups.join(':');
}

/** A 127.0.0.1 port free right now (bound, read and closed). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
