import { createServer as createHttpServer } from 'node:http';
import { createServer, Server, Socket } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiException } from '@kubernetes/client-node';
import { DomainError } from '../common/errors/domain-error';
import { ErrorCode } from '../common/errors/error-code';
import { KubeClient } from './kube-client';
import { KubeConnection } from './kube-connection';
import { fromStatus, kubeErrorToDomain, retryDelayMs } from './kube-errors';

const status = (reason: string, details: object = {}, message = 'raw message from the API server') => ({
  kind: 'Status',
  status: 'Failure',
  reason,
  message,
  details,
});

describe('fromStatus: Kubernetes Status bodies become domain errors', () => {
  it.each([
    [
      404,
      status('NotFound', { name: 'web', kind: 'statefulsets', group: 'apps' }),
      ErrorCode.NOT_FOUND,
      'statefulset "web" not found',
    ],
    [
      409,
      status('AlreadyExists', { name: 'demo', kind: 'namespaces' }),
      ErrorCode.CONFLICT,
      'namespace "demo" already exists',
    ],
    [
      409,
      status('Conflict', { name: 'web', kind: 'statefulsets' }),
      ErrorCode.CONFLICT,
      'statefulset "web" was changed by someone else since it was read; reload it and try again',
    ],
    [403, status('Forbidden', { name: 'x', kind: 'secrets' }), ErrorCode.FORBIDDEN, 'Not allowed to do this'],
    [
      401,
      status('Unauthorized'),
      ErrorCode.UNAVAILABLE,
      "The Kubernetes API server refused Berth's credentials",
    ],
    [
      410,
      status('Expired'),
      ErrorCode.BAD_USER_INPUT,
      'The list position (continue token) has expired; start the listing again',
    ],
    [
      500,
      status('InternalError'),
      ErrorCode.UNAVAILABLE,
      'The Kubernetes API server failed to handle the request',
    ],
    [
      503,
      status('ServiceUnavailable'),
      ErrorCode.UNAVAILABLE,
      'The Kubernetes API server failed to handle the request',
    ],
    [504, status('Timeout'), ErrorCode.UNAVAILABLE, 'The Kubernetes API server did not answer in time'],
  ])('%d %o -> %s', (code, body, expected, message) => {
    const error = fromStatus(code, body);
    expect(error.code).toBe(expected);
    expect(error.message).toBe(message);
  });

  it('422 Invalid keeps each cause as a field, without the rejected value', () => {
    const error = fromStatus(
      422,
      status('Invalid', {
        name: 'Bad_Name',
        kind: 'namespaces',
        causes: [
          {
            reason: 'FieldValueInvalid',
            field: 'metadata.name',
            message:
              'Invalid value: "Bad_Name": a lowercase RFC 1123 label must consist of lower case alphanumeric characters',
          },
          { reason: 'FieldValueRequired', field: 'spec.replicas', message: 'Required value' },
        ],
      }),
    );
    expect(error.code).toBe(ErrorCode.BAD_USER_INPUT);
    expect(error.fields).toEqual([
      {
        path: 'metadata.name',
        message: 'a lowercase RFC 1123 label must consist of lower case alphanumeric characters',
      },
      { path: 'spec.replicas', message: 'Required value' },
    ]);
    expect(error.message).toContain('namespace "Bad_Name" is invalid: metadata.name:');
  });

  it('400 BadRequest without causes keeps the API server message', () => {
    const error = fromStatus(
      400,
      status('BadRequest', {}, 'unable to parse requirement: invalid label key "a b"'),
    );
    expect(error).toMatchObject({
      code: ErrorCode.BAD_USER_INPUT,
      message: 'unable to parse requirement: invalid label key "a b"',
    });
  });

  it('429 TooManyRequests is UNAVAILABLE with the server-given retry delay', () => {
    const error = fromStatus(429, status('TooManyRequests', { retryAfterSeconds: 7 }));
    expect(error).toMatchObject({ code: ErrorCode.UNAVAILABLE, retryAfterSeconds: 7 });
  });
});

describe('kubeErrorToDomain', () => {
  it('reads the Status out of an ApiException body given as text', () => {
    const exception = new ApiException(
      404,
      'Unsuccessful HTTP Request',
      JSON.stringify(status('NotFound', { name: 'p', kind: 'pods' })),
      {},
    );
    expect(kubeErrorToDomain(exception)).toMatchObject({
      code: ErrorCode.NOT_FOUND,
      message: 'pod "p" not found',
    });
  });

  it.each([
    [
      'connection refused',
      Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } }),
      'The Kubernetes API server is unreachable',
    ],
    [
      'connect timeout',
      Object.assign(new TypeError('fetch failed'), { cause: { code: 'UND_ERR_CONNECT_TIMEOUT' } }),
      'The Kubernetes API server did not answer in time',
    ],
    [
      'request timeout',
      new DOMException('The operation was aborted due to timeout', 'TimeoutError'),
      'The Kubernetes API server did not answer in time',
    ],
  ])('%s -> UNAVAILABLE', (_, error, message) => {
    expect(kubeErrorToDomain(error)).toMatchObject({
      code: ErrorCode.UNAVAILABLE,
      message,
      retryAfterSeconds: 1,
    });
  });

  it('anything else is INTERNAL and keeps the original only as the cause', () => {
    const original = new Error('secret detail at https://10.0.0.1:6443 with token abc');
    const error = kubeErrorToDomain(original);
    expect(error).toMatchObject({ code: ErrorCode.INTERNAL, message: 'Internal error' });
    expect(error.cause).toBe(original);
  });

  it('passes a DomainError through unchanged', () => {
    const error = new DomainError(ErrorCode.FORBIDDEN, 'no');
    expect(kubeErrorToDomain(error)).toBe(error);
  });
});

