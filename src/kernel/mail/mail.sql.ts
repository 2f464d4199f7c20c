import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Where an e-mail is: `queued` (waiting for the worker, perhaps for a retry), `sending` (claimed by
 * a worker until `lockedUntil`), `sent`, `kept` (no SMTP configured: admins read it in the site),
 * `failed` (gave up after the last attempt; an admin may send it again).
 */
export const mailStatuses = ['queued', 'sending', 'sent', 'kept', 'failed'] as const;
export type MailStatus = (typeof mailStatuses)[number];

/** The outbox: every e-mail the site sends is written here first, in the transaction that causes it. */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: uuid().primaryKey().defaultRandom(),
    to: text().notNull(),
    subject: text().notNull(),
    text: text().notNull(),
    status: text({ enum: mailStatuses }).notNull().default('queued'),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp({ withTimezone: true }),
    error: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index().on(t.createdAt),
    index('mail_outbox_due').on(t.nextAttemptAt).where(sql`status in ('queued', 'sending')`),
    check('mail_outbox_status', sql`${t.status} in ('queued', 'sending', 'sent', 'kept', 'failed')`),
    check('mail_outbox_attempts', sql`${t.attempts} >= 0`),
  ],
);
