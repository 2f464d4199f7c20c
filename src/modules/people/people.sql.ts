import { sql } from 'drizzle-orm';
import { type AnyPgColumn, index, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { between, oneOf } from '#kernel/db/columns.ts';
import { communeKey } from '#modules/places/index.ts';
import { personEthnicities, personSexes } from './people.taxonomy.ts';

/**
 * Everyone the Department has helped or met: participants, team members, walk-ins. Personal data,
 * never public. The same phone or e-mail is the same person; a person merged into another keeps
 * a pointer to them (`mergedInto`) and leaves the lists.
 */
export const person = pgTable(
  'person',
  {
    id: uuid().primaryKey().defaultRandom(),
    fullName: text().notNull(),
    sex: text(),
    birthYear: smallint(),
    ethnicity: text(),
    communeSlug: text().references(() => communeKey()),
    /** Digits only, `0…` (see normalisePhone); empty when unknown. */
    phone: text().notNull().default(''),
    /** Lower-cased; empty when unknown. */
    email: text().notNull().default(''),
    mergedInto: uuid().references((): AnyPgColumn => person.id, { onDelete: 'restrict' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    searchText: text().generatedAlwaysAs(sql`lower(f_unaccent(full_name))`),
  },
  (t) => [
    uniqueIndex('person_phone_unique').on(t.phone).where(sql`${t.phone} <> '' AND ${t.mergedInto} IS NULL`),
    uniqueIndex('person_email_unique').on(t.email).where(sql`${t.email} <> '' AND ${t.mergedInto} IS NULL`),
    index().on(t.mergedInto),
    index('person_search').using('gin', sql`${t.searchText} gin_trgm_ops`),
    oneOf('person_sex_known', t.sex, personSexes),
    oneOf('person_ethnicity_known', t.ethnicity, personEthnicities),
    between('person_birth_year', t.birthYear, 1900, 2100),
  ],
);
