import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { user } from '#kernel/auth/auth.sql.ts';
import { notNegative, oneOf } from '#kernel/db/columns.ts';
import { storedFile } from '#kernel/files/files.sql.ts';
import { itemAccess, itemCategories, itemKinds } from './library.taxonomy.ts';

/**
 * A resource of the library (thư viện): a guide, a template, a legal text, a course recording or
 * a book on the shelf; a stored file (PDF), a link, or a shelf mark, or several of these.
 */
export const libraryItem = pgTable(
  'library_item',
  {
    id: uuid().primaryKey().defaultRandom(),
    slug: text().notNull().unique(),
    title: text().notNull(),
    kind: text().notNull(),
    category: text().notNull(),
    /** Free tags, separated by commas as typed ("OCOP, nhãn hiệu"). */
    tags: text().notNull().default(''),
    description: text().notNull().default(''),
    author: text().notNull().default(''),
    year: integer(),
    fileId: uuid().references(() => storedFile.id, { onDelete: 'set null' }),
    url: text().notNull().default(''),
    /** Where a book stands on the shelf of the library corner. */
    shelfMark: text().notNull().default(''),
    access: text().notNull().default('public'),
    downloads: integer().notNull().default(0),
    titleSearch: text().notNull().generatedAlwaysAs(sql`lower(f_unaccent(title))`),
    searchText: text()
      .notNull()
      .generatedAlwaysAs(
        sql`lower(f_unaccent(title || ' ' || tags || ' ' || author || ' ' || left(description, 500)))`,
      ),
    createdBy: text().references(() => user.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('library_item_search').using('gin', sql`${t.searchText} gin_trgm_ops`),
    index().on(t.category, t.createdAt),
    oneOf('library_item_kind_known', t.kind, itemKinds),
    oneOf('library_item_category_known', t.category, itemCategories),
    oneOf('library_item_access_known', t.access, itemAccess),
    notNegative('library_item_downloads', t.downloads),
    check('library_item_year', sql`${t.year} is null or ${t.year} between 1900 and 2100`),
  ],
);
