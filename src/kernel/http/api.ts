import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from './context.ts';
import { fieldErrors } from './validation.ts';

/** The one error shape of the JSON API. */
export const ErrorResponse = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      fields: z.record(z.string(), z.string()).optional(),
    }),
  })
  .openapi('Error');

/** Invalid input to an API route: 422 with a message per field, in the caller's language. */
export function apiValidationHook(
  result: { success: true } | { success: false; error: z.ZodError },
  c: Context<AppEnv>,
) {
  if (result.success) return;
  const t = c.var.t;
  return c.json(
    { error: { code: 'validation', message: t('errors.validation'), fields: fieldErrors(result.error, t) } },
    422,
  );
}
