import { sql } from 'drizzle-orm';
import { date, index, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { user } from '#kernel/auth/auth.sql.ts';
import { project } from '#modules/projects/index.ts';

/** Figures an outcome can carry; reports add them up. */
export interface SupportFigures {
  participants?: number;
  hours?: number;
  contractValueVnd?: number;
  salesGrowthPercent?: number;
  days?: number;
}

/** The ledger: one row for each piece of support given to a project, whichever module gave it. */
export const support = pgTable(
  'support',
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: uuid()
      .notNull()
      .references(() => project.id, { onDelete: 'cascade' }),
    kind: text().notNull(),
    providerKind: text().notNull(),
    providerUserId: text().references(() => user.id, { onDelete: 'set null' }),
    providerName: text().notNull(),
    title: text().notNull(),
    startedOn: date().notNull(),
    endedOn: date(),
    status: text().notNull(),
    outcome: text().notNull().default(''),
    figures: jsonb().$type<SupportFigures>().notNull().default({}),
    evidenceLinks: text().array().notNull().default(sql`'{}'::text[]`),
    /** The module and record that gave the support: recording twice updates, never double counts. */
    sourceModule: text().notNull().default('support'),
    sourceId: text(),
    recordedBy: text().references(() => user.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.projectId, t.startedOn),
    index().on(t.kind, t.startedOn),
    index().on(t.startedOn),
    unique().on(t.sourceModule, t.sourceId),
  ],
);
