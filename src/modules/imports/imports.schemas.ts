import { z } from 'zod';

/** The upload form: what kind of list, for which ended event; the file comes beside it. */
export const StartInput = z.object({
  kind: z.string().max(40).optional().default(''),
  event: z.string().max(40).optional().default(''),
});
export type StartInput = z.output<typeof StartInput>;

/** The column matching form: `col0`, `col1`… each a field or '' (left out). */
export const FieldsInput = z.record(z.string().max(40), z.union([z.string().max(40), z.array(z.string().max(40))]));
