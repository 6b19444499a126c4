import { existsSync, readFileSync } from 'node:fs';
import { RUN_LOG_FILE, USED_SECRETS_FILE, type UsedSecret } from './support/run-log';

/**
 * Run after the e2e suite (`npm run test:e2e`): the whole run's log (every test app's lines, access
 * lines and errors included) holds none of the passwords, tokens and Secret values the run used,
 * neither as sent nor base64-encoded as a Secret stores them.
 */
describe('the e2e run’s log, against the secrets the run used', () => {
  let log: string;
  let secrets: UsedSecret[];

  beforeAll(() => {
    for (const file of [RUN_LOG_FILE, USED_SECRETS_FILE])
      if (!existsSync(file)) throw new Error(`${file} is missing: run the e2e suite first`);
    log = readFileSync(RUN_LOG_FILE, 'utf8');
    const unique = new Map<string, UsedSecret>();
    for (const line of readFileSync(USED_SECRETS_FILE, 'utf8').split('\n').filter(Boolean)) {
      const secret = JSON.parse(line) as UsedSecret;
      unique.set(secret.value, secret);
    }
    secrets = [...unique.values()];
  });

  it('is the log of a whole run, with the secrets it used', () => {
    const lines = log.split('\n').filter(Boolean);
    // Thousands of requests, each with an access line; every line is JSON.
    expect(lines.length).toBeGreaterThan(5_000);
    expect(lines.filter((line) => !line.startsWith('{'))).toEqual([]);
    const access = lines.filter((line) => line.includes('"durationMs"') && line.includes('"operation"'));
    expect(access.length).toBeGreaterThan(5_000);
    const kinds = new Set(secrets.map((s) => s.kind));
    expect([...kinds].sort()).toEqual([
      'API token',
      'Secret value',
      'access token',
      'password',
      'refresh token',
    ]);
    expect(secrets.length).toBeGreaterThan(100);
  });

  it('holds none of them', () => {
    const found = secrets.filter(
      ({ value }) => log.includes(value) || log.includes(Buffer.from(value).toString('base64')),
    );
    expect(found.map(({ kind, value }) => `${kind} ${value.slice(0, 6)}…`)).toEqual([]);
  });
});
