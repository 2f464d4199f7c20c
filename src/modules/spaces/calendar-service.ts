import { createHmac, timingSafeEqual } from 'node:crypto';
import { and, asc, eq, gt, inArray, lt } from 'drizzle-orm';
import { type Actor, isStaff } from '#kernel/auth/roles.ts';
import type { Db } from '#kernel/db/client.ts';
import { projectSummaries } from '#modules/projects/index.ts';
import { addDays, DAY, openMinutes, vnInstant, vnTime } from './bookings-rules.ts';
import { hoursOn, type Shut } from './hours-opening.ts';
import type { Room } from './spaces.service.ts';
import { booking, room } from './spaces.sql.ts';
import { holdingStatuses } from './spaces.taxonomy.ts';

// Calendars of a room or of the whole space (a day, a week, a month), the .ics feeds, and the
// occupancy of each room in a month.

export type CalendarView = 'day' | 'week' | 'month';

export interface CalendarEntry {
  id: string;
  roomSlug: string;
  roomName: string;
  /** "08:00" … "24:00" on this day (a booking over several days shows on each). */
  from: string;
  to: string;
  status: string;
  /** Shown to staff and the booker only; empty otherwise. */
  projectName: string;
  mine: boolean;
}

export interface CalendarDayView {
  day: string;
  /** For a room's calendar: its hours that day, or why it is shut. */
  open?: { from: string; to: string };
  shut?: Shut;
  entries: CalendarEntry[];
}

/** The first and the day after the last day a view shows around a day. */
export function spanOf(view: CalendarView, day: string): { first: string; end: string } {
  if (view === 'day') return { first: day, end: addDays(day, 1) };
  if (view === 'week') {
    const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
    const first = addDays(day, -weekday);
    return { first, end: addDays(first, 7) };
  }
  const first = `${day.slice(0, 7)}-01`;
  const next = new Date(`${first}T00:00:00Z`);
  next.setUTCMonth(next.getUTCMonth() + 1);
  return { first, end: next.toISOString().slice(0, 10) };
}

/** The bookings that hold some of these rooms over a span, in time order. */
async function heldIn(db: Db, roomIds: string[], from: Date, to: Date) {
  if (roomIds.length === 0) return [];
  return db
    .select({
      id: booking.id,
      roomId: booking.roomId,
      projectId: booking.projectId,
      bookedBy: booking.bookedBy,
      purpose: booking.purpose,
      wholeDays: booking.wholeDays,
      startsAt: booking.startsAt,
      endsAt: booking.endsAt,
      status: booking.status,
    })
    .from(booking)
    .where(
      and(
        inArray(booking.roomId, roomIds),
        inArray(booking.status, [...holdingStatuses]),
        lt(booking.startsAt, to),
        gt(booking.endsAt, from),
      ),
    )
    .orderBy(asc(booking.startsAt));
}

/**
 * A calendar of one room (with its hours and closed days) or of several (the whole space), day by
 * day over a day, a week or a month. Anonymous visitors see when rooms are taken, never by whom;
 * staff and the booker see the project.
 */
export async function calendarOf({
  db,
  actor,
  rooms,
  view,
  day,
}: {
  db: Db;
  actor: Actor | null;
  rooms: Room[];
  view: CalendarView;
  day: string;
}): Promise<{ first: string; end: string; days: CalendarDayView[] }> {
  const { first, end } = spanOf(view, day);
  const held = await heldIn(
    db,
    rooms.map((r) => r.id),
    vnInstant(first),
    vnInstant(end),
  );
  const staff = isStaff(actor);
  const shown = held.filter((h) => staff || (actor && h.bookedBy === actor.id));
  const projects = shown.length
    ? await projectSummaries(
        db,
        shown.map((h) => h.projectId),
      )
    : new Map<string, { name: string }>();
  const byId = new Map(rooms.map((r) => [r.id, r]));
  const single = rooms.length === 1 ? rooms[0] : undefined;
  const days: CalendarDayView[] = [];
  for (let d = first; d < end; d = addDays(d, 1)) {
    const dayStart = vnInstant(d).getTime();
    const dayEnd = dayStart + DAY;
    const entries = held
      .filter((h) => h.startsAt.getTime() < dayEnd && h.endsAt.getTime() > dayStart)
      .map((h) => {
        const mine = staff || (!!actor && h.bookedBy === actor.id);
        const r = byId.get(h.roomId);
        return {
          id: h.id,
          roomSlug: r?.slug ?? '',
          roomName: r?.name ?? '',
          from: h.startsAt.getTime() <= dayStart ? '00:00' : vnTime(h.startsAt),
          to: h.endsAt.getTime() >= dayEnd ? '24:00' : vnTime(h.endsAt),
          status: h.status,
          projectName: mine ? (projects.get(h.projectId)?.name ?? '') : '',
          mine,
        };
      });
    const on = single ? hoursOn(single, d) : undefined;
    days.push({
      day: d,
      ...(on && 'open' in on ? { open: on.open } : {}),
      ...(on && 'shut' in on ? { shut: on.shut } : {}),
      entries,
    });
  }
  return { first, end, days };
}

