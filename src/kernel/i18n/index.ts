import { en } from './en.ts';
import { vi } from './vi.ts';

export const languages = ['vi', 'en'] as const;
export type Lang = (typeof languages)[number];

/**
 * Every message key: the kernel's words, and each module's, which its `<name>.i18n.ts` adds with
 * `declare module '#kernel/i18n/index.ts' { interface Messages extends Record<keyof typeof vi, string> {} }`.
 * The kernel imports no module: a module's words reach the catalogues when its face is defined.
 */
export interface Messages extends Record<keyof typeof vi, string> {}
export type MessageKey = keyof Messages & string;
export type Params = Record<string, string | number>;
/** Words of one language; `lang` says which, for numbers formatted next to them. */
export type Translator = ((key: MessageKey, params?: Params) => string) & { lang?: Lang };

/** A module's words: Vietnamese is the source of the keys, English has every one of them. */
export interface Words<K extends string = string> {
  vi: Record<K, string>;
  en: Record<K, string>;
}

const catalogues: Record<Lang, Record<string, string>> = { vi: { ...vi }, en: { ...en } };

/**
 * Adds a module's words to the catalogues; `defineModule` calls it, so importing a module's face
 * is enough. A key that another module already uses is a mistake and stops the start.
 */
export function registerWords(words: Words, owner: string): void {
  for (const key of Object.keys(words.vi)) {
    const known = catalogues.vi[key];
    if (known !== undefined && known !== words.vi[key])
      throw new Error(`message key ${key} of ${owner} is already used`);
  }
  Object.assign(catalogues.vi, words.vi);
  Object.assign(catalogues.en, words.en);
}
export const timeZone = 'Asia/Ho_Chi_Minh';

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

export function isMessageKey(value: string): value is MessageKey {
  return value in catalogues.vi;
}

/**
 * A translator for one language; `{name}` placeholders are filled from params.
 * @example translator('vi')('projects.count', { count: 3 })
 */
export function translator(lang: Lang): Translator {
  const catalogue = catalogues[lang];
  const source = catalogues.vi;
  const t: Translator = (key, params) => {
    const text = catalogue[key] ?? source[key] ?? key;
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
  };
  t.lang = lang;
  return t;
}

// Intl formatters are costly to build (and their memory is slow to come back): build each once.
const numberFormats: Record<Lang, Intl.NumberFormat> = {
  vi: new Intl.NumberFormat('vi-VN'),
  en: new Intl.NumberFormat('en-GB'),
};
const dateFormat = new Intl.DateTimeFormat('en-GB', { timeZone, day: '2-digit', month: '2-digit', year: 'numeric' });
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});
const isoDayFormat = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });

/** Formats a number the Vietnamese way (1.234.567) or the English way. */
export function formatNumber(n: number, lang: Lang = 'vi'): string {
  return numberFormats[lang].format(n);
}

/** dd/MM/yyyy in Vietnam's time zone, whatever the server's. Accepts Date or an ISO date string. */
export function formatDate(value: Date | string | null | undefined): string {
  if (!value) return '';
  const d = typeof value === 'string' ? new Date(value.length === 10 ? `${value}T00:00:00+07:00` : value) : value;
  return dateFormat.format(d);
}

/** dd/MM/yyyy HH:mm in Vietnam's time zone. */
export function formatDateTime(value: Date | string | null | undefined): string {
  if (!value) return '';
  const d = typeof value === 'string' ? new Date(value) : value;
  return dateTimeFormat.format(d).replace(',', '');
}

/** 1.500.000 ₫ */
export function formatVnd(n: number, lang: Lang = 'vi'): string {
  return `${formatNumber(Math.round(n), lang)} ₫`;
}

/** HH:mm of a moment in Vietnam (UTC+7 all year: no daylight saving). */
export function timeInVietnam(d: Date): string {
  return new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(11, 16);
}

/** Today's date (yyyy-MM-dd) in Vietnam. */
export function todayInVietnam(now = new Date()): string {
  return isoDayFormat.format(now);
}
