/**
 * `npm run bench` — load, page-weight and query benchmarks against the budgets in ARCHITECTURE.md.
 *
 *   npm run bench                      # full: PGlite + PostgreSQL (when a server answers)
 *   npm run bench -- --quick           # small data set, 3 s runs: checks the harness works
 *   npm run bench -- --only postgres   # one database mode
 *   npm run bench -- --only-imports    # only the import budget (10,000 attendance rows), no servers
 *   npm run bench -- --only-surveys    # only the survey results budget (10,000 responses, PostgreSQL)
 *
 * Options: --quick, --only pglite|postgres, --duration S, --warmup S, --connections 10,50,
 *          --pglite-scale full|small, --regenerate, --no-gzip, --server bundle|tsx,
 *          --targets REGEX (only the load runs whose name matches, e.g. 'hello|healthz|cold'),
 *          --no-imports (skip the import scenario).
 * Environment: BENCH_DATABASE_URL (a PostgreSQL database to use instead of the local kn_bench).
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import autocannon, { type Result } from 'autocannon';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase } from '#kernel/db/client.ts';
import { lockDataDir } from '#kernel/db/lock.ts';
import { migrate } from '#kernel/db/migrate.ts';
import { rows } from '#kernel/db/rows.ts';
import { translator } from '#kernel/i18n/index.ts';
import { suggestFor } from '#modules/matching/index.ts';
import { listProjects, type SupportNeed } from '#modules/projects/index.ts';
import { buildReport } from '#modules/reports/index.ts';
import { listInbox } from '#modules/requests/index.ts';
import {
  benchDir,
  benchOfficer,
  benchRoom,
  defaultDataDir,
  type GenerateResult,
  readMeta,
  type Scale,
  type ScaleName,
  sameScale,
  scaleLabel,
  scales,
} from './generate.ts';
import { benchImport, describeTiming, type ImportTiming, importRowsBudget } from './imports.ts';
import { brandNames, familyNames } from './names.ts';
import { benchSurveyResults, surveyResultsBudget } from './surveys.ts';

const root = resolve(benchDir, '..');
const resultsDir = join(benchDir, 'results');

// ---------------------------------------------------------------- options

const { values: opt } = parseArgs({
  options: {
    quick: { type: 'boolean' },
    only: { type: 'string' },
    duration: { type: 'string' },
    warmup: { type: 'string' },
    connections: { type: 'string' },
    'pglite-scale': { type: 'string' },
    server: { type: 'string' },
    regenerate: { type: 'boolean' },
    'no-gzip': { type: 'boolean' },
    'only-imports': { type: 'boolean' },
    'only-surveys': { type: 'boolean' },
    'import-rows': { type: 'string' },
    targets: { type: 'string' },
    'no-imports': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
});

if (opt.help) {
  console.log(readFileSync(new URL(import.meta.url), 'utf8').split('*/')[0]);
  process.exit(0);
}

const quick = opt.quick ?? false;
const duration = Number(opt.duration ?? (quick ? 3 : 10));
const warmup = Number(opt.warmup ?? (quick ? 0.5 : 1));
const connectionLevels = (opt.connections ?? '10,50').split(',').map(Number);
const gzip = !opt['no-gzip'];
/**
 * PGlite builds the full data set in about 4 minutes on these two-core machines (it runs in
 * one WASM thread); a data folder that is already there is reused, so only the first run pays.
 */
const pgliteScaleName = (opt['pglite-scale'] ?? (quick ? 'small' : 'full')) as ScaleName;
const postgresScaleName: ScaleName = quick ? 'small' : 'full';
if (!(pgliteScaleName in scales)) throw new Error(`--pglite-scale must be one of ${Object.keys(scales).join(', ')}`);
const modes = (opt.only ? [opt.only] : ['pglite', 'postgres']) as ('pglite' | 'postgres')[];
for (const m of modes) if (m !== 'pglite' && m !== 'postgres') throw new Error('--only must be pglite or postgres');

const serverMode = opt.server ?? (existsSync(join(root, 'scripts', 'build.mjs')) ? 'bundle' : 'tsx');
if (serverMode !== 'bundle' && serverMode !== 'tsx') throw new Error('--server must be bundle or tsx');

/** Only the load runs whose name matches (hello-world always runs: every figure is a ratio to it). */
const targetFilter = opt.targets ? new RegExp(opt.targets, 'i') : null;
/** The signed-in pages run at this many connections (an office, not a crowd). */
const staffConnections = 20;

const headers: Record<string, string> = gzip ? { 'accept-encoding': 'gzip' } : {};

// ---------------------------------------------------------------- small helpers

const log = (line = '') => console.log(line);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
const fmt = (n: number) => Math.round(n).toLocaleString('en');

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, i)] as number;
}

async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => res(port));
    });
  });
}

/** GET with the raw bytes as they came over the wire (no decompression). */
function rawGet(
  url: string,
  extra: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((res, rej) => {
    const req = request(url, { headers: extra }, (r) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => res({ status: r.statusCode ?? 0, headers: r.headers, body: Buffer.concat(chunks) }));
      r.on('error', rej);
    });
    req.setTimeout(10_000, () => req.destroy(new Error(`timeout ${url}`)));
    req.on('error', rej);
    req.end();
  });
}

function runChild(args: string[], env: NodeJS.ProcessEnv, prefix: string): Promise<number> {
  return new Promise((res) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const relay = (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) if (line.trim()) log(`${prefix}${line}`);
    };
    child.stdout.on('data', relay);
    child.stderr.on('data', relay);
    child.on('exit', (code) => res(code ?? 1));
  });
}

const clockTicks = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  } catch {
    return 100;
  }
})();

/** CPU time (user + system) a process has used so far, in ms: robust to a busy machine, unlike req/s. */
function cpuMs(pid: number | undefined): number {
  if (!pid) return Number.NaN;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicks;
  } catch {
    return Number.NaN;
  }
}

const isLocal = (url: string) => ['127.0.0.1', 'localhost', '[::1]', ''].includes(new URL(url).hostname);

/**
 * CPU ms used so far by each backend connected to the benchmark database (the app's pool), by pid;
 * the server must be on this machine. Other databases on the same server are not counted.
 */
async function backendCpu(client: pg.Client): Promise<Map<number, number>> {
  const r = await client.query<{ pid: number }>(
    'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
  );
  return new Map(
    r.rows.map((row) => [row.pid, cpuMs(row.pid)] as [number, number]).filter(([, ms]) => Number.isFinite(ms)),
  );
}

/** CPU used between two snapshots; a backend that started in between counts from zero. */
function cpuBetween(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0);
  return total;
}

function hashOf(s: string): string {
  return createHash('md5').update(s).digest('hex');
}

/**
 * Cold pages: each request asks for an address no earlier request of this run asked for, one in
 * ten a filtered or searched list, the rest a project's or a product's page. `wrapped` says the
 * lists ran out (then some addresses were asked for twice).
 */
function coldRotation(cold: { details: string[]; filters: string[] }) {
  let n = 0;
  let d = 0;
  let f = 0;
  const state = { wrapped: false, used: { details: 0, filters: 0 } };
  const next = () => {
    n++;
    if (n % 10 === 0) {
      if (f >= cold.filters.length) state.wrapped = true;
      state.used.filters++;
      return cold.filters[f++ % cold.filters.length] as string;
    }
    if (d >= cold.details.length) state.wrapped = true;
    state.used.details++;
    return cold.details[d++ % cold.details.length] as string;
  };
  return { next, state };
}

