import { and, asc, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import { audit } from '#kernel/audit/audit.ts';
import { type Actor, isStaff } from '#kernel/auth/roles.ts';
import type { Db } from '#kernel/db/client.ts';
import { isUuid } from '#kernel/db/keys.ts';
import { rows } from '#kernel/db/rows.ts';
import { AppError } from '#kernel/http/errors.ts';
import { todayInVietnam, translator } from '#kernel/i18n/index.ts';
import { fold } from '#kernel/search/fold.ts';
import { findOrCreatePerson, personLabels } from '#modules/people/index.ts';
import { communesOf } from '#modules/places/index.ts';
import { recordSupport } from '#modules/support/index.ts';
import {
  type EventDetail,
  eventDetailById,
  getEvent,
  hoursOf,
  randomCode,
  type Session,
} from '../calendar/events.service.ts';
import type { CheckInAllInput, CheckInInput, FeedbackInput, WalkInInput } from '../events.schemas.ts';
import { attendance, certificate, event, eventSession, feedback, registration } from '../events.sql.ts';
import { supportKindOf } from '../events.taxonomy.ts';
import { assertCommune, getTicket, type Registration, seatColumns } from '../registrations/registrations.service.ts';

const ledgerT = translator('vi');

export type Seat = Pick<
  Registration,
  'id' | 'name' | 'projectId' | 'personId' | 'phone' | 'email' | 'sex' | 'birthYear' | 'ethnicity' | 'communeSlug'
>;

/**
 * Every attended seat is support given to the person in it (and to the project the seat counts
 * for, when it names one): one ledger entry per registration, recorded again (same row) at each
 * check-in, from the first to the last day the person was there, with the hours so far. The seat's
 * person is found or added in the people registry the first time (same phone or e-mail, same person).
 */
export async function recordSeat(tx: Db, actor: Actor, e: EventDetail, r: Seat) {
  let personId = r.personId;
  if (!personId) {
    const p = await findOrCreatePerson(tx, {
      fullName: r.name,
      phone: r.phone,
      email: r.email,
      sex: r.sex,
      birthYear: r.birthYear,
      ethnicity: r.ethnicity,
      communeSlug: r.communeSlug,
    });
    personId = p.id;
    await tx.update(registration).set({ personId }).where(eq(registration.id, r.id));
  }
  const rows = await tx
    .select({ sessionId: attendance.sessionId })
    .from(attendance)
    .where(eq(attendance.registrationId, r.id));
  const input = seatSupport(
    e,
    { ...r, personId },
    rows.map((a) => a.sessionId),
  );
  if (input) await recordSupport({ db: tx, actor, input });
}

/** A seat's ledger entry from the sessions it attended (null when none): what `recordSeat` records. */
export function seatSupport(e: EventDetail, r: Seat & { personId: string }, sessionIds: string[]) {
  const attended = e.sessions.filter((s) => sessionIds.includes(s.id));
  const days = attended.map((s) => s.day).sort();
  const first = days[0];
  const last = days[days.length - 1];
  if (!first || !last) return null;
  return {
    projectId: r.projectId,
    personId: r.personId,
    kind: supportKindOf(e.kind),
    title: e.title,
    providerKind: 'organisation' as const,
    providerName: e.organiser,
    startedOn: first,
    endedOn: last,
    status: 'done' as const,
    outcome: ledgerT('events.ledger.seat', { name: r.name, attended: attended.length, total: e.sessions.length }),
    figures: { hours: hoursOf(attended) },
    evidenceLinks: [`/su-kien/${e.slug}`],
    source: { kind: 'event_seat' as const, id: r.id },
  };
}

export function sessionOf(e: EventDetail, id: string) {
  const s = isUuid(id) ? e.sessions.find((x) => x.id === id) : undefined;
  if (!s) throw new AppError('validation', 'errors.validation', { session: 'events.v.sessionPick' });
  return s;
}

/** When a session began, as a moment (its day and start time are Vietnam's). */
export const sessionStart = (s: Pick<Session, 'day' | 'startTime'>) => new Date(`${s.day}T${s.startTime}:00+07:00`);

/**
 * Records people present at a session, once each, and their ledger entries. Ticked on a later day
 * (an officer catching up from a paper sheet), the attendance is dated at the session's start, not
 * at the day it was typed: what happened when is the session's, the audit log keeps when it was typed.
 */
export async function markPresent(
  tx: Db,
  actor: Actor,
  e: EventDetail,
  session: Session,
  people: Seat[],
  method: 'code' | 'list' | 'walk_in',
  today = todayInVietnam(),
) {
  if (people.length === 0) return [];
  const at = session.day < today ? sessionStart(session) : new Date();
  const added = await tx
    .insert(attendance)
    .values(
      people.map((r) => ({
        registrationId: r.id,
        sessionId: session.id,
        method,
        checkedInBy: actor.id,
        checkedInAt: at,
      })),
    )
    .onConflictDoNothing()
    .returning({ registrationId: attendance.registrationId });
  const fresh = people.filter((r) => added.some((a) => a.registrationId === r.id));
  for (const r of fresh) await recordSeat(tx, actor, e, r);
  if (fresh.length) {
    await audit(tx, {
      actorId: actor.id,
      action: 'event.check_in',
      entity: 'event',
      entityId: e.id,
      data: { sessionId: session.id, method, count: fresh.length },
    });
  }
  return fresh;
}

/**
 * Checks people in to one session: by their code (typed, or from the QR the officer's phone
 * opened) or by the names ticked in the list. Checking someone in twice changes nothing.
 */
export async function checkIn({ db, actor, slug, input }: { db: Db; actor: Actor; slug: string; input: CheckInInput }) {
  if (!isStaff(actor)) throw new AppError('forbidden');
  const e = await getEvent({ db, actor, slug });
  const session = sessionOf(e, input.session);
  let people: Registration[] = [];
  if (input.code) {
    const [r] = await db
      .select()
      .from(registration)
      .where(and(eq(registration.eventId, e.id), eq(registration.code, input.code)));
    if (!r) throw new AppError('validation', 'errors.validation', { code: 'events.v.codeUnknown' });
    if (r.status !== 'confirmed')
      throw new AppError('validation', 'errors.validation', {
        code: r.status === 'waitlisted' ? 'events.v.codeWaitlisted' : 'events.v.codeCancelled',
      });
    people = [r];
  } else {
    const ids = input.ids.filter(isUuid);
    people = ids.length
      ? await db
          .select()
          .from(registration)
          .where(
            and(eq(registration.eventId, e.id), eq(registration.status, 'confirmed'), inArray(registration.id, ids)),
          )
      : [];
  }
  const fresh = await db.transaction((tx) => markPresent(tx, actor, e, session, people, input.code ? 'code' : 'list'));
  return {
    event: e,
    session,
    checkedIn: fresh.map((r) => r.name),
    already: people.filter((p) => !fresh.includes(p)).map((r) => r.name),
  };
}

/**
 * "Tick all": everyone with a confirmed seat is checked in to one session (for a past course
 * typed from its paper sheet, say). Those already in stay as they were; the rest are added.
 */
export async function checkInEveryone({
  db,
  actor,
  slug,
  input,
}: {
  db: Db;
  actor: Actor;
  slug: string;
  input: CheckInAllInput;
}) {
  if (!isStaff(actor)) throw new AppError('forbidden');
  const e = await getEvent({ db, actor, slug });
  const session = sessionOf(e, input.session);
  const people = await db
    .select()
    .from(registration)
    .where(and(eq(registration.eventId, e.id), eq(registration.status, 'confirmed')));
  const fresh = await db.transaction((tx) => markPresent(tx, actor, e, session, people, 'list'));
  return { event: e, session, added: fresh.length, total: people.length };
}

/**
 * Someone came without registering: they are registered (as a walk-in, confirmed even when the
 * event is full — they are in the room) and checked in to the session at once.
 */
export async function checkInWalkIn({
  db,
  actor,
  slug,
  input,
}: {
  db: Db;
  actor: Actor;
  slug: string;
  input: WalkInInput;
}) {
  if (!isStaff(actor)) throw new AppError('forbidden');
  const e = await getEvent({ db, actor, slug });
  const session = sessionOf(e, input.session);
  await assertCommune(db, input.commune);
  return db.transaction(async (tx) => {
    const [r] = await tx
      .insert(registration)
      .values({
        eventId: e.id,
        status: 'confirmed',
        ...seatColumns(input),
        consent: true,
        walkIn: true,
      })
      .returning();
    if (!r) throw new Error('insert returned nothing');
    await markPresent(tx, actor, e, session, [r], 'walk_in');
    return { event: e, session, registration: r };
  });
}

/**
 * Records (again) the ledger entry of every attended seat of the event, e.g. after attendance was
 * loaded in bulk.
 */
export async function recordEventSupport({
  db,
  actor,
  eventId,
}: {
  db: Db;
  actor: Actor;
  eventId: string;
}): Promise<number> {
  const e = await eventDetailById(db, eventId);
  const seats = await db
    .select()
    .from(registration)
    .where(
      and(
        eq(registration.eventId, eventId),
        eq(registration.status, 'confirmed'),
        sql`EXISTS (SELECT 1 FROM ${attendance} WHERE ${attendance.registrationId} = ${registration.id})`,
      ),
    );
  await db.transaction(async (tx) => {
    for (const r of seats) await recordSeat(tx, actor, e, r);
  });
  return seats.length;
}

/** Whether a person attended enough sessions for a certificate under the event's rule. */
export function eligible(attendedSessions: number, totalSessions: number, percent: number): boolean {
  return totalSessions > 0 && attendedSessions * 100 >= percent * totalSessions;
}

async function attendanceCounts(db: Db, eventId: string) {
  return db
    .select({ registrationId: attendance.registrationId, n: count() })
    .from(attendance)
    .innerJoin(eventSession, eq(eventSession.id, attendance.sessionId))
    .where(eq(eventSession.eventId, eventId))
    .groupBy(attendance.registrationId);
}

/** Sessions attended and hours, per registration, for the whole event in one query. */
async function attendanceByPerson(db: Db, e: EventDetail): Promise<Map<string, { sessions: number; hours: number }>> {
  const rows = await db
    .select({ registrationId: attendance.registrationId, sessionId: attendance.sessionId })
    .from(attendance)
    .innerJoin(eventSession, eq(eventSession.id, attendance.sessionId))
    .where(eq(eventSession.eventId, e.id));
  const byPerson = new Map<string, string[]>();
  for (const r of rows) byPerson.set(r.registrationId, [...(byPerson.get(r.registrationId) ?? []), r.sessionId]);
  const out = new Map<string, { sessions: number; hours: number }>();
  for (const [id, ids] of byPerson) {
    const attended = e.sessions.filter((s) => ids.includes(s.id));
    out.set(id, { sessions: attended.length, hours: Math.round(hoursOf(attended)) });
  }
  return out;
}

/**
 * Issues certificates to everyone who meets the rule and has none yet; returns how many.
 * Issuing again only adds those who became eligible since.
 */
export async function issueCertificates({ db, actor, slug }: { db: Db; actor: Actor; slug: string }): Promise<number> {
  if (!isStaff(actor)) throw new AppError('forbidden');
  const e = await getEvent({ db, actor, slug });
  const attended = await attendanceByPerson(db, e);
  const holders = await db
    .select({ registrationId: certificate.registrationId })
    .from(certificate)
    .innerJoin(registration, eq(registration.id, certificate.registrationId))
    .where(and(eq(registration.eventId, e.id), isNull(certificate.replacedAt)));
  const has = new Set(holders.map((h) => h.registrationId));
  const people = await db
    .select({ id: registration.id, name: registration.name })
    .from(registration)
    .where(and(eq(registration.eventId, e.id), eq(registration.status, 'confirmed')))
    .orderBy(asc(registration.number));
  const none = { sessions: 0, hours: 0 };
  const due = people.filter(
    (p) => !has.has(p.id) && eligible((attended.get(p.id) ?? none).sessions, e.sessions.length, e.certificatePercent),
  );
  if (due.length === 0) return 0;
  const rows = due.map((p) => {
    const done = attended.get(p.id) ?? none;
    return {
      registrationId: p.id,
      code: randomCode(10),
      holderName: p.name,
      sessionsAttended: done.sessions,
      hours: done.hours,
      issuedBy: actor.id,
    };
  });
  await db.transaction(async (tx) => {
    await tx.insert(certificate).values(rows).onConflictDoNothing();
    await audit(tx, {
      actorId: actor.id,
      action: 'event.certificates',
      entity: 'event',
      entityId: e.id,
      data: { count: rows.length },
    });
  });
  return rows.length;
}

/** A new certificate for one person (after a correction to their name, say); the old code is marked replaced. */
export async function reissueCertificate({
  db,
  actor,
  slug,
  registrationId,
}: {
  db: Db;
  actor: Actor;
  slug: string;
  registrationId: string;
}) {
  if (!isStaff(actor)) throw new AppError('forbidden');
  const e = await getEvent({ db, actor, slug });
  if (!isUuid(registrationId)) throw new AppError('not_found', 'events.ticketNotFound');
  const [r] = await db
    .select()
    .from(registration)
    .where(and(eq(registration.id, registrationId), eq(registration.eventId, e.id)));
  if (!r) throw new AppError('not_found', 'events.ticketNotFound');
  const done = (await attendanceByPerson(db, e)).get(r.id) ?? { sessions: 0, hours: 0 };
  if (r.status !== 'confirmed' || !eligible(done.sessions, e.sessions.length, e.certificatePercent))
    throw new AppError('conflict', 'events.certificate.notEligible');
  const code = randomCode(10);
  await db.transaction(async (tx) => {
    await tx
      .update(certificate)
      .set({ replacedAt: new Date() })
      .where(and(eq(certificate.registrationId, r.id), isNull(certificate.replacedAt)));
    await tx.insert(certificate).values({
      registrationId: r.id,
      code,
      holderName: r.name,
      sessionsAttended: done.sessions,
      hours: done.hours,
      issuedBy: actor.id,
    });
    await audit(tx, {
      actorId: actor.id,
      action: 'event.certificate_reissue',
      entity: 'event_registration',
      entityId: r.id,
    });
  });
  return { code, name: r.name };
}

/**
 * What a certificate says, and nothing more: the holder's name (never their e-mail, phone or any
 * other registration detail), the event, its dates and place, the attendance and the issuer.
 */
export interface CertificateView {
  code: string;
  holderName: string;
  sessionsAttended: number;
  totalSessions: number;
  hours: number;
  issuedAt: Date;
  replacedAt: Date | null;
  currentCode: string | null;
  event: Pick<EventDetail, 'title' | 'kind' | 'startsOn' | 'endsOn' | 'venue' | 'organiser'>;
}

/** A certificate as the public verification page shows it; null when no certificate has this code. */
export async function verifyCertificate(db: Db, rawCode: string): Promise<CertificateView | null> {
  const code = rawCode.toUpperCase().replace(/[^A-Z0-9]/g, '');
  if (code.length < 6 || code.length > 20) return null;
  const [row] = await db
    .select({ certificate, eventId: registration.eventId })
    .from(certificate)
    .innerJoin(registration, eq(registration.id, certificate.registrationId))
    .where(eq(certificate.code, code));
  if (!row) return null;
  const c = row.certificate;
  const e = await eventDetailById(db, row.eventId);
  let currentCode: string | null = null;
  if (c.replacedAt) {
    const [current] = await db
      .select({ code: certificate.code })
      .from(certificate)
      .where(and(eq(certificate.registrationId, c.registrationId), isNull(certificate.replacedAt)));
    currentCode = current?.code ?? null;
  }
  return {
    code: c.code,
    holderName: c.holderName,
    sessionsAttended: c.sessionsAttended,
    totalSessions: e.sessions.length,
    hours: c.hours,
    issuedAt: c.issuedAt,
    replacedAt: c.replacedAt,
    currentCode,
    event: {
      title: e.title,
      kind: e.kind,
      startsOn: e.startsOn,
      endsOn: e.endsOn,
      venue: e.venue,
      organiser: e.organiser,
    },
  };
}

/**
 * The certificate behind a ticket, for its PDF. The ticket's link is the key of a seat taken
 * without an account; a seat taken by an account is that account's, so its certificate opens only
 * for it (signed in) or for staff, never for whoever comes by the link.
 * @throws AppError unauthenticated | not_found (events.certificate.none)
 */
export async function ticketCertificate({
  db,
  actor,
  token,
}: {
  db: Db;
  actor: Actor | null;
  token: string;
}): Promise<CertificateView> {
  const ticket = await getTicket(db, token);
  const holder = ticket.registration.userId;
  if (holder && !(actor && (actor.id === holder || isStaff(actor)))) {
    if (!actor) throw new AppError('unauthenticated');
    throw new AppError('not_found', 'events.ticketNotFound');
  }
  const cert = ticket.certificateCode ? await verifyCertificate(db, ticket.certificateCode) : null;
  if (!cert) throw new AppError('not_found', 'events.certificate.none');
  return cert;
}

/**
 * A participant's rating and comments, from their own page, once the event has begun and they
 * were there; sending again replaces the earlier answer.
 */
export async function submitFeedback({
  db,
  token,
  input,
  today = todayInVietnam(),
}: {
  db: Db;
  token: string;
  input: FeedbackInput;
  today?: string;
}) {
  const ticket = await getTicket(db, token);
  if (ticket.event.startsOn > today || ticket.attendedSessionIds.length === 0)
    throw new AppError('conflict', 'events.feedback.notYet');
  await db
    .insert(feedback)
    .values({ registrationId: ticket.registration.id, rating: input.rating, comments: input.comments })
    .onConflictDoUpdate({
      target: feedback.registrationId,
      set: { rating: input.rating, comments: input.comments, createdAt: new Date() },
    });
  return ticket;
}

export interface Breakdown {
  key: string;
  count: number;
}

export interface EventResults {
  event: EventDetail;
  registered: number;
  confirmed: number;
  waitlisted: number;
  cancelled: number;
  walkIns: number;
  /** People who attended at least one session: the event's participant figure. */
  participants: number;
  eligible: number;
  certificates: number;
  perSession: { sessionId: string; present: number }[];
  bySex: Breakdown[];
  byEthnicity: Breakdown[];
  byCommune: Breakdown[];
  byOrganisationType: Breakdown[];
  byAge: Breakdown[];
  feedback: { count: number; average: number | null; comments: { rating: number; comments: string; name: string }[] };
}

function tally(values: string[]): Breakdown[] {
  const m = new Map<string, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return [...m]
    .map(([key, n]) => ({ key, count: n }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key, 'vi'));
}

/** Age bands at the event's year, as provincial reports group them. */
export function ageBand(birthYear: number, eventYear: number): string {
  const age = eventYear - birthYear;
  if (age < 30) return 'under30';
  if (age < 45) return '30to44';
  if (age < 60) return '45to59';
  return '60plus';
}

/** The figures officers report after an event: attendance, breakdowns, certificates, feedback. */
export async function eventResults({ db, actor, slug }: { db: Db; actor: Actor; slug: string }): Promise<EventResults> {
  if (!isStaff(actor)) throw new AppError('forbidden');
  const e = await getEvent({ db, actor, slug });
  const [people, counts, perSession, certs, notes] = await Promise.all([
    db
      .select({
        id: registration.id,
        status: registration.status,
        walkIn: registration.walkIn,
        sex: registration.sex,
        ethnicity: registration.ethnicity,
        organisationType: registration.organisationType,
        birthYear: registration.birthYear,
        communeSlug: registration.communeSlug,
      })
      .from(registration)
      .where(eq(registration.eventId, e.id)),
    attendanceCounts(db, e.id),
    db
      .select({ sessionId: attendance.sessionId, present: count() })
      .from(attendance)
      .innerJoin(eventSession, eq(eventSession.id, attendance.sessionId))
      .where(eq(eventSession.eventId, e.id))
      .groupBy(attendance.sessionId),
    db
      .select({ n: count() })
      .from(certificate)
      .innerJoin(registration, eq(registration.id, certificate.registrationId))
      .where(and(eq(registration.eventId, e.id), isNull(certificate.replacedAt))),
    db
      .select({ rating: feedback.rating, comments: feedback.comments, name: registration.name })
      .from(feedback)
      .innerJoin(registration, eq(registration.id, feedback.registrationId))
      .where(eq(registration.eventId, e.id))
      .orderBy(asc(registration.number)),
  ]);
  const communes = await communesOf(
    db,
    people.map((p) => p.communeSlug),
  );
  const attendedBy = new Map(counts.map((c) => [c.registrationId, c.n]));
  const present = people.filter((p) => p.status === 'confirmed' && (attendedBy.get(p.id) ?? 0) > 0);
  const year = Number(e.startsOn.slice(0, 4));
  const ratings = notes.map((n) => n.rating);
  return {
    event: e,
    registered: people.filter((p) => !p.walkIn).length,
    confirmed: people.filter((p) => p.status === 'confirmed').length,
    waitlisted: people.filter((p) => p.status === 'waitlisted').length,
    cancelled: people.filter((p) => p.status === 'cancelled').length,
    walkIns: people.filter((p) => p.walkIn).length,
    participants: present.length,
    eligible: present.filter((p) => eligible(attendedBy.get(p.id) ?? 0, e.sessions.length, e.certificatePercent))
      .length,
    certificates: certs[0]?.n ?? 0,
    perSession: e.sessions.map((s) => ({
      sessionId: s.id,
      present: perSession.find((x) => x.sessionId === s.id)?.present ?? 0,
    })),
    bySex: tally(present.map((p) => p.sex)),
    byEthnicity: tally(present.map((p) => p.ethnicity)),
    byCommune: tally(present.map((p) => (p.communeSlug ? communes.get(p.communeSlug)?.name : undefined) ?? '')),
    byOrganisationType: tally(present.map((p) => p.organisationType)),
    byAge: tally(present.map((p) => ageBand(p.birthYear, year))),
    feedback: {
      count: notes.length,
      average: ratings.length ? Math.round((ratings.reduce((a, b) => a + b, 0) / ratings.length) * 10) / 10 : null,
      comments: notes.filter((n) => n.comments),
    },
  };
}

/** How many people attended the events of a period (the report's "people trained"). */
export async function participantFigures(db: Db, from: string, to: string) {
  const [row] = await db
    .select({
      events: sql<number>`count(DISTINCT ${event.id})::int`,
      people: sql<number>`count(DISTINCT ${registration.id})::int`,
    })
    .from(registration)
    .innerJoin(event, eq(event.id, registration.eventId))
    .where(
      and(
        eq(registration.status, 'confirmed'),
        sql`${event.startsOn} BETWEEN ${from} AND ${to}`,
        sql`EXISTS (SELECT 1 FROM ${attendance} WHERE ${attendance.registrationId} = ${registration.id})`,
      ),
    );
  return { events: row?.events ?? 0, people: row?.people ?? 0 };
}

/**
 * The session an officer means without saying: today's, when the event has one today. For an event
 * that has ended or not begun there is none: the page asks (a silent default would tick people
 * into the wrong session).
 */
export function todaysSession(e: Pick<EventDetail, 'sessions'>, today: string): Session | undefined {
  return e.sessions.find((s) => s.day === today);
}

/** How many people are checked in at each session of an event. */
async function presentBySession(db: Db, eventId: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ sessionId: attendance.sessionId, n: count() })
    .from(attendance)
    .innerJoin(eventSession, eq(eventSession.id, attendance.sessionId))
    .innerJoin(registration, eq(registration.id, attendance.registrationId))
    .where(and(eq(eventSession.eventId, eventId), eq(registration.status, 'confirmed')))
    .groupBy(attendance.sessionId);
  return new Map(rows.map((r) => [r.sessionId, r.n]));
}

