import { sql } from 'drizzle-orm';
import { boolean, check, customType, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { user } from '#kernel/auth/auth.sql.ts';
import { allOf, between, oneOf } from '#kernel/db/columns.ts';
import { projectKey } from '#modules/projects/index.ts';
import { alwaysOpen, type ClosedDay, type WeeklyHours } from './hours-opening.ts';
import { bookerRoles, bookingStatuses, roomKinds } from './spaces.taxonomy.ts';

/** A PostgreSQL `tstzrange`, read as its text form; only the database computes it. */
const tstzrange = customType<{ data: string }>({ dataType: () => 'tstzrange' });

/** A room of the coworking space that people book. */
export const room = pgTable(
  'room',
  {
    id: uuid().primaryKey().defaultRandom(),
    slug: text().notNull().unique(),
    name: text().notNull(),
    kind: text().notNull(),
    capacity: integer().notNull(),
    description: text().notNull().default(''),
    /** An officer must approve each booking before it is confirmed. */
    needsApproval: boolean().notNull().default(true),
    /** The longest booking, in days. */
    maxDays: integer().notNull().default(1),
    /** The room's rules, shown before booking. */
    rules: text().notNull().default(''),
    /** Minutes the room stays free between two bookings (cleaning, setting up). */
    bufferMinutes: integer().notNull().default(0),
    /** Who may book it besides staff: founders, partners, experts; staff only when empty. */
    bookers: text().array().notNull().default(sql`'{founder,partner}'::text[]`),
    /** Opening hours, Monday first; null on a day it is closed. */
    weeklyHours: jsonb().$type<WeeklyHours>().notNull().default(alwaysOpen),
    /** Days it is closed (yyyy-MM-dd, with a note). */
    closedDays: jsonb().$type<ClosedDay[]>().notNull().default([]),
    /** Closed on Vietnam's public holidays (Tết from the lunar calendar). */
    closedOnHolidays: boolean().notNull().default(true),
    active: boolean().notNull().default(true),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    oneOf('room_kind_known', t.kind, roomKinds),
    between('room_capacity', t.capacity, 1, 10000),
    between('room_max_days', t.maxDays, 1, 366),
    between('room_buffer_minutes', t.bufferMinutes, 0, 240),
    allOf('room_bookers_known', t.bookers, bookerRoles),
    check(
      'room_weekly_hours_week',
      sql`jsonb_typeof(${t.weeklyHours}) = 'array' and jsonb_array_length(${t.weeklyHours}) = 7`,
    ),
  ],
);

/**
 * A room held for a project over a time range. Two bookings that hold the same room can never
 * overlap: an exclusion constraint over (room, range), written by hand in the migration.
 */
export const booking = pgTable(
  'booking',
  {
    id: uuid().primaryKey().defaultRandom(),
    roomId: uuid()
      .notNull()
      .references(() => room.id, { onDelete: 'restrict' }),
    projectId: uuid()
      .notNull()
      .references(() => projectKey(), { onDelete: 'cascade' }),
    bookedBy: text().references(() => user.id, { onDelete: 'set null' }),
    /** The weekly series this booking is one occurrence of (each occurrence is its own row). */
    seriesId: uuid(),
    purpose: text().notNull(),
    /** Booked by whole days (midnight to midnight, Vietnam time) rather than by the hour. */
    wholeDays: boolean().notNull().default(false),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }).notNull(),
    during: tstzrange().generatedAlwaysAs(sql`tstzrange(starts_at, ends_at, '[)')`),
    status: text().notNull().default('requested'),
    decidedBy: text().references(() => user.id, { onDelete: 'set null' }),
    decidedAt: timestamp({ withTimezone: true }),
    reason: text().notNull().default(''),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.roomId, t.startsAt),
    index().on(t.projectId),
    index().on(t.status, t.startsAt),
    index().on(t.seriesId),
    oneOf('booking_status_known', t.status, bookingStatuses),
    check('booking_ends_after_start', sql`${t.endsAt} > ${t.startsAt}`),
    check('booking_refused_has_reason', sql`${t.status} <> 'refused' or ${t.reason} <> ''`),
  ],
);
