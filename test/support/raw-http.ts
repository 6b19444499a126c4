import { request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: unknown;
}

/** Makes sure the app's server listens on 127.0.0.1 (supertest then reuses the same port). */
export async function listening(server: Server): Promise<AddressInfo> {
  if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server.address() as AddressInfo;
}

/**
 * One HTTP request with the path sent exactly as given: supertest (through the WHATWG URL parser)
 * would resolve `.` and `..` segments before they ever reach the server.
 */
export async function rawRequest(
  server: Server,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string | Buffer,
  /** Another loopback address to connect from (127.0.0.2, ...): another client address to the server. */
  localAddress?: string,
): Promise<RawResponse> {
  const { port } = await listening(server);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        localAddress,
        method,
        path,
        headers:
          body === undefined ? headers : { 'content-length': String(Buffer.byteLength(body)), ...headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}
