import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '#kernel/db/client.ts';
import { migrate } from '#kernel/db/migrate.ts';
import { bundledCommuneFile, loadCommunes, readCommuneFile } from '#modules/places/index.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A migrated PGlite database with the communes, dumped to a file: each test file opens a copy. */
    pgliteImage: string;
    /** The same on PostgreSQL: a template database each test file's database is created from. */
    templateDatabase: string;
  }
}

/** Migrates once and loads the communes once; every test file then starts from a copy of that. */
async function prepare(url?: string): Promise<Blob | undefined> {
  const database = await openDatabase({ url, poolSize: 1 });
  try {
    await migrate(database);
    await loadCommunes(database.db, 'lang-son', readCommuneFile(bundledCommuneFile('lang-son')));
    return await database.dump?.();
  } finally {
    await database.close();
  }
}

export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const name = `kn_template_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const u = new URL(serverUrl);
    u.pathname = `/${name}`;
    await prepare(u.toString());
    project.provide('templateDatabase', name);
    project.provide('pgliteImage', '');
    return async () => {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  }
  const dir = await mkdtemp(join(tmpdir(), 'kn-test-image-'));
  const file = join(dir, 'migrated.tar');
  const image = await prepare();
  if (image) await writeFile(file, Buffer.from(await image.arrayBuffer()));
  project.provide('pgliteImage', image ? file : '');
  project.provide('templateDatabase', '');
  return async () => {
    await rm(dir, { recursive: true, force: true });
  };
}
