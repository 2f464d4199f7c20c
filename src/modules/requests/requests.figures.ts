import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '#kernel/db/client.ts';
import { requestEvent, supportRequest } from './requests.sql.ts';

/** A request as a report's evidence lists it: its number, what was asked and the day. */
export interface RequestFact {
  id: string;
  number: number;
  kind: string;
  day: string;
  /** The day it was filed (Vietnam time). */
  receivedOn: string;
}

const vnDay = (column: unknown) =>
  sql<string>`to_char((${column} AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, 'YYYY-MM-DD')`;

/** The first instant of a day in Vietnam, and the first instant after another: a period as times. */
const startOfDay = (day: string) => sql`(${day}::date::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')`;
const afterDay = (day: string) => sql`((${day}::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')`;

/**
 * The moves to "resolved" inside the period of requests still resolved and not resolved again
 * after it: the last move is then inside the period, the day a request counts as resolved.
 */
const resolvedWithin = (from: string, to: string) =>
  and(
    eq(supportRequest.status, 'resolved'),
    eq(requestEvent.toStatus, 'resolved'),
    sql`${requestEvent.createdAt} >= ${startOfDay(from)} AND ${requestEvent.createdAt} < ${afterDay(to)}`,
    sql`NOT EXISTS (SELECT 1 FROM ${requestEvent} later WHERE later.request_id = ${supportRequest.id}
          AND later.to_status = 'resolved' AND later.created_at >= ${afterDay(to)})`,
  );

/** Requests received in a period (by the day they were filed, Vietnam time). */
export async function requestsReceived(db: Db, from: string, to: string): Promise<RequestFact[]> {
  const day = vnDay(supportRequest.createdAt);
  return db
    .select({ id: supportRequest.id, number: supportRequest.number, kind: supportRequest.kind, day, receivedOn: day })
    .from(supportRequest)
    .where(sql`${supportRequest.createdAt} >= ${startOfDay(from)} AND ${supportRequest.createdAt} < ${afterDay(to)}`)
    .orderBy(asc(supportRequest.createdAt));
}

/** Requests resolved in a period: the day of the (last) move to "resolved", still resolved today. */
export async function requestsResolved(db: Db, from: string, to: string): Promise<RequestFact[]> {
  const day = sql<string>`max(to_char((${requestEvent.createdAt} AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, 'YYYY-MM-DD'))`;
  const found = await db
    .select({
      id: supportRequest.id,
      number: supportRequest.number,
      kind: supportRequest.kind,
      day,
      receivedOn: vnDay(supportRequest.createdAt),
    })
    .from(supportRequest)
    .innerJoin(requestEvent, eq(requestEvent.requestId, supportRequest.id))
    .where(resolvedWithin(from, to))
    .groupBy(supportRequest.id)
    .orderBy(asc(supportRequest.number));
  return found;
}

/** The period's requests as counts: received, resolved, and the median days from filing to resolution. */
export interface RequestCounts {
  received: number;
  resolved: number;
  medianDaysToResolve: number;
}

/**
 * Requests received and resolved in a period, counted in the database (the same rules as
 * `requestsReceived` and `requestsResolved`, without reading the rows); the median is the middle
 * of the whole days each resolved request took (the mean of the two middle ones for an even count).
 */
export async function requestCounts(db: Db, from: string, to: string): Promise<RequestCounts> {
  const vnDate = (column: unknown) => sql`(${column} AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`;
  const [received] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(supportRequest)
    .where(sql`${supportRequest.createdAt} >= ${startOfDay(from)} AND ${supportRequest.createdAt} < ${afterDay(to)}`);
  const took = db
    .select({
      days: sql<number>`greatest(0, max(${vnDate(requestEvent.createdAt)}) - ${vnDate(supportRequest.createdAt)})`.as(
        'days',
      ),
    })
    .from(supportRequest)
    .innerJoin(requestEvent, eq(requestEvent.requestId, supportRequest.id))
    .where(resolvedWithin(from, to))
    .groupBy(supportRequest.id)
    .as('took');
  const [resolved] = await db
    .select({
      n: sql<number>`count(*)::int`,
      median: sql<string>`coalesce(percentile_cont(0.5) WITHIN GROUP (ORDER BY ${took.days}), 0)::text`,
    })
    .from(took);
  return {
    received: Number(received?.n ?? 0),
    resolved: Number(resolved?.n ?? 0),
    medianDaysToResolve: Number(resolved?.median ?? 0),
  };
}
