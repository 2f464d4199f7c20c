import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
    /** The same on PostgreSQL: a template database each test file's database is created from. */
    templateDatabase: string;
    /** The same on PostgreSQL with the demo data loaded. */
    demoTemplateDatabase: string;
  }
}

/**
 * Migrates and loads the communes (the state of a fresh install); with `demo`, a copy of that
 * (`from`, PGlite) or the database itself (PostgreSQL) gets the demo data too. Returns PGlite's dump.
 */
async function prepare({ url, from, demo }: { url?: string; from?: Blob; demo: boolean }): Promise<Blob | undefined> {
  const database = await openDatabase({ url, poolSize: 1, image: from });
  try {
    if (!from) {
      await migrate(database);
      await loadCommunes(database.db, 'lang-son', readCommuneFile(bundledCommuneFile('lang-son')));
    }
    if (demo) await seedDemo(testDeps(database.db));
    return await database.dump?.();
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
    return drop;
  }
  const dir = await mkdtemp(join(tmpdir(), 'kn-test-image-'));
  const file = join(dir, 'migrated.tar');
  const demoFile = join(dir, 'demo.tar');
  const image = await prepare({ demo: false });
  const demoImage = image && (await prepare({ from: image, demo: true }));
  if (image) await writeFile(file, Buffer.from(await image.arrayBuffer()));
  if (demoImage) await writeFile(demoFile, Buffer.from(await demoImage.arrayBuffer()));
  project.provide('pgliteImage', image ? file : '');
  project.provide('pgliteDemoImage', demoImage ? demoFile : '');
  project.provide('templateDatabase', '');
  project.provide('demoTemplateDatabase', '');
  return async () => {
    await rm(dir, { recursive: true, force: true });
  };
}