describe('KubeClient against real sockets', () => {
  let dir: string;
  let silent: Server;
  let silentPort: number;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'berth-unit-'));
    // Accepts connections and never answers: the request must time out, not hang.
    silent = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    silentPort = (silent.address() as { port: number }).port;
  });

  afterAll(async () => {
    sockets.forEach((socket) => socket.destroy());
    await new Promise((resolve) => silent.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  const clientFor = (server: string, timeoutMs: number) => {
    const path = join(dir, `kubeconfig-${Math.random()}`);
    writeFileSync(
      path,
      `apiVersion: v1
kind: Config
clusters: [{name: c, cluster: {server: "${server}", insecure-skip-tls-verify: true}}]
users: [{name: u, user: {token: t}}]
contexts: [{name: x, context: {cluster: c, user: u}}]
current-context: x
`,
    );
    const connection = KubeConnection.fromSource({ kind: 'kubeconfig', path }, timeoutMs);
    return { client: new KubeClient(connection), connection };
  };

  it('a server that never answers times out as UNAVAILABLE', async () => {
    const { client, connection } = clientFor(`http://127.0.0.1:${silentPort}`, 300);
    const started = Date.now();
    await expect(client.version()).rejects.toMatchObject({
      code: ErrorCode.UNAVAILABLE,
      message: 'The Kubernetes API server did not answer in time',
    });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(await client.ready(300)).toBe(false);
    await connection.close();
  });

  it('a refused connection is UNAVAILABLE', async () => {
    const port = await new Promise<number>((resolve) => {
      const s = createServer();
      s.listen(0, '127.0.0.1', () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    const { client, connection } = clientFor(`http://127.0.0.1:${port}`, 2000);
    await expect(client.version()).rejects.toMatchObject({
      code: ErrorCode.UNAVAILABLE,
      message: 'The Kubernetes API server is unreachable',
    });
    await connection.close();
  });

  /** An API server that fails the first `failures` calls to /version in the given way, then answers. */
  const flaky = async (failures: number, how: 'shed' | 'drop') => {
    let calls = 0;
    const server = createHttpServer((req, res) => {
      calls++;
      if (calls > failures) {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ major: '1', minor: '36', gitVersion: 'v1.36.3' }));
      } else if (how === 'drop') {
        req.socket.destroy();
      } else {
        res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '0' });
        res.end(JSON.stringify(status('TooManyRequests', { retryAfterSeconds: 0 }, 'too many requests')));
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    // A Berth client of that server; `close` ends both.
    const { client, connection } = clientFor(`http://127.0.0.1:${port}`, 2000);
    return {
      client,
      calls: () => calls,
      close: async () => {
        await connection.close();
        await new Promise((resolve) => server.close(resolve));
      },
    };
  };

  it('a 429 is tried again after its Retry-After, three tries in all', async () => {
    const twice = await flaky(2, 'shed');
    await expect(twice.client.version()).resolves.toMatchObject({ gitVersion: 'v1.36.3' });
    expect(twice.calls()).toBe(3);
    await twice.close();

    const always = await flaky(99, 'shed');
    await expect(always.client.version()).rejects.toMatchObject({ code: ErrorCode.UNAVAILABLE });
    expect(always.calls()).toBe(3);
    await always.close();
  });

  it('a read whose connection drops is tried again', async () => {
    const once = await flaky(1, 'drop');
    await expect(once.client.version()).resolves.toMatchObject({ gitVersion: 'v1.36.3' });
    expect(once.calls()).toBe(2);
    await once.close();
  });
});

describe('retryDelayMs: which failures are tried again', () => {
  const dropped = new TypeError('fetch failed', {
    cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }),
  });
  const timedOut = Object.assign(new Error('aborted'), { name: 'TimeoutError' });

  it('a 429, for reads and writes, after Retry-After capped at 2 s', () => {
    const shed = (retryAfter: string) =>
      new ApiException(429, 'too many', status('TooManyRequests'), { 'retry-after': retryAfter });
    expect(retryDelayMs(shed('1'), false)).toBe(1000);
    expect(retryDelayMs(shed('30'), true)).toBe(2000);
  });

  it('a dropped connection for reads only; never a timeout, a refusal or an answer', () => {
    expect(retryDelayMs(dropped, true)).toBe(50);
    expect(retryDelayMs(dropped, false)).toBeNull();
    expect(retryDelayMs(timedOut, true)).toBeNull();
    expect(retryDelayMs(Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }), true)).toBeNull();
    expect(
      retryDelayMs(new ApiException(503, 'unavailable', status('ServiceUnavailable'), {}), true),
    ).toBeNull();
    expect(retryDelayMs(new ApiException(409, 'conflict', status('Conflict'), {}), true)).toBeNull();
  });
});
