import { z } from 'zod';
import { checkbox, choice, choices, isoDate, optionalInt, optionalIsoDate, text } from '#kernel/http/validation.ts';
import type { ClosedDay, WeeklyHours } from './hours-opening.ts';
import { bookerRoles, roomKinds } from './spaces.taxonomy.ts';

const wholeNumber = (min: number, max: number) =>
  z
    .string({ error: 'v.required' })
    .trim()
    .min(1, { error: 'v.required' })
    .regex(/^\d{1,6}$/, { error: 'v.number' })
    .transform(Number)
    .pipe(z.number().min(min, { error: 'v.invalid' }).max(max, { error: 'v.invalid' }));

/** A real calendar day written yyyy-MM-dd or dd/MM/yyyy, as yyyy-MM-dd; undefined if it is not one. */
export function dayOf(written: string): string | undefined {
  const m = written.match(/^(\d{4})-(\d{2})-(\d{2})$/) ?? written.match(/^(\d{1,2})\/(\d{1,2})\/(\d{4})$/);
  if (!m) return undefined;
  const [y, mo, d] = written.includes('/') ? [m[3], m[2], m[1]] : [m[1], m[2], m[3]];
  const day = `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const at = Date.parse(`${day}T00:00:00Z`);
  return Number.isNaN(at) || !new Date(at).toISOString().startsWith(day) ? undefined : day;
}

/** A time of day as `<input type="time">` sends it; 24:00 ends a day. */
const timeOfDay = z
  .string()
  .trim()
  .regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, { error: 'spaces.error.time' });
const optionalTime = z
  .union([z.literal(''), timeOfDay])
  .optional()
  .transform((v) => v || undefined);

export const weekdays = [0, 1, 2, 3, 4, 5, 6] as const;
const hourFields = Object.fromEntries(
  weekdays.flatMap((i) => [
    [`from${i}`, optionalTime],
    [`to${i}`, optionalTime],
  ]),
);

/** Closed days, one a line: "yyyy-MM-dd" or "dd/MM/yyyy", then what to tell people. */
const closedDayLines = text.optional(5000).transform((raw, ctx): ClosedDay[] => {
  const out: ClosedDay[] = [];
  for (const line of raw
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)) {
    const [first = '', ...rest] = line.split(/\s+/);
    const day = dayOf(first);
    if (!day) {
      ctx.addIssue({ code: 'custom', message: 'spaces.error.closedDay' });
      return z.NEVER;
    }
    out.push({
      day,
      note: rest
        .join(' ')
        .replace(/^[-–:]\s*/, '')
        .slice(0, 200),
    });
  }
  if (out.length > 200) ctx.addIssue({ code: 'custom', message: 'v.tooMany|200' });
  return out;
});

/** A room as staff enter it, with its opening hours (empty times: closed that weekday). */
export const RoomInput = z
  .object({
    name: text.required(120, 3),
    kind: choice(roomKinds),
    capacity: wholeNumber(1, 10000),
    description: text.optional(3000),
    needsApproval: checkbox(),
    maxDays: wholeNumber(1, 366),
    active: checkbox(),
    rules: text.optional(3000),
    bufferMinutes: optionalInt(0, 240).transform((v) => v ?? 0),
    bookers: choices(bookerRoles),
    closedDays: closedDayLines,
    closedOnHolidays: checkbox(),
    ...hourFields,
  })
  .superRefine((r, ctx) => {
    const hours = r as unknown as Record<string, string | undefined>;
    for (const i of weekdays) {
      const from = hours[`from${i}`];
      const to = hours[`to${i}`];
      if (!from !== !to) ctx.addIssue({ code: 'custom', path: [from ? `to${i}` : `from${i}`], message: 'v.required' });
      else if (from === '24:00') ctx.addIssue({ code: 'custom', path: [`from${i}`], message: 'spaces.error.time' });
      else if (from && to && to <= from)
        ctx.addIssue({ code: 'custom', path: [`to${i}`], message: 'spaces.error.endBeforeStart' });
    }
  })
  .transform((r) => {
    const hours = r as unknown as Record<string, string | undefined>;
    const weeklyHours: WeeklyHours = weekdays.map((i) => {
      const from = hours[`from${i}`];
      const to = hours[`to${i}`];
      return from && to ? { from, to } : null;
    });
    return {
      name: r.name,
      kind: r.kind,
      capacity: r.capacity,
      description: r.description,
      needsApproval: r.needsApproval,
      maxDays: r.maxDays,
      active: r.active,
      rules: r.rules,
      bufferMinutes: r.bufferMinutes,
      bookers: r.bookers,
      closedDays: r.closedDays,
      closedOnHolidays: r.closedOnHolidays,
      weeklyHours,
    };
  });
type RoomOutput = z.output<typeof RoomInput>;
type OpeningKeys = 'rules' | 'bufferMinutes' | 'bookers' | 'closedDays' | 'closedOnHolidays' | 'weeklyHours';
/** A room as services take it: the opening rules may be left out (their defaults then). */
export type RoomInput = Omit<RoomOutput, OpeningKeys> & Partial<Pick<RoomOutput, OpeningKeys>>;

const times = {
  mode: choice(['days', 'hours'] as const),
  date: isoDate(),
  endDate: optionalIsoDate(),
  startTime: z.union([z.literal(''), timeOfDay]).optional(),
  endTime: z.union([z.literal(''), timeOfDay]).optional(),
};

type Times = { mode: 'days' | 'hours'; date: string; endDate?: string; startTime?: string; endTime?: string };

/** Whole days run from a day to a day; by the hour, one day from a time to a later time. */
function timesInOrder(b: Times, ctx: z.RefinementCtx) {
  if (b.mode === 'days') {
    if (b.endDate && b.endDate < b.date)
      ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'spaces.error.endBeforeStart' });
    return;
  }
  if (!b.startTime) ctx.addIssue({ code: 'custom', path: ['startTime'], message: 'v.required' });
  if (!b.endTime) ctx.addIssue({ code: 'custom', path: ['endTime'], message: 'v.required' });
  if (b.startTime === '24:00') ctx.addIssue({ code: 'custom', path: ['startTime'], message: 'spaces.error.time' });
  if (b.startTime && b.endTime && b.endTime <= b.startTime)
    ctx.addIssue({ code: 'custom', path: ['endTime'], message: 'spaces.error.endBeforeStart' });
}

/** Days left out of a weekly series: yyyy-MM-dd or dd/MM/yyyy, separated by commas, spaces or lines. */
const skipDays = text.optional(2000).transform((raw, ctx) => {
  const days: string[] = [];
  for (const word of raw.split(/[\s,;]+/).filter(Boolean)) {
    const day = dayOf(word);
    if (!day) {
      ctx.addIssue({ code: 'custom', message: 'spaces.error.skipDay' });
      return z.NEVER;
    }
    days.push(day);
  }
  if (days.length > 60) ctx.addIssue({ code: 'custom', message: 'v.tooMany|60' });
  return days;
});

/** The longest weekly series: a year. */
export const SERIES_DAYS = 366;

/**
 * A booking request: for a project, by whole days (from a day to a day) or by the hour (one day,
 * from a time to a time), with its purpose; repeated each week until a day, less the days skipped.
 */
export const BookingInput = z
  .object({
    project: text.required(200),
    ...times,
    purpose: text.required(500, 5),
    repeatUntil: optionalIsoDate(),
    skip: skipDays,
  })
  .superRefine(timesInOrder)
  .superRefine((b, ctx) => {
    if (!b.repeatUntil) return;
    const span = (Date.parse(b.repeatUntil) - Date.parse(b.date)) / 86_400_000;
    if (span < 7) ctx.addIssue({ code: 'custom', path: ['repeatUntil'], message: 'spaces.error.repeatUntil' });
    else if (span > SERIES_DAYS)
      ctx.addIssue({ code: 'custom', path: ['repeatUntil'], message: 'spaces.error.repeatTooLong' });
    if (b.mode === 'days' && b.endDate && (Date.parse(b.endDate) - Date.parse(b.date)) / 86_400_000 >= 7)
      ctx.addIssue({ code: 'custom', path: ['repeatUntil'], message: 'spaces.error.repeatOverlaps' });
  });

/** New times for a booking that still holds its room. */
export const TimesInput = z.object(times).superRefine(timesInOrder);
export type TimesInput = Omit<z.output<typeof TimesInput>, 'endDate'> & { endDate?: string | undefined };

/** A booking request as services take it (the end day and the repetition may be left out). */
export type BookingInput = Omit<z.output<typeof BookingInput>, 'endDate' | 'repeatUntil' | 'skip'> & {
  endDate?: string | undefined;
  repeatUntil?: string | undefined;
  skip?: string[];
};

/** An officer's decision on a requested booking; refusing needs a reason. */
export const DecisionForm = z
  .object({
    decision: choice(['approve', 'refuse'] as const),
    reason: text.optional(1000),
  })
  .refine((d) => d.decision === 'approve' || d.reason.length > 0, {
    path: ['reason'],
    error: 'spaces.error.reasonRequired',
  });

export const CancelForm = z.object({ reason: text.optional(1000) });

/** The week a calendar shows: any day of it (yyyy-MM-dd); a bad value falls back to this week. */
export const WeekQuery = z.object({ tuan: isoDate().optional().catch(undefined) });

const month = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
  .refine((m) => m >= '2000-01' && m <= '2100-12')
  .optional()
  .catch(undefined);

/** A calendar's view and day; a bad value falls back to this week (or today, this month). */
export const CalendarQuery = z.object({
  xem: z.enum(['ngay', 'tuan', 'thang']).optional().catch(undefined),
  ngay: isoDate().optional().catch(undefined),
  tuan: isoDate().optional().catch(undefined),
  thang: month,
});

/** A month (yyyy-MM); a bad value falls back to this month. */
export const MonthQuery = z.object({ thang: month });
