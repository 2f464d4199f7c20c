import { sql } from 'drizzle-orm';
import { check, date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { user } from '#kernel/auth/auth.sql.ts';
import { inOrder, oneOf } from '#kernel/db/columns.ts';
import { consentPurposes, consentSources, legalBases, requestKinds, requestStatuses } from './privacy.taxonomy.ts';

/**
 * One version of the privacy notice, in Vietnamese and English. Versions are never edited: an
 * admin publishes a new one; the one in force is the newest whose effective date has come.
 */
export const privacyNotice = pgTable(
  'privacy_notice',
  {
    id: uuid().primaryKey().defaultRandom(),
    version: text().notNull().unique(),
    effectiveOn: date().notNull(),
    textVi: text().notNull(),
    textEn: text().notNull().default(''),
    publishedBy: text().references(() => user.id, { onDelete: 'set null' }),
    publishedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.effectiveOn)],
);

/**
 * A consent given (and perhaps withdrawn), or for imported records the ground the officer stated.
 * `userId` is the person's account when there is one; `sourceId` the registration or import.
 */
export const consent = pgTable(
  'consent',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: text().references(() => user.id, { onDelete: 'cascade' }),
    purpose: text().notNull(),
    basis: text().notNull().default('consent'),
    noticeVersion: text(),
    source: text().notNull(),
    sourceId: text(),
    /** The officer who recorded it (imports), with what they stated. */
    recordedBy: text().references(() => user.id, { onDelete: 'set null' }),
    statement: text().notNull().default(''),
    givenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    withdrawnAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index().on(t.userId),
    index().on(t.source, t.sourceId),
    oneOf('consent_purpose_known', t.purpose, consentPurposes),
    oneOf('consent_source_known', t.source, consentSources),
    oneOf('consent_basis_known', t.basis, legalBases),
    inOrder('consent_withdrawn_after_given', t.givenAt, t.withdrawnAt),
    check('consent_has_subject_or_statement', sql`${t.userId} is not null or ${t.statement} <> ''`),
  ],
);

/** A data subject's request (access, correction, deletion, withdrawal, restriction) and its decision. */
export const dataRequest = pgTable(
  'data_request',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: text()
      .notNull()
      .references(() => user.id, { onDelete: 'restrict' }),
    kind: text().notNull(),
    details: text().notNull().default(''),
    status: text().notNull().default('open'),
    filedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    dueAt: timestamp({ withTimezone: true }).notNull(),
    remindedAt: timestamp({ withTimezone: true }),
    decidedBy: text().references(() => user.id, { onDelete: 'set null' }),
    decidedAt: timestamp({ withTimezone: true }),
    reason: text().notNull().default(''),
  },
  (t) => [
    index().on(t.status, t.dueAt),
    index().on(t.userId),
    oneOf('data_request_kind_known', t.kind, requestKinds),
    oneOf('data_request_status_known', t.status, requestStatuses),
    check('data_request_due_after_filed', sql`${t.dueAt} > ${t.filedAt}`),
    check(
      'data_request_decided_has_reason',
      sql`${t.status} = 'open' or (${t.decidedAt} is not null and ${t.reason} <> '')`,
    ),
  ],
);

/**
 * A personal data breach: what happened, when it was found, what and whom it touched, what was
 * done; the authority must be told within 72 hours of discovery (`notifiedAt`).
 */
export const breach = pgTable(
  'breach',
  {
    id: uuid().primaryKey().defaultRandom(),
    title: text().notNull(),
    description: text().notNull(),
    discoveredAt: timestamp({ withTimezone: true }).notNull(),
    dataAffected: text().notNull().default(''),
    peopleAffected: text().notNull().default(''),
    measures: text().notNull().default(''),
    notifiedAt: timestamp({ withTimezone: true }),
    notifiedTo: text().notNull().default(''),
    recordedBy: text().references(() => user.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.discoveredAt), inOrder('breach_notified_after_discovery', t.discoveredAt, t.notifiedAt)],
);
