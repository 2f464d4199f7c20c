import type { FC, PropsWithChildren } from 'hono/jsx';
import { heldField, heldFiles } from '#kernel/files/held.ts';
import type { FormValues } from '#kernel/http/forms.ts';
import type { Translator } from '#kernel/i18n/index.ts';

export const CsrfField: FC<{ token: string }> = ({ token }) => <input type="hidden" name="_csrf" value={token} />;

/**
 * A POST form that carries the CSRF token; `novalidate` so the server's Vietnamese messages show.
 * `multipart` for forms with file fields.
 */
export const PostForm: FC<
  PropsWithChildren<{ action: string; csrfToken: string; class?: string; id?: string; multipart?: boolean }>
> = ({ action, csrfToken, children, multipart, ...rest }) => (
  <form method="post" action={action} novalidate enctype={multipart ? 'multipart/form-data' : undefined} {...rest}>
    <CsrfField token={csrfToken} />
    {children}
  </form>
);

export interface ErrorSummaryProps {
  t: Translator;
  errors: Record<string, string>;
  /** Field name → label, so each message names its field. */
  labels?: Record<string, string>;
  /** The `scope` the form's fields were given, so the links reach them. */
  scope?: string;
}

/** The list of problems at the top of a failed form, each linking to its field (GOV.UK pattern). */
export const ErrorSummary: FC<ErrorSummaryProps> = ({ t, errors, labels = {}, scope }) => {
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabindex={-1} data-module="error-summary">
      <h2>{t('errors.summary')}</h2>
      <ul>
        {entries.map(([field, message]) =>
          field === '_form' ? (
            <li>{message}</li>
          ) : (
            <li>
              <a href={`#f-${scope ? `${field}-${scope}` : field}`}>
                {labels[field] ? `${labels[field]}: ${message}` : message}
              </a>
            </li>
          ),
        )}
      </ul>
    </div>
  );
};

interface FieldBase {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  required?: boolean;
  optionalText?: string;
  /**
   * For a form shown several times on one page (one per suggestion): its fields' ids get this
   * suffix, so that every id is unique and each label points at its own field.
   */
  scope?: string;
}

/** The part of the ids that names the field: `f-…` for the control, `h-…` its hint, `e-…` its error. */
const idOf = (p: { name: string; scope?: string }) => (p.scope ? `${p.name}-${p.scope}` : p.name);

const Label: FC<FieldBase & { for?: string }> = ({ name, scope, label, required, optionalText }) => (
  <label for={`f-${idOf({ name, scope })}`}>
    {label}
    {!required && optionalText ? <span class="optional"> {optionalText}</span> : null}
  </label>
);

function describedBy(name: string, hint?: string, error?: string): string | undefined {
  const ids = [hint ? `h-${name}` : '', error ? `e-${name}` : ''].filter(Boolean).join(' ');
  return ids || undefined;
}

const HintAndError: FC<{ name: string; hint?: string; error?: string }> = ({ name, hint, error }) => (
  <>
    {hint && (
      <p class="hint" id={`h-${name}`}>
        {hint}
      </p>
    )}
    {error && (
      <p class="field-error" id={`e-${name}`}>
        {error}
      </p>
    )}
  </>
);

export interface InputProps extends FieldBase {
  value?: string;
  type?: 'text' | 'email' | 'password' | 'tel' | 'url' | 'date' | 'time' | 'number' | 'search';
  autocomplete?: string;
  inputmode?: 'numeric' | 'decimal' | 'tel' | 'email' | 'search';
  maxlength?: number;
}

export const Input: FC<InputProps> = (p) => (
  <div class={`field${p.error ? ' has-error' : ''}`}>
    <Label {...p} />
    <HintAndError name={idOf(p)} hint={p.hint} error={p.error} />
    <input
      id={`f-${idOf(p)}`}
      name={p.name}
      type={p.type ?? 'text'}
      value={p.type === 'password' ? '' : (p.value ?? '')}
      autocomplete={p.autocomplete}
      inputmode={p.inputmode}
      maxlength={p.maxlength}
      required={p.required}
      aria-invalid={p.error ? 'true' : undefined}
      aria-describedby={describedBy(idOf(p), p.hint, p.error)}
    />
  </div>
);

/**
 * A file field. Browsers cannot keep a chosen file after a failed submit, so the hint says what
 * is accepted and the page re-asks only for the file (everything typed is kept).
 */
/**
 * A file field. `values` (the form shown again) lists the files held from the last try as ticked
 * boxes: sent again unless unticked or replaced by a new choice.
 */
