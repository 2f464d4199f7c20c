import { sql } from 'drizzle-orm';
import type { Db } from '#kernel/db/client.ts';
import { type PersonalDataPart, personalPart } from '#kernel/personal-data.ts';

/**
 * The people registry's record of an account's holder: the person with the account's e-mail, or
 * its phone (both stored normalised), merged records left out.
 */
export async function personalDataOf(db: Db, userId: string): Promise<PersonalDataPart[]> {
  return [
    await personalPart(
      db,
      'people.personalData.person',
      sql`SELECT p.full_name AS "fullName", p.sex AS "sex", p.birth_year AS "birthYear",
                 p.ethnicity AS "ethnicity", p.commune_slug AS "commune", p.phone AS "phone",
                 p.email AS "email", p.created_at AS "createdAt"
          FROM person p, "user" u
          WHERE u.id = ${userId} AND p.merged_into IS NULL
            AND ((p.email <> '' AND p.email = lower(u.email))
              OR (p.phone <> '' AND p.phone = u.phone))`,
    ),
  ];
}
