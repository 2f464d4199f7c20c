import type { Db } from '#kernel/db/client.ts';

/** One value of a person's data, as JSON and a spreadsheet cell both hold it. */
export type PersonalValue = string | number | boolean | null;

/**
 * One part of what the site holds about a person, given by the module that keeps it: its title
 * (an i18n key) and its rows, each an object of named values (the names are the JSON fields and
 * the spreadsheet's columns).
 */
export interface PersonalDataPart {
  key: string;
  rows: Record<string, PersonalValue>[];
}

/** What a module exports from its face as `personalDataOf`: its parts for one account. */
export type PersonalDataSource = (db: Db, userId: string) => Promise<PersonalDataPart[]>;

const plain = (v: unknown): PersonalValue =>
  v === null || v === undefined
    ? null
    : v instanceof Date
      ? v.toISOString()
      : Array.isArray(v)
        ? v.map(String).join(', ')
        : typeof v === 'object'
          ? JSON.stringify(v)
          : (v as PersonalValue);

/**
 * A part from the rows of a query: dates as ISO text and lists joined, so JSON and Excel show the
 * same values.
 * @example personalPart('projects.personalData.projects', await db.select({ project: project.name }).from(project)…)
 */
export function personalPart(key: string, found: Record<string, unknown>[]): PersonalDataPart {
  return {
    key,
    rows: found.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, plain(v)]))),
  };
}

/** Whose data is being erased: the account, and how the people registry and seats know them. */
export interface ErasedSubject {
  userId: string;
  /** The account's e-mail, lower-cased, as it was before the account was anonymised. */
  email: string;
  /** The account's phone (digits), or '' when none. */
  phone: string;
}

/**
 * What a module exports from its face as `anonymise`: inside the deletion's transaction, it
 * replaces what identifies the person in its own tables (names, phones, e-mails, free text about
 * them) and keeps the rows and the facts that reports count (dates, kinds, sex, year of birth,
 * commune), so that no report figure changes.
 */
export type PersonalDataEraser = (db: Db, subject: ErasedSubject) => Promise<void>;

/** The name an anonymised person or account is shown with. */
export const anonymisedName = 'Người dùng đã xóa';
