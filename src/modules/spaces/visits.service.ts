import { and, asc, count, countDistinct, eq, sql } from 'drizzle-orm';
import { audit } from '#kernel/audit/audit.ts';
import { user } from '#kernel/auth/auth.sql.ts';
import { type Actor, isStaff } from '#kernel/auth/roles.ts';
import type { Db } from '#kernel/db/client.ts';
import { isUuid } from '#kernel/db/keys.ts';
import { AppError } from '#kernel/http/errors.ts';
import { todayInVietnam, translator } from '#kernel/i18n/index.ts';
import type { Mailer } from '#kernel/mail/mailer.ts';
import { findOrCreatePerson, peopleByIds } from '#modules/people/index.ts';
import { assertCommunes, communesOf } from '#modules/places/index.ts';
import { fileWalkIn } from '#modules/requests/index.ts';
import { forgetSupport, recordSupport } from '#modules/support/index.ts';
import type { CheckInInput, DeskVisitInput } from './visits.schemas.ts';
import { visit } from './visits.sql.ts';
import type { VisitChannel, VisitPurpose } from './visits.taxonomy.ts';

export type Visit = typeof visit.$inferSelect;

/** The request a visit asking for support becomes, as the requests module takes it from the desk. */
type WalkInRequest = Parameters<typeof fileWalkIn>[0]['input'];

/** A visit with its visitor, for staff: the name, phone and commune are personal data. */
export interface VisitView extends Visit {
  fullName: string;
  phone: string;
  email: string;
  communeSlug: string | null;
  communeName: string;
}

