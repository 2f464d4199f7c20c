import { type HolidayKey, hoursOn, minutesOf, type Shut, timeOf, weekdayOf } from './hours-opening.ts';
import type { BookingInput } from './spaces.schemas.ts';
import type { room } from './spaces.sql.ts';

type Room = typeof room.$inferSelect;

// What a booking must respect before the database is asked: its room's opening hours and closed
// days, the longest booking, who may book; and how a weekly series unfolds into bookings.

const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
const VN_OFFSET = 7 * HOUR;

/** The instant of a Vietnamese day and time ("24:00" is the next midnight). */
export function vnInstant(date: string, time = '00:00'): Date {
  if (time === '24:00') return new Date(vnInstant(date).getTime() + DAY);
  return new Date(`${date}T${time}:00+07:00`);
}
/** The Vietnamese calendar day (yyyy-MM-dd) of an instant. */
export function vnDay(at: Date): string {
  return new Date(at.getTime() + VN_OFFSET).toISOString().slice(0, 10);
}
/** The Vietnamese time of day (HH:mm) of an instant. */
export function vnTime(at: Date): string {
  return new Date(at.getTime() + VN_OFFSET).toISOString().slice(11, 16);
}
/** A day moved by n days. */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
}
/** dd/MM/yyyy of a yyyy-MM-dd day. */
export const dmy = (day: string) => day.split('-').reverse().join('/');

export type Range = { startsAt: Date; endsAt: Date; wholeDays: boolean };

/** The range a booking form asks for, as two instants. */
export function rangeOf(input: Pick<BookingInput, 'mode' | 'date' | 'endDate' | 'startTime' | 'endTime'>): Range {
  if (input.mode === 'days')
    return {
      startsAt: vnInstant(input.date),
      endsAt: vnInstant(addDays(input.endDate ?? input.date, 1)),
      wholeDays: true,
    };
  return {
    startsAt: vnInstant(input.date, input.startTime || '00:00'),
    endsAt: vnInstant(input.date, input.endTime || '24:00'),
    wholeDays: false,
  };
}

/**
 * The bookings a request makes: one, or one a week from its day until `repeatUntil`, less the
 * days skipped (a skipped day is an occurrence's first day).
 */
export function occurrencesOf(input: BookingInput): Range[] {
  const first = rangeOf(input);
  if (!input.repeatUntil) return [first];
  const skip = new Set(input.skip ?? []);
  const out: Range[] = [];
  for (let week = 0; ; week++) {
    const day = addDays(input.date, week * 7);
    if (day > input.repeatUntil) break;
    if (skip.has(day)) continue;
    out.push({
      startsAt: new Date(first.startsAt.getTime() + week * 7 * DAY),
      endsAt: new Date(first.endsAt.getTime() + week * 7 * DAY),
      wholeDays: first.wholeDays,
    });
  }
  return out;
}

/** The Vietnamese days a range covers. */
export function daysOf(range: Range): string[] {
  const days: string[] = [];
  const last = vnDay(new Date(range.endsAt.getTime() - 1));
  for (let d = vnDay(range.startsAt); d <= last; d = addDays(d, 1)) days.push(d);
  return days;
}

/** Why a range does not fit the room's opening: the day, and the room shut or its hours. */
export type OpeningProblem = { day: string; shut?: Shut; hours?: { from: string; to: string } };

/**
 * Whether a range fits the room's opening: every day of a whole-day booking open; an hourly
 * booking within that day's hours.
 */
export function openingProblem(r: Room, range: Range): OpeningProblem | null {
  for (const day of daysOf(range)) {
    const on = hoursOn(r, day);
    if ('shut' in on) return { day, shut: on.shut };
    if (range.wholeDays) continue;
    const from = range.startsAt.getTime() <= vnInstant(day).getTime() ? '00:00' : vnTime(range.startsAt);
    const to = range.endsAt.getTime() >= vnInstant(addDays(day, 1)).getTime() ? '24:00' : vnTime(range.endsAt);
    if (minutesOf(from) < minutesOf(on.open.from) || minutesOf(to) > minutesOf(on.open.to))
      return { day, hours: on.open };
  }
  return null;
}

type Words = (key: string, params?: Record<string, string | number>) => string;

/** Why a room is shut, in words: the officer's note, the holiday's name, or the weekday. */
export function shutReason(t: Words, day: string, shut: Shut): string {
  if (shut.kind === 'closed') return shut.note || t('spaces.shut.closed');
  if (shut.kind === 'holiday') return t(`spaces.holiday.${shut.holiday satisfies HolidayKey}`);
  return t('spaces.shut.weekday', { weekday: t(`spaces.weekday.${weekdayOf(day)}`) });
}

/** The hours a room is open on a day, in minutes (0 when shut). */
export function openMinutes(r: Room, day: string): { from: number; to: number } | null {
  const on = hoursOn(r, day);
  return 'open' in on ? { from: minutesOf(on.open.from), to: minutesOf(on.open.to) } : null;
}

/**
 * The free stretches of a day: the opening hours less the bookings, each widened by the room's
 * buffer on both sides.
 */
export function freeStretches(
  r: Room,
  day: string,
  held: { startsAt: Date; endsAt: Date }[],
): { from: string; to: string }[] {
  const open = openMinutes(r, day);
  if (!open) return [];
  const dayStart = vnInstant(day).getTime();
  const buffer = r.bufferMinutes * 60_000;
  const minute = (ms: number) => Math.round((ms - dayStart) / 60_000);
  const free: { from: string; to: string }[] = [];
  let cursor = open.from;
  for (const h of [...held].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())) {
    const from = minute(h.startsAt.getTime() - buffer);
    const to = minute(h.endsAt.getTime() + buffer);
    if (to <= cursor) continue;
    if (from >= open.to) break;
    if (from > cursor) free.push({ from: timeOf(cursor), to: timeOf(from) });
    cursor = Math.max(cursor, to);
  }
  if (cursor < open.to) free.push({ from: timeOf(cursor), to: timeOf(open.to) });
  return free;
}

/** Whether two ranges come closer than the buffer (or overlap). */
export function tooClose(
  a: Range | { startsAt: Date; endsAt: Date },
  b: { startsAt: Date; endsAt: Date },
  bufferMinutes: number,
) {
  const buffer = bufferMinutes * 60_000;
  return a.startsAt.getTime() < b.endsAt.getTime() + buffer && b.startsAt.getTime() < a.endsAt.getTime() + buffer;
}
