import { arrayOverlaps, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '#kernel/db/client.ts';
import { isUuid } from '#kernel/db/keys.ts';
import { introduction, partner } from './partners.sql.ts';

// Read models for other modules: what they may know of a partner organisation, without its tables.

/** What another module shows of a partner: its names and kind. */
export interface PartnerSummary {
  id: string;
  slug: string;
  name: string;
  kind: string;
  isPublic: boolean;
}

/**
 * Partners by id, for a list another module shows.
 * @example const partners = await partnerSummaries(db, rows.map((r) => r.partnerId))
 */
export async function partnerSummaries(
  db: Db,
  ids: readonly (string | null | undefined)[],
): Promise<Map<string, PartnerSummary>> {
  const wanted = [...new Set(ids.filter((id): id is string => isUuid(id)))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ id: partner.id, slug: partner.slug, name: partner.name, kind: partner.kind, isPublic: partner.isPublic })
    .from(partner)
    .where(inArray(partner.id, wanted));
  return new Map(rows.map((r) => [r.id, r]));
}

/** What a partner offers and where it works: what matching compares with a project's needs. */
export interface PartnerOffer {
  id: string;
  slug: string;
  name: string;
  kind: string;
  offers: string[];
  fields: string[];
  communes: string[];
  anywhere: boolean;
  /** The summary, then the start of the description: the words that say what the partner does. */
  about: string;
  /** How many introduced projects it said it was interested in. */
  interested: number;
}

const offerColumns = (chars: number) => ({
  id: partner.id,
  slug: partner.slug,
  name: partner.name,
  kind: partner.kind,
  offers: partner.offers,
  fields: partner.fields,
  communes: partner.communes,
  anywhere: partner.anywhere,
  about: sql<string>`left(${partner.summary} || ' ' || ${partner.description}, ${chars}::int)`,
  interested: sql<number>`(select count(*)::int from ${introduction} where ${introduction.partnerId} = ${partner.id} and ${introduction.status} = 'interested')`,
});

/**
 * Partners that offer one of these kinds of help or work in one of these fields, the most
 * recently updated first: the pool matching ranks.
 */
export async function partnersOffering(
  db: Db,
  wanted: { offers: readonly string[]; fields: readonly string[] },
  limit: number,
  aboutChars = 400,
): Promise<PartnerOffer[]> {
  const could: SQL[] = [];
  if (wanted.offers.length) could.push(arrayOverlaps(partner.offers, [...wanted.offers]));
  if (wanted.fields.length) could.push(arrayOverlaps(partner.fields, [...wanted.fields]));
  if (could.length === 0) return [];
  return db
    .select(offerColumns(aboutChars))
    .from(partner)
    .where(or(...could))
    .orderBy(desc(partner.updatedAt))
    .limit(limit);
}

/** One partner's offer by id, with the whole description; null when there is none. */
export async function partnerOffer(db: Db, id: string): Promise<PartnerOffer | null> {
  if (!isUuid(id)) return null;
  const [row] = await db.select(offerColumns(100_000)).from(partner).where(eq(partner.id, id));
  return row ?? null;
}
