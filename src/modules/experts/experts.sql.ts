import { sql } from 'drizzle-orm';
import { boolean, index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { user } from '#kernel/auth/auth.sql.ts';
import { allOf } from '#kernel/db/columns.ts';
import { projectFields } from '#modules/projects/index.ts';
import { specialties } from './experts.taxonomy.ts';

/** The public face of an expert account: what they advise on, where, for whom. */
export const expertProfile = pgTable(
  'expert_profile',
  {
    userId: text()
      .primaryKey()
      .references(() => user.id, { onDelete: 'cascade' }),
    slug: text().notNull().unique(),
    /** Display name with title, e.g. "TS. Lê Thị Phương Thảo". */
    name: text().notNull(),
    headline: text().notNull(),
    bio: text().notNull().default(''),
    organisation: text().notNull().default(''),
    specialties: text().array().notNull().default(sql`'{}'::text[]`),
    fields: text().array().notNull().default(sql`'{}'::text[]`),
    communes: text().array().notNull().default(sql`'{}'::text[]`),
    anywhere: boolean().notNull().default(true),
    isPublic: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    nameSearch: text().notNull().generatedAlwaysAs(sql`lower(f_unaccent(name))`),
    searchText: text()
      .notNull()
      .generatedAlwaysAs(sql`lower(f_unaccent(name || ' ' || headline || ' ' || organisation || ' ' || bio))`),
  },
  (t) => [
    index('expert_search_trgm').using('gin', sql`${t.searchText} gin_trgm_ops`),
    index('expert_public_name').on(t.isPublic, t.nameSearch),
    // matching narrows candidates by what they know and where they work
    index('expert_specialties_gin').using('gin', t.specialties),
    index('expert_fields_gin').using('gin', t.fields),
    allOf('expert_specialties_known', t.specialties, specialties),
    allOf('expert_fields_known', t.fields, projectFields),
  ],
);
