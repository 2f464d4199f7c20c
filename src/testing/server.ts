import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { App } from '#src/app.ts';

/**
 * The real server in its own process, on PGlite in a folder of its own, as `node --import tsx
 * src/cli.ts serve` starts it: for what only a process shows (kill -9, restart).
 */

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** The environment of a server on `dataDir` at `port`: production, quiet, no demo data, no daily backup. */
export function serverEnv(dataDir: string, port: number): NodeJS.ProcessEnv {
  const { TEST_DATABASE_URL: _t, DATABASE_URL: _d, SMTP_URL: _s, ...env } = process.env;
  return {
    ...env,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    BASE_URL: `http://127.0.0.1:${port}`,
    DATA_DIR: dataDir,
    SEED_DEMO: 'false',
    BACKUP_DAILY_AT: 'off',
    LOG_LEVEL: 'warn',
    AUTH_SECRET: 'trust-suite-secret-trust-suite-secret-0123',
  };
}

/** A new data folder with the migrations applied and one administrator (the CLI's create-admin). */
export function newDataDir(admin: { email: string; password: string }): string {
  const dataDir = mkdtempSync(join(tmpdir(), 'kn-trust-'));
  const made = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      'src/cli.ts',
      'create-admin',
      '--email',
      admin.email,
      '--name',
      'Quản Trị Bền',
      '--password',
      admin.password,
    ],
    { env: serverEnv(dataDir, 0), encoding: 'utf8' },
  );
  if (made.status !== 0) throw new Error(`create-admin failed: ${made.stderr || made.stdout}`);
  return dataDir;
}

export interface RunningServer {
  url: string;
  child: ChildProcess;
  /** kill -9: no goodbye, no flush. Resolves once the process is gone. */
  kill9(): Promise<void>;
}

/** Starts the server and waits until it answers (at most `timeoutMs`). */
export async function startServer(dataDir: string, port: number, timeoutMs = 60_000): Promise<RunningServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'serve'], {
    env: serverEnv(dataDir, port),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d) => {
    stderr = (stderr + String(d)).slice(-4000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server stopped while starting: ${stderr}`);
    try {
      const res = await fetch(`${url}/dang-nhap`, { signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the server did not answer within ${timeoutMs} ms: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    child,
    kill9: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

/**
 * An `App` stand-in that sends `TestBrowser`'s requests over HTTP to `base()` (a function, so the
 * same browser, with its cookies, follows a restarted server), never following redirects.
 * @example const b = new TestBrowser(overHttp(() => server.url))
 */
export function overHttp(base: () => string): App {
  return {
    request: (path: string, init: RequestInit = {}) =>
      fetch(new URL(path, base()), { ...init, redirect: 'manual', signal: AbortSignal.timeout(30_000) }),
  } as unknown as App;
}