/**
 * What the check-in page shows for one session: the confirmed people (filtered by a name typed
 * without diacritics if need be), who is in, and the person whose code was scanned. With no
 * session chosen and none today, `session` is null and the page asks which one.
 */
export async function checkInSheet({
  db,
  actor,
  slug,
  sessionId,
  code,
  q,
  today = todayInVietnam(),
}: {
  db: Db;
  actor: Actor;
  slug: string;
  sessionId?: string;
  code?: string;
  q?: string;
  today?: string;
}) {
  if (!isStaff(actor)) throw new AppError('forbidden');
  const e = await getEvent({ db, actor, slug });
  const session =
    (sessionId && isUuid(sessionId) ? e.sessions.find((s) => s.id === sessionId) : undefined) ??
    todaysSession(e, today) ??
    null;
  const rows = await db
    .select({
      id: registration.id,
      name: registration.name,
      code: registration.code,
      status: registration.status,
      // Qualified by hand: in a one-table select Drizzle writes columns without their table.
      present: session
        ? sql<boolean>`EXISTS (SELECT 1 FROM ${attendance} a WHERE a.registration_id = ${registration}.id AND a.session_id = ${session.id})`
        : sql<boolean>`false`,
    })
    .from(registration)
    .where(and(eq(registration.eventId, e.id), inArray(registration.status, ['confirmed', 'waitlisted'])))
    .orderBy(asc(registration.name), asc(registration.number));
  const confirmed = rows.filter((r) => r.status === 'confirmed');
  const wanted = q ? fold(q.trim()) : '';
  const normalised = (code ?? '').toUpperCase().replace(/[^A-Z0-9]/g, '');
  let found = normalised ? (rows.find((r) => r.code === normalised) ?? null) : null;
  if (!found && normalised) {
    const [other] = await db
      .select({ id: registration.id, name: registration.name, code: registration.code, status: registration.status })
      .from(registration)
      .where(and(eq(registration.eventId, e.id), eq(registration.code, normalised)));
    found = other ? { ...other, present: false } : null;
  }
  const present = await presentBySession(db, e.id);
  return {
    event: e,
    session,
    /** Each session with how many people are checked in at it: the chooser shows them. */
    sessions: e.sessions.map((s) => ({ ...s, present: present.get(s.id) ?? 0 })),
    people: wanted ? confirmed.filter((r) => fold(r.name).includes(wanted)) : confirmed,
    presentCount: confirmed.filter((r) => r.present).length,
    confirmedCount: confirmed.length,
    found: session ? found : null,
    unknownCode: session !== null && normalised !== '' && !found,
  };
}

