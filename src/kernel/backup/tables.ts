import { createHash } from 'node:crypto';
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '#kernel/db/client.ts';

/** One table of the `public` schema, as a backup needs to see it. */
export interface TableInfo {
  name: string;
  /** Columns a row is written with (stored generated columns are left out: the database makes them). */
  columns: string[];
  /** Stored generated columns (search texts). */
  generated: string[];
  /** `bytea` columns: their bytes go to the archive as files of their own. */
  bytea: string[];
  /** Identity or serial columns: their sequence is moved past the restored values. */
  sequenced: string[];
  identity: boolean;
  primaryKey: string[];
  /** Columns that reference the same table (a person merged into another): filled in a second pass. */
  selfReferences: string[];
  /** Tables this one references: they are restored first. */
  references: string[];
}

/** A quoted SQL identifier. */
export const ident = (name: string) => sql.raw(`"${name.replaceAll('"', '""')}"`);
const identList = (names: string[]) =>
  sql.join(
    names.map((n) => ident(n)),
    sql`, `,
  );

async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

/**
 * Every table of the `public` schema (drizzle's own bookkeeping lives in `drizzle`), in an order
 * where each table comes after the tables it references.
 */
export async function listTables(db: Db): Promise<TableInfo[]> {
  const columns = await rows<{
    table: string;
    column: string;
    type: string;
    generated: boolean;
    identity: boolean;
    sequence: string | null;
  }>(
    db,
    sql`select c.relname::text as "table", a.attname::text as "column", format_type(a.atttypid, a.atttypmod) as type,
               a.attgenerated <> '' as generated, a.attidentity <> '' as identity,
               pg_get_serial_sequence(format('public.%I', c.relname), a.attname) as sequence
        from pg_class c join pg_attribute a on a.attrelid = c.oid
        where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped
        order by c.relname, a.attnum`,
  );
  const constraints = await rows<{ table: string; kind: string; target: string | null; columns: string[] }>(
    db,
    sql`select t.relname::text as "table", con.contype::text as kind, f.relname::text as target,
               to_jsonb(array(select a.attname::text from unnest(con.conkey) k join pg_attribute a
                              on a.attrelid = con.conrelid and a.attnum = k order by a.attname)) as columns
        from pg_constraint con join pg_class t on t.oid = con.conrelid left join pg_class f on f.oid = con.confrelid
        where t.relnamespace = 'public'::regnamespace and con.contype in ('p', 'f')`,
  );
  const tables = new Map<string, TableInfo>();
  for (const c of columns) {
    let table = tables.get(c.table);
    if (!table) {
      table = {
        name: c.table,
        columns: [],
        generated: [],
        bytea: [],
        sequenced: [],
        identity: false,
        primaryKey: [],
        selfReferences: [],
        references: [],
      };
      tables.set(c.table, table);
    }
    if (c.generated) {
      table.generated.push(c.column);
      continue;
    }
    table.columns.push(c.column);
    if (c.type === 'bytea') table.bytea.push(c.column);
    if (c.identity) table.identity = true;
    if (c.sequence) table.sequenced.push(c.column);
  }
  for (const con of constraints) {
    const table = tables.get(con.table);
    if (!table) continue;
    if (con.kind === 'p') table.primaryKey = con.columns;
    else if (con.target === con.table) table.selfReferences.push(...con.columns);
    else if (con.target && !table.references.includes(con.target)) table.references.push(con.target);
  }
  return order([...tables.values()]);
}

/** Referenced tables first; names break ties, so the order is the same on every database. */
function order(tables: TableInfo[]): TableInfo[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const done = new Set<string>();
  const out: TableInfo[] = [];
  const visit = (table: TableInfo, path: Set<string>) => {
    if (done.has(table.name)) return;
    if (path.has(table.name)) throw new Error(`foreign keys form a cycle through ${table.name}`);
    path.add(table.name);
    for (const name of [...table.references].sort()) {
      const target = byName.get(name);
      if (target) visit(target, path);
    }
    path.delete(table.name);
    done.add(table.name);
    out.push(table);
  };
  for (const table of [...tables].sort((a, b) => (a.name < b.name ? -1 : 1))) visit(table, new Set());
  return out;
}

