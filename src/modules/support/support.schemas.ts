import { z } from 'zod';
import {
  choice,
  isoDate,
  lines,
  optionalChoice,
  optionalInt,
  optionalIsoDate,
  optionalVnd,
  text,
  url,
} from '#kernel/http/validation.ts';
import { providerKinds, supportKinds, supportStatuses } from './support.taxonomy.ts';

/** What an officer types to record support given outside the system; the API takes the same. */
export const SupportInput = z
  .object({
    kind: choice(supportKinds),
    title: text.required(300, 3),
    providerKind: choice(providerKinds),
    providerName: text.required(200),
    startedOn: isoDate(),
    endedOn: optionalIsoDate(),
    status: choice(supportStatuses),
    outcome: text.optional(5000),
    participants: optionalInt(0, 1_000_000),
    contractValueVnd: optionalVnd(0, 1_000_000_000_000),
    salesGrowthPercent: optionalInt(-100, 10_000),
    evidence: lines(url(), 10),
  })
  .refine((s) => !s.endedOn || s.endedOn >= s.startedOn, { path: ['endedOn'], error: 'v.dateOrder' });

export type SupportInput = z.output<typeof SupportInput>;

export const SupportFilters = z.object({
  kind: optionalChoice(supportKinds).catch(undefined),
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  q: z.string().max(100).optional().catch(undefined),
});
export type SupportFilters = z.output<typeof SupportFilters>;
