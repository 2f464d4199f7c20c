import { asc, eq } from 'drizzle-orm';
import type { Db } from '#kernel/db/client.ts';
import { type PersonalDataPart, personalPart } from '#kernel/personal-data.ts';
import { partner, partnerMember } from './partners.sql.ts';

/** The organisations a partner account speaks for. */
export async function personalDataOf(db: Db, userId: string): Promise<PersonalDataPart[]> {
  return [
    personalPart(
      'partners.personalData.memberships',
      await db
        .select({ partner: partner.name, slug: partner.slug })
        .from(partnerMember)
        .innerJoin(partner, eq(partner.id, partnerMember.partnerId))
        .where(eq(partnerMember.userId, userId))
        .orderBy(asc(partner.name)),
    ),
  ];
}
