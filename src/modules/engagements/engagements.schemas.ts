import { z } from 'zod';
import { choice, isoDate, optionalChoice, text } from '#kernel/http/validation.ts';
import { engagementStatuses } from './engagements.taxonomy.ts';

/** An officer proposes an expert for a project (from a request, or from the project's suggestions). */
export const ProposeForm = z.object({
  expertId: text.required(100),
  projectId: text.required(100),
  topic: text.required(300, 5),
  brief: text.optional(5000),
});
export type ProposeForm = z.output<typeof ProposeForm>;

export const RespondForm = z
  .object({
    decision: choice(['accept', 'decline'] as const),
    reason: text.optional(2000),
  })
  .refine((r) => r.decision === 'accept' || r.reason.length > 0, {
    path: ['reason'],
    error: 'engagements.error.reasonRequired',
  });

/** Hours as people type them: "2", "1,5" or "1.5". */
const hours = z
  .string({ error: 'v.required' })
  .trim()
  .min(1, { error: 'v.required' })
  .transform((s) => Number(s.replace(',', '.')))
  .pipe(
    z
      .number({ error: 'v.number' })
      .min(0.5, { error: 'engagements.error.hours' })
      .max(24, { error: 'engagements.error.hours' }),
  )
  .transform((n) => Math.round(n * 2) / 2);

export const SessionInput = z.object({
  heldOn: isoDate(),
  hours,
  summary: text.required(5000, 10),
  nextSteps: text.optional(2000),
});
export type SessionInput = z.output<typeof SessionInput>;

export const CloseForm = z.object({ outcome: text.required(5000, 10) });

export const EngagementFilters = z.object({
  status: optionalChoice(engagementStatuses).catch(undefined),
});
