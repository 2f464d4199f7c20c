import { type AnyColumn, type SQL, sql } from 'drizzle-orm';
import type { Db } from './client.ts';
import { rows } from './rows.ts';

/** A column of another table whose foreign key points at a table's rows. */
export interface Reference {
  tbl: string;
  col: string;
}

/**
 * Every column whose foreign key points at `table` (read from the catalogue, so a table added
 * later is counted without anyone listing it), leaving out the tables named in `except`.
 * @example const refs = await referencesTo(tx, 'person', { except: ['person'] })
 */
export async function referencesTo(db: Db, table: string, { except = [] }: { except?: string[] } = {}) {
  const found = await rows<Reference>(
    db,
    sql`select cl.relname as tbl, a.attname as col
        from pg_constraint c
        join pg_class cl on cl.oid = c.conrelid
        join pg_namespace n on n.oid = cl.relnamespace
        join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
        where c.contype = 'f' and n.nspname = current_schema()
          and c.confrelid = (select oid from pg_class where relname = ${table} and relnamespace = n.oid)`,
  );
  return found.filter((r) => !except.includes(r.tbl));
}

/**
 * The conditions "no row of these references points at `id`": for deleting only what nothing
 * uses any more.
 * @example tx.delete(partner).where(and(inList, ...unreferenced(refs, partner.id)))
 */
export function unreferenced(refs: Reference[], id: AnyColumn): SQL[] {
  return refs.map(
    ({ tbl, col }) => sql`NOT EXISTS (SELECT 1 FROM ${sql.identifier(tbl)} r WHERE r.${sql.identifier(col)} = ${id})`,
  );
}
