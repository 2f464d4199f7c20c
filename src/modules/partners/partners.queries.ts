import { inArray } from 'drizzle-orm';
import type { Db } from '#kernel/db/client.ts';
import { isUuid } from '#kernel/db/keys.ts';
import { partner } from './partners.sql.ts';

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
