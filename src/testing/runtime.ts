import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { inject } from 'vitest';
import { type Db, openDatabase } from '#kernel/db/client.ts';
import { migrate } from '#kernel/db/migrate.ts';
import { bundledCommuneFile, loadCommunes, readCommuneFile } from '#modules/places/index.ts';
import { createApp } from '#src/app.ts';
import { checkpointedDump, testDeps } from './deps.ts';

const demoImageFile = () => join(inject('imageFolder'), 'demo.tar');

/** Loads the demo data (`seedDemo`) into a database, as the demo install has it. */
async function seedDemoInto(db: Db) {
  const { seedDemo } = await import('#seed/demo.ts');
  await seedDemo(testDeps(db));
}

/**
 * Makes, once per run, the copy with the demo data: the PGlite dump `demo.tar`, or on PostgreSQL
 * the template database the global setup named. The first test file that needs it (in either test
 * process) takes the lock file and makes it; the others wait until it says it is done (or failed).
 */
async function demoReady(serverUrl?: string): Promise<void> {
  const dir = inject('imageFolder');
  const done = join(dir, 'demo.done');
  const failed = join(dir, 'demo.failed');
  if (existsSync(done)) return;
  const mine = await writeFile(join(dir, 'demo.lock'), String(process.pid), { flag: 'wx' }).then(
    () => true,
    () => false,
  );
  if (mine) {
    try {
      if (serverUrl) await seedDemoTemplate(serverUrl);
      else await seedDemoImage();
      await writeFile(done, '');
    } catch (error) {
      await writeFile(failed, String((error as Error)?.stack ?? error));
      throw error;
    }
    return;
  }
  while (!existsSync(done)) {
    if (existsSync(failed)) throw new Error(`The demo data could not be loaded:\n${await readFile(failed, 'utf8')}`);
    await sleep(100);
  }
}

async function seedDemoImage() {
  const database = await openDatabase({ image: new Blob([await readFile(inject('pgliteImage'))]) });
  try {
    await seedDemoInto(database.db);
    const image = await checkpointedDump(database);
    if (!image) throw new Error('PGlite gave no dump');
    await writeFile(`${demoImageFile()}.part`, Buffer.from(await image.arrayBuffer()));
    await rename(`${demoImageFile()}.part`, demoImageFile());
  } finally {
    await database.close();
  }
}

async function seedDemoTemplate(serverUrl: string) {
  const name = inject('demoTemplateDatabase');
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('templateDatabase')}`);
  } finally {
    await admin.end();
  }
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  // One connection, closed before any copy is made (a template must have none).
  const database = await openDatabase({ url: u.toString(), poolSize: 1 });
  try {
    await seedDemoInto(database.db);
  } finally {
    await database.close();
  }
}

/**
 * A fresh database built from the committed migrations, and the app on it: in-memory PGlite,
 * or a new database on the PostgreSQL server named by TEST_DATABASE_URL. Both are copies of the
 * database the global setup (src/testing/global-setup.ts) migrated once for the whole run.
 * `demo` starts from the copy that also has the demo data (`seedDemo`), loaded once for the run.
 * `pglite` keeps to PGlite even when a server is named (a copy between the two databases).
 * `trustedProxies` replaces the in-process caller and 10.0.0.1 as the proxies whose
 * X-Forwarded-For is believed ('' for none).
 * @example const { app, deps, close } = await testRuntime({ demo: true }); afterAll(close)
 */
export async function testRuntime({
  pglite = false,
  demo = false,
  trustedProxies,
}: {
  pglite?: boolean;
  demo?: boolean;
  trustedProxies?: string;
} = {}) {
  const serverUrl = pglite ? undefined : process.env.TEST_DATABASE_URL;
  let url: string | undefined;
  let template = '';
  let dropDatabase = async () => {};
  if (serverUrl) {
    const name = `kn_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    template = inject('templateDatabase');
    if (template && demo) {
      await demoReady(serverUrl);
      template = inject('demoTemplateDatabase');
    }
    await admin.query(template ? `CREATE DATABASE ${name} TEMPLATE ${template}` : `CREATE DATABASE ${name}`);
    await admin.end();
    const u = new URL(serverUrl);
    u.pathname = `/${name}`;
    url = u.toString();
    dropDatabase = async () => {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      // The pool's connections may still be saying goodbye: a forced drop would cut one mid-way
      // and its client would throw outside any test. Wait (briefly) until they are gone.
      for (let i = 0; i < 50; i++) {
        const { rows } = await c.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [name]);
        if (!rows[0]?.n) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  }
  // The global setup migrated one database and loaded the communes (and the demo data) once;
  // a copy is opened here.
  let imageFile = url ? '' : inject('pgliteImage');
  if (imageFile && demo) {
    await demoReady();
    imageFile = demoImageFile();
  }
  const image = imageFile ? new Blob([await readFile(imageFile)]) : undefined;
  const database = await openDatabase({ url, poolSize: 4, image });
  const prepared = url ? Boolean(template) : Boolean(image);
  const { db } = database;
  if (!prepared) {
    await migrate(database);
    await loadCommunes(db, 'lang-son', readCommuneFile(bundledCommuneFile('lang-son')));
  }
  if (!prepared && demo) await seedDemoInto(db);
  const deps = testDeps(db, { trustedProxies });
  const app = createApp(deps);
  return {
    app,
    deps,
    db,
    kind: database.kind,
    close: async () => {
      await database.close();
      await dropDatabase();
    },
  };
}

export type TestRuntime = Awaited<ReturnType<typeof testRuntime>>;

/**
 * A database with no accounts and no data, as a fresh install has it: migrated, with the communes
 * (a copy of the database the global setup prepared), or with `blank` nothing at all, not even the
 * migrations. A new database on the TEST_DATABASE_URL server when `postgres` (the default when
 * that is set), else PGlite in memory.
 * @example const target = await emptyDatabase(); afterAll(target.close)
 */
export async function emptyDatabase({
  postgres = Boolean(process.env.TEST_DATABASE_URL),
  blank = false,
}: {
  postgres?: boolean;
  blank?: boolean;
} = {}) {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!postgres || !serverUrl) {
    const imageFile = inject(blank ? 'pgliteBlankImage' : 'pgliteImage');
    const image = imageFile ? new Blob([await readFile(imageFile)]) : undefined;
    const database = await openDatabase({ image });
    if (!blank && !image) {
      await migrate(database);
      await loadCommunes(database.db, 'lang-son', readCommuneFile(bundledCommuneFile('lang-son')));
    }
    return { database, close: () => database.close() };
  }
  const name = `kn_test_${randomBytes(6).toString('hex')}`;
  const template = blank ? '' : inject('templateDatabase');
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(template ? `CREATE DATABASE ${name} TEMPLATE ${template}` : `CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  const database = await openDatabase({ url: u.toString(), poolSize: 2 });
  if (!blank && !template) {
    await migrate(database);
    await loadCommunes(database.db, 'lang-son', readCommuneFile(bundledCommuneFile('lang-son')));
  }
  return {
    database,
    close: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
