import { sql } from 'drizzle-orm';
import { check, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { user } from '#kernel/auth/auth.sql.ts';

/**
 * The Department's profile: one row (id 1), written by the first-run setup and edited by admins.
 * Its name shows in the footer; the public address is what e-mails link to.
 */
export const departmentProfile = pgTable(
  'department_profile',
  {
    id: integer().primaryKey().default(1),
    /** "Sở Khoa học và Công nghệ tỉnh Lạng Sơn" */
    name: text().notNull(),
    /** The unit in charge of the site, e.g. "Trung tâm Ứng dụng tiến bộ KH&CN". */
    unit: text().notNull().default(''),
    address: text().notNull().default(''),
    phone: text().notNull().default(''),
    email: text().notNull().default(''),
    /** The site's public address, e.g. https://ketnoi.langson.gov.vn */
    baseUrl: text().notNull().default(''),
    updatedBy: text().references(() => user.id, { onDelete: 'set null' }),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('department_profile_single_row', sql`${t.id} = 1`)],
);

/**
 * The one-time setup address of an empty site: only the SHA-256 of its token is kept; the row is
 * deleted when the first admin is created.
 */
export const setupToken = pgTable(
  'setup_token',
  {
    id: integer().primaryKey().default(1),
    tokenHash: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('setup_token_single_row', sql`${t.id} = 1`)],
);
