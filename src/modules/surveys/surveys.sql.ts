import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { user } from '#kernel/auth/auth.sql.ts';
import { between, inOrder, oneOf } from '#kernel/db/columns.ts';
import { projectKey } from '#modules/projects/index.ts';
import {
  questionKinds,
  respondentGroups,
  responseStatuses,
  surveyAccess,
  surveyOwnerKinds,
  targetGroups,
} from './surveys.taxonomy.ts';

/** A survey staff build and people answer, on its own or (later) as a call's application form. */
export const survey = pgTable(
  'survey',
  {
    id: uuid().primaryKey().defaultRandom(),
    slug: text().notNull().unique(),
    title: text().notNull(),
    description: text().notNull().default(''),
    ownerKind: text().notNull().default('standalone'),
    /** The call (or other owner) it belongs to; null for a survey on its own. */
    ownerId: uuid(),
    targetGroup: text().notNull().default('anyone'),
    opensOn: date().notNull(),
    closesOn: date().notNull(),
    access: text().notNull().default('public'),
    /** Answers are not linked to the account that gave them. */
    anonymous: boolean().notNull().default(false),
    consentText: text().notNull().default(''),
    createdBy: text().references(() => user.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    oneOf('survey_owner_kind_known', t.ownerKind, surveyOwnerKinds),
    oneOf('survey_target_group_known', t.targetGroup, targetGroups),
    oneOf('survey_access_known', t.access, surveyAccess),
    inOrder('survey_dates_in_order', t.opensOn, t.closesOn),
  ],
);

/** A page of a survey: answered one at a time. */
export const surveySection = pgTable(
  'survey_section',
  {
    id: uuid().primaryKey().defaultRandom(),
    surveyId: uuid()
      .notNull()
      .references(() => survey.id, { onDelete: 'cascade' }),
    position: integer().notNull(),
    title: text().notNull(),
    description: text().notNull().default(''),
  },
  (t) => [index().on(t.surveyId, t.position)],
);

/**
 * A question, one row each; what varies by kind (choices, the "show only if" condition) is the
 * `options` JSON, checked by `QuestionOptions` (Zod) whenever it is written or read.
 */
export const surveyQuestion = pgTable(
  'survey_question',
  {
    id: uuid().primaryKey().defaultRandom(),
    surveyId: uuid()
      .notNull()
      .references(() => survey.id, { onDelete: 'cascade' }),
    sectionId: uuid()
      .notNull()
      .references(() => surveySection.id, { onDelete: 'cascade' }),
    position: integer().notNull(),
    kind: text().notNull(),
    label: text().notNull(),
    help: text().notNull().default(''),
    required: boolean().notNull().default(false),
    options: jsonb().notNull().default({}),
  },
  (t) => [index().on(t.surveyId, t.position), oneOf('survey_question_kind_known', t.kind, questionKinds)],
);

/**
 * One person's answers to a survey: a draft saved page by page, then submitted. A signed-in
 * person's draft of a named survey is found by their account; anyone else's by a resume token
 * (only its SHA-256 is stored). Group, commune and project are copied from the answers that give
 * them, so the results are cross-tabulated without reading the answers twice.
 */
export const surveyResponse = pgTable(
  'survey_response',
  {
    id: uuid().primaryKey().defaultRandom(),
    surveyId: uuid()
      .notNull()
      .references(() => survey.id, { onDelete: 'cascade' }),
    userId: text().references(() => user.id, { onDelete: 'set null' }),
    tokenHash: text().unique(),
    status: text().notNull().default('draft'),
    /** The page to come back to (0-based section index). */
    page: integer().notNull().default(0),
    respondentGroup: text(),
    commune: text(),
    projectId: uuid().references(() => projectKey(), { onDelete: 'set null' }),
    needsAppliedAt: timestamp({ withTimezone: true }),
    startedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index().on(t.surveyId, t.status),
    uniqueIndex('survey_response_one_per_user').on(t.surveyId, t.userId).where(sql`${t.userId} is not null`),
    oneOf('survey_response_status_known', t.status, responseStatuses),
    oneOf('survey_response_group_known', t.respondentGroup, respondentGroups),
    between('survey_response_page', t.page, 0, 1000),
    check('survey_response_submitted_when', sql`(${t.status} = 'submitted') = (${t.submittedAt} is not null)`),
  ],
);

/**
 * One answer: `value` for a single value (choice, date, commune, project, text; a scale as '1'…'5'),
 * `choices` for several, `number` for scales and numbers (averaged in SQL).
 */
export const surveyAnswer = pgTable(
  'survey_answer',
  {
    responseId: uuid()
      .notNull()
      .references(() => surveyResponse.id, { onDelete: 'cascade' }),
    questionId: uuid()
      .notNull()
      .references(() => surveyQuestion.id, { onDelete: 'cascade' }),
    value: text(),
    choices: text().array(),
    number: numeric({ mode: 'number' }),
    /** Free text folded for accent-insensitive search (ADR 4). */
    search: text().generatedAlwaysAs(sql`lower(f_unaccent(coalesce(value, '')))`),
  },
  (t) => [
    primaryKey({ columns: [t.responseId, t.questionId] }),
    index().on(t.questionId),
    check(
      'survey_answer_has_something',
      sql`${t.value} is not null or ${t.choices} is not null or ${t.number} is not null`,
    ),
  ],
);
