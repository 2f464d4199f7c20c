import { and, asc, count, eq, type SQL, sql } from 'drizzle-orm';
import { audit, auditMany } from '#kernel/audit/audit.ts';
import { user } from '#kernel/auth/auth.sql.ts';
import { type Actor, isStaff } from '#kernel/auth/roles.ts';
import type { Db } from '#kernel/db/client.ts';
import { referencesTo, unreferenced } from '#kernel/db/references.ts';
import { AppError } from '#kernel/http/errors.ts';
import type { Page } from '#kernel/http/pagination.ts';
import { slugify } from '#kernel/search/fold.ts';
import { matches, rank } from '#kernel/search/search.ts';
import { assertCommunes } from '#modules/places/index.ts';
import type { PartnerFilters, PartnerInput } from './partners.schemas.ts';
import { partner, partnerMember } from './partners.sql.ts';

export type Partner = typeof partner.$inferSelect;

export interface PartnerMemberView {
  userId: string;
  name: string;
  email: string;
}

export interface PartnerDetail extends Partner {
  members: PartnerMemberView[];
}

export interface PartnerListItem {
  id: string;
  slug: string;
  name: string;
  kind: string;
  summary: string;
  offers: string[];
  fields: string[];
  communes: string[];
  anywhere: boolean;
  isPublic: boolean;
  /** For staff's export; pages and the API show contacts only where the rules allow. */
  contactName: string;
  contactPhone: string;
  contactEmail: string;
  website: string;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Staff, or an account that speaks for this organisation. */
export function canManage(actor: Actor | null, members: Pick<PartnerMemberView, 'userId'>[]): boolean {
  if (!actor) return false;
  return isStaff(actor) || members.some((m) => m.userId === actor.id);
}

/** A partner by its address, whatever its visibility (for other modules; they decide who sees it). */
export async function getPartnerBySlug(db: Db, slug: string): Promise<Partner | null> {
  const [row] = await db.select().from(partner).where(eq(partner.slug, slug));
  return row ?? null;
}

/** A partner by id, whatever its visibility; null for an unknown or malformed id. */
export async function getPartnerById(db: Db, id: string): Promise<Partner | null> {
  if (!uuidPattern.test(id)) return null;
  const [row] = await db.select().from(partner).where(eq(partner.id, id));
  return row ?? null;
}

/** The organisations an account speaks for. */
export async function partnerIdsOfUser(db: Db, userId: string): Promise<string[]> {
  const rows = await db
    .select({ id: partnerMember.partnerId })
    .from(partnerMember)
    .where(eq(partnerMember.userId, userId));
  return rows.map((r) => r.id);
}

/** Every partner, by name, for pickers (staff choose a buyer, an organiser…). */
export async function listPartnerOptions(db: Db): Promise<{ id: string; name: string; kind: string }[]> {
  return db
    .select({ id: partner.id, name: partner.name, kind: partner.kind })
    .from(partner)
    .orderBy(asc(partner.nameSearch), asc(partner.id));
}

async function membersOf(db: Db, partnerId: string): Promise<PartnerMemberView[]> {
  return db
    .select({ userId: user.id, name: user.name, email: user.email })
    .from(partnerMember)
    .innerJoin(user, eq(user.id, partnerMember.userId))
    .where(eq(partnerMember.partnerId, partnerId))
    .orderBy(asc(user.name));
}

/** A partner as its page shows it; a non-public one is 404 except for staff and its members. */
export async function getPartner({
  db,
  actor,
  slug,
}: {
  db: Db;
  actor: Actor | null;
  slug: string;
}): Promise<PartnerDetail> {
  const found = await getPartnerBySlug(db, slug);
  if (!found) throw new AppError('not_found', 'partners.notFound');
  const members = await membersOf(db, found.id);
  if (!found.isPublic && !canManage(actor, members)) throw new AppError('not_found', 'partners.notFound');
  return { ...found, members };
}

async function slugTaken(db: Db, slug: string, ownId?: string): Promise<boolean> {
  const [row] = await db.select({ id: partner.id }).from(partner).where(eq(partner.slug, slug));
  return !!row && row.id !== ownId;
}

async function freeSlugFrom(db: Db, name: string): Promise<string> {
  const base = slugify(name, 70);
  const taken = await db
    .select({ slug: partner.slug })
    .from(partner)
    .where(sql`${partner.slug} = ${base} OR ${partner.slug} LIKE ${`${base}-%`}`);
  const used = new Set(taken.map((r) => r.slug));
  if (!used.has(base)) return base;
  for (let i = 2; ; i++) if (!used.has(`${base}-${i}`)) return `${base}-${i}`;
}

function columnsFrom(input: PartnerInput) {
  return {
    name: input.name,
    kind: input.kind,
    summary: input.summary,
    description: input.description,
    offers: input.offers,
    fields: input.fields,
    communes: input.communes,
    anywhere: input.anywhere,
    address: input.address,
    website: input.website,
    contactName: input.contactName,
    contactPhone: input.contactPhone,
    contactEmail: input.contactEmail,
    isPublic: input.isPublic,
  };
}

/**
 * Staff add an organisation to the directory.
 * @example const { slug } = await createPartner({ db, actor, input })
 */
export async function createPartner({ db, actor, input }: { db: Db; actor: Actor; input: PartnerInput }) {
  if (!isStaff(actor)) throw new AppError('forbidden');
  await assertCommunes(db, input.communes, 'communes');
  if (input.slug && (await slugTaken(db, input.slug)))
    throw new AppError('validation', 'errors.validation', { slug: 'partners.v.slugTaken' });
  return db.transaction(async (tx) => {
    const slug = input.slug || (await freeSlugFrom(tx, input.name));
    const [created] = await tx
      .insert(partner)
      .values({ ...columnsFrom(input), slug, createdBy: actor.id })
      .returning({ id: partner.id, slug: partner.slug, name: partner.name });
    if (!created) throw new Error('insert returned nothing');
    await audit(tx, {
      actorId: actor.id,
      action: 'partner.create',
      entity: 'partner',
      entityId: created.id,
      data: { name: input.name },
    });
    return created;
  });
}

/** Staff, or a member of this organisation, edit its profile; its address changes only when typed. */
export async function updatePartner({
  db,
  actor,
  slug,
  input,
}: {
  db: Db;
  actor: Actor;
  slug: string;
  input: PartnerInput;
}) {
  const current = await getPartner({ db, actor, slug });
  if (!canManage(actor, current.members)) throw new AppError('forbidden');
  await assertCommunes(db, input.communes, 'communes');
  const newSlug = input.slug || current.slug;
  if (newSlug !== current.slug && (await slugTaken(db, newSlug, current.id))) {
    throw new AppError('validation', 'errors.validation', { slug: 'partners.v.slugTaken' });
  }
  await db.transaction(async (tx) => {
    await tx
      .update(partner)
      .set({ ...columnsFrom(input), slug: newSlug, updatedAt: new Date() })
      .where(eq(partner.id, current.id));
    await audit(tx, { actorId: actor.id, action: 'partner.update', entity: 'partner', entityId: current.id });
  });
  return { id: current.id, slug: newSlug, name: input.name };
}

/** Staff link a partner-role account to the organisation it speaks for. */
export async function addMember({ db, actor, slug, email }: { db: Db; actor: Actor; slug: string; email: string }) {
  if (!isStaff(actor)) throw new AppError('forbidden');
  const current = await getPartner({ db, actor, slug });
  const [account] = await db
    .select({ id: user.id, name: user.name, role: user.role })
    .from(user)
    .where(eq(user.email, email.toLowerCase()));
  if (!account) throw new AppError('validation', 'errors.validation', { email: 'partners.v.noAccount' });
  if (account.role !== 'partner')
    throw new AppError('validation', 'errors.validation', { email: 'partners.v.notPartnerRole' });
  await db.transaction(async (tx) => {
    await tx.insert(partnerMember).values({ partnerId: current.id, userId: account.id }).onConflictDoNothing();
    await audit(tx, {
      actorId: actor.id,
      action: 'partner.member_add',
      entity: 'partner',
      entityId: current.id,
      data: { userId: account.id },
    });
  });
  return { name: account.name };
}

/** Staff unlink an account from the organisation. */
export async function removeMember({
  db,
  actor,
  slug,
  userId,
}: {
  db: Db;
  actor: Actor;
  slug: string;
  userId: string;
}) {
  if (!isStaff(actor)) throw new AppError('forbidden');
  const current = await getPartner({ db, actor, slug });
  const member = current.members.find((m) => m.userId === userId);
  if (!member) throw new AppError('not_found');
  await db.transaction(async (tx) => {
    await tx
      .delete(partnerMember)
      .where(and(eq(partnerMember.partnerId, current.id), eq(partnerMember.userId, userId)));
    await audit(tx, {
      actorId: actor.id,
      action: 'partner.member_remove',
      entity: 'partner',
      entityId: current.id,
      data: { userId },
    });
  });
  return { name: member.name };
}

/** Lists count their matches up to this many. */
export const COUNT_CAP = 1_000;

/**
 * The directory: public partners (staff also see the others), filtered and searched without
 * diacritics. A partner that works anywhere serves every commune.
 */
export async function listPartners({
  db,
  actor,
  filters,
  page,
}: {
  db: Db;
  actor: Actor | null;
  filters: PartnerFilters;
  page: Page;
}) {
  const where: SQL[] = [];
  if (!isStaff(actor)) where.push(eq(partner.isPublic, true));
  if (filters.kind) where.push(eq(partner.kind, filters.kind));
  if (filters.field) where.push(sql`${partner.fields} @> ARRAY[${filters.field}]::text[]`);
  if (filters.offer) where.push(sql`${partner.offers} @> ARRAY[${filters.offer}]::text[]`);
  if (filters.commune)
    where.push(sql`(${partner.anywhere} OR ${partner.communes} @> ARRAY[${filters.commune}]::text[])`);
  const q = filters.q?.trim();
  if (q) where.push(matches(partner.searchText, q));
  const condition = where.length ? and(...where) : undefined;
  const matching = db
    .select({ one: sql`1` })
    .from(partner)
    .where(condition)
    .limit(COUNT_CAP + 1)
    .as('matching');
  const [totalRow] = await db.select({ n: count() }).from(matching);
  const items: PartnerListItem[] = await db
    .select({
      id: partner.id,
      slug: partner.slug,
      name: partner.name,
      kind: partner.kind,
      summary: partner.summary,
      offers: partner.offers,
      fields: partner.fields,
      communes: partner.communes,
      anywhere: partner.anywhere,
      isPublic: partner.isPublic,
      contactName: partner.contactName,
      contactPhone: partner.contactPhone,
      contactEmail: partner.contactEmail,
      website: partner.website,
    })
    .from(partner)
    .where(condition)
    .orderBy(...(q ? rank(partner.name, partner.nameSearch, q) : []), asc(partner.nameSearch), asc(partner.id))
    .limit(page.perPage)
    .offset(page.offset);
  const n = totalRow?.n ?? 0;
  return { items, total: Math.min(n, COUNT_CAP), more: n > COUNT_CAP };
}

/** The organisations an account speaks for, by name (a partner's "my organisation"). */
export async function partnersOfUser(db: Db, userId: string): Promise<{ slug: string; name: string; kind: string }[]> {
  return db
    .select({ slug: partner.slug, name: partner.name, kind: partner.kind })
    .from(partnerMember)
    .innerJoin(partner, eq(partner.id, partnerMember.partnerId))
    .where(eq(partnerMember.userId, userId))
    .orderBy(asc(partner.nameSearch));
}

/** A partner of this name (compared without case or diacritics), for an import's natural key. */
export async function partnerIdByName(db: Db, name: string): Promise<string | null> {
  const [row] = await db
    .select({ id: partner.id })
    .from(partner)
    .where(sql`${partner.nameSearch} = lower(f_unaccent(${name.normalize('NFC').trim()}))`)
    .orderBy(asc(partner.createdAt))
    .limit(1);
  return row?.id ?? null;
}

/**
 * Removes partners an import added, when nothing was done with them since (no member, no
 * introduction, no sales connection): the others stay. Gives how many went.
 */
export async function removeImportedPartners(tx: Db, actor: Actor, ids: string[]): Promise<number> {
  if (!isStaff(actor)) throw new AppError('forbidden');
  const list = ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  if (list.length === 0) return 0;
  const refs = await referencesTo(tx, 'partner');
  const gone = await tx
    .delete(partner)
    .where(and(sql`${partner.id} = ANY(${`{${list.join(',')}}`}::uuid[])`, ...unreferenced(refs, partner.id)))
    .returning({ id: partner.id });
  await auditMany(
    tx,
    gone.map((g) => ({ actorId: actor.id, action: 'partner.remove_imported', entity: 'partner', entityId: g.id })),
  );
  return gone.length;
}
