import { AddressInfo, createServer as createNetServer, Server as NetServer, Socket } from 'node:net';
import { parseImageReference } from './image-reference';
import { RegistryClient } from './registry-client';
import { amd64, config, failure, FakeRegistry, image, PASSWORD, useFakeRegistry } from './registry.fake';

/** The guarded HTTP under the client: redirects, schemes, addresses and deadlines. */

describe('RegistryClient', () => {
  const fake = useFakeRegistry();

  it('follows blob redirects, dropping the Authorization header on another origin', async () => {
    image(fake.registry, config(), '1.0');
    fake.registry.auth = 'basic';
    const storage = new FakeRegistry('none');
    const storageHost = await storage.start();
    try {
      for (const [digest, blob] of fake.registry.blobs) storage.blobs.set(digest, blob);
      fake.registry.redirectBlobsTo = `http://${storageHost}`;
      // The storage is plain HTTP on 127.0.0.1: a hop there needs it listed, like any registry.
      const both = new RegistryClient({
        timeoutMs: 1000,
        registries: { [fake.host]: { insecure: true }, [storageHost]: { insecure: true } },
      });
      try {
        const inspected = await both.inspect(fake.ref(':1.0'), {
          platform: amd64,
          credentials: { username: 'alice', password: PASSWORD },
        });
        expect(inspected.config).toEqual(config());
        expect(storage.seen).toEqual([
          { url: expect.stringMatching(/^\/storage\/sha256:/) as string, authorization: undefined },
        ]);
        // Unlisted, the same hop is refused before any request reaches it.
        storage.seen.length = 0;
        const refused = await failure(
          fake.client.inspect(fake.ref(':1.0'), {
            platform: amd64,
            credentials: { username: 'alice', password: PASSWORD },
          }),
        );
        expect(refused).toMatchObject({ kind: 'forbidden' });
        expect(storage.seen).toEqual([]);
      } finally {
        await both.close();
      }
    } finally {
      await storage.stop();
    }
  });

  it('speaks HTTPS unless the registry is configured insecure', async () => {
    // Listed, but not insecure: HTTPS. (Unlisted, its 127.0.0.1 address would be refused outright.)
    const strict = new RegistryClient({ timeoutMs: 1000, registries: { [fake.host]: {} } });
    try {
      // The fake registry speaks plain HTTP: the TLS handshake fails.
      expect(await failure(strict.inspect(fake.ref(':1.0'), { platform: amd64 }))).toMatchObject({
        kind: 'tls',
      });
    } finally {
      await strict.close();
    }
  });

  it('an unlisted registry on a loopback address is refused before it is contacted', async () => {
    const unlisted = new RegistryClient({ timeoutMs: 1000, registries: {} });
    try {
      fake.registry.seen.length = 0;
      expect(await failure(unlisted.inspect(fake.ref(':1.0'), { platform: amd64 }))).toMatchObject({
        kind: 'forbidden',
      });
      expect(fake.registry.seen).toEqual([]);
    } finally {
      await unlisted.close();
    }
  });
});

describe('RegistryClient deadlines', () => {
  let silent: NetServer;
  const sockets = new Set<Socket>();
  let silentHost: string;

  beforeAll(async () => {
    // Accepts connections and never answers.
    silent = createNetServer((socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    silentHost = `127.0.0.1:${(silent.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
  });

  it('gives up on a registry that accepts and stays silent, within the deadline', async () => {
    const client = new RegistryClient({ timeoutMs: 300, registries: { [silentHost]: { insecure: true } } });
    const started = Date.now();
    try {
      const error = await failure(
        client.inspect(parseImageReference(`${silentHost}/a:b`), {
          platform: { os: 'linux', architecture: 'amd64' },
        }),
      );
      expect(error.kind).toBe('timeout');
      expect(Date.now() - started).toBeLessThan(1500);
    } finally {
      await client.close();
    }
  });

  it('reports a closed port as unreachable', async () => {
    const closed = createNetServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const client = new RegistryClient({
      timeoutMs: 1000,
      registries: { [`127.0.0.1:${port}`]: { insecure: true } },
    });
    try {
      const error = await failure(
        client.inspect(parseImageReference(`127.0.0.1:${port}/a:b`), {
          platform: { os: 'linux', architecture: 'amd64' },
        }),
      );
      expect(error.kind).toBe('unreachable');
      expect(error.message).toMatch(/ECONNREFUSED/);
    } finally {
      await client.close();
    }
  });
});
