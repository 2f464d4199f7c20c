import { z } from 'zod';

/** The merge form: the record to keep and the officer's confirmation. */
export const MergeInput = z.object({
  keep: z.string({ error: 'people.merge.same' }).uuid({ error: 'people.merge.same' }),
  confirm: z.literal('on', { error: 'people.merge.confirmNeeded' }),
});
export type MergeInput = z.infer<typeof MergeInput>;
