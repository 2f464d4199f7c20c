import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { user } from '#kernel/auth/auth.sql.ts';
import { between, hours, inOrder, notNegative, oneOf } from '#kernel/db/columns.ts';
import { personKey } from '#modules/people/index.ts';
import { communeKey } from '#modules/places/index.ts';
import { projectKey } from '#modules/projects/index.ts';
import {
  audiences,
  checkInMethods,
  ethnicities,
  eventKinds,
  externalKinds,
  nominationStatuses,
  organisationTypes,
  registrationStatuses,
  sexes,
} from './events.taxonomy.ts';

/** A trainer: a named person, linked to an expert's account when they have one. */
export interface Trainer {
  name: string;
  userId: string | null;
}

/** A course, workshop, fair, pitching day or contest the Department runs. */
export const event = pgTable(
  'event',
  {
    id: uuid().primaryKey().defaultRandom(),
    slug: text().notNull().unique(),
    kind: text().notNull(),
    title: text().notNull(),
    description: text().notNull().default(''),
    organiser: text().notNull(),
    partners: text().array().notNull().default(sql`'{}'::text[]`),
    trainers: jsonb().$type<Trainer[]>().notNull().default([]),
    /** A room of the coworking space or an address, as typed. */
    venue: text().notNull(),
    /** Seats; never exceeded by registrations (the event row is locked while a seat is given). */
    capacity: integer().notNull(),
    audience: text().notNull(),
    published: boolean().notNull().default(false),
    registrationOpensOn: date(),
    registrationClosesOn: date(),
    /** Asked at registration; the answers are kept in the same order. */
    questions: text().array().notNull().default(sql`'{}'::text[]`),
    /** Share of sessions (percent) a person must attend to get a certificate. */
    certificatePercent: smallint().notNull().default(80),
    /** First and last session day, kept with the sessions for the calendar's order. */
    startsOn: date().notNull(),
    endsOn: date().notNull(),
    createdBy: text().references(() => user.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('event_calendar').on(t.published, t.audience, t.endsOn, t.startsOn),
    index().on(t.startsOn),
    oneOf('event_kind_known', t.kind, eventKinds),
    oneOf('event_audience_known', t.audience, audiences),
    check('event_capacity', sql`${t.capacity} >= 1`),
    between('event_certificate_percent', t.certificatePercent, 0, 100),
    inOrder('event_days_in_order', t.startsOn, t.endsOn),
    inOrder('event_registration_window_in_order', t.registrationOpensOn, t.registrationClosesOn),
  ],
);

/** One sitting of an event: a day, a start and an end (Vietnam time). */
export const eventSession = pgTable(
  'event_session',
  {
    id: uuid().primaryKey().defaultRandom(),
    eventId: uuid()
      .notNull()
      .references(() => event.id, { onDelete: 'cascade' }),
    position: integer().notNull(),
    day: date().notNull(),
    /** HH:MM */
    startTime: text().notNull(),
    endTime: text().notNull(),
  },
  (t) => [
    uniqueIndex().on(t.eventId, t.position),
    index().on(t.day),
    notNegative('event_session_position', t.position),
    check('event_session_start_time', sql`${t.startTime} ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'`),
    check('event_session_end_time', sql`${t.endTime} ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'`),
    check('event_session_ends_after_start', sql`${t.endTime} > ${t.startTime}`),
  ],
);

/** A seat asked for: confirmed, on the waitlist (in `number` order) or cancelled. */
export const registration = pgTable(
  'event_registration',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Registration order, also the waitlist's order. */
    number: integer().generatedAlwaysAsIdentity(),
    eventId: uuid()
      .notNull()
      .references(() => event.id, { onDelete: 'cascade' }),
    userId: text().references(() => user.id, { onDelete: 'set null' }),
    /** The project this seat counts for in the support ledger. */
    projectId: uuid().references(() => projectKey(), { onDelete: 'set null' }),
    /** The person in the people registry; set at the first check-in (same phone or e-mail, same person). */
    personId: uuid().references(() => personKey(), { onDelete: 'restrict' }),
    status: text().notNull(),
    name: text().notNull(),
    phone: text().notNull().default(''),
    email: text().notNull().default(''),
    communeSlug: text().references(() => communeKey()),
    organisation: text().notNull().default(''),
    organisationType: text().notNull(),
    sex: text().notNull(),
    ethnicity: text().notNull(),
    birthYear: smallint().notNull(),
    answers: text().array().notNull().default(sql`'{}'::text[]`),
    consent: boolean().notNull(),
    walkIn: boolean().notNull().default(false),
    /** Shown as text and QR; an officer checks the person in with it. */
    code: text().notNull().unique(),
    /** The secret of the person's own page (/ve/<token>): ticket, cancel, certificate, feedback. */
    token: text().notNull().unique(),
    promotedAt: timestamp({ withTimezone: true }),
    cancelledAt: timestamp({ withTimezone: true }),
    reminderSentAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.eventId, t.status, t.number),
    index().on(t.userId),
    index().on(t.personId),
    // One live seat per account and per e-mail address on an event.
    uniqueIndex('event_registration_one_per_user')
      .on(t.eventId, t.userId)
      .where(sql`${t.userId} IS NOT NULL AND ${t.status} <> 'cancelled'`),
    uniqueIndex('event_registration_one_per_email')
      .on(t.eventId, t.email)
      .where(sql`${t.email} <> '' AND ${t.status} <> 'cancelled'`),
    oneOf('event_registration_status_known', t.status, registrationStatuses),
    oneOf('event_registration_organisation_type_known', t.organisationType, organisationTypes),
    oneOf('event_registration_sex_known', t.sex, sexes),
    oneOf('event_registration_ethnicity_known', t.ethnicity, ethnicities),
    between('event_registration_birth_year', t.birthYear, 1900, 2100),
  ],
);

