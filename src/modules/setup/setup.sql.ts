import { boolean, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { user } from '#kernel/auth/auth.sql.ts';

/**
 * The Department's profile: one row (id 1, the only id the code writes), written by the first-run
 * setup and edited by admins. Its name and unit show in the footer.
 */
export const departmentProfile = pgTable('department_profile', {
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
  /** Officers and admins must use two-step sign-in (an authenticator app) before any staff page. */
  requireStaffTwoFactor: boolean().notNull().default(false),
  updatedBy: text().references(() => user.id, { onDelete: 'set null' }),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/**
 * The one-time setup address of an empty site: only the SHA-256 of its token is kept; the row is
 * deleted when the first admin is created.
 */
export const setupToken = pgTable('setup_token', {
  id: integer().primaryKey().default(1),
  tokenHash: text().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
