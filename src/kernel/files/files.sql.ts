import { customType, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { notNegative } from '#kernel/db/columns.ts';

/** Raw bytes: `bytea` on both PGlite (Uint8Array) and `pg` (Buffer). */
const bytes = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
});

/**
 * Every uploaded file, checked by its content before it is stored. The bytes live in the
 * database, so a backup of the database is a backup of the files. Modules keep their own link
 * table (request ↔ file, product ↔ image) and decide who may read a file.
 */
export const storedFile = pgTable(
  'stored_file',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** What the file really is, read from its bytes (never from the name or the browser). */
    mime: text().notNull(),
    /** The name the user gave it, cleaned; used for the download name only. */
    name: text().notNull(),
    size: integer().notNull(),
    sha256: text().notNull(),
    width: integer(),
    height: integer(),
    content: bytes().notNull(),
    createdBy: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.sha256), notNegative('stored_file_size', t.size)],
);