/** A course as a report's evidence lists it: its sessions in the period. */
export interface CourseFact {
  id: string;
  slug: string;
  title: string;
  organiser: string;
  firstDay: string;
  lastDay: string;
  sessions: number;
}

/** Courses held in a period: a course with at least one session on a day of the period. */
export async function coursesHeld(db: Db, from: string, to: string): Promise<CourseFact[]> {
  return db
    .select({
      id: event.id,
      slug: event.slug,
      title: event.title,
      organiser: event.organiser,
      firstDay: sql<string>`min(${eventSession.day})::text`,
      lastDay: sql<string>`max(${eventSession.day})::text`,
      sessions: sql<number>`count(*)::int`,
    })
    .from(event)
    .innerJoin(eventSession, eq(eventSession.eventId, event.id))
    .where(and(eq(event.kind, 'course'), sql`${eventSession.day} BETWEEN ${from} AND ${to}`))
    .groupBy(event.id)
    .orderBy(sql`min(${eventSession.day})`);
}

/** The people trained in a period added up by one of their traits; `key` null = not known. */
export interface TraineeGroups {
  people: number;
  bySex: { key: string | null; count: number }[];
  byEthnicity: { key: string | null; count: number }[];
  /** By age in whole years at their first course day of the period (the year's difference). */
  byAge: { key: number | null; count: number }[];
  byCommune: { key: string | null; count: number }[];
}

