import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { user } from '#kernel/auth/auth.sql.ts';
import { allOf, oneOf } from '#kernel/db/columns.ts';
import { storedFile } from '#kernel/files/files.sql.ts';
import { communeKey } from '#modules/places/index.ts';
import { projectKey, supportNeeds } from '#modules/projects/index.ts';
import { linkTypes, requestEventTypes, requestStatuses, urgencies } from './requests.taxonomy.ts';

/**
 * A request for help (yêu cầu hỗ trợ): the one front door. Filed by a founder for a project, or
 * by an officer for a walk-in visitor or a phone call (contact fields; claimed later by the
 * account with the same e-mail or phone).
 */
export const supportRequest = pgTable(
  'support_request',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** The number people quote on the phone: YC-123. */
    number: integer().generatedAlwaysAsIdentity().notNull().unique(),
    projectId: uuid().references(() => projectKey(), { onDelete: 'set null' }),
    requesterId: text().references(() => user.id, { onDelete: 'set null' }),
    contactName: text().notNull().default(''),
    contactPhone: text().notNull().default(''),
    contactEmail: text().notNull().default(''),
    communeSlug: text().references(() => communeKey()),
    /** The first need, kept on its own for the inbox's filter and the reports by kind. */
    kind: text().notNull(),
    /** Every need the request names, the first being `kind`: one thread for several needs. */
    needs: text().array().notNull(),
    body: text().notNull(),
    urgency: text().notNull().default('normal'),
    status: text().notNull().default('new'),
    assigneeId: text().references(() => user.id, { onDelete: 'set null' }),
    dueOn: date(),
    outcome: text().notNull().default(''),
    declineReason: text().notNull().default(''),
    createdBy: text().references(() => user.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('support_request_inbox').on(t.status, t.createdAt.desc()),
    index().on(t.assigneeId, t.status),
    index().on(t.requesterId),
    index().on(t.projectId),
    index().on(t.kind),
    index().on(t.communeSlug),
    index('support_request_open_due').on(t.dueOn).where(sql`status in ('new', 'accepted', 'in_progress')`),
    // the inbox's default view: open requests, urgent first, newest first
    index('support_request_open_queue')
      .on(t.urgency.desc().nullsFirst(), t.createdAt.desc().nullsFirst(), t.number.desc().nullsFirst())
      .where(sql`status in ('new', 'accepted', 'in_progress')`),
    oneOf('support_request_kind_known', t.kind, supportNeeds),
    allOf('support_request_needs_known', t.needs, supportNeeds),
    check('support_request_needs_start_with_kind', sql`${t.needs}[1] is not distinct from ${t.kind}`),
    oneOf('support_request_urgency_known', t.urgency, urgencies),
    oneOf('support_request_status_known', t.status, requestStatuses),
    // A closed request says why: the outcome when resolved, the reason when declined.
    check('support_request_resolved_has_outcome', sql`${t.status} <> 'resolved' or ${t.outcome} <> ''`),
    check('support_request_declined_has_reason', sql`${t.status} <> 'declined' or ${t.declineReason} <> ''`),
  ],
);

/** The request's thread and history: messages between founder and officer, and every change. */
export const requestEvent = pgTable(
  'request_event',
  {
    id: uuid().primaryKey().defaultRandom(),
    requestId: uuid()
      .notNull()
      .references(() => supportRequest.id, { onDelete: 'cascade' }),
    type: text().notNull(),
    actorId: text().references(() => user.id, { onDelete: 'set null' }),
    body: text().notNull().default(''),
    fromStatus: text(),
    toStatus: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.requestId, t.createdAt),
    // Reports: the moves to a status in a period (requests resolved).
    index().on(t.toStatus, t.createdAt),
    oneOf('request_event_type_known', t.type, requestEventTypes),
    oneOf('request_event_from_status_known', t.fromStatus, requestStatuses),
    oneOf('request_event_to_status_known', t.toStatus, requestStatuses),
  ],
);

/** Attachments, each on the thread entry that brought it. */
export const requestFile = pgTable(
  'request_file',
  {
    eventId: uuid()
      .notNull()
      .references(() => requestEvent.id, { onDelete: 'cascade' }),
    fileId: uuid()
      .notNull()
      .references(() => storedFile.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.fileId] })],
);

/** What the request was connected to: an expert engagement or a partner introduction. */
export const requestLink = pgTable(
  'request_link',
  {
    requestId: uuid()
      .notNull()
      .references(() => supportRequest.id, { onDelete: 'cascade' }),
    type: text().notNull(),
    targetId: uuid().notNull(),
    /** The need this help answers (one of the request's needs; links made before needs: null = its kind). */
    need: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.requestId, t.type, t.targetId] }),
    oneOf('request_link_type_known', t.type, linkTypes),
    oneOf('request_link_need_known', t.need, supportNeeds),
  ],
);
