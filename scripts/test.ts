/**
 * `npm test`: every check the project has, in one command, ending with "N passed, N failed".
 * lint → type-check → architecture rules → unit/integration tests on PGlite → the same on
 * PostgreSQL when a server answers → browser journeys in Chromium.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const serverUrl = process.env.TEST_DATABASE_URL;
let passed = 0;
let failed = 0;
const lines: string[] = [];

function run(name: string, command: string, args: string[], env: Record<string, string> = {}): boolean {
  console.log(`\n▶ ${name}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

/**
 * The quick checks, all at once (type-checking alone takes one core for most of their time); each
 * one's output is printed whole when it ends, in the order given, so none is interleaved.
 */
async function checks(list: [name: string, command: string, args: string[]][]) {
  const results = list.map(
    ([, command, args]) =>
      new Promise<{ ok: boolean; output: string }>((resolve) => {
        const child = spawn(command, args, { env: { ...process.env, FORCE_COLOR: process.stdout.isTTY ? '1' : '0' } });
        let output = '';
        child.stdout.on('data', (d) => {
          output += d;
        });
        child.stderr.on('data', (d) => {
          output += d;
        });
        child.on('error', (error) => resolve({ ok: false, output: `${output}${error.message}\n` }));
        child.on('close', (code) => resolve({ ok: code === 0, output }));
      }),
  );
  for (const [i, [name]] of list.entries()) {
    console.log(`\n▶ ${name}`);
    const { ok, output } = (await results[i]) as { ok: boolean; output: string };
    process.stdout.write(output);
    if (ok) passed++;
    else failed++;
    lines.push(`${ok ? '✔' : '✘'} ${name}`);
  }
}

function vitest(name: string, args: string[], env: Record<string, string> = {}) {
  const report = join(mkdtempSync(join(tmpdir(), 'kn-test-')), 'report.json');
  const ok = run(
    name,
    'npx',
    ['vitest', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
    env,
  );
  if (!existsSync(report)) {
    failed++;
    lines.push(`✘ ${name}: no report (the runner failed to start)`);
    return;
  }
  const r = JSON.parse(readFileSync(report, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numTotalTests: number;
  };
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  // A file that fails to load has no tests but fails the run: count it.
  if (!ok && r.numFailedTests === 0) failed++;
  lines.push(`${ok ? '✔' : '✘'} ${name}: ${r.numPassedTests} passed, ${r.numFailedTests} failed`);
}

async function postgresUrl(): Promise<string | null> {
  const url = serverUrl ?? 'postgres://postgres@127.0.0.1:5432/test';
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return url;
  } catch {
    return null;
  } finally {
    await client.end().catch(() => {});
  }
}

function chromiumPath(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
    Boolean,
  ) as string[];
  return candidates.find((p) => existsSync(p)) ?? null;
}

await checks([
  ['lint (biome)', 'npx', ['biome', 'check', '--diagnostic-level=error', '.']],
  ['type-check (tsc)', 'npx', ['tsc', '--noEmit']],
  ['architecture rules (dependency-cruiser)', 'npx', ['depcruise', 'src', '--config', '.dependency-cruiser.cjs']],
  ['module graph (no cycle, kernel below every module)', 'npx', ['tsx', 'scripts/module-graph.ts']],
]);

const { TEST_DATABASE_URL: _ignored, ...withoutServer } = process.env;
process.env = withoutServer;
vitest('unit and integration tests on PGlite', []);

const pgUrl = await postgresUrl();
if (pgUrl) vitest('unit and integration tests on PostgreSQL', [], { TEST_DATABASE_URL: pgUrl });
else lines.push('– PostgreSQL pass skipped: no server answered (set TEST_DATABASE_URL)');

const chromium = chromiumPath();
if (chromium) vitest('browser journeys (Chromium)', ['--config', 'vitest.e2e.config.ts'], { CHROMIUM_PATH: chromium });
else lines.push('– browser journeys skipped: Chromium not found (apt-get install chromium)');

console.log(`\n${lines.join('\n')}\n`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