/** Who counts as trained in a period: course sessions on its days, confirmed seats checked in. */
const trainedIn = (from: string, to: string) =>
  and(
    eq(event.kind, 'course'),
    eq(registration.status, 'confirmed'),
    sql`${registration.personId} IS NOT NULL`,
    sql`${eventSession.day} BETWEEN ${from} AND ${to}`,
  );

/**
 * The people trained in a period counted in the database, by sex, ethnicity, age at the course
 * and commune: a report's figure and its splits without reading the people one by one (a busy
 * year is thousands). The same people as `peopleTrained`.
 */
export async function traineeGroups(db: Db, from: string, to: string): Promise<TraineeGroups> {
  const trainees = db
    .select({
      personId: sql<string>`${registration.personId}`.as('person_id'),
      firstDay: sql<string>`min(${eventSession.day})`.as('first_day'),
    })
    .from(attendance)
    .innerJoin(registration, eq(registration.id, attendance.registrationId))
    .innerJoin(eventSession, eq(eventSession.id, attendance.sessionId))
    .innerJoin(event, eq(event.id, eventSession.eventId))
    .where(trainedIn(from, to))
    .groupBy(registration.personId)
    .as('trainee');
  const found = await rows<{
    g: number;
    sex: string | null;
    ethnicity: string | null;
    age: number | null;
    commune: string | null;
    n: number;
  }>(
    db,
    sql`SELECT grouping(${personLabels.sex}, ${personLabels.ethnicity}, age, ${personLabels.communeSlug})::int AS g,
          ${personLabels.sex} AS sex, ${personLabels.ethnicity} AS ethnicity, age, ${personLabels.communeSlug} AS commune,
          count(*)::int AS n
        FROM ${trainees}
        LEFT JOIN ${personLabels} ON ${personLabels.id} = ${trainees.personId}
        CROSS JOIN LATERAL (SELECT extract(year FROM ${trainees.firstDay})::int - ${personLabels.birthYear} AS age) AS a
        GROUP BY GROUPING SETS ((), (${personLabels.sex}), (${personLabels.ethnicity}), (age), (${personLabels.communeSlug}))`,
  );
  // grouping() sets a bit for each column left out of the set: 15 = the total, 7 = by sex, …
  const of = <K extends 'sex' | 'ethnicity' | 'age' | 'commune'>(g: number, k: K) =>
    found.filter((r) => Number(r.g) === g).map((r) => ({ key: r[k] as (typeof r)[K], count: Number(r.n) }));
  return {
    people: Number(found.find((r) => Number(r.g) === 15)?.n ?? 0),
    bySex: of(7, 'sex'),
    byEthnicity: of(11, 'ethnicity'),
    byAge: of(13, 'age'),
    byCommune: of(14, 'commune'),
  };
}

