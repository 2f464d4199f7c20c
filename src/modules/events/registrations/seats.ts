import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '#kernel/db/client.ts';
import { event, registration } from '../events.sql.ts';

// Seats are given and freed only while holding the event's row lock (SELECT … FOR UPDATE), so
// two people registering at the same moment are served one after the other: the count of
// confirmed seats they read is always the true one, and the capacity is never exceeded.
// PostgreSQL queues the second transaction on the lock; PGlite runs one transaction at a time.

/** Takes the event's row lock: whoever gives or frees a seat holds it until their transaction ends. */
export async function lockEvent(tx: Db, eventId: string): Promise<void> {
  await tx.execute(sql`SELECT id FROM ${event} WHERE ${event.id} = ${eventId} FOR UPDATE`);
}

/** Confirmed seats of an event (call with the lock held when the answer decides a seat). */
export async function confirmedSeats(tx: Db, eventId: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(registration)
    .where(and(eq(registration.eventId, eventId), eq(registration.status, 'confirmed')));
  return row?.n ?? 0;
}

export interface Promoted {
  id: string;
  name: string;
  email: string;
  token: string;
}

/**
 * Fills free seats from the waitlist in registration order; call with the lock held.
 * Returns who was promoted so that the caller can tell them once the transaction is committed.
 */
export async function promoteWaitlist(tx: Db, eventId: string, capacity: number): Promise<Promoted[]> {
  const free = capacity - (await confirmedSeats(tx, eventId));
  if (free <= 0) return [];
  const next = await tx
    .select({ id: registration.id })
    .from(registration)
    .where(and(eq(registration.eventId, eventId), eq(registration.status, 'waitlisted')))
    .orderBy(asc(registration.number))
    .limit(free);
  if (next.length === 0) return [];
  return tx
    .update(registration)
    .set({ status: 'confirmed', promotedAt: new Date() })
    .where(
      inArray(
        registration.id,
        next.map((r) => r.id),
      ),
    )
    .returning({ id: registration.id, name: registration.name, email: registration.email, token: registration.token });
}
