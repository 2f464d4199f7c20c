import { sql } from 'drizzle-orm';
import { check, date, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { user } from '#kernel/auth/auth.sql.ts';
import { inOrder, oneOf } from '#kernel/db/columns.ts';
import { personKey } from '#modules/people/index.ts';
import { projectKey } from '#modules/projects/index.ts';
import { providerKinds, sourceKinds, supportKinds, supportStatuses } from './support.taxonomy.ts';

/** Figures an outcome can carry; reports add them up. */
export interface SupportFigures {
  participants?: number;
  hours?: number;
  contractValueVnd?: number;
  salesGrowthPercent?: number;
  days?: number;
}

/**
 * The ledger: one row for each piece of support, whichever module gave it, to a beneficiary — a
 * project, a person, or both. Deleting a project or a person never deletes its history (RESTRICT).
 */
export const support = pgTable(
  'support',
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: uuid().references(() => projectKey(), { onDelete: 'restrict' }),
    personId: uuid().references(() => personKey(), { onDelete: 'restrict' }),
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
    /** The kind of record that gave the support and its id: recording twice updates, never double counts. */
    sourceKind: text().notNull().default('manual'),
    sourceId: text(),
    recordedBy: text().references(() => user.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.projectId, t.startedOn),
    index().on(t.personId, t.startedOn),
    index().on(t.kind, t.startedOn),
    // A period's entries read from the index alone (reports): the first day, then what they add up by.
    index('support_period').on(t.startedOn, t.endedOn, t.status, t.kind, t.projectId),
    // Reports read one kind of record by the day it started (listings, nominations) or ended (contracts).
    index().on(t.sourceKind, t.startedOn),
    index().on(t.sourceKind, t.endedOn),
    uniqueIndex('support_source_unique').on(t.sourceKind, t.sourceId).where(sql`${t.sourceId} IS NOT NULL`),
    check('support_beneficiary_set', sql`${t.projectId} IS NOT NULL OR ${t.personId} IS NOT NULL`),
    oneOf('support_source_kind_known', t.sourceKind, sourceKinds),
    oneOf('support_kind_known', t.kind, supportKinds),
    oneOf('support_provider_kind_known', t.providerKind, providerKinds),
    oneOf('support_status_known', t.status, supportStatuses),
    inOrder('support_dates_in_order', t.startedOn, t.endedOn),
    // The figures a report adds up: an object whose counts and amounts are numbers of zero or more.
    check(
      'support_figures_valid',
      sql`jsonb_typeof(${t.figures}) = 'object'
        and (not ${t.figures} ? 'participants' or (jsonb_typeof(${t.figures}->'participants') = 'number' and (${t.figures}->>'participants')::numeric >= 0))
        and (not ${t.figures} ? 'hours' or (jsonb_typeof(${t.figures}->'hours') = 'number' and (${t.figures}->>'hours')::numeric >= 0))
        and (not ${t.figures} ? 'days' or (jsonb_typeof(${t.figures}->'days') = 'number' and (${t.figures}->>'days')::numeric >= 0))
        and (not ${t.figures} ? 'contractValueVnd' or (jsonb_typeof(${t.figures}->'contractValueVnd') = 'number' and (${t.figures}->>'contractValueVnd')::numeric >= 0))
        and (not ${t.figures} ? 'salesGrowthPercent' or (jsonb_typeof(${t.figures}->'salesGrowthPercent') = 'number' and (${t.figures}->>'salesGrowthPercent')::numeric >= -100))`,
    ),
  ],
);