/**
 * Output settings that make a row's text the same on PGlite and on any PostgreSQL server, whatever
 * their configuration: times in UTC, ISO dates. Call inside a transaction.
 */
export async function canonicalOutput(db: Db): Promise<void> {
  await db.execute(sql`set local timezone = 'UTC'`);
  await db.execute(sql`set local datestyle = 'ISO, YMD'`);
  await db.execute(sql`set local intervalstyle = 'postgres'`);
  await db.execute(sql`set local extra_float_digits = 1`);
}

/** The contents of one table: its rows as JSON lines, sorted, their SHA-256, and its files. */
export interface TableDump {
  lines: string[];
  sha256: string;
  /** Bytes of its `bytea` values by their SHA-256 (the lines name them `{"$blob": "<sha256>"}`). */
  blobs: Map<string, Uint8Array>;
}

export const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

/** The text of a table's file in the archive: one row per line, each line ending with a newline. */
export const linesText = (lines: string[]) => lines.map((l) => `${l}\n`).join('');

/**
 * Reads one table as JSON lines (jsonb text: keys in a fixed order, so equal rows give equal text on
 * both databases), sorted by their text so the database's collation plays no part; with
 * `withBlobs` the bytes of its `bytea` values too. Run after `canonicalOutput`.
 */
export async function dumpTable(db: Db, table: TableInfo, withBlobs = true): Promise<TableDump> {
  // Generated columns are made again by the database on restore; bytes are named by their hash.
  const left = [...table.generated, ...table.bytea];
  let line = sql`to_jsonb(t) - ${`{${left.map((c) => `"${c}"`).join(',')}}`}::text[]`;
  for (const column of table.bytea) {
    line = sql`${line} || jsonb_build_object(${column}::text, case when t.${ident(column)} is null then null
      else jsonb_build_object('$blob', encode(sha256(t.${ident(column)}), 'hex')) end)`;
  }
  const blobColumns = withBlobs && table.bytea.length ? sql`, ${identList(table.bytea)}` : sql``;
  const result = await rows<Record<string, unknown> & { line: string }>(
    db,
    sql`select (${line})::text as line${blobColumns} from public.${ident(table.name)} t`,
  );
  const blobs = new Map<string, Uint8Array>();
  for (const row of result) {
    for (const column of withBlobs ? table.bytea : []) {
      const value = row[column];
      if (value instanceof Uint8Array) blobs.set(sha256(value), new Uint8Array(value));
    }
  }
  const lines = result.map((r) => r.line).sort();
  return { lines, sha256: sha256(linesText(lines)), blobs };
}

/** Inserts rows given as a JSON array text (the column names are the keys), generated columns aside. */
export async function insertRows(db: Db, table: TableInfo, json: string, columns: string[]): Promise<void> {
  const list = identList(columns);
  await db.execute(
    sql`insert into public.${ident(table.name)} (${list}) ${table.identity ? sql`overriding system value ` : sql``}select ${list} from jsonb_populate_recordset(null::public.${ident(table.name)}, ${json}::jsonb)`,
  );
}

/** Sets the self-referencing columns of rows already inserted without them. */
export async function linkRows(db: Db, table: TableInfo, json: string): Promise<void> {
  const set = sql.join(
    table.selfReferences.map((c) => sql`${ident(c)} = s.${ident(c)}`),
    sql`, `,
  );
  const on = sql.join(
    table.primaryKey.map((c) => sql`t.${ident(c)} = s.${ident(c)}`),
    sql` and `,
  );
  await db.execute(
    sql`update public.${ident(table.name)} t set ${set} from jsonb_populate_recordset(null::public.${ident(table.name)}, ${json}::jsonb) s where ${on}`,
  );
}

/** Moves each identity or serial sequence past the largest restored value. */
export async function resetSequences(db: Db, table: TableInfo): Promise<void> {
  for (const column of table.sequenced) {
    await db.execute(
      sql`select setval(pg_get_serial_sequence(${`public."${table.name}"`}, ${column}), coalesce(max(${ident(column)}), 0) + 1, false) from public.${ident(table.name)}`,
    );
  }
}
