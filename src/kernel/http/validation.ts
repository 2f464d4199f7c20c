import { z } from 'zod';
import { isMessageKey, type MessageKey, type Translator } from '#kernel/i18n/index.ts';

// Field builders shared by every form and API schema, so each rule is written once.

/** UTF-8 Vietnamese read as Latin-1/Windows-1252 ("Æ°", "áº", "á»"), or the replacement character. */
const brokenEncoding = /\uFFFD|Ã[\u0080-\u00BF\u2000-\u203A]|Æ°|Ä‘|áº|á»/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: this is the list of characters we refuse
const controlChars = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** Normalises to NFC, removes control characters, trims; refuses mis-decoded text. */
const cleanText = z
  .string({ error: 'v.required' })
  .transform((s) => s.normalize('NFC').replace(controlChars, '').trim())
  .refine((s) => !brokenEncoding.test(s), { error: 'v.textEncoding' });

export const text = {
  required: (max: number, min = 1) =>
    cleanText.pipe(
      z
        .string()
        .min(1, { error: 'v.required' })
        .min(min, { error: `v.tooShort|${min}` })
        .max(max, { error: `v.tooLong|${max}` }),
    ),
  optional: (max: number) =>
    cleanText
      .pipe(z.string().max(max, { error: `v.tooLong|${max}` }))
      .optional()
      .default(''),
};

export const email = () =>
  cleanText
    .pipe(
      z
        .string()
        .min(1, { error: 'v.required' })
        .max(254, { error: 'v.tooLong|254' })
        .pipe(z.email({ error: 'v.email' })),
    )
    .transform((s) => s.toLowerCase());

/**
 * One way to write a Vietnamese phone number: digits only, a leading +84 or 84 becomes 0.
 * "0912 345 678", "+84 912 345 678" and "84912345678" are all "0912345678". Something that is not
 * a phone number after that comes back cleaned but unchanged otherwise (the form says it is wrong).
 * @example normalisePhone('+84 912.345.678') // '0912345678'
 */
export function normalisePhone(raw: string): string {
  const digits = raw.normalize('NFC').replace(/[\s.\-()]/g, '');
  if (/^\+84\d{9,10}$/.test(digits)) return `0${digits.slice(3)}`;
  if (/^84\d{9,10}$/.test(digits) && !/^0/.test(digits)) return `0${digits.slice(2)}`;
  return digits;
}

/**
 * A Vietnamese phone number, typed with or without spaces, dots or dashes, stored as digits
 * (a leading +84 becomes 0): "0912 345 678" → "0912345678".
 */
export const phone = ({ required = false } = {}) =>
  text
    .optional(20)
    .transform(normalisePhone)
    .refine((s) => !required || s !== '', { error: 'v.required' })
    .refine((s) => s === '' || /^0\d{9,10}$/.test(s), { error: 'v.phone' });

export const password = () =>
  z.string({ error: 'v.required' }).min(8, { error: 'v.passwordLength' }).max(128, { error: 'v.passwordLength' });

/** A value from a fixed list of codes (the labels live in i18n). */
export const choice = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: 'v.choose' });

export const optionalChoice = <const T extends readonly [string, ...string[]]>(values: T) =>
  z
    .union([z.literal(''), z.enum(values, { error: 'v.choose' })], { error: 'v.choose' })
    .optional()
    .transform((v) => (v ? v : undefined));

/** Several values from a list (checkboxes); a lone string counts as one. */
export const choices = <const T extends readonly [string, ...string[]]>(values: T, max = values.length) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
    .pipe(z.array(z.enum(values, { error: 'v.choose' })).max(max, { error: `v.tooMany|${max}` }))
    .transform((v) => [...new Set(v)]);

/** A checkbox: present means true. */
export const checkbox = () =>
  z
    .union([z.string(), z.boolean()])
    .optional()
    .transform((v) => v === true || v === 'on' || v === 'true' || v === '1');

/** A textarea of one item per line, each line checked by `item`. */
export const lines = <T extends z.ZodType<unknown, string>>(item: T, max: number) =>
  cleanText
    .transform((s) =>
      s
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item).max(max, { error: `v.tooMany|${max}` }))
    .optional()
    .default([]);

export const url = () => z.url({ protocol: /^https?$/, error: 'v.url' }).max(500, { error: 'v.tooLong|500' });

/** yyyy-MM-dd, as <input type="date"> sends it, and a real calendar day. */
export const isoDate = () =>
  z
    .string({ error: 'v.required' })
    .trim()
    .min(1, { error: 'v.required' })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'v.date' })
    .refine(
      (s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
      {
        error: 'v.date',
      },
    );

export const optionalIsoDate = () =>
  z
    .union([z.literal(''), isoDate()])
    .optional()
    .transform((v) => (v ? v : undefined));

export const optionalInt = (min: number, max: number) =>
  z
    .union([
      z.literal(''),
      z.coerce
        .number({ error: 'v.number' })
        .int({ error: 'v.number' })
        .min(min, { error: 'v.invalid' })
        .max(max, { error: 'v.invalid' }),
    ])
    .optional()
    .transform((v) => (v === '' || v === undefined ? undefined : v));

/**
 * An amount of đồng as Vietnamese write it: "95.000", "95 000", "95000", with or without "đ"
 * or "₫". Dots and spaces are thousands separators (đồng have no decimals), so "95.000" is
 * ninety-five thousand, never 95.
 * @example optionalVnd(0, 1_000_000_000).parse('95.000 ₫') // 95000
 */
export const optionalVnd = (min: number, max: number) =>
  z.preprocess(
    (v) => {
      if (typeof v !== 'string') return v;
      const s = v.trim().replace(/\s*(₫|đ|đồng|vnd|vnđ)$/iu, '');
      return /^\d{1,3}([.\s]\d{3})+$/u.test(s) ? s.replace(/[.\s]/gu, '') : s;
    },
    optionalInt(min, max),
  );

export type FieldErrors = Record<string, string>;

/** Our messages are i18n keys, optionally `key|max`; Zod's own defaults are mapped by code. */
function messageOf(issue: z.core.$ZodIssue, t: Translator): string {
  const [key, n] = issue.message.split('|');
  if (key && isMessageKey(key)) return t(key, n ? { min: n, max: n } : undefined);
  const fallback: Partial<Record<string, MessageKey>> = {
    invalid_type: 'v.required',
    too_small: 'v.required',
    too_big: 'v.invalid',
    invalid_format: 'v.invalid',
    invalid_value: 'v.choose',
  };
  return t(fallback[issue.code] ?? 'v.invalid');
}

/** One message per field (the first), keyed by the top-level field name. */
export function fieldErrors(error: z.ZodError, t: Translator): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '_form');
    out[field] ??= messageOf(issue, t);
  }
  return out;
}
