import { z } from 'zod';
import { checkbox, choice, isoDate, optionalIsoDate, text } from '#kernel/http/validation.ts';
import { roomKinds } from './spaces.taxonomy.ts';

const wholeNumber = (min: number, max: number) =>
  z
    .string({ error: 'v.required' })
    .trim()
    .min(1, { error: 'v.required' })
    .regex(/^\d{1,6}$/, { error: 'v.number' })
    .transform(Number)
    .pipe(z.number().min(min, { error: 'v.invalid' }).max(max, { error: 'v.invalid' }));

/** A room as staff enter it. */
export const RoomInput = z.object({
  name: text.required(120, 3),
  kind: choice(roomKinds),
  capacity: wholeNumber(1, 10000),
  description: text.optional(3000),
  needsApproval: checkbox(),
  maxDays: wholeNumber(1, 366),
  active: checkbox(),
});
export type RoomInput = z.output<typeof RoomInput>;

/** A time of day as `<input type="time">` sends it; 24:00 ends a day. */
const timeOfDay = z
  .string()
  .trim()
  .regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, { error: 'spaces.error.time' });

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

/**
 * A booking request: for a project, by whole days (from a day to a day) or by the hour (one day,
 * from a time to a time), with its purpose.
 */
export const BookingInput = z
  .object({ project: text.required(200), ...times, purpose: text.required(500, 5) })
  .superRefine(timesInOrder);

/** New times for a booking that still holds its room. */
export const TimesInput = z.object(times).superRefine(timesInOrder);
export type TimesInput = Omit<z.output<typeof TimesInput>, 'endDate'> & { endDate?: string | undefined };

/** A booking request as services take it (the end day may be left out). */
export type BookingInput = Omit<z.output<typeof BookingInput>, 'endDate'> & { endDate?: string | undefined };

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
