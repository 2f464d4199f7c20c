import { date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { user } from '#kernel/auth/auth.sql.ts';
import { oneOf } from '#kernel/db/columns.ts';
import { personKey } from '#modules/people/index.ts';
import { visitChannels, visitPurposes } from './visits.taxonomy.ts';

/**
 * A visit to the coworking space (lượt đến làm việc): a person of the registry, on a Vietnamese
 * day, for a purpose. Each visit is one person-level entry of the support ledger (source `visit`).
 * The visitor's name, phone and commune live in the people registry: personal data, staff only.
 */
export const visit = pgTable(
  'visit',
  {
    id: uuid().primaryKey().defaultRandom(),
    personId: uuid()
      .notNull()
      .references(() => personKey(), { onDelete: 'restrict' }),
    /** The visitor's account, when a signed-in person checked in. */
    userId: text().references(() => user.id, { onDelete: 'set null' }),
    visitedOn: date().notNull(),
    arrivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    purpose: text().notNull(),
    note: text().notNull().default(''),
    channel: text().notNull(),
    /** The support request filed from this visit (its number), once an officer has filed it. */
    requestNumber: integer(),
    recordedBy: text().references(() => user.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.visitedOn),
    index().on(t.personId),
    oneOf('visit_purpose_known', t.purpose, visitPurposes),
    oneOf('visit_channel_known', t.channel, visitChannels),
  ],
);
