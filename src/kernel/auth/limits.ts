import { randomUUID } from 'node:crypto';
import { and, eq, gt, like, lt, sql } from 'drizzle-orm';
import type { Db } from '#kernel/db/client.ts';
import { rows } from '#kernel/db/rows.ts';
import { verification } from './auth.sql.ts';

// Counters for the limits on forms that send e-mail or create accounts, kept in the database so
// that every process sees the same counts. They live in better-auth's `verification` table, a
// store of (identifier, value, expiry) rows indexed by identifier: one row per attempt, its
// identifier `limit:<what>:<who>`, its value the limit it was counted against (for the admins'
// list of what is held), its expiry the end of its window. No table of their own, no migration.

const prefix = 'limit:';
let lastSweep = 0;

/** A limit: at most `limit` attempts by one key within `windowMinutes`. */
export interface Limit {
  /** What is limited and for whom, e.g. `reset-email:an@vidu.vn` or `post:/dang-ky:ip:203.0.113.5`. */
  key: string;
  limit: number;
  windowMinutes: number;
}

/**
 * Counts one attempt and says whether it stays within the limit. The attempt is written before
 * the count is read, so of many sent at once no more than the limit pass; a refused attempt takes
 * its row back, so waiting out the window is always enough.
 * @example if (!(await takeAttempt(db, { key: `reset-email:${email}`, limit: 3, windowMinutes: 15 }))) throw …
 */
export async function takeAttempt(db: Db, { key, limit, windowMinutes }: Limit): Promise<boolean> {
  const identifier = `${prefix}${key}`.slice(0, 300);
  const id = randomUUID();
  await db.insert(verification).values({
    id,
    identifier,
    value: String(limit),
    expiresAt: sql`now() + make_interval(mins => ${windowMinutes})`,
  });
  const [row] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(verification)
    .where(and(eq(verification.identifier, identifier), gt(verification.expiresAt, sql`now()`)));
  const allowed = (row?.n ?? 0) <= limit;
  if (!allowed) await db.delete(verification).where(eq(verification.id, id));
  await sweep(db);
  return allowed;
}

/** Expired attempts are removed at most every ten minutes per process (losing the timer is harmless). */
async function sweep(db: Db) {
  if (Date.now() - lastSweep < 10 * 60_000) return;
  lastSweep = Date.now();
  await db
    .delete(verification)
    .where(and(like(verification.identifier, `${prefix}%`), lt(verification.expiresAt, sql`now()`)));
}

/** A key that has used up its limit, and when its oldest counted attempt frees a place. */
export interface HeldKey {
  key: string;
  until: Date;
}

/** Every key that has reached its limit now, with the moment it can try again; soonest last. */
export async function heldKeys(db: Db): Promise<HeldKey[]> {
  const held = await rows<{ identifier: string; until: string | Date }>(
    db,
    sql`
    SELECT identifier, until FROM (
      SELECT identifier, expires_at AS until, value::int AS lim,
             count(*) OVER (PARTITION BY identifier) AS n,
             row_number() OVER (PARTITION BY identifier ORDER BY expires_at) AS k
      FROM verification
      WHERE identifier LIKE ${`${prefix}%`} AND expires_at > now()
    ) attempts
    WHERE n >= lim AND k = n - lim + 1
    ORDER BY until DESC`,
  );
  return held.map((r) => ({ key: r.identifier.slice(prefix.length), until: new Date(r.until) }));
}