/** Who was there, per session. */
export const attendance = pgTable(
  'event_attendance',
  {
    registrationId: uuid()
      .notNull()
      .references(() => registration.id, { onDelete: 'cascade' }),
    sessionId: uuid()
      .notNull()
      .references(() => eventSession.id, { onDelete: 'cascade' }),
    method: text().notNull(),
    checkedInBy: text().references(() => user.id, { onDelete: 'set null' }),
    checkedInAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.registrationId, t.sessionId] }),
    index().on(t.sessionId),
    oneOf('event_attendance_method_known', t.method, checkInMethods),
  ],
);

/** A certificate of attendance; reissuing replaces it with a new code, the old code says so. */
export const certificate = pgTable(
  'event_certificate',
  {
    id: uuid().primaryKey().defaultRandom(),
    registrationId: uuid()
      .notNull()
      .references(() => registration.id, { onDelete: 'cascade' }),
    code: text().notNull().unique(),
    /** What the certificate says, frozen when it is issued. */
    holderName: text().notNull(),
    sessionsAttended: integer().notNull(),
    hours: hours().notNull(),
    issuedBy: text().references(() => user.id, { onDelete: 'set null' }),
    issuedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    replacedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex('event_certificate_current').on(t.registrationId).where(sql`${t.replacedAt} IS NULL`),
    notNegative('event_certificate_sessions', t.sessionsAttended),
    notNegative('event_certificate_hours', t.hours),
  ],
);

/** A participant's rating and comments after the event. */
export const feedback = pgTable(
  'event_feedback',
  {
    registrationId: uuid()
      .primaryKey()
      .references(() => registration.id, { onDelete: 'cascade' }),
    rating: smallint().notNull(),
    comments: text().notNull().default(''),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [between('event_feedback_rating', t.rating, 1, 5)],
);

/** A programme or event run by others, to which the Department nominates projects. */
export const externalEvent = pgTable(
  'external_event',
  {
    id: uuid().primaryKey().defaultRandom(),
    slug: text().notNull().unique(),
    kind: text().notNull(),
    title: text().notNull(),
    organiser: text().notNull(),
    place: text().notNull().default(''),
    startsOn: date().notNull(),
    endsOn: date(),
    description: text().notNull().default(''),
    url: text().notNull().default(''),
    createdBy: text().references(() => user.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.startsOn),
    oneOf('external_event_kind_known', t.kind, externalKinds),
    inOrder('external_event_days_in_order', t.startsOn, t.endsOn),
  ],
);

/** A project invited to an external event: invited → accepted / declined → attended, with its results. */
export const nomination = pgTable(
  'nomination',
  {
    id: uuid().primaryKey().defaultRandom(),
    externalEventId: uuid()
      .notNull()
      .references(() => externalEvent.id, { onDelete: 'cascade' }),
    projectId: uuid()
      .notNull()
      .references(() => projectKey(), { onDelete: 'cascade' }),
    status: text().notNull(),
    message: text().notNull().default(''),
    award: text().notNull().default(''),
    contract: text().notNull().default(''),
    contacts: integer(),
    notes: text().notNull().default(''),
    nominatedBy: text().references(() => user.id, { onDelete: 'set null' }),
    /** The day the project was nominated: the ledger counts the support on that day. */
    nominatedOn: date().notNull().default(sql`(now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex().on(t.externalEventId, t.projectId),
    index().on(t.projectId),
    oneOf('nomination_status_known', t.status, nominationStatuses),
    notNegative('nomination_contacts', t.contacts),
  ],
);
