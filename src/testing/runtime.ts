import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase } from '#kernel/db/client.ts';
import { migrate } from '#kernel/db/migrate.ts';
import { createLogger } from '#kernel/log.ts';
import { bundledCommuneFile, loadCommunes, readCommuneFile } from '#modules/places/index.ts';
import { createApp } from '#src/app.ts';
import { createDeps } from '#src/bootstrap.ts';
import { loadConfig } from '#src/config.ts';

/**
 * A fresh database built from the committed migrations, and the app on it: in-memory PGlite,
 * or a new database on the PostgreSQL server named by TEST_DATABASE_URL. Both are copies of the
 * database the global setup (src/testing/global-setup.ts) migrated once for the whole run.
 * `pglite` keeps to PGlite even when a server is named (a copy between the two databases).
 * `trustedProxies` replaces the in-process caller and 10.0.0.1 as the proxies whose
 * X-Forwarded-For is believed ('' for none).
 * @example const { app, deps, close } = await testRuntime(); afterAll(close)
 */
export async function testRuntime({
  pglite = false,
  trustedProxies = 'local,10.0.0.1',
}: {
  pglite?: boolean;
  trustedProxies?: string;
} = {}) {
  const serverUrl = pglite ? undefined : process.env.TEST_DATABASE_URL;
  let url: string | undefined;
  let dropDatabase = async () => {};
  if (serverUrl) {
    const name = `kn_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    const template = inject('templateDatabase');
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
  // The global setup migrated one database and loaded the communes once; a copy is opened here.
  const imageFile = url ? '' : inject('pgliteImage');
  const image = imageFile ? new Blob([await readFile(imageFile)]) : undefined;
  const database = await openDatabase({ url, poolSize: 4, image });
  const prepared = url ? Boolean(inject('templateDatabase')) : Boolean(image);
  const { db } = database;
  if (!prepared) {
    await migrate(database);
    await loadCommunes(db, 'lang-son', readCommuneFile(bundledCommuneFile('lang-son')));
  }
  const config = {
    ...loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      SEED_DEMO: 'false',
      // Tests call the app in-process (no socket) as if through one proxy at 10.0.0.1.
      TRUSTED_PROXIES: trustedProxies,
    }),
    BASE_URL: 'http://localhost',
  };
  const deps = createDeps({
    config,
    db,
    logger: createLogger('silent'),
    secret: 'test-secret-test-secret-test-secret-0123',
  });
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
    const imageFile = blank ? '' : inject('pgliteImage');
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