/** The last day of a yyyy-MM month. */
export function monthEnd(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/**
 * Writes a visit and its ledger entry (a person-level entry of kind `space`, source the visit):
 * one transaction, the caller's.
 */
async function addVisit(
  tx: Db,
  actor: Actor | null,
  facts: {
    personId: string;
    userId: string | null;
    visitedOn: string;
    purpose: VisitPurpose;
    note: string;
    channel: VisitChannel;
    at: Date;
  },
): Promise<Visit> {
  const [saved] = await tx
    .insert(visit)
    .values({
      personId: facts.personId,
      userId: facts.userId,
      visitedOn: facts.visitedOn,
      arrivedAt: facts.at,
      purpose: facts.purpose,
      note: facts.note,
      channel: facts.channel,
      recordedBy: actor?.id ?? null,
    })
    .returning();
  if (!saved) throw new Error('visit insert returned nothing');
  const t = translator('vi');
  await recordSupport({
    db: tx,
    actor,
    input: {
      personId: saved.personId,
      kind: 'space',
      title: t('visits.ledger.title', { purpose: t(`visits.purpose.${facts.purpose}`) }),
      providerKind: 'organisation',
      providerName: t('visits.ledger.provider'),
      providerUserId: null,
      startedOn: saved.visitedOn,
      endedOn: saved.visitedOn,
      status: 'done',
      source: { kind: 'visit', id: saved.id },
    },
  });
  await audit(tx, {
    actorId: actor?.id ?? null,
    action: 'visit.create',
    entity: 'visit',
    entityId: saved.id,
    data: { purpose: saved.purpose, channel: saved.channel },
  });
  return saved;
}

/**
 * A visitor checks in from the QR poster: a signed-in person as themselves, anyone else as a
 * walk-in with the name and phone they give (the registry finds them by the phone next time).
 * @example await checkIn({ db, actor: null, input: { fullName: 'Lò Thị Mai', phone: '0912345678', commune: '', purpose: 'support', note: '' } })
 */
export async function checkIn({
  db,
  actor,
  input,
  now = new Date(),
}: {
  db: Db;
  actor: Actor | null;
  input: CheckInInput;
  now?: Date;
}): Promise<Visit> {
  const communeSlug = input.commune || null;
  await assertCommunes(db, communeSlug, 'commune');
  return db.transaction(async (tx) => {
    const person = await findOrCreatePerson(
      tx,
      actor
        ? { fullName: actor.name, email: actor.email, phone: input.phone || null, communeSlug }
        : { fullName: input.fullName, phone: input.phone, communeSlug },
    );
    return addVisit(tx, actor, {
      personId: person.id,
      userId: actor?.id ?? null,
      visitedOn: todayInVietnam(now),
      purpose: input.purpose,
      note: input.note,
      channel: 'self',
      at: now,
    });
  });
}

/** The officer records a visit at the desk (or one of an earlier day, from a paper list). */
export async function recordVisit({
  db,
  actor,
  input,
  now = new Date(),
  at,
}: {
  db: Db;
  actor: Actor;
  input: DeskVisitInput;
  now?: Date;
  /** When the visitor arrived, if known (a paper list, the demo data); else now, or 08:00 of an earlier day. */
  at?: Date;
}): Promise<Visit> {
  if (!isStaff(actor)) throw new AppError('forbidden');
  const today = todayInVietnam(now);
  const visitedOn = input.visitedOn ?? today;
  if (visitedOn > today) throw new AppError('validation', 'errors.validation', { visitedOn: 'visits.error.future' });
  const communeSlug = input.commune || null;
  await assertCommunes(db, communeSlug, 'commune');
  return db.transaction(async (tx) => {
    const person = await findOrCreatePerson(tx, {
      fullName: input.fullName,
      phone: input.phone || null,
      email: input.email || null,
      communeSlug,
    });
    const [account] = input.email
      ? await tx.select({ id: user.id }).from(user).where(eq(user.email, input.email)).limit(1)
      : [];
    return addVisit(tx, actor, {
      personId: person.id,
      userId: account?.id ?? null,
      visitedOn,
      purpose: input.purpose,
      note: input.note,
      channel: 'desk',
      at: at ?? (visitedOn === today ? now : new Date(`${visitedOn}T08:00:00+07:00`)),
    });
  });
}

/** Visits with their visitors (staff only: names and phones are personal data). */
async function withVisitors(db: Db, rows: Visit[]): Promise<VisitView[]> {
  const people = await peopleByIds(
    db,
    rows.map((r) => r.personId),
  );
  const communes = await communesOf(
    db,
    [...people.values()].map((p) => p.communeSlug),
  );
  return rows.map((r) => {
    const p = people.get(r.personId);
    return {
      ...r,
      fullName: p?.fullName ?? '—',
      phone: p?.phone ?? '',
      email: p?.email ?? '',
      communeSlug: p?.communeSlug ?? null,
      communeName: (p?.communeSlug && communes.get(p.communeSlug)?.name) || '',
    };
  });
}

/** The visits from one day to another (both included), in the order people came. */
export async function listVisits({
  db,
  actor,
  from,
  to,
}: {
  db: Db;
  actor: Actor;
  from: string;
  to: string;
}): Promise<VisitView[]> {
  if (!isStaff(actor)) throw new AppError('forbidden');
  const rows = await db
    .select()
    .from(visit)
    .where(sql`${visit.visitedOn} BETWEEN ${from} AND ${to}`)
    .orderBy(asc(visit.visitedOn), asc(visit.arrivedAt))
    .limit(20_000);
  return withVisitors(db, rows);
}

/** How many visits each day of a period had (days without visits are left out). */
export async function visitsByDay(db: Db, from: string, to: string): Promise<{ day: string; count: number }[]> {
  const rows = await db
    .select({ day: visit.visitedOn, count: count() })
    .from(visit)
    .where(sql`${visit.visitedOn} BETWEEN ${from} AND ${to}`)
    .groupBy(visit.visitedOn)
    .orderBy(asc(visit.visitedOn));
  return rows.map((r) => ({ day: r.day, count: Number(r.count) }));
}

/** One visit, for staff. */
export async function getVisit({ db, actor, id }: { db: Db; actor: Actor; id: string }): Promise<VisitView> {
  if (!isStaff(actor)) throw new AppError('forbidden');
  if (!isUuid(id)) throw new AppError('not_found', 'visits.notFound');
  const rows = await db.select().from(visit).where(eq(visit.id, id));
  const [found] = await withVisitors(db, rows);
  if (!found) throw new AppError('not_found', 'visits.notFound');
  return found;
}

/**
 * The officer files the support request a visit asked for, from the desk: the requests module's
 * walk-in request, taken by the officer; the visit keeps the request's number. One transaction.
 */
export async function fileRequestFromVisit({
  db,
  actor,
  mailer,
  baseUrl,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  mailer: Mailer;
  baseUrl: string;
  id: string;
  input: WalkInRequest;
}): Promise<{ number: number }> {
  if (!isStaff(actor)) throw new AppError('forbidden');
  if (!isUuid(id)) throw new AppError('not_found', 'visits.notFound');
  const filed = await db.transaction(async (tx) => {
    const [v] = await tx.select().from(visit).where(eq(visit.id, id)).for('update');
    if (!v) throw new AppError('not_found', 'visits.notFound');
    if (v.requestNumber !== null) throw new AppError('conflict', 'visits.request.already');
    // The mailer wakes after this transaction commits, not inside it.
    const held: Mailer = { ...mailer, wake: () => {} };
    const { number } = await fileWalkIn({ db: tx, actor, mailer: held, baseUrl, input });
    await tx.update(visit).set({ requestNumber: number }).where(eq(visit.id, id));
    await audit(tx, { actorId: actor.id, action: 'visit.request', entity: 'visit', entityId: id, data: { number } });
    return { number };
  });
  mailer.wake();
  return filed;
}

/** Staff remove a visit recorded by mistake (or a prank at the poster); its ledger entry goes with it. */
export async function removeVisit({ db, actor, id }: { db: Db; actor: Actor; id: string }): Promise<void> {
  if (!isStaff(actor)) throw new AppError('forbidden');
  if (!isUuid(id)) throw new AppError('not_found', 'visits.notFound');
  await db.transaction(async (tx) => {
    const [gone] = await tx.delete(visit).where(eq(visit.id, id)).returning({ id: visit.id });
    if (!gone) throw new AppError('not_found', 'visits.notFound');
    await forgetSupport(tx, 'visit', [id]);
    await audit(tx, { actorId: actor.id, action: 'visit.remove', entity: 'visit', entityId: id, data: {} });
  });
}

/** The figures of a period's visits, for the report: visits, distinct people, by month and by purpose. */
export async function visitFigures(
  db: Db,
  from: string,
  to: string,
): Promise<{
  visits: number;
  people: number;
  byMonth: { key: string; count: number }[];
  byPurpose: { key: VisitPurpose; count: number }[];
}> {
  const inPeriod = sql`${visit.visitedOn} BETWEEN ${from} AND ${to}`;
  const [total] = await db
    .select({ visits: count(), people: countDistinct(visit.personId) })
    .from(visit)
    .where(inPeriod);
  const monthOf = sql<string>`to_char(${visit.visitedOn}, 'YYYY-MM')`;
  const byMonth = await db
    .select({ key: monthOf, count: count() })
    .from(visit)
    .where(inPeriod)
    .groupBy(monthOf)
    .orderBy(monthOf);
  const byPurpose = await db
    .select({ key: visit.purpose, count: count() })
    .from(visit)
    .where(inPeriod)
    .groupBy(visit.purpose);
  return {
    visits: Number(total?.visits ?? 0),
    people: Number(total?.people ?? 0),
    byMonth: byMonth.map((r) => ({ key: r.key, count: Number(r.count) })),
    byPurpose: byPurpose.map((r) => ({ key: r.key as VisitPurpose, count: Number(r.count) })),
  };
}

/** The visits of a period as evidence: the day, the visitor (a person page for staff), the purpose. */
export async function visitEvidence(
  db: Db,
  from: string,
  to: string,
): Promise<{ day: string; personId: string; fullName: string; purpose: VisitPurpose }[]> {
  const rows = await db
    .select()
    .from(visit)
    .where(and(sql`${visit.visitedOn} BETWEEN ${from} AND ${to}`))
    .orderBy(asc(visit.visitedOn), asc(visit.arrivedAt))
    .limit(50_000);
  const people = await peopleByIds(
    db,
    rows.map((r) => r.personId),
  );
  return rows.map((r) => ({
    day: r.visitedOn,
    personId: r.personId,
    fullName: people.get(r.personId)?.fullName ?? '—',
    purpose: r.purpose as VisitPurpose,
  }));
}
