import type { Context } from 'hono';
import type { z } from 'zod';
import { holdFiles, withHeldFiles } from '#kernel/files/held.ts';
import type { AppEnv } from './context.ts';
import { CSRF_FIELD } from './csrf.ts';
import { AppError } from './errors.ts';
import { type FieldErrors, fieldErrors } from './validation.ts';

export type FormValues = Record<string, string | string[]>;

/** Files chosen in the form's file fields (empty file inputs are left out). */
export type FormFiles = Record<string, File[]>;

export type FormResult<T> =
  | { ok: true; data: T; values: FormValues; files: FormFiles }
  | { ok: false; errors: FieldErrors; values: FormValues; files: FormFiles };

/**
 * Reads a submitted form and validates it; on failure gives the messages (in the user's
 * language) and what the user typed, so the form can be shown again with nothing lost.
 * @example const form = await readForm(c, ProjectInput); if (!form.ok) return renderForm(422, form)
 */
export async function readForm<S extends z.ZodType>(c: Context<AppEnv>, schema: S): Promise<FormResult<z.output<S>>> {
  const body = await c.req.parseBody({ all: true });
  const values: FormValues = {};
  const files: FormFiles = {};
  for (const [k, v] of Object.entries(body)) {
    if (k === CSRF_FIELD) continue;
    const all = Array.isArray(v) ? v : [v];
    const chosen = all.filter((x): x is File => typeof x !== 'string' && (x.size > 0 || x.name !== ''));
    if (chosen.length > 0) files[k] = chosen;
    if (Array.isArray(v)) values[k] = v.filter((x): x is string => typeof x === 'string');
    else if (typeof v === 'string') values[k] = v;
  }
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data, values, files };
  return { ok: false, errors: fieldErrors(result.error, c.var.t), values, files };
}

/** Reads one form value as a string (the first when repeated). */
export function formValue(values: FormValues | undefined, name: string): string {
  const v = values?.[name];
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
}

export function formValues(values: FormValues | undefined, name: string): string[] {
  const v = values?.[name];
  return Array.isArray(v) ? v : v ? [v] : [];
}

/** A service's refusal as a form shows it: per-field messages, else one message at the top. */
export function formErrors(c: Context<AppEnv>, error: AppError): FieldErrors {
  const fields = Object.entries(error.fields).map(([name, key]) => [name, c.var.t(key, error.params)] as const);
  if (fields.length > 0) return Object.fromEntries(fields);
  return { _form: c.var.t(error.messageKey, error.params) };
}

/**
 * The one submit path of a form page: reads and validates the form, then `save`s it. Bad input, or
 * a service's `validation` refusal, shows the form again (422) with what was typed and the
 * messages; any other error goes on up. With `conflicts: 'form'`, a `conflict` refusal (someone
 * changed the thing meanwhile) is shown on the form too, as 409, with what was typed kept.
 * @example return submitForm(c, ProjectInput, (values, errors) => projectForm(c, target, values, errors, 422), (input) => save(input))
 */
export async function submitForm<S extends z.ZodType>(
  c: Context<AppEnv>,
  schema: S,
  showAgain: (values: FormValues, errors: FieldErrors, status: 409 | 422) => Response | Promise<Response>,
  save: (data: z.output<S>, files: FormFiles) => Promise<Response>,
  options: { conflicts?: 'form' } = {},
): Promise<Response> {
  const form = await readForm(c, schema);
  const { db } = c.var.deps;
  const actorId = c.var.actor?.id;
  // Files chosen on an earlier try that came back with an error are held, not lost.
  const files = await withHeldFiles(db, actorId, form.values, form.files);
  if (!form.ok) return showAgain(await holdFiles(db, actorId, form.values, files, form.errors), form.errors, 422);
  try {
    return await save(form.data, files);
  } catch (error) {
    if (error instanceof AppError && error.code === 'validation') {
      const errors = formErrors(c, error);
      return showAgain(await holdFiles(db, actorId, form.values, files, errors), errors, 422);
    }
    if (error instanceof AppError && error.code === 'conflict' && options.conflicts === 'form') {
      const errors = formErrors(c, error);
      return showAgain(await holdFiles(db, actorId, form.values, files, errors), errors, 409);
    }
    throw error;
  }
}