export const FileInput: FC<FieldBase & { accept: string; multiple?: boolean; values?: FormValues; t?: Translator }> = (
  p,
) => (
  <div class={`field${p.error ? ' has-error' : ''}`}>
    <Label {...p} />
    <HintAndError name={idOf(p)} hint={p.hint} error={p.error} />
    {heldFiles(p.values, p.name).length > 0 && (
      <fieldset class="held-files">
        <legend>{p.t?.('form.heldFiles')}</legend>
        {heldFiles(p.values, p.name).map((h, i) => (
          <label>
            <input type="checkbox" name={heldField(p.name)} value={h.value} checked id={`f-${idOf(p)}-held-${i}`} />{' '}
            {h.name}
          </label>
        ))}
      </fieldset>
    )}
    <input
      id={`f-${idOf(p)}`}
      name={p.name}
      type="file"
      accept={p.accept}
      multiple={p.multiple}
      aria-invalid={p.error ? 'true' : undefined}
      aria-describedby={describedBy(idOf(p), p.hint, p.error)}
    />
  </div>
);

export const TextArea: FC<FieldBase & { value?: string; rows?: number; maxlength?: number }> = (p) => (
  <div class={`field${p.error ? ' has-error' : ''}`}>
    <Label {...p} />
    <HintAndError name={idOf(p)} hint={p.hint} error={p.error} />
    <textarea
      id={`f-${idOf(p)}`}
      name={p.name}
      rows={p.rows ?? 4}
      maxlength={p.maxlength}
      required={p.required}
      aria-invalid={p.error ? 'true' : undefined}
      aria-describedby={describedBy(idOf(p), p.hint, p.error)}
    >
      {p.value ?? ''}
    </textarea>
  </div>
);

export interface Option {
  value: string;
  label: string;
}

export const Select: FC<FieldBase & { value?: string; options: Option[]; placeholder?: string }> = (p) => (
  <div class={`field${p.error ? ' has-error' : ''}`}>
    <Label {...p} />
    <HintAndError name={idOf(p)} hint={p.hint} error={p.error} />
    <select
      id={`f-${idOf(p)}`}
      name={p.name}
      required={p.required && p.placeholder !== undefined}
      aria-required={p.required && p.placeholder === undefined ? 'true' : undefined}
      aria-invalid={p.error ? 'true' : undefined}
      aria-describedby={describedBy(idOf(p), p.hint, p.error)}
    >
      {p.placeholder !== undefined && <option value="">{p.placeholder}</option>}
      {p.options.map((o) => (
        <option value={o.value} selected={o.value === p.value}>
          {o.label}
        </option>
      ))}
    </select>
  </div>
);

/** A group of checkboxes (several answers) in a fieldset with a legend. */
export const Checkboxes: FC<FieldBase & { values?: string[]; options: Option[] }> = (p) => (
  <fieldset
    class={`field checkboxes${p.error ? ' has-error' : ''}`}
    id={`f-${idOf(p)}`}
    aria-describedby={describedBy(idOf(p), p.hint, p.error)}
  >
    <legend>{p.label}</legend>
    <HintAndError name={idOf(p)} hint={p.hint} error={p.error} />
    {p.options.map((o, i) => (
      <div class="check">
        <input
          type="checkbox"
          id={`f-${idOf(p)}-${i}`}
          name={p.name}
          value={o.value}
          checked={p.values?.includes(o.value)}
        />
        <label for={`f-${idOf(p)}-${i}`}>{o.label}</label>
      </div>
    ))}
  </fieldset>
);

/** One yes/no checkbox. */
export const Checkbox: FC<FieldBase & { checked?: boolean }> = (p) => (
  <div class={`field check single${p.error ? ' has-error' : ''}`}>
    <HintAndError name={idOf(p)} hint={p.hint} error={p.error} />
    <input
      type="checkbox"
      id={`f-${idOf(p)}`}
      name={p.name}
      value="on"
      checked={p.checked}
      aria-invalid={p.error ? 'true' : undefined}
      aria-describedby={describedBy(idOf(p), p.hint, p.error)}
    />
    <label for={`f-${idOf(p)}`}>{p.label}</label>
  </div>
);

export const Button: FC<
  PropsWithChildren<{ kind?: 'primary' | 'secondary' | 'warning'; name?: string; value?: string }>
> = ({ kind = 'primary', children, name, value }) => (
  <button type="submit" class={`button button-${kind}`} name={name} value={value}>
    {children}
  </button>
);
