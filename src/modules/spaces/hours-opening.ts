import { convertLunar2Solar } from 'amlich';

// When a room is open: its weekly hours, the days it is closed, and Vietnam's public holidays
// (Tết and the Hùng Kings' day from the Vietnamese lunar calendar, computed at UTC+7).

/** One day's opening hours ("07:30" to "17:00"; "24:00" ends the day), or null when closed. */
export type DayHours = { from: string; to: string } | null;
/** Monday first, Sunday last. */
export type WeeklyHours = DayHours[];
/** A day the room is closed, with what the officer wrote. */
export type ClosedDay = { day: string; note: string };

/** Open all day every day: rooms made before opening hours existed. */
export const alwaysOpen: WeeklyHours = Array.from({ length: 7 }, () => ({ from: '00:00', to: '24:00' }));

const pad = (n: number) => String(n).padStart(2, '0');
const iso = ([d, m, y]: [number, number, number]) => `${y}-${pad(m)}-${pad(d)}`;
const shift = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** The solar day (yyyy-MM-dd) of a lunar date in Vietnam. */
export function lunarToSolar(day: number, month: number, lunarYear: number): string {
  return iso(convertLunar2Solar(day, month, lunarYear, 0, 7));
}

export type HolidayKey = 'newYear' | 'tet' | 'hungKings' | 'reunification' | 'labour' | 'national';

const cache = new Map<number, Map<string, HolidayKey>>();

/**
 * Vietnam's public holidays of a solar year (Labour Code 2019, art. 112): 1 January; Tết, the
 * last day of the lunar year and the first four of the new one; the Hùng Kings' day (10/3
 * lunar); 30 April; 1 May; 2 September and the day before it. Days the government swaps are
 * entered by the officer as closed days.
 */
export function holidaysOf(year: number): Map<string, HolidayKey> {
  const known = cache.get(year);
  if (known) return known;
  const days = new Map<string, HolidayKey>();
  days.set(`${year}-01-01`, 'newYear');
  // Tết of this lunar year and of the next (its eve may fall on 31 December… in theory).
  for (const lunarYear of [year, year + 1]) {
    const tet = lunarToSolar(1, 1, lunarYear);
    for (let i = -1; i <= 3; i++) {
      const d = shift(tet, i);
      if (d.startsWith(String(year))) days.set(d, 'tet');
    }
  }
  days.set(lunarToSolar(10, 3, year), 'hungKings');
  days.set(`${year}-04-30`, 'reunification');
  days.set(`${year}-05-01`, 'labour');
  days.set(`${year}-09-01`, 'national');
  days.set(`${year}-09-02`, 'national');
  cache.set(year, days);
  return days;
}

/** The holiday a day is, if any. */
export function holidayOn(day: string): HolidayKey | undefined {
  return holidaysOf(Number(day.slice(0, 4))).get(day);
}

/** Monday 0 … Sunday 6 of a yyyy-MM-dd day. */
export function weekdayOf(day: string): number {
  return (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
}

export interface OpeningRules {
  weeklyHours: WeeklyHours;
  closedDays: ClosedDay[];
  closedOnHolidays: boolean;
}

/** Why a room is shut on a day: a closed day (with its note), a holiday, or its weekday. */
export type Shut = { kind: 'closed'; note: string } | { kind: 'holiday'; holiday: HolidayKey } | { kind: 'weekday' };

/** A room's hours on a day, or why it is shut. */
export function hoursOn(rules: OpeningRules, day: string): { open: { from: string; to: string } } | { shut: Shut } {
  const closed = rules.closedDays.find((c) => c.day === day);
  if (closed) return { shut: { kind: 'closed', note: closed.note } };
  if (rules.closedOnHolidays) {
    const holiday = holidayOn(day);
    if (holiday) return { shut: { kind: 'holiday', holiday } };
  }
  const hours = rules.weeklyHours[weekdayOf(day)];
  if (!hours) return { shut: { kind: 'weekday' } };
  return { open: hours };
}

/** Minutes since midnight of "HH:mm" ("24:00" is 1440). */
export const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
/** "HH:mm" of minutes since midnight. */
export const timeOf = (minutes: number) => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
