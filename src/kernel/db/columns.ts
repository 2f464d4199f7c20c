import { type SQL, sql } from 'drizzle-orm';
import { type AnyPgColumn, bigint, check, numeric } from 'drizzle-orm/pg-core';

// The database is the last guard: a code it does not know, an amount below zero or dates in the
// wrong order cannot be stored, whichever path wrote them. Tables build their CHECKs with these.

/** Money: whole đồng in a `bigint` (a contract of 10 billion đồng does not fit an `integer`). */
export const vnd = () => bigint({ mode: 'number' });

/** Hours of work or training, to the tenth ("1,5 giờ"). */
export const hours = () => numeric({ precision: 6, scale: 1, mode: 'number' });

const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;

/** The SQL list `('a', 'b')` of a code list (constants of the code, never user input). */
function list(values: readonly string[]): SQL {
  return sql.raw(`(${values.map(literal).join(', ')})`);
}

/** A column whose value is one of a code list (null passes: whether it is required is NOT NULL's business). */
export function oneOf(name: string, column: AnyPgColumn, values: readonly string[]) {
  return check(name, sql`${column} in ${list(values)}`);
}

/** An array column whose every element is one of a code list. */
export function allOf(name: string, column: AnyPgColumn, values: readonly string[]) {
  return check(name, sql`${column} <@ array${sql.raw(`[${values.map(literal).join(', ')}]`)}::text[]`);
}

/** A number that is zero or more. */
export function notNegative(name: string, column: AnyPgColumn) {
  return check(name, sql`${column} >= 0`);
}

/** A number in a closed range. */
export function between(name: string, column: AnyPgColumn, min: number, max: number) {
  return check(name, sql`${column} between ${sql.raw(String(min))} and ${sql.raw(String(max))}`);
}

/** An end that is not before its start (either may be empty). */
export function inOrder(name: string, start: AnyPgColumn, end: AnyPgColumn) {
  return check(name, sql`${end} >= ${start}`);
}
