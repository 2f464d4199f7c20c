import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { user } from '#kernel/auth/auth.sql.ts';
import type { Db } from '#kernel/db/client.ts';
import { anonymisedName, type ErasedSubject, type PersonalDataPart, personalPart } from '#kernel/personal-data.ts';
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

/**
 * Anonymises the registry's record of a deleted account's holder (same e-mail or phone), and the
 * records merged into it: the name, phone and e-mail go; the row stays, with the sex, year of
 * birth, ethnicity and commune the reports count, so every figure and breakdown is unchanged.
 */
export async function anonymise(db: Db, subject: ErasedSubject): Promise<void> {
  const matches = [
    subject.email ? eq(person.email, subject.email) : undefined,
    subject.phone ? eq(person.phone, subject.phone) : undefined,
  ].filter(Boolean);
  if (matches.length === 0) return;
  const found = await db
    .select({ id: person.id })
    .from(person)
    .where(and(isNull(person.mergedInto), or(...matches)));
  const ids = found.map((r) => r.id);
  if (ids.length === 0) return;
  await db
    .update(person)
    .set({ fullName: anonymisedName, phone: '', email: '' })
    .where(or(inArray(person.id, ids), inArray(person.mergedInto, ids)));
}
