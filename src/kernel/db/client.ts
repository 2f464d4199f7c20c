import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';

/** The one database type every service receives: PGlite and PostgreSQL look the same. */
export type Db = PgDatabase<PgQueryResultHKT>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  close: () => Promise<void>;
}

export interface OpenDatabaseOptions {
  /** postgres://… for a server; otherwise PGlite. */
  url?: string;
  /** PGlite data folder; `memory://` (default) keeps everything in memory. */
  dataDir?: string;
  poolSize?: number;
}

const casing = 'snake_case' as const;

/**
 * Opens PostgreSQL when a URL is given, else the embedded PGlite.
 * @example const { db, close } = await openDatabase({ dataDir: './data/db' })
 */
export async function openDatabase({ url, dataDir = 'memory://', poolSize = 10 }: OpenDatabaseOptions): Promise<Database> {
  if (url) {
    const pool = new pg.Pool({ connectionString: url, max: poolSize });
    const db = drizzleNodePg({ client: pool, casing }) as unknown as Db;
    return { db, kind: 'postgres', close: () => pool.end() };
  }
  if (dataDir !== 'memory://') mkdirSync(resolve(dataDir), { recursive: true });
  const client = await PGlite.create(dataDir, { extensions: { unaccent, pg_trgm, btree_gist } });
  const db = drizzlePglite({ client, casing }) as unknown as Db;
  return { db, kind: 'pglite', close: () => client.close() };
}
