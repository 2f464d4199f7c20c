import { isMessageKey, type Translator } from '#kernel/i18n/index.ts';
import type { Option } from './form.tsx';

// Codes (stage, kind, status…) live in the database; their words live in i18n under
// `<prefix>.<code>`. These two helpers are the one way to turn one into the other.

/** Options for a select or checkboxes from a list of codes and their i18n prefix. */
export function optionsOf(t: Translator, prefix: string, codes: readonly string[]): Option[] {
  return codes.map((code) => ({ value: code, label: labelOf(t, prefix, code) }));
}

/** The label of one code, or the code itself when the catalogue has none. */
export function labelOf(t: Translator, prefix: string, code: string): string {
  const key = `${prefix}.${code}`;
  return isMessageKey(key) ? t(key) : code;
}
