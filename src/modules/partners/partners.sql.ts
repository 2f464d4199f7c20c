import { sql } from 'drizzle-orm';
import { boolean, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { user } from '#kernel/auth/auth.sql.ts';
import { allOf, oneOf } from '#kernel/db/columns.ts';
import { projectFields, projectKey, supportNeeds } from '#modules/projects/index.ts';
import { introductionStatuses, partnerKinds } from './partners.taxonomy.ts';

/** An organisation of the network: buyer, investor, school, agency, national programme… */
export const partner = pgTable(
  'partner',
  {
    id: uuid().primaryKey().defaultRandom(),
    slug: text().notNull().unique(),
    name: text().notNull(),
    kind: text().notNull(),
    summary: text().notNull(),
    description: text().notNull().default(''),
    /** What it offers the network: codes from the projects' needs (market_connection, funding…). */
    offers: text().array().notNull().default(sql`'{}'::text[]`),
    /** Fields (product categories it buys, sectors it invests in): codes from projectFields. */
    fields: text().array().notNull().default(sql`'{}'::text[]`),
    /** Communes it works in; empty with `anywhere` = the whole province and beyond. */
    communes: text().array().notNull().default(sql`'{}'::text[]`),
    anywhere: boolean().notNull().default(true),
    address: text().notNull().default(''),
    website: text().notNull().default(''),
    contactName: text().notNull().default(''),
    contactPhone: text().notNull().default(''),
    contactEmail: text().notNull().default(''),
    isPublic: boolean().notNull().default(true),
    createdBy: text().references(() => user.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    nameSearch: text().notNull().generatedAlwaysAs(sql`lower(f_unaccent(name))`),
    searchText: text()
      .notNull()
      .generatedAlwaysAs(sql`lower(f_unaccent(name || ' ' || summary || ' ' || description))`),
  },
  (t) => [
    index('partner_search_trgm').using('gin', sql`${t.searchText} gin_trgm_ops`),
    index().on(t.kind),
    index('partner_public_name').on(t.isPublic, t.nameSearch),
    // matching narrows candidates by what they offer and the fields they buy or invest in
    index('partner_offers_gin').using('gin', t.offers),
    index('partner_fields_gin').using('gin', t.fields),
    oneOf('partner_kind_known', t.kind, partnerKinds),
    allOf('partner_offers_known', t.offers, supportNeeds),
    allOf('partner_fields_known', t.fields, projectFields),
  ],
);

/** The accounts (role partner) that speak for an organisation and manage its profile. */
export const partnerMember = pgTable(
  'partner_member',
  {
    partnerId: uuid()
      .notNull()
      .references(() => partner.id, { onDelete: 'cascade' }),
    userId: text()
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.partnerId, t.userId] }), index().on(t.userId)],
);

/** An officer introduces a project to a partner; the partner answers. A support entry (connection). */
export const introduction = pgTable(
  'introduction',
  {
    id: uuid().primaryKey().defaultRandom(),
    partnerId: uuid()
      .notNull()
      .references(() => partner.id, { onDelete: 'cascade' }),
    projectId: uuid()
      .notNull()
      .references(() => projectKey(), { onDelete: 'cascade' }),
    message: text().notNull(),
    status: text().notNull().default('sent'),
    answer: text().notNull().default(''),
    introducedBy: text().references(() => user.id, { onDelete: 'set null' }),
    answeredBy: text().references(() => user.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    answeredAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index().on(t.partnerId, t.createdAt),
    index().on(t.projectId),
    oneOf('introduction_status_known', t.status, introductionStatuses),
  ],
);
