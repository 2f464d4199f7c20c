import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { fromRoot } from '#kernel/paths.ts';
import type { Database, Db } from './client.ts';

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

/** One committed migration: its file name without `.sql`, and the time drizzle records for it. */
export interface Migration {
  tag: string;
  when: number;
}

/** The committed migrations, oldest first (drizzle's journal). */
export function migrationJournal(folder = migrationsFolder): Migration[] {
  const journal = JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')) as { entries: Migration[] };
  return journal.entries.map(({ tag, when }) => ({ tag, when }));
}

/**
 * The last migration applied to a database (drizzle records each one's `when`), with how many are
 * applied; null on a database never migrated.
 */
export async function lastAppliedMigration(db: Db): Promise<{ when: number; count: number } | null> {
  const rows = (await db.execute(sql`select to_regclass('drizzle.__drizzle_migrations')::text as t`)) as unknown as {
    rows: { t: string | null }[];
  };
  if (!rows.rows[0]?.t) return null;
  const { rows: applied } = (await db.execute(
    sql`select max(created_at)::text as "when", count(*)::int as count from drizzle.__drizzle_migrations`,
  )) as unknown as { rows: { when: string | null; count: number }[] };
  const last = applied[0];
  return last?.when ? { when: Number(last.when), count: last.count } : null;
}

/**
 * A copy of the migrations folder that stops at (and includes) the migration tagged `until`, as an
 * older release had it: to bring a database to that release's schema. `remove` deletes the copy.
 * @example const older = migrationsUntil('0008_products'); await migrate(database, older.folder); older.remove()
 */
export function migrationsUntil(until: string, folder = migrationsFolder): { folder: string; remove: () => void } {
  const entries = migrationJournal(folder);
  const last = entries.findIndex((e) => e.tag === until);
  if (last < 0) throw new Error(`no migration tagged ${until}`);
  const dir = mkdtempSync(join(tmpdir(), 'kn-migrations-'));
  cpSync(folder, dir, { recursive: true });
  const journalFile = join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: unknown[] };
  journal.entries = journal.entries.slice(0, last + 1);
  writeFileSync(journalFile, JSON.stringify(journal));
  return { folder: dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
