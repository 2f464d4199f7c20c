import { and, count, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Db } from '#kernel/db/client.ts';
import { attendance, event, externalEvent, nomination, registration } from './events.sql.ts';

// Read models for reports, checks and other modules: figures of the events, without their tables.

/** Per event (by title): how many people came to at least one session. */
export async function turnoutByTitle(db: Db, titles?: readonly string[]): Promise<Map<string, number>> {
  const where: SQL[] = [
    sql`EXISTS (SELECT 1 FROM ${attendance} WHERE ${attendance.registrationId} = ${registration.id})`,
  ];
  if (titles) where.push(inArray(event.title, [...titles]));
  const rows = await db
    .select({ title: event.title, people: count() })
    .from(registration)
    .innerJoin(event, eq(event.id, registration.eventId))
    .where(and(...where))
    .groupBy(event.title);
  return new Map(rows.map((r) => [r.title, r.people]));
}

/** How varied the people registered are: distinct sexes, ethnic groups and communes, every event together. */
export async function registrantSpread(db: Db): Promise<{ sexes: number; ethnicities: number; communes: number }> {
  const [row] = await db
    .select({
      sexes: sql<number>`count(DISTINCT ${registration.sex})::int`,
      ethnicities: sql<number>`count(DISTINCT ${registration.ethnicity})::int`,
      communes: sql<number>`count(DISTINCT ${registration.communeSlug})::int`,
    })
    .from(registration);
  return row ?? { sexes: 0, ethnicities: 0, communes: 0 };
}

/** Every nomination to an outside event, with the event's title and where it stands. */
export async function nominationStatuses(db: Db): Promise<{ projectId: string; eventTitle: string; status: string }[]> {
  return db
    .select({ projectId: nomination.projectId, eventTitle: externalEvent.title, status: nomination.status })
    .from(nomination)
    .innerJoin(externalEvent, eq(externalEvent.id, nomination.externalEventId));
}
