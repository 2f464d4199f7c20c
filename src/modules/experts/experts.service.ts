import { and, asc, count, eq, type SQL, sql } from 'drizzle-orm';
import { audit } from '#kernel/audit/audit.ts';
import { user } from '#kernel/auth/auth.sql.ts';
import { type Actor, isStaff } from '#kernel/auth/roles.ts';
import type { Db } from '#kernel/db/client.ts';
import { AppError } from '#kernel/http/errors.ts';
import type { Page } from '#kernel/http/pagination.ts';
import { slugify } from '#kernel/search/fold.ts';
import { matches, rank } from '#kernel/search/search.ts';
import { assertCommunes } from '#modules/places/index.ts';
import type { ExpertFilters, ExpertInput } from './experts.schemas.ts';
import { expertProfile } from './experts.sql.ts';

export type ExpertProfile = typeof expertProfile.$inferSelect;

export interface ExpertDetail extends ExpertProfile {
  /** The account's e-mail and phone: shown to staff only. */
  email: string;
  phone: string | null;
  /** The expert is looking at their own profile. */
  isSelf: boolean;
}

export interface ExpertListItem {
  userId: string;
  slug: string;
  name: string;
  headline: string;
  organisation: string;
  specialties: string[];
  fields: string[];
  communes: string[];
  anywhere: boolean;
  isPublic: boolean;
}

/** A profile by its address, whatever its visibility (for other modules; they decide who sees it). */
export async function getExpertBySlug(db: Db, slug: string): Promise<ExpertProfile | null> {
  const [row] = await db.select().from(expertProfile).where(eq(expertProfile.slug, slug));
  return row ?? null;
}

/** An expert account's profile, or null when they have not written one. */
export async function getExpertByUserId(db: Db, userId: string): Promise<ExpertProfile | null> {
  const [row] = await db.select().from(expertProfile).where(eq(expertProfile.userId, userId));
  return row ?? null;
}

/** Every expert with a profile (public or not) whose account is still an expert, by name: for staff's pickers. */
export async function listExpertOptions(db: Db): Promise<{ userId: string; name: string; slug: string }[]> {
  return db
    .select({ userId: expertProfile.userId, name: expertProfile.name, slug: expertProfile.slug })
    .from(expertProfile)
    .innerJoin(user, eq(user.id, expertProfile.userId))
    .where(eq(user.role, 'expert'))
    .orderBy(asc(expertProfile.nameSearch), asc(expertProfile.userId));
}

/** A profile as its page shows it; a non-public one is 404 except for staff and the expert. */
export async function getExpert({
  db,
  actor,
  slug,
}: {
  db: Db;
  actor: Actor | null;
  slug: string;
}): Promise<ExpertDetail> {
  const [row] = await db
    .select({ profile: expertProfile, email: user.email, phone: user.phone })
    .from(expertProfile)
    .innerJoin(user, eq(user.id, expertProfile.userId))
    .where(eq(expertProfile.slug, slug));
  if (!row) throw new AppError('not_found', 'experts.notFound');
  const isSelf = actor?.id === row.profile.userId;
  if (!row.profile.isPublic && !isSelf && !isStaff(actor)) throw new AppError('not_found', 'experts.notFound');
  return { ...row.profile, email: row.email, phone: row.phone, isSelf };
}

/** Titles people put before their name are not part of the address: "TS. Lê Thị Phương Thảo" → "le-thi-phuong-thao". */
export const titles = /^(?:(?:gs|pgs|ts|tskh|ths|ks|bs|ds|cn|ncs|ls|luật sư|kỹ sư|thạc sĩ|tiến sĩ|nghệ nhân)\.?\s+)+/iu;

export async function freeSlugFrom(db: Db, name: string): Promise<string> {
  const base = slugify(name.replace(titles, '') || name, 70);
  const taken = await db
    .select({ slug: expertProfile.slug })
    .from(expertProfile)
    .where(sql`${expertProfile.slug} = ${base} OR ${expertProfile.slug} LIKE ${`${base}-%`}`);
  const used = new Set(taken.map((r) => r.slug));
  if (!used.has(base)) return base;
  for (let i = 2; ; i++) if (!used.has(`${base}-${i}`)) return `${base}-${i}`;
}

