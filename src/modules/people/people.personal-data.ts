import { and, eq, isNull, or, sql } from 'drizzle-orm';
import { user } from '#kernel/auth/auth.sql.ts';
import type { Db } from '#kernel/db/client.ts';
import { type PersonalDataPart, personalPart } from '#kernel/personal-data.ts';
import { person } from './people.sql.ts';

/**
 * The people registry's record of an account's holder: the person with the account's e-mail, or
 * its phone (both stored normalised), merged records left out.
 */
export async function personalDataOf(db: Db, userId: string): Promise<PersonalDataPart[]> {
  return [
    personalPart(
      'people.personalData.person',
      await db
        .select({
          fullName: person.fullName,
          sex: person.sex,
          birthYear: person.birthYear,
          ethnicity: person.ethnicity,
          commune: person.communeSlug,
          phone: person.phone,
          email: person.email,
          createdAt: person.createdAt,
        })
        .from(person)
        .innerJoin(
          user,
          or(
            and(sql`${person.email} <> ''`, eq(person.email, sql`lower(${user.email})`)),
            and(sql`${person.phone} <> ''`, eq(person.phone, user.phone)),
          ),
        )
        .where(and(eq(user.id, userId), isNull(person.mergedInto))),
    ),
  ];
}
