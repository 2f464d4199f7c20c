import { sql } from 'drizzle-orm';
import { check, date, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { user } from '#kernel/auth/auth.sql.ts';
import { hours, oneOf } from '#kernel/db/columns.ts';
import { storedFile } from '#kernel/files/files.sql.ts';
import { projectKey } from '#modules/projects/index.ts';
import { engagementStatuses } from './engagements.taxonomy.ts';

/** An expert connected to a project: the consulting the ledger counts. */
export const engagement = pgTable(
  'engagement',
  {
    id: uuid().primaryKey().defaultRandom(),
    expertId: text()
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    projectId: uuid()
      .notNull()
      .references(() => projectKey(), { onDelete: 'cascade' }),
    topic: text().notNull(),
    /** The officer's note to the expert: what the project needs. */
    brief: text().notNull().default(''),
    status: text().notNull().default('proposed'),
    declineReason: text().notNull().default(''),
    outcome: text().notNull().default(''),
    createdBy: text().references(() => user.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    acceptedAt: timestamp({ withTimezone: true }),
    closedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index().on(t.expertId, t.status),
    index().on(t.projectId),
    oneOf('engagement_status_known', t.status, engagementStatuses),
  ],
);

/** One working session of an engagement, logged by the expert. */
export const engagementSession = pgTable(
  'engagement_session',
  {
    id: uuid().primaryKey().defaultRandom(),
    engagementId: uuid()
      .notNull()
      .references(() => engagement.id, { onDelete: 'cascade' }),
    heldOn: date().notNull(),
    hours: hours().notNull(),
    summary: text().notNull(),
    nextSteps: text().notNull().default(''),
    createdBy: text().references(() => user.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.engagementId, t.heldOn),
    check('engagement_session_hours', sql`${t.hours} > 0 and ${t.hours} <= 24`),
  ],
);

export const engagementSessionFile = pgTable(
  'engagement_session_file',
  {
    sessionId: uuid()
      .notNull()
      .references(() => engagementSession.id, { onDelete: 'cascade' }),
    fileId: uuid()
      .notNull()
      .references(() => storedFile.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.fileId] })],
);
