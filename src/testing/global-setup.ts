import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '#kernel/db/client.ts';
import { migrate } from '#kernel/db/migrate.ts';
import { bundledCommuneFile, loadCommunes, readCommuneFile } from '#modules/places/index.ts';
import { seedDemo } from '#seed/demo.ts';
import { testDeps } from './deps.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A migrated PGlite database with the communes, dumped to a file: each test file opens a copy. */
    pgliteImage: string;
    /** The same with the demo data loaded (`testRuntime({ demo: true })`). */
    pgliteDemoImage: string;
    /** A PGlite database as `initdb` leaves it, not even migrated (`emptyDatabase({ blank: true })`). */
    pgliteBlankImage: string;
    /** The same on PostgreSQL: a template database each test file's database is created from. */
    templateDatabase: string;
    /** The same on PostgreSQL with the demo data loaded. */
    demoTemplateDatabase: string;
  }
}

/**
 * Migrates and loads the communes (the state of a fresh install); with `demo`, a copy of that
 * (`from`, PGlite) or the database itself (PostgreSQL) gets the demo data too. Returns PGlite's
 * dumps: `blank` before the migrations (when it started empty), `image` at the end.
 */
async function prepare({ url, from, demo }: { url?: string; from?: Blob; demo: boolean }) {
  const database = await openDatabase({ url, poolSize: 1, image: from });
  // A checkpoint first: a copy then opens without replaying the log (a tenth of a second each).
  const dump = async () => {
    if (database.kind !== 'pglite') return undefined;
    await database.db.execute(sql`CHECKPOINT`);
    return database.dump?.();
  };
  try {
    let blank: Blob | undefined;
    if (!from) {
      blank = await dump();
      await migrate(database);
      await loadCommunes(database.db, 'lang-son', readCommuneFile(bundledCommuneFile('lang-son')));
    }
    if (demo) await seedDemo(testDeps(database.db));
    return { blank, image: await dump() };
  } finally {
    await database.close();
  }
}

/**
 * Builds, once per run, the databases test files start from: a fresh install (migrations and
 * communes) and the same with the demo data, so no test file migrates or seeds again.
 */
export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const suffix = randomBytes(6).toString('hex');
    const name = `kn_template_${suffix}`;
    const demoName = `kn_template_demo_${suffix}`;
    const urlOf = (database: string) => {
      const u = new URL(serverUrl);
      u.pathname = `/${database}`;
      return u.toString();
    };
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    const drop = async () => {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${demoName} WITH (FORCE)`);
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
    try {
      await admin.query(`CREATE DATABASE ${name}`);
      await prepare({ url: urlOf(name), demo: false });
      await admin.query(`CREATE DATABASE ${demoName} TEMPLATE ${name}`);
      await prepare({ url: urlOf(demoName), demo: true });
    } catch (error) {
      await drop();
      throw error;
    } finally {
      await admin.end();
    }
    project.provide('templateDatabase', name);
    project.provide('demoTemplateDatabase', demoName);
    project.provide('pgliteImage', '');
    project.provide('pgliteDemoImage', '');
    project.provide('pgliteBlankImage', '');
    return drop;
  }
  const dir = await mkdtemp(join(tmpdir(), 'kn-test-image-'));
  const save = async (name: string, image: Blob | undefined) => {
    if (!image) return '';
    const file = join(dir, name);
    await writeFile(file, Buffer.from(await image.arrayBuffer()));
    return file;
  };
  const { blank, image } = await prepare({ demo: false });
  const demo = image && (await prepare({ from: image, demo: true })).image;
  project.provide('pgliteImage', await save('migrated.tar', image));
  project.provide('pgliteDemoImage', await save('demo.tar', demo));
  project.provide('pgliteBlankImage', await save('blank.tar', blank));
  project.provide('templateDatabase', '');
  project.provide('demoTemplateDatabase', '');
  return async () => {
    await rm(dir, { recursive: true, force: true });
  };
}
