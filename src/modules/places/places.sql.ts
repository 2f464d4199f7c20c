import { sql } from 'drizzle-orm';
import { index, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

/** District-level units abolished on 1 July 2025; kept so that old records still land somewhere. */
export const formerDistrict = pgTable(
  'former_district',
  {
    province: text().notNull(),
    slug: text().notNull(),
    name: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.province, t.slug] })],
);

/** Commune-level units (xã, phường) in force; a deployment serves one province. */
export const commune = pgTable(
  'commune',
  {
    slug: text().primaryKey(),
    province: text().notNull(),
    name: text().notNull(),
    kind: text({ enum: ['commune', 'ward'] }).notNull(),
    formerDistrictSlug: text(),
    /** Official code of the unit, when the province has it. */
    officialCode: text(),
    searchText: text().generatedAlwaysAs(sql`lower(f_unaccent(name))`),
  },
  (t) => [index().on(t.province, t.formerDistrictSlug)],
);