/** A person trained, with the first course session of the period they were checked in at. */
export interface TraineeFact {
  personId: string;
  firstDay: string;
  courseSlug: string;
  courseTitle: string;
  courses: number;
}

/**
 * People trained in a period: distinct people checked in at a course session on a day of the
 * period, one row each (grouped in the database), with their first such day and its course.
 */
export async function peopleTrained(db: Db, from: string, to: string): Promise<TraineeFact[]> {
  const first = sql`(array_agg(${event.slug} || '|' || ${event.title} ORDER BY ${eventSession.day}, ${event.id}))[1]`;
  const found = await db
    .select({
      personId: sql<string>`${registration.personId}`,
      firstDay: sql<string>`min(${eventSession.day})::text`,
      first: sql<string>`${first}`,
      courses: sql<number>`count(DISTINCT ${event.id})::int`,
    })
    .from(attendance)
    .innerJoin(registration, eq(registration.id, attendance.registrationId))
    .innerJoin(eventSession, eq(eventSession.id, attendance.sessionId))
    .innerJoin(event, eq(event.id, eventSession.eventId))
    .where(trainedIn(from, to))
    .groupBy(registration.personId)
    .orderBy(sql`min(${eventSession.day})`, registration.personId);
  return found.map((r) => {
    const cut = r.first.indexOf('|');
    return {
      personId: r.personId,
      firstDay: r.firstDay,
      courseSlug: r.first.slice(0, cut),
      courseTitle: r.first.slice(cut + 1),
      courses: Number(r.courses),
    };
  });
}
