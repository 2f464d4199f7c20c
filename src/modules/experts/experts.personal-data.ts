import { sql } from 'drizzle-orm';
import type { Db } from '#kernel/db/client.ts';
import { type PersonalDataPart, personalPart } from '#kernel/personal-data.ts';

/** An expert account's profile. */
export async function personalDataOf(db: Db, userId: string): Promise<PersonalDataPart[]> {
  return [
    await personalPart(
      db,
      'experts.personalData.profile',
      sql`SELECT name AS "name", headline AS "headline", bio AS "bio", organisation AS "organisation",
                 specialties AS "specialties", fields AS "fields", communes AS "communes",
                 is_public AS "isPublic", created_at AS "createdAt", updated_at AS "updatedAt"
          FROM expert_profile WHERE user_id = ${userId}`,
    ),
  ];
}
