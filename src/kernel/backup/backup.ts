import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { count, sql } from 'drizzle-orm';
import { user } from '#kernel/auth/auth.sql.ts';
import type { Database, Db } from '#kernel/db/client.ts';
import {
  lastAppliedMigration,
  migrate,
  migrationJournal,
  migrationsFolder,
  migrationsUntil,
} from '#kernel/db/migrate.ts';
import { AppError } from '#kernel/http/errors.ts';
import { fromRoot } from '#kernel/paths.ts';
import { backupFormat, blobFile, formatVersion, type Manifest, openArchive, packArchive } from './archive.ts';
import {
  canonicalOutput,
  dumpTable,
  ident,
  insertRows,
  linkRows,
  listTables,
  resetSequences,
  type TableInfo,
} from './tables.ts';

/** The version in package.json: the release that wrote a backup. */
export const appVersion = (): string =>
  (JSON.parse(readFileSync(fromRoot('package.json'), 'utf8')) as { version: string }).version;

type Source = Pick<Database, 'db' | 'kind'>;

/**
 * Reads every table in one REPEATABLE READ, READ ONLY transaction (a consistent picture while the
 * site keeps writing) and packs it with the uploads into one archive.
 * @example const { archive, manifest } = await createBackup(database)
 */
export async function createBackup(
  { db, kind }: Source,
  { now = new Date(), folder = migrationsFolder } = {},
): Promise<{ archive: Uint8Array; manifest: Manifest }> {
  const journal = migrationJournal(folder);
  return db.transaction(
    async (tx) => {
      await canonicalOutput(tx);
      const applied = await lastAppliedMigration(tx);
      if (!applied) throw new AppError('bad_request', 'backup.notMigrated');
      const tag = journal.find((m) => m.when === applied.when)?.tag ?? `unknown-${applied.when}`;
      const tables = new Map<string, string[]>();
      const blobs = new Map<string, Uint8Array>();
      const listed: Manifest['tables'] = [];
      for (const table of await listTables(tx)) {
        const dump = await dumpTable(tx, table);
        tables.set(table.name, dump.lines);
        for (const [hash, bytes] of dump.blobs) blobs.set(hash, bytes);
        listed.push({ name: table.name, rows: dump.lines.length, sha256: dump.sha256 });
      }
      const manifest: Manifest = {
        format: backupFormat,
        formatVersion,
        appVersion: appVersion(),
        createdAt: now.toISOString(),
        database: kind,
        migration: { tag, when: applied.when, count: applied.count },
        tables: listed,
        blobs: { count: blobs.size, bytes: [...blobs.values()].reduce((n, b) => n + b.length, 0) },
      };
      return { archive: packArchive(manifest, tables, blobs, now), manifest };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

/**
 * Writes a backup to a file: to a temporary name first, renamed when whole, so a file with the
 * final name is always complete.
 */
export async function writeBackupFile(source: Source, file: string, now = new Date()) {
  const { archive, manifest } = await createBackup(source, { now });
  const part = `${file}.${process.pid}.part`;
  try {
    writeFileSync(part, archive);
    renameSync(part, file);
  } finally {
    rmSync(part, { force: true });
  }
  return { manifest, bytes: archive.length };
}

export interface RestoreSummary {
  manifest: Manifest;
  /** The migration the restored data were brought to (the latest this release has). */
  migratedTo: string;
  rows: number;
}

/** Rows per INSERT: a few megabytes of JSON at most. */
function batches(lines: string[], maxChars = 4_000_000, maxRows = 2_000): string[][] {
  const out: string[][] = [];
  let current: string[] = [];
  let size = 0;
  for (const line of lines) {
    if (current.length && (size + line.length > maxChars || current.length >= maxRows)) {
      out.push(current);
      current = [];
      size = 0;
    }
    current.push(line);
    size += line.length;
  }
  if (current.length) out.push(current);
  return out;
}

/** A batch of lines as the JSON array the database reads, the blobs named in it as `\x…` bytes. */
function batchJson(table: TableInfo, lines: string[], blobs: Map<string, Uint8Array>): string {
  if (!table.bytea.length) return `[${lines.join(',')}]`;
  const rows = lines.map((line) => {
    const row = JSON.parse(line) as Record<string, unknown>;
    for (const column of table.bytea) {
      const ref = row[column] as { $blob?: string } | null;
      if (ref?.$blob) {
        const bytes = blobs.get(ref.$blob);
        if (!bytes) throw new AppError('bad_request', 'backup.broken.file', {}, { file: blobFile(ref.$blob) });
        row[column] = `\\x${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex')}`;
      }
    }
    return row;
  });
  return JSON.stringify(rows);
}

/** Triggers that refuse TRUNCATE (bit 32 of pg_trigger.tgtype), by table. */
async function truncateGuards(db: Db): Promise<{ table: string; trigger: string }[]> {
  const found = (await db.execute(
    sql`select c.relname::text as "table", t.tgname::text as trigger from pg_trigger t join pg_class c on c.oid = t.tgrelid
        where not t.tgisinternal and (t.tgtype & 32) <> 0 and c.relnamespace = 'public'::regnamespace`,
  )) as unknown as { rows: { table: string; trigger: string }[] };
  return found.rows;
}

async function accounts(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(user);
  return row?.n ?? 0;
}

/**
 * Restores a backup into a database: checks the whole file first, brings the schema to the
 * backup's migration, then in one transaction empties the tables, writes every row, moves the
 * sequences past the restored ids and checks each table's rows and hash against the manifest —
 * any difference undoes it all. Later migrations then bring the data to this release.
 * A database with accounts is refused unless `force`.
 */
export async function restoreBackup(
  database: Database,
  bytes: Uint8Array,
  { force = false, folder = migrationsFolder }: { force?: boolean; folder?: string } = {},
): Promise<RestoreSummary> {
  const { manifest, tables: contents, blobs } = openArchive(bytes);
  const journal = migrationJournal(folder);
  const at = journal.findIndex((m) => m.when === manifest.migration.when);
  const latest = journal[journal.length - 1];
  if (at < 0 || !latest)
    throw new AppError(
      'conflict',
      'backup.newer',
      {},
      { version: manifest.appVersion, migration: manifest.migration.tag },
    );
  const { db } = database;
  const target = await lastAppliedMigration(db);
  if (target && target.when > manifest.migration.when)
    throw new AppError('conflict', 'backup.targetNewer', {}, { migration: manifest.migration.tag });
  if (at < journal.length - 1) {
    const older = migrationsUntil(manifest.migration.tag, folder);
    try {
      await migrate(database, older.folder);
    } finally {
      older.remove();
    }
  } else await migrate(database, folder);

  let rows = 0;
  await db.transaction(async (tx) => {
    await canonicalOutput(tx);
    const tables = await listTables(tx);
    const names = tables.map((t) => t.name).sort();
    const expected = manifest.tables.map((t) => t.name).sort();
    if (names.join(',') !== expected.join(','))
      throw new AppError('conflict', 'backup.schemaMismatch', {}, { migration: manifest.migration.tag });
    const users = await accounts(tx);
    if (users > 0 && !force) throw new AppError('conflict', 'backup.targetNotEmpty', {}, { users });
    // The append-only audit log refuses TRUNCATE: its guard is lifted for this statement only,
    // inside the transaction (a forced restore replaces the audit log with the backup's).
    const guards = await truncateGuards(tx);
    for (const g of guards)
      await tx.execute(sql`alter table public.${ident(g.table)} disable trigger ${ident(g.trigger)}`);
    await tx.execute(
      sql`truncate table ${sql.join(
        tables.map((t) => sql`public.${ident(t.name)}`),
        sql`, `,
      )} restart identity cascade`,
    );
    for (const g of guards)
      await tx.execute(sql`alter table public.${ident(g.table)} enable trigger ${ident(g.trigger)}`);
    for (const table of tables) {
      const lines = contents.get(table.name) ?? [];
      const columns = table.columns.filter((c) => !table.selfReferences.includes(c));
      for (const batch of batches(lines)) await insertRows(tx, table, batchJson(table, batch, blobs), columns);
      if (table.selfReferences.length)
        for (const batch of batches(lines)) await linkRows(tx, table, batchJson(table, batch, blobs));
      await resetSequences(tx, table);
    }
    for (const table of tables) {
      const listed = manifest.tables.find((t) => t.name === table.name);
      const dump = await dumpTable(tx, table, false);
      if (dump.lines.length !== listed?.rows || dump.sha256 !== listed.sha256)
        throw new AppError('conflict', 'backup.verifyFailed', {}, { table: table.name });
      rows += dump.lines.length;
    }
  });
  if (at < journal.length - 1) await migrate(database, folder);
  return { manifest, migratedTo: latest.tag, rows };
}
