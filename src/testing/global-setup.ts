import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '#kernel/db/client.ts';
import { migrate } from '#kernel/db/migrate.ts';
import { bundledCommuneFile, loadCommunes, readCommuneFile } from '#modules/places/index.ts';
import { checkpointedDump } from './deps.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A migrated PGlite database with the communes, dumped to a file: each test file opens a copy. */
    pgliteImage: string;
    /** A PGlite database as `initdb` leaves it, not even migrated (`emptyDatabase({ blank: true })`). */
    pgliteBlankImage: string;
    /** The same on PostgreSQL: a template database each test file's database is created from. */
    templateDatabase: string;
    /**
     * On PostgreSQL, the name of the template with the demo data too: made by the first test file
     * that asks for it (`testRuntime({ demo: true })`, src/testing/runtime.ts).
     */
    demoTemplateDatabase: string;
    /** A folder for the run: PGlite's dumps, and the demo copy with its lock and outcome files. */
    imageFolder: string;
  }
}

/**
 * Migrates and loads the communes: the state of a fresh install. Returns PGlite's dumps: `blank`
 * before the migrations, `image` after.
 */
async function prepare(url?: string) {
  const database = await openDatabase({ url, poolSize: 1 });
  try {
    const blank = await checkpointedDump(database);
    await migrate(database);
    await loadCommunes(database.db, 'lang-son', readCommuneFile(bundledCommuneFile('lang-son')));
    return { blank, image: await checkpointedDump(database) };
  } finally {
    await database.close();
  }
}

/**
 * Builds, once per run, the database test files start from: a fresh install (migrations and
 * communes), so no test file migrates again. The copy with the demo data is made later, by the
 * first test file that needs it: a run of files without it does not pay for it.
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
    const dir = await mkdtemp(join(tmpdir(), 'kn-test-image-'));
    const drop = async () => {
      await rm(dir, { recursive: true, force: true });
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${demoName} WITH (FORCE)`);
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
    try {
      await admin.query(`CREATE DATABASE ${name}`);
      await prepare(urlOf(name));
    } catch (error) {
      await drop();
      throw error;
    } finally {
      await admin.end();
    }
    project.provide('templateDatabase', name);
    project.provide('demoTemplateDatabase', demoName);
    project.provide('pgliteImage', '');
    project.provide('pgliteBlankImage', '');
    project.provide('imageFolder', dir);
    return drop;
  }
  const dir = await mkdtemp(join(tmpdir(), 'kn-test-image-'));
  const save = async (name: string, image: Blob | undefined) => {
    if (!image) return '';
    const file = join(dir, name);
    await writeFile(file, Buffer.from(await image.arrayBuffer()));
    return file;
  };
  const { blank, image } = await prepare();
  project.provide('pgliteImage', await save('migrated.tar', image));
  project.provide('pgliteBlankImage', await save('blank.tar', blank));
  project.provide('imageFolder', dir);
  project.provide('templateDatabase', '');
  project.provide('demoTemplateDatabase', '');
  return async () => {
    await rm(dir, { recursive: true, force: true });
  };
}
