import type { FormValues } from '#kernel/http/forms.ts';
import type { FieldErrors } from '#kernel/http/validation.ts';
import type { PageContext } from '#kernel/ui/context.ts';

/** What every form page receives: the request facts, and on a failed submit what was typed and what is wrong. */
export interface FormPageProps {
  ctx: PageContext;
  values?: FormValues;
  errors?: FieldErrors;
}

/** One typed value, for putting back in its field. */
export function typed(values: FormValues | undefined, name: string): string {
  const v = values?.[name];
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
}
