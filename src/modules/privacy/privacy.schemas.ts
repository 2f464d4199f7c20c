import { z } from 'zod';
import { choice, isoDate, text } from '#kernel/http/validation.ts';
import { legalBases, requestKinds } from './privacy.taxonomy.ts';

/** A new version of the privacy notice. */
export const NoticeInput = z.object({
  version: text.required(20).pipe(z.string().regex(/^[0-9A-Za-z.-]+$/, { error: 'privacy.v.version' })),
  effectiveOn: isoDate(),
  textVi: text.required(50_000, 20),
  textEn: text.optional(50_000),
});
export type NoticeInput = z.output<typeof NoticeInput>;

/** A data subject's request, filed from their account page. */
export const DataRequestInput = z.object({
  kind: choice(requestKinds),
  details: text.optional(4000),
});
export type DataRequestInput = z.output<typeof DataRequestInput>;

/** An officer's decision on a request: done or refused, always with the reason the person reads. */
export const DecisionInput = z.object({
  decision: choice(['done', 'refused'] as const),
  reason: text.required(4000, 5),
});
export type DecisionInput = z.output<typeof DecisionInput>;

/** Deleting one's own account: the password again. */
export const DeleteAccountInput = z.object({
  password: z.string({ error: 'v.required' }).min(1, { error: 'v.required' }).max(128, { error: 'v.tooLong|128' }),
});
export type DeleteAccountInput = z.output<typeof DeleteAccountInput>;

/** `yyyy-MM-ddTHH:mm` from <input type="datetime-local">, read as Vietnam time. */
const localTime = () =>
  z
    .string({ error: 'v.required' })
    .trim()
    .min(1, { error: 'v.required' })
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { error: 'privacy.v.dateTime' })
    .transform((s) => new Date(`${s}:00+07:00`))
    .refine((d) => !Number.isNaN(d.getTime()), { error: 'privacy.v.dateTime' });

const optionalLocalTime = () =>
  z
    .union([z.literal(''), localTime()])
    .optional()
    .transform((v) => (v ? v : null));

/** A breach as an admin records it, and later completes it. */
export const BreachInput = z
  .object({
    title: text.required(200, 3),
    description: text.required(8000, 10),
    discoveredAt: localTime(),
    dataAffected: text.optional(4000),
    peopleAffected: text.optional(4000),
    measures: text.optional(8000),
    notifiedAt: optionalLocalTime(),
    notifiedTo: text.optional(500),
  })
  .superRefine((b, ctx) => {
    // Runs even when a field failed: only dates that were read are compared.
    if (!(b.discoveredAt instanceof Date)) return;
    if (b.discoveredAt.getTime() > Date.now() + 5 * 60_000)
      ctx.addIssue({ code: 'custom', path: ['discoveredAt'], message: 'privacy.v.future' });
    if (b.notifiedAt instanceof Date && b.notifiedAt < b.discoveredAt)
      ctx.addIssue({ code: 'custom', path: ['notifiedAt'], message: 'privacy.v.notifiedBefore' });
  });
export type BreachInput = z.output<typeof BreachInput>;

/** What an officer states for the people in an imported file. */
export const ImportConsentInput = z.object({
  basis: choice(legalBases),
  statement: text.required(2000, 10),
});
export type ImportConsentInput = z.output<typeof ImportConsentInput>;
