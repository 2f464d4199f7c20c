import { sql } from 'drizzle-orm';
import { bigint, check, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { user } from '#kernel/auth/auth.sql.ts';

/**
 * A staff member's authenticator (TOTP, RFC 6238): one row per account. A row with no `enabledAt`
 * is a set-up begun (its QR code shown) but not yet confirmed with a code. Backup codes are kept
 * as SHA-256 hashes only; a used one is removed from the list.
 */
export const twoFactor = pgTable(
  'two_factor',
  {
    userId: text()
      .primaryKey()
      .references(() => user.id, { onDelete: 'cascade' }),
    /** The shared secret, base32 (what the QR code carries). */
    secret: text().notNull(),
    enabledAt: timestamp({ withTimezone: true }),
    backupCodes: text().array().notNull().default(sql`'{}'::text[]`),
    /** The 30-second step of the last code accepted: a code is taken once, never replayed. */
    lastStep: bigint({ mode: 'number' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('two_factor_secret_base32', sql`${t.secret} ~ '^[A-Z2-7]{16,}$'`)],
);
