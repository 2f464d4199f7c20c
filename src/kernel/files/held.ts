import { and, eq, inArray, like, lt, sql } from 'drizzle-orm';
import type { Db } from '#kernel/db/client.ts';
import { isUuid } from '#kernel/db/keys.ts';
import { storedFile } from './files.sql.ts';

// A browser cannot put a chosen file back into a file field. When a form with files comes back
// with an error, its files are held in `stored_file` (bytes as sent, not yet checked or linked)
// and the form carries their ids in hidden fields `held.<field>` ("id:name"); the next submit uses
// them unless the user chose other files. Only the person who chose a file can use it again.

/** Marks a held row and whose it is; held rows are never linked, and go after a day. */
const holder = (actorId: string) => `held:${actorId}`;
/** At most this much is held per submit; a bigger upload is refused by the module anyway. */
const MAX_HELD_BYTES = 25 * 1024 * 1024;

export const heldField = (field: string) => `held.${field}`;

/** The files held for one field of a form shown again: what `FileInput` lists and re-sends. */
export function heldFiles(values: Record<string, string | string[]> | undefined, field: string) {
  const raw = values?.[heldField(field)];
  const entries = Array.isArray(raw) ? raw : raw ? [raw] : [];
  return entries.flatMap((entry) => {
    const at = entry.indexOf(':');
    const id = entry.slice(0, at);
    return at > 0 && isUuid(id) ? [{ id, name: entry.slice(at + 1), value: entry }] : [];
  });
}

/**
 * Holds the files of a form about to be shown again; returns the values with the `held.*` fields.
 * A field whose files were refused (it has an error) holds nothing: those must be chosen anew.
 */
export async function holdFiles(
  db: Db,
  actorId: string | undefined,
  values: Record<string, string | string[]>,
  files: Record<string, File[]>,
  errors: Record<string, string>,
): Promise<Record<string, string | string[]>> {
  const out = { ...values };
  if (!actorId) return out;
  let total = 0;
  for (const [field, chosen] of Object.entries(files)) {
    delete out[heldField(field)];
    if (errors[field]) continue;
    const entries: string[] = [];
    for (const file of chosen) {
      total += file.size;
      if (total > MAX_HELD_BYTES) break;
      const content = new Uint8Array(await file.arrayBuffer());
      const [row] = await db
        .insert(storedFile)
        .values({
          mime: file.type || 'application/octet-stream',
          name: file.name.slice(-120),
          size: content.length,
          sha256: '',
          content,
          createdBy: holder(actorId),
        })
        .returning({ id: storedFile.id });
      if (row) entries.push(`${row.id}:${file.name.slice(-120)}`);
    }
    out[heldField(field)] = entries;
  }
  // Held files nobody came back for go after a day; swept only when something new is held.
  if (total > 0) {
    await db
      .delete(storedFile)
      .where(and(like(storedFile.createdBy, 'held:%'), lt(storedFile.createdAt, sql`now() - interval '1 day'`)));
  }
  return out;
}

/**
 * The files a submit carries: those chosen now, else those held from the last try of the form.
 * Held rows are taken (deleted) as they are used.
 */
export async function withHeldFiles(
  db: Db,
  actorId: string | undefined,
  values: Record<string, string | string[]>,
  files: Record<string, File[]>,
): Promise<Record<string, File[]>> {
  const out = { ...files };
  if (!actorId) return out;
  for (const key of Object.keys(values)) {
    if (!key.startsWith('held.')) continue;
    const field = key.slice('held.'.length);
    const ids = heldFiles(values, field).map((h) => h.id);
    if (ids.length === 0) continue;
    const mine = and(inArray(storedFile.id, ids), eq(storedFile.createdBy, holder(actorId)));
    if (!out[field]?.length) {
      const rows = await db
        .select({ id: storedFile.id, name: storedFile.name, mime: storedFile.mime, content: storedFile.content })
        .from(storedFile)
        .where(mine);
      const byId = new Map(rows.map((r) => [r.id, r]));
      const again = ids.flatMap((id) => {
        const r = byId.get(id);
        return r ? [new File([Buffer.from(r.content)], r.name, { type: r.mime })] : [];
      });
      if (again.length) out[field] = again;
    }
    await db.delete(storedFile).where(mine);
  }
  return out;
}
