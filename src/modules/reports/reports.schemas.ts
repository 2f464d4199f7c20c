import { z } from 'zod';
import { text } from '#kernel/http/validation.ts';
import { checkPeriod, day, periodFields } from './period.ts';

/** Text the officer types one item a line: the lines that are not blank. */
const lines = (max: number, most: number) =>
  text
    .required(max)
    .transform((s) =>
      s
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean),
    )
    .refine((l) => l.length <= most, { error: 'reports.word.recipientsTooMany' });

/**
 * The Word report's form: the period, who issues it, its number and date, and what the officer
 * writes around the figures. Blank issuer fields fall back to the Department of the province.
 */
export const WordInput = z
  .object({
    ...periodFields,
    parentBody: text.optional(120),
    body: text.optional(120),
    place: text.optional(60),
    number: text.optional(10).refine((s) => /^\d*$/.test(s), { error: 'reports.word.numberInvalid' }),
    signedOn: day('reports.word.signedOnRequired'),
    difficulties: text.required(5000),
    proposals: text.required(5000),
    recipients: lines(3000, 30),
    signerTitle: text.required(120),
    signerName: text.required(120),
  })
  .superRefine(checkPeriod);
export type WordInput = z.infer<typeof WordInput>;
