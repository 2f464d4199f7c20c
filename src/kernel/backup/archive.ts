import { unzipSync } from 'fflate';
import { z } from 'zod';
import { type ZipEntry, zip } from '#kernel/files/zip.ts';
import { AppError } from '#kernel/http/errors.ts';
import type { MessageKey } from '#kernel/i18n/index.ts';
import { linesText, sha256 } from './tables.ts';

/** What names a Kết Nối backup; a later format would raise the version. */
export const backupFormat = 'ket-noi-backup';
export const formatVersion = 1;

/**
 * The first entry of the archive: what it holds and how to check it. Each table's file
 * (`tables/<name>.jsonl`) is its rows as JSON lines sorted by their text; `sha256` is the hash of
 * that file, so the same rows give the same hash on PGlite and on PostgreSQL.
 */
export const Manifest = z.object({
  format: z.literal(backupFormat),
  formatVersion: z.literal(formatVersion),
  appVersion: z.string(),
  createdAt: z.string(),
  database: z.enum(['pglite', 'postgres']),
  /** The last migration applied to the database backed up (its tag, drizzle's time, how many). */
  migration: z.object({ tag: z.string(), when: z.number().int(), count: z.number().int() }),
  /** In an order where each table comes after those it references. */
  tables: z.array(z.object({ name: z.string(), rows: z.number().int().min(0), sha256: z.string() })),
  /** The bytes of `bytea` values (uploads), one file each, named by their SHA-256. */
  blobs: z.object({ count: z.number().int().min(0), bytes: z.number().int().min(0) }),
});
export type Manifest = z.infer<typeof Manifest>;

export const tableFile = (name: string) => `tables/${name}.jsonl`;
export const blobFile = (hash: string) => `blobs/${hash}`;

/** Builds the archive: the manifest, each table's file, each blob (stored, not deflated). */
export function packArchive(
  manifest: Manifest,
  tables: Map<string, string[]>,
  blobs: Map<string, Uint8Array>,
  now = new Date(),
): Uint8Array {
  const encoder = new TextEncoder();
  const entries: ZipEntry[] = [
    { name: 'manifest.json', data: encoder.encode(`${JSON.stringify(manifest, null, 2)}\n`) },
  ];
  for (const [name, lines] of tables) entries.push({ name: tableFile(name), data: encoder.encode(linesText(lines)) });
  for (const [hash, data] of blobs) entries.push({ name: blobFile(hash), data, store: true });
  return zip(entries, now);
}

export interface OpenedArchive {
  manifest: Manifest;
  /** Each table's rows as JSON lines, checked against the manifest. */
  tables: Map<string, string[]>;
  blobs: Map<string, Uint8Array>;
}

const broken = (key: MessageKey, params: Record<string, string | number> = {}) =>
  new AppError('bad_request', key, {}, params);

/**
 * Opens a backup file and checks all of it before anything is written: the archive reads whole, the
 * manifest is one, every table's file has the rows and the hash the manifest says, every file a row
 * names is there with its hash. Anything else is refused with the reason.
 */
export function openArchive(bytes: Uint8Array): OpenedArchive {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch (error) {
    throw broken('backup.broken.archive', { reason: (error as Error).message });
  }
  const manifestBytes = files['manifest.json'];
  if (!manifestBytes) throw broken('backup.broken.manifest', { reason: 'manifest.json' });
  let manifest: Manifest;
  try {
    const parsed = Manifest.safeParse(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(manifestBytes)));
    if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.path.join('.')).join(', '));
    manifest = parsed.data;
  } catch (error) {
    throw broken('backup.broken.manifest', { reason: (error as Error).message });
  }
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const tables = new Map<string, string[]>();
  const named = new Set<string>();
  for (const table of manifest.tables) {
    const data = files[tableFile(table.name)];
    if (!data) throw broken('backup.broken.table', { table: table.name });
    if (sha256(data) !== table.sha256) throw broken('backup.broken.table', { table: table.name });
    const text = decoder.decode(data);
    const lines = text === '' ? [] : text.slice(0, -1).split('\n');
    if (lines.length !== table.rows) throw broken('backup.broken.table', { table: table.name });
    for (const match of text.matchAll(/\{"\$blob": "([0-9a-f]{64})"\}/g)) named.add(match[1] as string);
    tables.set(table.name, lines);
  }
  const blobs = new Map<string, Uint8Array>();
  for (const hash of named) {
    const data = files[blobFile(hash)];
    if (!data) throw broken('backup.broken.file', { file: hash.slice(0, 12) });
    if (sha256(data) !== hash) throw broken('backup.broken.file', { file: hash.slice(0, 12) });
    blobs.set(hash, data);
  }
  return { manifest, tables, blobs };
}