function readRss(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? Number.NaN);
  return { rssMb: round(kb('VmRSS') / 1024), peakMb: round(kb('VmHWM') / 1024) };
}

// ---------------------------------------------------------------- child servers

interface Server {
  child: ChildProcess;
  port: number;
  url: string;
  output: string[];
  startMs: number;
  firstPageMs: number;
}

function baseEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of ['DATABASE_URL', 'DATA_DIR', 'PORT', 'HOST', 'SEED_DEMO', 'LOG_LEVEL', 'AUTH_SECRET'])
    delete env[key];
  return env;
}

async function waitFor(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`exited with code ${child.exitCode}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(1_000) });
      if (res.ok) {
        await res.arrayBuffer();
        return;
      }
    } catch {
      // not listening yet
    }
    await sleep(20);
  }
  throw new Error(`no answer from ${url} within ${timeoutMs} ms`);
}

async function startChild(
  args: string[],
  env: NodeJS.ProcessEnv,
  readyPath: string,
  firstPage?: string,
): Promise<Server> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const output: string[] = [];
  const t0 = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) if (line.trim()) output.push(line);
    if (output.length > 200) output.splice(0, output.length - 200);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  try {
    await waitFor(url + readyPath, child, 60_000);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${args.join(' ')} did not start: ${(error as Error).message}\n${output.slice(-30).join('\n')}`);
  }
  const startMs = performance.now() - t0;
  let firstPageMs = startMs;
  if (firstPage) {
    const res = await fetch(url + firstPage);
    await res.arrayBuffer();
    firstPageMs = performance.now() - t0;
  }
  return { child, port, url, output, startMs, firstPageMs };
}

/** Starts the real site; a start that fails (a half-saved file in src/?) is tried again after a minute. */
/** How the site is started: set by `prepareServer`. */
let serverCommand: string[] = ['--import', 'tsx', 'src/cli.ts'];

/**
 * `npm start` runs an esbuild bundle of src/ (scripts/build.mjs). The benchmark builds the same
 * bundle into bench/.data/dist (so that it never races a `npm start` writing dist/) and starts it
 * the same way; `--server tsx` starts `node --import tsx src/cli.ts` instead.
 */
async function prepareServer(): Promise<string[]> {
  const tsx = ['--import', 'tsx', 'src/cli.ts'];
  if (serverMode === 'tsx') return tsx;
  const outfile = join(benchDir, '.data', 'dist', 'cli.js');
  try {
    // The same bundle as `npm start` (scripts/build.mjs), written to the benchmark's own folder.
    execFileSync(process.execPath, [join(root, 'scripts/build.mjs'), '--force', '--outfile', outfile], {
      cwd: root,
      stdio: 'inherit',
    });
    return ['--enable-source-maps', outfile];
  } catch (error) {
    log(`  ! could not bundle src/ (${(error as Error).message.split('\n')[0]}): starting with tsx instead`);
    return tsx;
  }
}

async function startApp(env: NodeJS.ProcessEnv): Promise<Server> {
  const fullEnv = {
    ...baseEnv(),
    ...env,
    SEED_DEMO: 'false',
    BACKUP_DAILY_AT: 'off',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
  };
  for (let attempt = 1; ; attempt++) {
    try {
      return await startChild([...serverCommand, 'serve'], fullEnv, '/healthz', '/du-an');
    } catch (error) {
      if (attempt >= 3) throw error;
      log(`  ! the server did not start (attempt ${attempt}); trying again in 60 s:\n${(error as Error).message}`);
      await sleep(60_000);
    }
  }
}

async function stop(server: Server): Promise<void> {
  const { child } = server;
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

// ---------------------------------------------------------------- measurements

interface LoadRow {
  mode: string;
  target: string;
  path: string;
  kind: 'hello' | 'list' | 'detail' | 'search' | 'api' | 'event' | 'post' | 'staff' | 'image' | 'cold' | 'health';
  connections: number;
  reqPerSec: number;
  p50: number;
  p99: number;
  ratioToHello: number | null;
  non2xx: number;
  errors: number;
  total: number;
  /** Server CPU time per request (user + system), ms. */
  cpuMsPerReq: number;
  /** CPU time of the local PostgreSQL backends serving the benchmark database, per request, ms (null when not local or on PGlite). */
  dbCpuMsPerReq: number | null;
}

type Measured = Result & { cpuMsPerReq: number; dbCpuMsPerReq: number | null };

/**
 * Waits until a server is idle (under 15 % of a core for half a second, at most 60 s): requests that
 * timed out in one run are still being answered, and must not be counted against the next.
 */
async function settle(pid: number | undefined): Promise<number> {
  const t0 = performance.now();
  while (pid && performance.now() - t0 < 60_000) {
    const before = cpuMs(pid);
    await sleep(500);
    const used = cpuMs(pid) - before;
    if (!Number.isFinite(used) || used < 75) break;
  }
  return Math.round(performance.now() - t0);
}

/** Waits (at most 60 s) until no query of the benchmark database is running. */
async function settleDb(client: pg.Client): Promise<number> {
  const t0 = performance.now();
  while (performance.now() - t0 < 60_000) {
    const r = await client.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid()",
    );
    if (!r.rows[0]?.n) break;
    await sleep(250);
  }
  return Math.round(performance.now() - t0);
}

/** What a request needs beyond a GET: a form body (POST), cookies of a signed-in officer, a new address each time. */
interface RequestShape {
  method?: 'GET' | 'POST';
  body?: string;
  headers?: Record<string, string>;
  /** Each request asks for the next of these paths (the cold-pages scenario). */
  rotate?: () => string;
  /** Statuses that are the expected answer too (a booking refused because its slot is taken: 422). */
  accept?: number[];
}

async function load(
  url: string,
  connections: number,
  pid: number | undefined,
  dbClient: pg.Client | null = null,
  shape: RequestShape = {},
): Promise<Measured> {
  let waited = await settle(pid);
  // The database too: queries of the previous run still running (the server waits for them idle)
  // would be counted against this one, and delay it.
  if (dbClient) waited += await settleDb(dbClient);
  if (waited > 2_000) log(`  (waited ${fmt(waited)} ms for the server to finish earlier requests)`);
  // autocannon refuses keys present but undefined: add the method and body only when there are some.
  const options = {
    url,
    connections,
    headers: { ...headers, ...shape.headers },
    ...(shape.method ? { method: shape.method } : {}),
    ...(shape.body ? { body: shape.body } : {}),
    ...(shape.rotate
      ? {
          requests: [
            {
              setupRequest: (req: Record<string, unknown>) => ({ ...req, path: (shape.rotate as () => string)() }),
            },
          ],
        }
      : {}),
  };
  if (warmup > 0) await autocannon({ ...options, duration: warmup });
  const dbBefore = dbClient ? await backendCpu(dbClient) : null;
  const before = cpuMs(pid);
  const raw = await autocannon({ ...options, duration });
  // A form POST answers 303 (then the browser GETs the next page): count only 4xx/5xx as failures there.
  const failed = Object.entries(raw.statusCodeStats ?? {}).reduce(
    (n, [code, v]) => n + (/^[23]/.test(code) || shape.accept?.includes(Number(code)) ? 0 : v.count),
    0,
  );
  const result = shape.method === 'POST' ? { ...raw, non2xx: failed } : raw;
  const used = cpuMs(pid) - before;
  const dbUsed = dbClient && dbBefore ? cpuBetween(dbBefore, await backendCpu(dbClient)) : null;
  const n = result.requests.total;
  return {
    ...result,
    cpuMsPerReq: n ? round(used / n, 3) : Number.NaN,
    dbCpuMsPerReq: n && dbUsed !== null ? round(dbUsed / n, 3) : null,
  };
}

