import { and, count, desc, eq, type SQL, sql } from 'drizzle-orm';
import { audit } from '#kernel/audit/audit.ts';
import { type Actor, isStaff } from '#kernel/auth/roles.ts';
import type { Db } from '#kernel/db/client.ts';
import { deleteFiles, loadFile, saveFile, type Upload } from '#kernel/files/files.ts';
import { AppError } from '#kernel/http/errors.ts';
import type { Page } from '#kernel/http/pagination.ts';
import { publicDataChanged } from '#kernel/http/response-cache.ts';
import { fold, slugify } from '#kernel/search/fold.ts';
import { matches, rank, searchTerm } from '#kernel/search/search.ts';
import type { CatalogueQuery, ItemInput } from './library.schemas.ts';
import { libraryItem } from './library.sql.ts';

export type LibraryItem = Omit<typeof libraryItem.$inferSelect, 'titleSearch' | 'searchText'>;

const columns = {
  id: libraryItem.id,
  slug: libraryItem.slug,
  title: libraryItem.title,
  kind: libraryItem.kind,
  category: libraryItem.category,
  tags: libraryItem.tags,
  description: libraryItem.description,
  author: libraryItem.author,
  year: libraryItem.year,
  fileId: libraryItem.fileId,
  url: libraryItem.url,
  shelfMark: libraryItem.shelfMark,
  access: libraryItem.access,
  downloads: libraryItem.downloads,
  createdBy: libraryItem.createdBy,
  createdAt: libraryItem.createdAt,
  updatedAt: libraryItem.updatedAt,
};

/** The tags of an item as a list ("OCOP, nhãn hiệu" → ["OCOP", "nhãn hiệu"]), without repeats. */
export function tagsOf(tags: string): string[] {
  const seen = new Set<string>();
  return tags
    .split(/[,;]/)
    .map((t) => t.trim())
    .filter((t) => t && !seen.has(fold(t)) && seen.add(fold(t)));
}

/**
 * The catalogue, filtered and a page at a time: search ignores diacritics ("mau ke hoach" finds
 * "Mẫu kế hoạch kinh doanh") and ranks titles written as typed first; newest first otherwise.
 * Everyone sees every item; members-only ones open for signed-in people only.
 */
export async function listItems(
  db: Db,
  filters: CatalogueQuery,
  page: Page,
): Promise<{ items: LibraryItem[]; total: number }> {
  const where: SQL[] = [];
  const q = filters.q ?? '';
  if (searchTerm(q)) where.push(matches(libraryItem.searchText, q));
  if (filters.loai) where.push(eq(libraryItem.kind, filters.loai));
  if (filters.chu_de) where.push(eq(libraryItem.category, filters.chu_de));
  const tag = searchTerm(filters.the);
  if (tag) where.push(sql`lower(f_unaccent(${libraryItem.tags})) LIKE ${`%${tag.replace(/[\\%_]/g, '\\$&')}%`}`);
  const condition = where.length ? and(...where) : undefined;
  const [total] = await db.select({ n: count() }).from(libraryItem).where(condition);
  const order = searchTerm(q)
    ? [...rank(libraryItem.title, libraryItem.titleSearch, q), desc(libraryItem.createdAt)]
    : [desc(libraryItem.createdAt), desc(libraryItem.id)];
  const items = await db
    .select(columns)
    .from(libraryItem)
    .where(condition)
    .orderBy(...order)
    .limit(page.perPage)
    .offset(page.offset);
  return { items, total: Number(total?.n ?? 0) };
}

/** One item by its address. */
export async function getItem(
  db: Db,
  slug: string,
): Promise<LibraryItem & { fileName: string | null; fileSize: number | null }> {
  const [found] = await db.select(columns).from(libraryItem).where(eq(libraryItem.slug, slug));
  if (!found) throw new AppError('not_found', 'library.notFound');
  const file = found.fileId ? await loadFile(db, found.fileId) : null;
  return { ...found, fileName: file?.name ?? null, fileSize: file?.size ?? null };
}

/** An item needs something to open: a file, a link or a place on the shelf. */
function assertReachable(input: ItemInput, hasFile: boolean) {
  if (!hasFile && !input.url && !input.shelfMark)
    throw new AppError('validation', 'errors.validation', { file: 'library.error.nothingToOpen' });
}

/**
 * Staff add an item (no slug) or change one; a new file replaces the old one, and `removeFile`
 * takes it away. The file is checked by its content before it comes here (`readUpload`).
 * @example await saveItem({ db, actor, input, upload })
 */
