import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { user } from '#kernel/auth/auth.sql.ts';
import { notNegative, oneOf } from '#kernel/db/columns.ts';
import { storedFile } from '#kernel/files/files.sql.ts';
import { batchStatuses, importKinds } from './imports.taxonomy.ts';

/** How many rows a batch read, imported, found already there, and left out for their problems. */
export interface BatchCounts {
  rows: number;
  created: number;
  existing: number;
  skipped: number;
}

/**
 * What a batch added, by the module that owns it, so that undo takes back exactly that: people,
 * event registrations and check-ins on registrations that were there before, projects, partners, ledger entries.
 */
export interface BatchCreated {
  people: string[];
  registrations: string[];
  checkIns: { registrationId: string; sessionId: string }[];
  projects: string[];
  partners: string[];
  /** Ledger entries, by their source id (`import` entries). */
  support: string[];
  /** Expert accounts (with their profiles). */
  experts?: string[];
  /** Products, and listings (each with its ledger entry, on products old or new). */
  products?: string[];
  listings?: string[];
}

/**
 * One uploaded file on its way in: read (draft, its columns matched), imported, perhaps undone.
 * The file stays in `stored_file` so the preview and the import read the same bytes.
 */
export const importBatch = pgTable(
  'import_batch',
  {
    id: uuid().primaryKey().defaultRandom(),
    kind: text().notNull(),
    status: text().notNull().default('draft'),
    fileId: uuid().references(() => storedFile.id, { onDelete: 'set null' }),
    fileName: text().notNull(),
    /** For an attendance list: the ended event it belongs to (the events module's id). */
    eventId: uuid(),
    /** The field each column holds, as the officer confirmed it ('' for a column left out). */
    fields: jsonb().$type<string[]>().notNull().default([]),
    headerRow: integer().notNull().default(0),
    /** Rows written so far by a background import (its progress); all of them once imported. */
    processed: integer().notNull().default(0),
    counts: jsonb().$type<BatchCounts>().notNull().default({ rows: 0, created: 0, existing: 0, skipped: 0 }),
    created: jsonb()
      .$type<BatchCreated>()
      .notNull()
      .default({ people: [], registrations: [], checkIns: [], projects: [], partners: [], support: [] }),
    createdBy: text().references(() => user.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    importedAt: timestamp({ withTimezone: true }),
    undoneAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index().on(t.status, t.createdAt),
    oneOf('import_batch_kind_known', t.kind, importKinds),
    oneOf('import_batch_status_known', t.status, batchStatuses),
    notNegative('import_batch_header_row', t.headerRow),
  ],
);