interface Weight {
  mode: string;
  path: string;
  status: number;
  htmlBytes: number;
  htmlRawBytes: number;
  cssBytes: number;
  jsBytes: number;
  totalBytes: number;
  encoding: string;
}

async function pageWeight(base: string, path: string, mode: string): Promise<Weight> {
  const h = { 'accept-encoding': 'gzip' };
  const [html, css, js] = await Promise.all([
    rawGet(base + path, h),
    rawGet(`${base}/static/app.css`, h),
    rawGet(`${base}/static/app.js`, h),
  ]);
  const raw = html.headers['content-encoding'] === 'gzip' ? gunzipSync(html.body).length : html.body.length;
  const enc = [html, css, js].map((r) => String(r.headers['content-encoding'] ?? 'identity')).join('/');
  return {
    mode,
    path,
    status: html.status,
    htmlBytes: html.body.length,
    htmlRawBytes: raw,
    cssBytes: css.body.length,
    jsBytes: js.body.length,
    totalBytes: html.body.length + css.body.length + js.body.length,
    encoding: enc,
  };
}

interface DbFigures {
  /** The whole report of 2022 (every indicator with its breakdowns and charts): the first call, then two more. */
  reportMs: number[];
  reportFigures: Record<string, number>;
  yearlyMs: number[];
  yearlyRows: unknown[];
  /** `first` is the very first call (cold); p50/p95/max over 50 calls after 2 more warm-up calls. */
  searchMs: { first: number; p50: number; p95: number; max: number; runs: number; total: number };
  detailSlug: string;
  detailFacts: { members: number; support: number };
  /** An upcoming public event (its page, its registration form, its check-in page), with its seats taken. */
  eventSlug: string;
  eventFacts: { registrations: number };
  /** A public product (with a picture) to open, and its picture. */
  productSlug: string;
  productImageId: string;
  /** Connecting, straight through the services: the inbox's first page and the suggestions for one open request. */
  inboxMs: Timing;
  matchingMs: Timing;
  requestNumber: number;
  /** The cold-pages scenario's addresses: public project and product pages, and filtered or searched lists. */
  cold: { details: string[]; filters: string[] };
  serverVersion: string;
  counts: Record<string, number>;
}

interface Timing {
  p50: number;
  p95: number;
  max: number;
  runs: number;
}

