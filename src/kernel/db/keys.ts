import { sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { slugify } from '#kernel/search/fold.ts';
import type { Db } from './client.ts';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether a value from a URL or a form can be a row id. Checked before a query, so that
 * `/san-pham/anh/abc` is a 404 rather than a database error.
 * @example if (!isUuid(id)) throw new AppError('not_found')
 */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && uuidPattern.test(value);
}

export interface SlugTarget {
  table: PgTable;
  slug: PgColumn;
  id: PgColumn;
}

/**
 * A URL name made from a title, unique in its table: "Thạch đen" → `thach-den`, then `thach-den-2`.
 * `reserved` are words a module's routes use (`moi`, `cua-toi`); `ownId` keeps a row's own slug free
 * for it when it is renamed. Call it inside the transaction that writes the row; the unique index
 * refuses a slug taken meanwhile (409).
 * @example const slug = await uniqueSlug(tx, { table: project, slug: project.slug, id: project.id }, input.name)
 */
export async function uniqueSlug(
  db: Db,
  target: SlugTarget,
  title: string,
  {
    ownId,
    reserved = [],
    fallback = 'muc',
    maxLength = 70,
  }: { ownId?: string; reserved?: readonly string[]; fallback?: string; maxLength?: number } = {},
): Promise<string> {
  const base = slugify(title, maxLength, fallback);
  const taken = (await db
    .select({ slug: target.slug, id: target.id })
    .from(target.table)
    .where(sql`${target.slug} = ${base} OR ${target.slug} LIKE ${`${base}-%`}`)) as { slug: string; id: unknown }[];
  const others = new Set([...taken.filter((r) => r.id !== ownId).map((r) => r.slug), ...reserved]);
  if (!others.has(base)) return base;
  for (let i = 2; ; i++) if (!others.has(`${base}-${i}`)) return `${base}-${i}`;
}
