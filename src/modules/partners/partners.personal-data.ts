import { sql } from 'drizzle-orm';
import type { Db } from '#kernel/db/client.ts';
import { type PersonalDataPart, personalPart } from '#kernel/personal-data.ts';

/** The organisations a partner account speaks for. */
export async function personalDataOf(db: Db, userId: string): Promise<PersonalDataPart[]> {
  return [
    await personalPart(
      db,
      'partners.personalData.memberships',
      sql`SELECT p.name AS "partner", p.slug AS "slug"
          FROM partner_member m JOIN partner p ON p.id = m.partner_id
          WHERE m.user_id = ${userId} ORDER BY p.name`,
    ),
  ];
}