export async function saveItem({
  db,
  actor,
  slug,
  input,
  upload,
}: {
  db: Db;
  actor: Actor;
  slug?: string;
  input: ItemInput;
  upload?: Upload | null;
}): Promise<LibraryItem> {
  if (!isStaff(actor)) throw new AppError('forbidden');
  const { removeFile, ...fields } = input;
  const values = { ...fields, tags: tagsOf(fields.tags).join(', '), year: fields.year ?? null };
  return db.transaction(async (tx) => {
    let saved: LibraryItem | undefined;
    if (slug) {
      const [before] = await tx.select(columns).from(libraryItem).where(eq(libraryItem.slug, slug)).for('update');
      if (!before) throw new AppError('not_found', 'library.notFound');
      const fileId = upload ? (await saveFile(tx, upload, actor.id)).id : removeFile ? null : before.fileId;
      assertReachable(input, fileId !== null);
      [saved] = await tx
        .update(libraryItem)
        .set({ ...values, fileId, updatedAt: new Date() })
        .where(eq(libraryItem.id, before.id))
        .returning(columns);
      if (before.fileId && before.fileId !== fileId) await deleteFiles(tx, [before.fileId]);
    } else {
      assertReachable(input, !!upload);
      const fileId = upload ? (await saveFile(tx, upload, actor.id)).id : null;
      const base = slugify(input.title, 70, 'tai-lieu');
      const taken = await tx
        .select({ slug: libraryItem.slug })
        .from(libraryItem)
        .where(sql`${libraryItem.slug} = ${base} or ${libraryItem.slug} like ${`${base}-%`}`);
      const used = new Set(taken.map((r) => r.slug));
      let candidate = base === 'moi' ? 'moi-1' : base;
      for (let n = 2; used.has(candidate); n++) candidate = `${base}-${n}`;
      [saved] = await tx
        .insert(libraryItem)
        .values({ ...values, fileId, slug: candidate, createdBy: actor.id })
        .returning(columns);
    }
    if (!saved) throw new Error('library item save returned nothing');
    await audit(tx, {
      actorId: actor.id,
      action: slug ? 'library.update' : 'library.create',
      entity: 'library_item',
      entityId: saved.id,
      data: { title: saved.title },
    });
    return saved;
  });
}

/** Staff remove an item and its file. */
export async function removeItem({ db, actor, slug }: { db: Db; actor: Actor; slug: string }): Promise<void> {
  if (!isStaff(actor)) throw new AppError('forbidden');
  await db.transaction(async (tx) => {
    const [gone] = await tx
      .delete(libraryItem)
      .where(eq(libraryItem.slug, slug))
      .returning({ id: libraryItem.id, fileId: libraryItem.fileId, title: libraryItem.title });
    if (!gone) throw new AppError('not_found', 'library.notFound');
    if (gone.fileId) await deleteFiles(tx, [gone.fileId]);
    await audit(tx, {
      actorId: actor.id,
      action: 'library.remove',
      entity: 'library_item',
      entityId: gone.id,
      data: { title: gone.title },
    });
  });
}

/** What a download gives: the stored file, or the link to follow. */
export type Download =
  | { kind: 'file'; file: NonNullable<Awaited<ReturnType<typeof loadFile>>>; public: boolean }
  | { kind: 'link'; url: string };

/**
 * Opens an item's file or link and counts it (one atomic increment, however many at once). A
 * members-only item asks an anonymous visitor to sign in first (`unauthorized`).
 */
export async function downloadItem({
  db,
  actor,
  slug,
}: {
  db: Db;
  actor: Actor | null;
  slug: string;
}): Promise<Download> {
  const [found] = await db
    .select({ id: libraryItem.id, fileId: libraryItem.fileId, url: libraryItem.url, access: libraryItem.access })
    .from(libraryItem)
    .where(eq(libraryItem.slug, slug));
  if (!found) throw new AppError('not_found', 'library.notFound');
  if (found.access === 'members' && !actor) throw new AppError('unauthenticated');
  const file = found.fileId ? await loadFile(db, found.fileId) : null;
  if (!file && !found.url) throw new AppError('not_found', 'library.nothingToDownload');
  await db
    .update(libraryItem)
    .set({ downloads: sql`${libraryItem.downloads} + 1` })
    .where(eq(libraryItem.id, found.id));
  // A GET that writes: the item's public page shows the count, so the cached copies are made again.
  publicDataChanged();
  return file ? { kind: 'file', file, public: found.access === 'public' } : { kind: 'link', url: found.url };
}