async function timed(runs: number, fn: () => Promise<unknown>): Promise<Timing> {
  for (let i = 0; i < 2; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return {
    p50: round(percentile(times, 50), 2),
    p95: round(percentile(times, 95), 2),
    max: round(times.at(-1) ?? 0, 2),
    runs,
  };
}

const reportPeriod = { from: '2022-01-01', to: '2022-12-31' };
const reportActor = { id: benchOfficer.id, name: 'bench', email: benchOfficer.email, role: 'officer' as const };

const YEARLY_SQL = `SELECT kind, count(*), count(DISTINCT project_id) FROM support WHERE started_on BETWEEN '2022-01-01' AND '2022-12-31' GROUP BY kind`;

/** Straight against the database, with no server running (PGlite has one connection). */
async function measureDb(target: { url?: string; dataDir?: string }): Promise<DbFigures> {
  let unlock = () => {};
  if (target.dataDir) unlock = lockDataDir(target.dataDir);
  const database = await openDatabase({
    url: target.url,
    dataDir: target.dataDir ? join(target.dataDir, 'pglite') : undefined,
    poolSize: 2,
  });
  // Data made by an earlier version of the code gets the migrations added since.
  await migrate(database);
  const { db } = database;
  try {
    // The whole report first, as an officer opening it after a start meets it: nothing read yet.
    const reportMs: number[] = [];
    let reportFigures: Record<string, number> = {};
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      // A new period each time: the report keeps shared reads per period object.
      const report = await buildReport({ db, actor: reportActor, period: { ...reportPeriod }, t: translator('vi') });
      reportMs.push(round(performance.now() - t0));
      reportFigures = Object.fromEntries(report.lines.map((l) => [l.indicator.id, l.figure.value]));
    }
    const [version] = await rows<{ v: string }>(db, sql`SELECT version() AS v`);
    const counts: Record<string, number> = {};
    for (const table of [
      'project',
      'project_member',
      'support',
      '"user"',
      'event',
      'event_registration',
      'event_attendance',
    ]) {
      const [r] = await rows<{ n: string }>(db, sql.raw(`SELECT count(*) AS n FROM ${table}`));
      counts[table.replace(/"/g, '')] = Number(r?.n ?? 0);
    }
    // Search first: the yearly query reads ~300 MB of ledger and pushes the projects out of the cache.
    const search = () =>
      listProjects({ db, actor: null, filters: { q: 'thach den' }, page: { page: 1, perPage: 20, offset: 0 } });
    let t = performance.now();
    await search();
    const firstMs = round(performance.now() - t, 2);
    for (let i = 0; i < 2; i++) await search();
    const times: number[] = [];
    let total = 0;
    for (let i = 0; i < 50; i++) {
      t = performance.now();
      const r = await search();
      times.push(performance.now() - t);
      total = r.total;
    }
    times.sort((a, b) => a - b);
    const yearlyMs: number[] = [];
    let yearlyRows: unknown[] = [];
    for (let i = 0; i < 3; i++) {
      t = performance.now();
      yearlyRows = await rows(db, sql.raw(YEARLY_SQL));
      yearlyMs.push(round(performance.now() - t));
    }
    const [pick] = await rows<{ slug: string; members: string; support: string }>(
      db,
      sql`SELECT p.slug,
            (SELECT count(*) FROM project_member m WHERE m.project_id = p.id) AS members,
            (SELECT count(*) FROM support s WHERE s.project_id = p.id) AS support
          FROM project p WHERE p.is_public AND p.search_text LIKE '%thach den%' ORDER BY p.slug LIMIT 1`,
    );
    if (!pick) throw new Error('no public project to open: is the database filled?');
    const [upcoming] = await rows<{ slug: string; registrations: string }>(
      db,
      sql`SELECT e.slug, (SELECT count(*) FROM event_registration r WHERE r.event_id = e.id) AS registrations
          FROM event e WHERE e.published AND e.audience = 'public' AND e.starts_on > current_date ORDER BY e.slug LIMIT 1`,
    );
    if (!upcoming) throw new Error('no upcoming event: generate the data again (bench/generate.ts adds events)');
    const [item] = await rows<{ slug: string; image: string }>(
      db,
      sql`SELECT p.slug, (SELECT i.id FROM product_image i WHERE i.product_id = p.id ORDER BY i.position LIMIT 1) AS image
          FROM product p WHERE p.is_public AND p.search_text LIKE '%thach den%' ORDER BY p.slug LIMIT 1`,
    );
    if (!item?.image) throw new Error('no public product with a picture: regenerate the data (--regenerate)');
    const [open] = await rows<{
      number: number;
      kind: string;
      project_id: string;
      commune_slug: string | null;
      body: string;
    }>(
      db,
      sql`SELECT number, kind, project_id, commune_slug, body FROM support_request WHERE status = 'accepted' AND project_id IS NOT NULL ORDER BY number LIMIT 1`,
    );
    if (!open) throw new Error('no open support request: generate the data again (bench/generate.ts adds requests)');
    const actor = {
      id: benchOfficer.id,
      name: 'Cán bộ đo hiệu năng',
      email: benchOfficer.email,
      role: 'officer' as const,
    };
    const inboxMs = await timed(30, () =>
      listInbox({
        db,
        actor,
        filters: { view: 'open', kind: undefined, status: undefined },
        page: { page: 1, perPage: 20, offset: 0 },
      }),
    );
    const matchingMs = await timed(30, () =>
      suggestFor(db, 'lang-son', {
        needs: [open.kind as SupportNeed],
        projectId: open.project_id,
        communeSlug: open.commune_slug,
        text: open.body,
      }),
    );
    // Cold pages: up to 20,000 public projects and as many products (in a mixed order), and lists
    // filtered by commune and field or category, and searches for the words the names are made of.
    const projectSlugs = await rows<{ slug: string }>(
      db,
      sql`SELECT slug FROM project WHERE is_public ORDER BY md5(slug) LIMIT 20000`,
    );
    const productSlugs = await rows<{ slug: string }>(
      db,
      sql`SELECT slug FROM product WHERE is_public ORDER BY md5(slug) LIMIT 20000`,
    );
    const details: string[] = [];
    for (let i = 0; i < Math.max(projectSlugs.length, productSlugs.length); i++) {
      if (projectSlugs[i]) details.push(`/du-an/${projectSlugs[i]?.slug}`);
      if (productSlugs[i]) details.push(`/san-pham/${productSlugs[i]?.slug}`);
    }
    const communes = (await rows<{ slug: string }>(db, sql`SELECT slug FROM commune ORDER BY slug`)).map((r) => r.slug);
    const fields = (await rows<{ v: string }>(db, sql`SELECT DISTINCT field AS v FROM project ORDER BY 1`)).map(
      (r) => r.v,
    );
    const categories = (await rows<{ v: string }>(db, sql`SELECT DISTINCT category AS v FROM product ORDER BY 1`)).map(
      (r) => r.v,
    );
    const words = [...new Set([...brandNames, ...familyNames].map((w) => w.split(' ')[0] as string))];
    const filters: string[] = [];
    for (const commune of communes) {
      for (const field of fields) filters.push(`/du-an?commune=${commune}&field=${field}`);
      for (const category of categories) filters.push(`/san-pham?commune=${commune}&category=${category}`);
    }
    for (const w of words) {
      filters.push(`/tim-kiem?q=${encodeURIComponent(w)}`);
      filters.push(`/du-an?q=${encodeURIComponent(w)}`);
      filters.push(`/san-pham?q=${encodeURIComponent(w)}`);
    }
    // A mixed order, the same in every run.
    filters.sort((a, b) => (hashOf(a) < hashOf(b) ? -1 : 1));
    return {
      cold: { details, filters },
      inboxMs,
      matchingMs,
      requestNumber: Number(open.number),
      reportMs,
      reportFigures,
      yearlyMs,
      yearlyRows,
      searchMs: {
        first: firstMs,
        p50: round(percentile(times, 50), 2),
        p95: round(percentile(times, 95), 2),
        max: round(times.at(-1) ?? 0, 2),
        runs: times.length,
        total,
      },
      detailSlug: pick.slug,
      detailFacts: { members: Number(pick.members), support: Number(pick.support) },
      eventSlug: upcoming.slug,
      eventFacts: { registrations: Number(upcoming.registrations) },
      productSlug: item.slug,
      productImageId: item.image,
      serverVersion: version?.v ?? '?',
      counts,
    };
  } finally {
    await database.close();
    unlock();
  }
}

// ---------------------------------------------------------------- data sets

async function generateInto(
  scale: Scale,
  target: { url?: string; dataDir?: string },
  reset: boolean,
): Promise<GenerateResult> {
  const json = join(tmpdir(), `kn-bench-gen-${process.pid}-${Date.now()}.json`);
  const args = [
    'bench/generate.ts',
    '--projects',
    String(scale.projects),
    '--people',
    String(scale.people),
    '--support',
    String(scale.support),
    '--users',
    String(scale.users),
    '--events',
    String(scale.events),
    '--registrations',
    String(scale.registrations),
    '--products-count',
    String(scale.products),
    '--json',
    json,
  ];
  if (reset) args.push('--reset');
  const env = baseEnv();
  if (target.url) args.push('--database-url', target.url);
  else args.push('--data-dir', target.dataDir as string);
  const code = await runChild(args, env, '  | ');
  if (code !== 0) throw new Error(`the generator failed (exit ${code})`);
  const result = JSON.parse(readFileSync(json, 'utf8')) as GenerateResult;
  rmSync(json, { force: true });
  return result;
}

async function preparePglite(
  scale: Scale,
): Promise<{ dataDir: string; generated: GenerateResult | null; meta: GenerateResult | null }> {
  const dataDir = defaultDataDir(scaleLabel(scale));
  const meta = readMeta(dataDir);
  // Data made before the people registry (no `person` count) are made again.
  if (
    !opt.regenerate &&
    meta &&
    sameScale(meta.scale, scale) &&
    (meta.counts.person ?? 0) > 0 &&
    existsSync(join(dataDir, 'pglite'))
  ) {
    log(`  reusing the PGlite data in ${dataDir} (generated ${meta.generatedAt} in ${meta.seconds} s)`);
    return { dataDir, generated: null, meta };
  }
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  log(`  generating the PGlite data set into ${dataDir} …`);
  const generated = await generateInto(scale, { dataDir }, false);
  return { dataDir, generated, meta: generated };
}

async function postgresUrl(): Promise<{ url: string; own: boolean } | null> {
  const given = process.env.BENCH_DATABASE_URL;
  if (given) return { url: given, own: false };
  const admin = new pg.Client({
    connectionString: 'postgres://postgres@127.0.0.1:5432/postgres',
    connectionTimeoutMillis: 2_000,
  });
  const name = quick ? 'kn_bench_small' : 'kn_bench';
  try {
    await admin.connect();
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${name}`);
    return { url: `postgres://postgres@127.0.0.1:5432/${name}`, own: true };
  } catch (error) {
    log(`  no PostgreSQL server at 127.0.0.1:5432 (${(error as Error).message}): PostgreSQL mode skipped`);
    return null;
  } finally {
    await admin.end().catch(() => {});
  }
}

async function preparePostgres(scale: Scale, url: string, own: boolean): Promise<GenerateResult | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  let counts = { project: 0, project_member: 0, support: 0, registrations: 0, product: 0, linked: 0 };
  try {
    const has = await client.query(
      `SELECT to_regclass('public.project') IS NOT NULL AND to_regclass('public.support') IS NOT NULL AS ok, to_regclass('public.event_registration') IS NOT NULL AS events, to_regclass('public.product') IS NOT NULL AS products`,
    );
    if (has.rows[0]?.ok) {
      const r = await client.query(
        `SELECT (SELECT count(*) FROM project)::int AS project, (SELECT count(*) FROM project_member)::int AS project_member, (SELECT count(*) FROM support)::int AS support,
           ${has.rows[0]?.events ? "(SELECT count(*) FROM event_registration WHERE token ~ '^[0-9a-f]{32}$')::int" : '0'} AS registrations,
           ${has.rows[0]?.products ? '(SELECT count(*) FROM product)::int' : '0'} AS product,
           ${has.rows[0]?.events ? '(SELECT count(*) FROM (SELECT 1 FROM event_registration WHERE person_id IS NOT NULL LIMIT 1) x)::int' : '0'} AS linked`,
      );
      counts = r.rows[0];
    }
  } finally {
    await client.end();
  }
  // Registrations made by an earlier run's POSTs are not the generator's: only the generated ones count.
  const matches =
    counts.project === scale.projects &&
    counts.project_member === scale.people &&
    counts.support === scale.support &&
    counts.registrations === scale.registrations &&
    counts.product === scale.products &&
    counts.linked > 0;
  if (matches && !opt.regenerate) {
    log(
      `  reusing ${url.replace(/\/\/[^@]*@/, '//…@')}: ${fmt(counts.project)} projects, ${fmt(counts.support)} support entries`,
    );
    return null;
  }
  if (counts.project > 0 && !own && !opt.regenerate) {
    log(
      `  ! ${url} holds ${fmt(counts.project)} projects, not the ${fmt(scale.projects)} of the benchmark: used as it is (--regenerate replaces them)`,
    );
    return null;
  }
  log(`  generating the PostgreSQL data set into ${url.replace(/\/\/[^@]*@/, '//…@')} …`);
  return generateInto(scale, { url }, counts.project > 0);
}

// ---------------------------------------------------------------- one database mode

interface ModeResult {
  mode: 'pglite' | 'postgres';
  scale: Scale;
  generation: GenerateResult | null;
  previousGeneration: GenerateResult | null;
  db: DbFigures;
  starts: { healthzMs: number; firstPageMs: number }[];
  /** The faster of the two starts. */
  startMs: number;
  firstPageMs: number;
  loadAverage: { start: number[]; end: number[] };
  rss: { rssMb: number; peakMb: number };
  load: LoadRow[];
  weights: Weight[];
  serverLog: string[];
}

async function runMode(mode: 'pglite' | 'postgres', hello: Server): Promise<ModeResult | null> {
  log(`\n=== ${mode} ===`);
  const scale = scales[mode === 'pglite' ? pgliteScaleName : postgresScaleName];
  let target: { url?: string; dataDir?: string };
  let generation: GenerateResult | null = null;
  let previousGeneration: GenerateResult | null = null;
  if (mode === 'pglite') {
    const prepared = await preparePglite(scale);
    target = { dataDir: prepared.dataDir };
    generation = prepared.generated;
    previousGeneration = prepared.generated ? null : prepared.meta;
  } else {
    const pgTarget = await postgresUrl();
    if (!pgTarget) return null;
    target = { url: pgTarget.url };
    generation = await preparePostgres(scale, pgTarget.url, pgTarget.own);
  }

  log('  database: whole report ×3, yearly report query ×3, search via listProjects ×50 …');
  const db = await measureDb(target);
  log(
    `  whole report of 2022: ${db.reportMs.join(' / ')} ms (first call cold); yearly report query: ${db.yearlyMs.join(' / ')} ms; search "thach den": p50 ${db.searchMs.p50} ms, p95 ${db.searchMs.p95} ms (${db.searchMs.total} matches)`,
  );
  log(
    `  inbox (listInbox): p50 ${db.inboxMs.p50} ms, p95 ${db.inboxMs.p95} ms; matching for YC-${db.requestNumber} (suggestFor): p50 ${db.matchingMs.p50} ms, p95 ${db.matchingMs.p95} ms`,
  );

  const env: NodeJS.ProcessEnv = target.url ? { DATABASE_URL: target.url } : { DATA_DIR: target.dataDir };
  // Two starts: the first may pay for cold caches (tsx transforms, files); the budget is judged on the faster.
  const starts: { healthzMs: number; firstPageMs: number }[] = [];
  const first = await startApp(env);
  starts.push({ healthzMs: round(first.startMs, 0), firstPageMs: round(first.firstPageMs, 0) });
  await stop(first);
  const app = await startApp(env);
  starts.push({ healthzMs: round(app.startMs, 0), firstPageMs: round(app.firstPageMs, 0) });
  log(
    `  server starts: ${starts.map((x) => `/healthz after ${fmt(x.healthzMs)} ms, first page (/du-an) after ${fmt(x.firstPageMs)} ms`).join('; ')}`,
  );
  const loadAtStart = loadavg().map((n) => round(n, 2));
  let dbClient: pg.Client | null = null;
  if (target.url && isLocal(target.url)) {
    dbClient = new pg.Client({ connectionString: target.url });
    await dbClient.connect();
  }

  const detail = `/du-an/${db.detailSlug}`;
  const rotation = coldRotation(db.cold);
  const allTargets: { target: string; path: string; kind: LoadRow['kind'] }[] = [
    { target: '/healthz', path: '/healthz', kind: 'health' },
    { target: '/du-an', path: '/du-an', kind: 'list' },
    { target: '/du-an?field=food&stage=market', path: '/du-an?field=food&stage=market', kind: 'list' },
    { target: '/du-an/<slug>', path: detail, kind: 'detail' },
    { target: '/tim-kiem?q=thach den', path: '/tim-kiem?q=thach%20den', kind: 'search' },
    { target: '/api/v1/projects?q=thach', path: '/api/v1/projects?q=thach', kind: 'api' },
    { target: '/su-kien/<slug>', path: `/su-kien/${db.eventSlug}`, kind: 'event' },
    { target: 'POST /su-kien/<slug>/dang-ky', path: `/su-kien/${db.eventSlug}/dang-ky`, kind: 'post' },
    { target: '/su-kien/<slug>/diem-danh', path: `/su-kien/${db.eventSlug}/diem-danh`, kind: 'staff' },
    { target: '/quan-ly/yeu-cau (inbox)', path: '/quan-ly/yeu-cau', kind: 'staff' },
    { target: '/yeu-cau/<n> (with matching)', path: `/yeu-cau/${db.requestNumber}`, kind: 'staff' },
    { target: '/ho-tro (ledger)', path: '/ho-tro', kind: 'staff' },
    { target: '/san-pham', path: '/san-pham', kind: 'list' },
    { target: '/san-pham?category=food&ready=1', path: '/san-pham?category=food&ready=1', kind: 'list' },
    { target: '/san-pham?q=thach den', path: '/san-pham?q=thach%20den', kind: 'search' },
    { target: '/san-pham/<slug>', path: `/san-pham/${db.productSlug}`, kind: 'detail' },
    { target: '/anh-san-pham/<id>/nho', path: `/anh-san-pham/${db.productImageId}/nho`, kind: 'image' },
    { target: '/anh-san-pham/<id>/lon', path: `/anh-san-pham/${db.productImageId}/lon`, kind: 'image' },
    ...spaceTargets,
    {
      target: `cold pages (${fmt(db.cold.details.length)} project/product pages, ${fmt(db.cold.filters.length)} lists)`,
      path: '/',
      kind: 'cold',
    },
  ];
  const targets = targetFilter ? allTargets.filter((t) => targetFilter.test(t.target)) : allTargets;
  const shapes = await requestShapes(app.url);

  const loadRows: LoadRow[] = [];
  const helloRps = new Map<number, number>();
  const row = (target: string, path: string, kind: LoadRow['kind'], connections: number, r: Measured): LoadRow => {
    const base = helloRps.get(connections);
    return {
      mode,
      target,
      path,
      kind,
      connections,
      reqPerSec: round(r.requests.average, 0),
      p50: r.latency.p50,
      p99: r.latency.p99,
      ratioToHello: kind === 'hello' || !base ? null : round((r.requests.average / base) * 100, 2),
      non2xx: r.non2xx,
      errors: r.errors + r.timeouts,
      total: r.requests.total,
      cpuMsPerReq: r.cpuMsPerReq,
      dbCpuMsPerReq: r.dbCpuMsPerReq,
    };
  };
  try {
    for (const connections of connectionLevels) {
      const r = await load(`${hello.url}/`, connections, hello.child.pid);
      helloRps.set(connections, r.requests.average);
      const lr = row('hello-world', '/', 'hello', connections, r);
      loadRows.push(lr);
      log(
        `  ${'hello-world'.padEnd(30)} c=${connections}: ${fmt(lr.reqPerSec)} req/s, p50 ${lr.p50} ms, p99 ${lr.p99} ms, ${lr.cpuMsPerReq} CPU ms/req`,
      );
    }
    for (const t of targets) {
      for (const connections of t.kind === 'staff' ? [staffConnections] : connectionLevels) {
        // The warm-up runs first, so the pool's backends exist when the window opens.
        const r = await load(
          app.url + t.path,
          connections,
          app.child.pid,
          dbClient,
          t.target === spaceTargets[1].target
            ? bookingShape(shapes.officer, db.detailSlug)
            : t.kind === 'post'
              ? shapes.registration
              : t.kind === 'staff'
                ? shapes.officer
                : t.kind === 'cold'
                  ? { rotate: rotation.next }
                  : {},
        );
        const lr = row(t.target, t.path, t.kind, connections, r);
        loadRows.push(lr);
        log(
          `  ${t.target.padEnd(30)} c=${connections}: ${fmt(lr.reqPerSec)} req/s, p50 ${lr.p50} ms, p99 ${lr.p99} ms, ` +
            `${lr.ratioToHello}% of hello, ${lr.cpuMsPerReq} CPU ms/req${lr.dbCpuMsPerReq === null ? '' : ` + ${lr.dbCpuMsPerReq} in PostgreSQL`}, non-2xx ${lr.non2xx}, errors ${lr.errors}`,
        );
      }
    }
    if (targets.some((t) => t.kind === 'cold'))
      log(
        `  cold pages: ${fmt(rotation.state.used.details)} page and ${fmt(rotation.state.used.filters)} list requests${rotation.state.wrapped ? ' (the lists ran out: some addresses were asked for twice)' : ', each address once'}`,
      );
    const rss = readRss(app.child.pid as number);
    log(`  server RSS after the runs: ${rss.rssMb} MB (peak ${rss.peakMb} MB)`);
    const weights: Weight[] = [];
    for (const t of targets.filter((x) => !['api', 'post', 'staff', 'image', 'cold', 'health'].includes(x.kind))) {
      const w = await pageWeight(app.url, t.path, mode);
      weights.push({ ...w, path: t.target });
    }
    return {
      mode,
      scale,
      generation,
      previousGeneration,
      db,
      starts,
      startMs: Math.min(...starts.map((x) => x.healthzMs)),
      firstPageMs: Math.min(...starts.map((x) => x.firstPageMs)),
      loadAverage: { start: loadAtStart, end: loadavg().map((n) => round(n, 2)) },
      rss,
      load: loadRows,
      weights,
      serverLog: app.output.slice(-20),
    };
  } finally {
    await dbClient?.end().catch(() => {});
    await stop(app);
  }
}

/**
 * The coworking space: the month calendar of the busy room (a year of bookings, 7 a day), and
 * the booking form posted by an officer at one slot: the first wins (303), the rest are refused
 * with the free times of the day (422, expected).
 */
const spaceTargets = [
  {
    target: '/khong-gian/<busy room>/lich (month)',
    path: `/khong-gian/${benchRoom.slug}/lich?xem=thang&thang=${benchRoom.month}`,
    kind: 'list' as const,
  },
  { target: 'POST /khong-gian/<room>/dat-cho', path: `/khong-gian/${benchRoom.slug}/dat-cho`, kind: 'post' as const },
] as const;

function bookingShape(officer: RequestShape, projectSlug: string): RequestShape {
  const cookie = officer.headers?.cookie ?? '';
  const csrf = decodeURIComponent(cookie.match(/kn_csrf=([^;]+)/)?.[1] ?? '');
  const body = new URLSearchParams({
    _csrf: csrf,
    project: projectSlug,
    mode: 'hours',
    date: '2030-06-04',
    startTime: '08:00',
    endTime: '10:00',
    purpose: 'Đo hiệu năng đặt chỗ',
  }).toString();
  return {
    method: 'POST',
    body,
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    accept: [422],
  };
}

/** Cookies a response sets, as one Cookie header. */
function cookiesOf(res: Response, jar: Map<string, string>): string {
  for (const line of res.headers.getSetCookie()) {
    const [pair = ''] = line.split(';');
    const i = pair.indexOf('=');
    jar.set(pair.slice(0, i).trim(), pair.slice(i + 1).trim());
  }
  return [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
}

/**
 * The registration form as a browser sends it (CSRF cookie and field; no e-mail, so every request
 * is a new seat), and the cookies of the benchmark's officer, signed in through the real form.
 */
async function requestShapes(base: string): Promise<{ registration: RequestShape; officer: RequestShape }> {
  const jar = new Map<string, string>();
  // The CSRF cookie comes with a page that shows a form (the sign-in page).
  let cookie = cookiesOf(await fetch(`${base}/dang-nhap`), jar);
  const csrf = decodeURIComponent(jar.get('kn_csrf') ?? '');
  const form = new URLSearchParams({
    _csrf: csrf,
    name: 'Nông Thị Hạnh',
    phone: '0912345678',
    organisationType: 'cooperative',
    sex: 'female',
    ethnicity: 'tay',
    birthYear: '1990',
    consent: 'on',
  }).toString();
  const registration: RequestShape = {
    method: 'POST',
    body: form,
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
  };
  const signIn = await fetch(`${base}/dang-nhap`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: csrf, email: benchOfficer.email, password: benchOfficer.password }).toString(),
  });
  if (signIn.status !== 303)
    throw new Error(`the benchmark officer could not sign in (${signIn.status}): generate the data again`);
  cookie = cookiesOf(signIn, jar);
  return { registration, officer: { headers: { cookie } } };
}

