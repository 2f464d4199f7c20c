import { sql } from 'drizzle-orm';
import {
  boolean,
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
import { commune } from '#modules/places/index.ts';
import { project } from '#modules/projects/index.ts';

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
  (t) => [index('event_calendar').on(t.published, t.audience, t.endsOn, t.startsOn), index().on(t.startsOn)],
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
  (t) => [uniqueIndex().on(t.eventId, t.position), index().on(t.day)],
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
    projectId: uuid().references(() => project.id, { onDelete: 'set null' }),
    status: text().notNull(),
    name: text().notNull(),
    phone: text().notNull().default(''),
    email: text().notNull().default(''),
    communeSlug: text().references(() => commune.slug),
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
    // One live seat per account and per e-mail address on an event.
    uniqueIndex('event_registration_one_per_user')
      .on(t.eventId, t.userId)
      .where(sql`${t.userId} IS NOT NULL AND ${t.status} <> 'cancelled'`),
    uniqueIndex('event_registration_one_per_email')
      .on(t.eventId, t.email)
      .where(sql`${t.email} <> '' AND ${t.status} <> 'cancelled'`),
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
  (t) => [primaryKey({ columns: [t.registrationId, t.sessionId] }), index().on(t.sessionId)],
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
    hours: integer().notNull(),
    issuedBy: text().references(() => user.id, { onDelete: 'set null' }),
    issuedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    replacedAt: timestamp({ withTimezone: true }),
  },
  (t) => [uniqueIndex('event_certificate_current').on(t.registrationId).where(sql`${t.replacedAt} IS NULL`)],
);

/** A participant's rating and comments after the event. */
export const feedback = pgTable('event_feedback', {
  registrationId: uuid()
    .primaryKey()
    .references(() => registration.id, { onDelete: 'cascade' }),
  rating: smallint().notNull(),
  comments: text().notNull().default(''),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

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
  (t) => [index().on(t.startsOn)],
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
      .references(() => project.id, { onDelete: 'cascade' }),
    status: text().notNull(),
    message: text().notNull().default(''),
    award: text().notNull().default(''),
    contract: text().notNull().default(''),
    contacts: integer(),
    notes: text().notNull().default(''),
    nominatedBy: text().references(() => user.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex().on(t.externalEventId, t.projectId), index().on(t.projectId)],
);