// ——— Occupancy ———

export interface Occupancy {
  room: Room;
  /** Hours booked (approved bookings, within opening hours). */
  booked: number;
  /** Hours the room is open in the month. */
  open: number;
  /** booked ÷ open, 0 when the room never opens. */
  rate: number;
}

/**
 * Each room's occupancy in a month: the hours of approved bookings that fall within its opening
 * hours, divided by its opening hours (closed days and holidays not counted).
 */
export async function occupancyOf(db: Db, month: string): Promise<Occupancy[]> {
  const rooms = await db.select().from(room).orderBy(asc(room.name));
  const { first, end } = spanOf('month', `${month}-01`);
  const held = (
    await heldIn(
      db,
      rooms.map((r) => r.id),
      vnInstant(first),
      vnInstant(end),
    )
  ).filter((h) => h.status === 'approved');
  return rooms.map((r) => {
    let open = 0;
    let booked = 0;
    const mine = held.filter((h) => h.roomId === r.id);
    for (let d = first; d < end; d = addDays(d, 1)) {
      const hours = openMinutes(r, d);
      if (!hours) continue;
      const from = vnInstant(d).getTime() + hours.from * 60_000;
      const to = vnInstant(d).getTime() + hours.to * 60_000;
      open += to - from;
      for (const h of mine)
        booked += Math.max(0, Math.min(to, h.endsAt.getTime()) - Math.max(from, h.startsAt.getTime()));
    }
    const hour = 3_600_000;
    return {
      room: r,
      booked: Math.round((booked / hour) * 10) / 10,
      open: Math.round((open / hour) * 10) / 10,
      rate: open ? booked / open : 0,
    };
  });
}

// ——— .ics feeds ———

/** A person's private feed address part: their id and a signature only this site can make. */
export function feedToken(secret: string, userId: string): string {
  const mac = createHmac('sha256', secret).update(`bookings-feed:${userId}`).digest('base64url').slice(0, 32);
  return `${Buffer.from(userId).toString('base64url')}.${mac}`;
}

/** The person a feed address belongs to, or null when it was not made here. */
export function feedOwner(secret: string, token: string): string | null {
  const [id, mac] = token.split('.');
  if (!id || !mac) return null;
  const userId = Buffer.from(id, 'base64url').toString();
  const expected = Buffer.from(feedToken(secret, userId).split('.')[1] ?? '');
  const given = Buffer.from(mac);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return userId;
}

/** A person's bookings that still hold a room, from a month ago on, for their feed. */
export async function feedOfPerson(db: Db, userId: string, now = new Date()) {
  return db
    .select({
      id: booking.id,
      purpose: booking.purpose,
      status: booking.status,
      startsAt: booking.startsAt,
      endsAt: booking.endsAt,
      roomName: room.name,
      roomSlug: room.slug,
    })
    .from(booking)
    .innerJoin(room, eq(room.id, booking.roomId))
    .where(
      and(
        eq(booking.bookedBy, userId),
        inArray(booking.status, [...holdingStatuses]),
        gt(booking.endsAt, new Date(now.getTime() - 31 * DAY)),
      ),
    )
    .orderBy(asc(booking.startsAt))
    .limit(1000);
}

/** A room's bookings that still hold it, from a month ago to a year ahead, for its feed. */
export async function feedOfRoom(db: Db, r: Room, now = new Date()) {
  return (await heldIn(db, [r.id], new Date(now.getTime() - 31 * DAY), new Date(now.getTime() + 366 * DAY))).slice(
    0,
    2000,
  );
}
