import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';

/** The one database type every service receives: PGlite and PostgreSQL look the same. */
export type Db = PgDatabase<PgQueryResultHKT>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  close: () => Promise<void>;
  /** PGlite: the whole data folder as one file, to open copies of it (`image`). */
  dump?: () => Promise<Blob>;
}

export interface OpenDatabaseOptions {
  /** postgres://… for a server; otherwise PGlite. */
  url?: string;
  /** PGlite data folder; `memory://` (default) keeps everything in memory. */
  dataDir?: string;
  poolSize?: number;
  /** PGlite: start from a dumped data folder (`Database.dump`), e.g. the migrated database tests copy. */
  image?: Blob;
}

const casing = 'snake_case' as const;

/**
 * Opens PostgreSQL when a URL is given, else the embedded PGlite.
 * @example const { db, close } = await openDatabase({ dataDir: './data/db' })
 */
export async function openDatabase({
  url,
  dataDir = 'memory://',
  poolSize = 10,
  image,
}: OpenDatabaseOptions): Promise<Database> {
  // Each driver is loaded only when it is the one in use: a faster start for either.
  if (url) {
    const [{ default: pg }, { drizzle: drizzleNodePg }] = await Promise.all([
      import('pg'),
      import('drizzle-orm/node-postgres'),
    ]);
    // No JIT: the planner compiled the inbox's counts (estimated dear, run in 0.2 s) for 1.8 s on
    // every view; the site's queries are short and many, not the long scans JIT pays off on.
    const pool = new pg.Pool({ connectionString: url, max: poolSize, options: '-c jit=off' });
    const db = drizzleNodePg({ client: pool, casing }) as unknown as Db;
    return { db, kind: 'postgres', close: () => pool.end() };
  }
  if (dataDir !== 'memory://') mkdirSync(resolve(dataDir), { recursive: true });
  const [{ PGlite }, { btree_gist }, { pg_trgm }, { unaccent }, { drizzle: drizzlePglite }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite/contrib/btree_gist'),
    import('@electric-sql/pglite/contrib/pg_trgm'),
    import('@electric-sql/pglite/contrib/unaccent'),
    import('drizzle-orm/pglite'),
  ]);
  const client = await PGlite.create(dataDir, { extensions: { unaccent, pg_trgm, btree_gist }, loadDataDir: image });
  const db = drizzlePglite({ client, casing }) as unknown as Db;
  return { db, kind: 'pglite', close: () => client.close(), dump: () => client.dumpDataDir('none') };
}