// ---------------------------------------------------------------- budgets

interface Check {
  budget: string;
  mode: string;
  measured: string;
  limit: string;
  pass: boolean;
}

function checks(results: ModeResult[]): Check[] {
  const out: Check[] = [];
  const add = (budget: string, mode: string, measured: string, limit: string, pass: boolean) =>
    out.push({ budget, mode, measured, limit, pass });
  for (const r of results) {
    for (const w of r.weights)
      add(`page weight ${w.path}`, r.mode, `${round(w.totalBytes / 1024)} KB`, '≤ 50 KB', w.totalBytes <= 50 * 1024);
    const pages = r.load.filter((l) => l.kind === 'list' || l.kind === 'detail');
    if (r.mode === 'postgres') {
      for (const l of pages.filter((x) => x.connections === 50)) {
        add(`p99 ${l.target} @50`, r.mode, `${l.p99} ms`, '≤ 100 ms', l.p99 <= 100);
        add(`throughput ${l.target} @50`, r.mode, `${l.ratioToHello}% of hello`, '≥ 6 %', (l.ratioToHello ?? 0) >= 6);
      }
      for (const l of r.load.filter((x) => x.kind === 'cold' && x.connections === 50)) {
        add(`p99 cold pages @50`, r.mode, `${l.p99} ms`, '≤ 100 ms', l.p99 <= 100);
        add(
          `throughput cold pages @50`,
          r.mode,
          `${l.ratioToHello}% of hello`,
          '≥ 1.5 %',
          (l.ratioToHello ?? 0) >= 1.5,
        );
      }
      for (const l of r.load.filter((x) => x.kind === 'staff'))
        add(`p99 ${l.target} @${l.connections}`, r.mode, `${l.p99} ms`, '≤ 150 ms', l.p99 <= 150);
      add(
        'yearly report query (slowest of 3)',
        r.mode,
        `${Math.max(...r.db.yearlyMs)} ms`,
        '≤ 1000 ms',
        Math.max(...r.db.yearlyMs) <= 1000,
      );
      add('whole report of 2022, cold', r.mode, `${r.db.reportMs[0]} ms`, '≤ 1000 ms', (r.db.reportMs[0] ?? 0) <= 1000);
      add('server RSS after load', r.mode, `${r.rss.rssMb} MB`, '≤ 250 MB', r.rss.rssMb <= 250);
    } else {
      for (const l of pages.filter((x) => x.connections === 10))
        add(`p99 ${l.target} @10`, r.mode, `${l.p99} ms`, '≤ 150 ms', l.p99 <= 150);
      add(
        'yearly report query (slowest of 3)',
        r.mode,
        `${Math.max(...r.db.yearlyMs)} ms`,
        '≤ 3000 ms',
        Math.max(...r.db.yearlyMs) <= 3000,
      );
      add('whole report of 2022, cold', r.mode, `${r.db.reportMs[0]} ms`, '≤ 3000 ms', (r.db.reportMs[0] ?? 0) <= 3000);
    }
    add(
      'search "thach den" p95 (listProjects ×50)',
      r.mode,
      `${r.db.searchMs.p95} ms`,
      '≤ 20 ms',
      r.db.searchMs.p95 <= 20,
    );
    for (const l of r.load.filter((x) => x.kind === 'health'))
      add(
        `middleware floor /healthz @${l.connections}`,
        r.mode,
        `${l.ratioToHello}% of hello`,
        '≥ 40 %',
        (l.ratioToHello ?? 0) >= 40,
      );
    add('start → /healthz (faster of 2)', r.mode, `${r.startMs} ms`, '≤ 3000 ms', r.startMs <= 3000);
    add('start → first page /du-an (faster of 2)', r.mode, `${r.firstPageMs} ms`, '≤ 3000 ms', r.firstPageMs <= 3000);
    const bad = r.load.filter((l) => l.non2xx > 0 || l.errors > 0);
    add(
      'every response 2xx, no errors',
      r.mode,
      bad.length ? bad.map((l) => `${l.target}@${l.connections}`).join(', ') : 'all 2xx',
      '0 failures',
      bad.length === 0,
    );
  }
  return out;
}

