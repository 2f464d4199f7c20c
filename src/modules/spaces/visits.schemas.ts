import { z } from 'zod';
import { choice, email, isoDate, optionalIsoDate, phone, text } from '#kernel/http/validation.ts';
import { visitPurposes } from './visits.taxonomy.ts';

/** A yyyy-MM month. */
const month = z
  .string()
  .trim()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'v.invalid' });

/**
 * A self check-in from the QR poster. A signed-in visitor gives only the purpose and a note; a
 * walk-in also gives a name and a phone (the registry knows them by it next time) and a commune.
 */
export const CheckInInput = z.object({
  fullName: text.optional(120),
  phone: phone(),
  commune: text.optional(80),
  purpose: choice(visitPurposes),
  note: text.optional(1000),
});
export type CheckInInput = z.output<typeof CheckInInput>;

/** A walk-in's facts must be there when nobody is signed in. */
export const WalkInCheckIn = CheckInInput.superRefine((v, ctx) => {
  if (v.fullName.length < 2) ctx.addIssue({ code: 'custom', path: ['fullName'], message: 'v.required' });
  if (v.phone === '') ctx.addIssue({ code: 'custom', path: ['phone'], message: 'v.required' });
});

/** A visit as the officer records it at the desk: anyone, any day up to today. */
export const DeskVisitInput = z.object({
  fullName: text.required(120, 2),
  phone: phone(),
  email: z
    .union([z.literal(''), email()])
    .optional()
    .default(''),
  commune: text.optional(80),
  purpose: choice(visitPurposes),
  note: text.optional(1000),
  visitedOn: optionalIsoDate(),
});
export type DeskVisitInput = z.output<typeof DeskVisitInput>;

/** The visits list: one day, or one month. */
export const VisitsQuery = z.object({
  ngay: isoDate().optional().catch(undefined),
  thang: month.optional().catch(undefined),
});