function columnsFrom(input: ExpertInput) {
  return {
    name: input.name,
    headline: input.headline,
    organisation: input.organisation,
    bio: input.bio,
    specialties: input.specialties,
    fields: input.fields,
    communes: input.communes,
    anywhere: input.anywhere,
    isPublic: input.isPublic,
  };
}

/** Writes a profile for an expert account: created on first save, its address kept afterwards. */
async function upsertProfile(db: Db, actor: Actor, userId: string, input: ExpertInput) {
  await assertCommunes(db, input.communes, 'communes');
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ slug: expertProfile.slug })
      .from(expertProfile)
      .where(eq(expertProfile.userId, userId));
    const slug = existing?.slug ?? (await freeSlugFrom(tx, input.name));
    const values = { ...columnsFrom(input), updatedAt: new Date() };
    await tx
      .insert(expertProfile)
      .values({ ...values, userId, slug })
      .onConflictDoUpdate({ target: expertProfile.userId, set: values });
    await audit(tx, {
      actorId: actor.id,
      action: existing ? 'expert.update' : 'expert.create',
      entity: 'expert_profile',
      entityId: userId,
    });
    return { slug, name: input.name };
  });
}

/**
 * An expert writes (or rewrites) their own profile.
 * @example const { slug } = await saveOwnProfile({ db, actor, input })
 */
export async function saveOwnProfile({ db, actor, input }: { db: Db; actor: Actor; input: ExpertInput }) {
  if (actor.role !== 'expert') throw new AppError('forbidden');
  return upsertProfile(db, actor, actor.id, input);
}

/** Staff edit any expert's profile. */
export async function updateExpert({
  db,
  actor,
  slug,
  input,
}: {
  db: Db;
  actor: Actor;
  slug: string;
  input: ExpertInput;
}) {
  if (!isStaff(actor)) throw new AppError('forbidden');
  const current = await getExpertBySlug(db, slug);
  if (!current) throw new AppError('not_found', 'experts.notFound');
  return upsertProfile(db, actor, current.userId, input);
}

/** Lists count their matches up to this many. */
export const COUNT_CAP = 1_000;

/**
 * The directory: public profiles (staff also see the others), filtered and searched without
 * diacritics. An expert who works anywhere serves every commune.
 */
export async function listExperts({
  db,
  actor,
  filters,
  page,
}: {
  db: Db;
  actor: Actor | null;
  filters: ExpertFilters;
  page: Page;
}) {
  const where: SQL[] = [];
  if (!isStaff(actor)) where.push(eq(expertProfile.isPublic, true));
  if (filters.specialty) where.push(sql`${expertProfile.specialties} @> ARRAY[${filters.specialty}]::text[]`);
  if (filters.field) where.push(sql`${expertProfile.fields} @> ARRAY[${filters.field}]::text[]`);
  if (filters.commune)
    where.push(sql`(${expertProfile.anywhere} OR ${expertProfile.communes} @> ARRAY[${filters.commune}]::text[])`);
  const q = filters.q?.trim();
  if (q) where.push(matches(expertProfile.searchText, q));
  const condition = where.length ? and(...where) : undefined;
  const matching = db
    .select({ one: sql`1` })
    .from(expertProfile)
    .where(condition)
    .limit(COUNT_CAP + 1)
    .as('matching');
  const [totalRow] = await db.select({ n: count() }).from(matching);
  const items: ExpertListItem[] = await db
    .select({
      userId: expertProfile.userId,
      slug: expertProfile.slug,
      name: expertProfile.name,
      headline: expertProfile.headline,
      organisation: expertProfile.organisation,
      specialties: expertProfile.specialties,
      fields: expertProfile.fields,
      communes: expertProfile.communes,
      anywhere: expertProfile.anywhere,
      isPublic: expertProfile.isPublic,
    })
    .from(expertProfile)
    .where(condition)
    .orderBy(
      ...(q ? rank(expertProfile.name, expertProfile.nameSearch, q) : []),
      asc(expertProfile.nameSearch),
      asc(expertProfile.userId),
    )
    .limit(page.perPage)
    .offset(page.offset);
  const n = totalRow?.n ?? 0;
  return { items, total: Math.min(n, COUNT_CAP), more: n > COUNT_CAP };
}