// ---------------------------------------------------------------- report

function markdown(report: Report): string {
  const lines: string[] = [];
  lines.push(
    `# Kết Nối benchmark — ${report.startedAt}${report.quick ? ' (quick: small data set, indicative only)' : ''}`,
    '',
  );
  lines.push(
    `Machine: ${report.machine.cpus} × ${report.machine.cpuModel}, Node ${report.machine.node}; load average at start ${report.machine.loadStart.join(' / ')}, at end ${report.machine.loadEnd.join(' / ')}.`,
  );
  lines.push(
    `Runs: ${report.duration} s each after a ${report.warmup} s warm-up, autocannon in the harness process, ${report.gzip ? '`accept-encoding: gzip`' : 'no compression'}. Site started as \`${report.server}\`. Total time ${report.totalSeconds} s.`,
    '',
  );
  for (const r of report.modes) {
    const s = r.scale;
    lines.push(
      `## ${r.mode} — ${fmt(s.projects)} projects, ${fmt(s.people)} people, ${fmt(s.support)} support entries`,
      '',
    );
    lines.push(
      `Database: ${r.db.serverVersion.split(' on ')[0]}. Rows: ${Object.entries(r.db.counts)
        .map(([k, v]) => `${k} ${fmt(v)}`)
        .join(', ')}.`,
    );
    if (r.generation)
      lines.push(
        `Generated in this run: ${r.generation.seconds} s (${Object.entries(r.generation.phases)
          .map(([k, v]) => `${k} ${v} s`)
          .join(', ')}).`,
      );
    else if (r.previousGeneration) lines.push(`Data reused (generated earlier in ${r.previousGeneration.seconds} s).`);
    lines.push(
      `Starts (two): ${r.starts.map((x) => `/healthz ${x.healthzMs} ms, first page ${x.firstPageMs} ms`).join('; ')}. Server RSS after the runs ${r.rss.rssMb} MB (peak ${r.rss.peakMb} MB). Load average during the runs: ${r.loadAverage.start.join(' / ')} → ${r.loadAverage.end.join(' / ')}.`,
      `Whole report of 2022 (every indicator, breakdowns and charts): ${r.db.reportMs.join(' / ')} ms, the first call cold; its figures ${JSON.stringify(r.db.reportFigures)}. Yearly report query: ${r.db.yearlyMs.join(' / ')} ms. Search "thach den" via listProjects: first call ${r.db.searchMs.first} ms, then ×50: p50 ${r.db.searchMs.p50} ms, p95 ${r.db.searchMs.p95} ms, max ${r.db.searchMs.max} ms (${r.db.searchMs.total} matches).`,
      `Officers' inbox (listInbox, first page of open requests) ×${r.db.inboxMs.runs}: p50 ${r.db.inboxMs.p50} ms, p95 ${r.db.inboxMs.p95} ms. Matching for request YC-${r.db.requestNumber} (suggestFor) ×${r.db.matchingMs.runs}: p50 ${r.db.matchingMs.p50} ms, p95 ${r.db.matchingMs.p95} ms.`,
      `Detail page: /du-an/${r.db.detailSlug} (${r.db.detailFacts.members} members, ${r.db.detailFacts.support} support entries). ` +
        `Event: /su-kien/${r.db.eventSlug} (${r.db.eventFacts.registrations} registrations before the run; the registration POST adds one per request, ` +
        'anonymous, without e-mail; the check-in page is opened by a signed-in officer).',
      '',
    );
    lines.push(
      '| path | conns | req/s | p50 ms | p99 ms | % of hello | server CPU ms/req | PostgreSQL CPU ms/req | non-2xx | errors |',
      '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    );
    for (const l of r.load) {
      lines.push(
        `| ${l.target} | ${l.connections} | ${fmt(l.reqPerSec)} | ${l.p50} | ${l.p99} | ${l.ratioToHello ?? '—'} | ${l.cpuMsPerReq} | ${l.dbCpuMsPerReq ?? '—'} | ${l.non2xx} | ${l.errors} |`,
      );
    }
    lines.push('', '| page (gzip) | HTML | CSS | JS | total | HTML uncompressed |', '|---|---:|---:|---:|---:|---:|');
    for (const w of r.weights) {
      lines.push(
        `| ${w.path} | ${fmt(w.htmlBytes)} B | ${fmt(w.cssBytes)} B | ${fmt(w.jsBytes)} B | ${round(w.totalBytes / 1024)} KB | ${round(w.htmlRawBytes / 1024)} KB |`,
      );
    }
    lines.push('');
  }
  lines.push(
    '## Budgets (ARCHITECTURE.md)',
    '',
    '| budget | mode | measured | limit | result |',
    '|---|---|---|---|---|',
  );
  for (const c of report.checks)
    lines.push(`| ${c.budget} | ${c.mode} | ${c.measured} | ${c.limit} | ${c.pass ? 'PASS' : '**FAIL**'} |`);
  lines.push('');
  for (const note of report.notes) lines.push(`- ${note}`);
  return `${lines.join('\n')}\n`;
}

interface Report {
  startedAt: string;
  quick: boolean;
  duration: number;
  warmup: number;
  gzip: boolean;
  server: string;
  totalSeconds: number;
  machine: { cpus: number; cpuModel: string; node: string; loadStart: number[]; loadEnd: number[] };
  modes: ModeResult[];
  checks: Check[];
  imports: { mode: string; timing: ImportTiming }[];
  notes: string[];
}

// ---------------------------------------------------------------- main

// ---------------------------------------------------------------- imports

/**
 * The import budget: a generated attendance list of 10,000 rows (.xlsx) read and imported, on a
 * fresh PGlite in memory and on a PostgreSQL database of its own (kn_bench_imports, emptied first).
 */
async function importsScenario(): Promise<{ checks: Check[]; timings: { mode: string; timing: ImportTiming }[] }> {
  const rows = Number(opt['import-rows'] ?? (quick ? 1_000 : importRowsBudget.rows));
  const out: Check[] = [];
  const timings: { mode: string; timing: ImportTiming }[] = [];
  for (const mode of modes) {
    log(`\n=== imports: ${fmt(rows)} attendance rows, ${mode} ===`);
    let url: string | undefined;
    if (mode === 'postgres') {
      url = process.env.BENCH_IMPORTS_DATABASE_URL;
      if (!url) {
        const admin = new pg.Client({
          connectionString: 'postgres://postgres@127.0.0.1:5432/postgres',
          connectionTimeoutMillis: 2_000,
        });
        try {
          await admin.connect();
          const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = 'kn_bench_imports'");
          if (exists.rowCount === 0) await admin.query('CREATE DATABASE kn_bench_imports');
          url = 'postgres://postgres@127.0.0.1:5432/kn_bench_imports';
        } catch (error) {
          log(`  no PostgreSQL server at 127.0.0.1:5432 (${(error as Error).message}): skipped`);
          continue;
        } finally {
          await admin.end().catch(() => {});
        }
      }
    }
    const timing = await benchImport({ rows, url });
    timings.push({ mode, timing });
    log(describeTiming(mode, timing));
    const total = timing.preview.wall + timing.import.wall;
    const limit = (importRowsBudget.seconds * rows) / importRowsBudget.rows;
    out.push({
      budget: `${fmt(rows)} rows imported (preview + import)`,
      mode,
      measured: `${round(total)} s (CPU ${round(timing.preview.cpu + timing.import.cpu)} s)`,
      limit: `≤ ${round(limit)} s`,
      pass: total <= limit,
    });
  }
  return { checks: out, timings };
}

async function main() {
  if (opt['only-surveys']) {
    // The survey results budget: 10,000 responses, on the PostgreSQL database kn_bench_surveys (emptied first).
    const url = process.env.BENCH_SURVEYS_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/kn_bench_surveys';
    const r = await benchSurveyResults({ responses: surveyResultsBudget.responses, url });
    const pass = r.medianMs <= surveyResultsBudget.ms;
    log(
      `${pass ? 'PASS' : 'FAIL'}  postgres survey results, ${fmt(r.responses)} responses: ${r.medianMs} ms (≤ ${surveyResultsBudget.ms} ms)`,
    );
    return;
  }
  if (opt['only-imports']) {
    const { checks: found } = await importsScenario();
    for (const c of found)
      log(`${c.pass ? 'PASS' : 'FAIL'}  ${c.mode.padEnd(8)} ${c.budget}: ${c.measured} (${c.limit})`);
    return;
  }
  const started = new Date();
  const t0 = performance.now();
  const loadStart = loadavg().map((n) => round(n, 2));
  log(
    `Kết Nối benchmark${quick ? ' (quick)' : ''}: ${duration} s runs at ${connectionLevels.join(' and ')} connections; modes ${modes.join(', ')}`,
  );
  if (modes.includes('pglite') && pgliteScaleName !== postgresScaleName) {
    log(`PGlite uses the ${pgliteScaleName} data set (${fmt(scales[pgliteScaleName].projects)} projects).`);
  }
  serverCommand = await prepareServer();
  log(`Site started as: node ${serverCommand.join(' ')} serve`);
  const hello = await startChild(['--import', 'tsx', 'bench/hello.ts'], baseEnv(), '/');
  const results: ModeResult[] = [];
  try {
    for (const mode of modes) {
      const r = await runMode(mode, hello);
      if (r) results.push(r);
    }
  } finally {
    await stop(hello);
  }
  const imports = opt['no-imports'] ? { checks: [], timings: [] } : await importsScenario();
  const notes = [
    'Budgets are for the scale data set (50k projects, 200k people, 1M support entries); in quick mode they are indicative only.',
    'The search budget in ARCHITECTURE.md is over 100k projects+products; there is no products module yet, so it is measured over the projects only.',
    'autocannon runs in the harness process on the same machine as the servers: req/s and latency are relative to this machine and to whatever else it was running (see the load average); "server CPU ms/req" (user + system time of the server process divided by the requests served) is the figure least disturbed by a busy machine.',
  ];
  if (pgliteScaleName !== 'full' && modes.includes('pglite'))
    notes.push(`PGlite ran on the ${pgliteScaleName} data set, not the full one.`);
  const report: Report = {
    startedAt: started.toISOString(),
    quick,
    duration,
    warmup,
    gzip,
    server: `node ${serverCommand.join(' ')} serve`,
    totalSeconds: round((performance.now() - t0) / 1000, 0),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? '?',
      node: process.version,
      loadStart,
      loadEnd: loadavg().map((n) => round(n, 2)),
    },
    modes: results,
    checks: [...checks(results), ...imports.checks],
    imports: imports.timings,
    notes,
  };
  const md = markdown(report);
  mkdirSync(resultsDir, { recursive: true });
  const stamp = started.toISOString().replace(/[:.]/g, '-').replace(/Z$/, '');
  const base = join(resultsDir, `${stamp}${quick ? '-quick' : ''}`);
  writeFileSync(`${base}.json`, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(`${base}.md`, md);
  writeFileSync(join(resultsDir, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(join(resultsDir, 'latest.md'), md);
  log(`\n${md}`);
  for (const c of report.checks)
    log(`${c.pass ? 'PASS' : 'FAIL'}  ${c.mode.padEnd(8)} ${c.budget}: ${c.measured} (${c.limit})`);
  log(`\nResults written to ${base}.json and .md (and bench/results/latest.*).`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
