import { fromRoot } from '#kernel/paths.ts';
import type { Database } from './client.ts';

export const migrationsFolder = fromRoot('drizzle');

/** Applies the committed migrations in `drizzle/` (drizzle-kit cannot open PGlite with extensions). */
export async function migrate({ db, kind }: Database, folder = migrationsFolder): Promise<void> {
  // biome-ignore lint/suspicious/noExplicitAny: the two migrators want their own driver's type
  const anyDb = db as any;
  if (kind === 'postgres') {
    const { migrate: migrateNodePg } = await import('drizzle-orm/node-postgres/migrator');
    await migrateNodePg(anyDb, { migrationsFolder: folder });
  } else {
    const { migrate: migratePglite } = await import('drizzle-orm/pglite/migrator');
    await migratePglite(anyDb, { migrationsFolder: folder });
  }
}
