import { randomUUID } from 'node:crypto';
import { and, desc, eq, inArray, lt, ne, or, type SQL, sql } from 'drizzle-orm';
import { audit, auditMany } from '#kernel/audit/audit.ts';
import type { Actor } from '#kernel/auth/roles.ts';
import type { Db } from '#kernel/db/client.ts';
import { isUuid } from '#kernel/db/keys.ts';
import { todayInVietnam } from '#kernel/i18n/index.ts';
import { findOrCreatePeopleNoting, findOrCreatePersonNoting } from '#modules/people/index.ts';
import { forgetSupport, recordSupports } from '#modules/support/index.ts';
import { recordSeat, seatSupport, sessionStart } from '../attendance/attendance.service.ts';
import { type EventDetail, eventDetailById } from '../calendar/events.service.ts';
import { attendance, event, registration } from '../events.sql.ts';
import type { ethnicities, organisationTypes, sexes } from '../events.taxonomy.ts';
import { type Registration, seatColumns } from './registrations.service.ts';
import { lockEvent } from './seats.ts';

// A past event's attendance list imported from a spreadsheet (the imports module): each row is
// entered like an officer's past record (recordPastRegistration), but a row already there is
// reused, not refused, so that importing the same list twice changes nothing; and what each row
// added is told back, so that the import can be undone.

/** An event that has ended, for the import's chooser. */
export interface EndedEvent {
  id: string;
  slug: string;
  title: string;
  kind: string;
  startsOn: string;
  endsOn: string;
}

/** Events that ended before today, newest first. */
export async function endedEvents(db: Db, today = todayInVietnam(), limit = 300): Promise<EndedEvent[]> {
  return db
    .select({
      id: event.id,
      slug: event.slug,
      title: event.title,
      kind: event.kind,
      startsOn: event.startsOn,
      endsOn: event.endsOn,
    })
    .from(event)
    .where(lt(event.endsOn, today))
    .orderBy(desc(event.endsOn), event.title)
    .limit(limit);
}

/** An ended event with its sessions, or null (unknown or not ended). */
export async function endedEvent(db: Db, id: string, today = todayInVietnam()): Promise<EventDetail | null> {
  if (!isUuid(id)) return null;
  try {
    const e = await eventDetailById(db, id);
    return e.endsOn < today ? e : null;
  } catch {
    return null;
  }
}

/** One participant of a past event as a list gives them. */
export interface PastAttendee {
  name: string;
  phone: string;
  email: string;
  commune: string | undefined;
  organisation: string;
  organisationType: (typeof organisationTypes)[number];
  sex: (typeof sexes)[number];
  ethnicity: (typeof ethnicities)[number];
  birthYear: number;
  /** The sessions they came to (ids of the event's sessions). */
  sessionIds: string[];
}

/** What one row added: a new registration and/or new check-ins, a new person. */
export interface PastAttendeeResult {
  registrationId: string;
  registrationCreated: boolean;
  personId: string;
  personCreated: boolean;
  /** Sessions newly checked in (none when the list had already been imported). */
  checkedIn: string[];
}

/**
 * Enters one participant of an ended event, inside the caller's transaction: the person (same
 * phone or e-mail, same person), their confirmed seat (the live one they already have, else a new
 * one dated at the first session) and their check-ins, each dated at its session; the ledger
 * follows as for any check-in. Entering the same participant again adds nothing.
 */
export async function enterPastAttendee(
  tx: Db,
  actor: Actor,
  e: EventDetail,
  input: PastAttendee,
  today = todayInVietnam(),
  { locked = false }: { locked?: boolean } = {},
): Promise<PastAttendeeResult> {
  const first = e.sessions[0];
  if (!first) throw new Error('an event without sessions');
  // A caller entering many rows takes the event's lock once (`lockPastEvent`).
  if (!locked) await lockEvent(tx, e.id);
  const { person, created: personCreated } = await findOrCreatePersonNoting(tx, {
    fullName: input.name,
    phone: input.phone,
    email: input.email,
    sex: input.sex,
    birthYear: input.birthYear,
    ethnicity: input.ethnicity,
    communeSlug: input.commune ?? null,
  });
  const same: SQL[] = [eq(registration.personId, person.id)];
  if (input.email) same.push(eq(registration.email, input.email));
  if (input.phone) same.push(eq(registration.phone, input.phone));
  const [existing] = await tx
    .select()
    .from(registration)
    .where(and(eq(registration.eventId, e.id), ne(registration.status, 'cancelled'), or(...same)))
    .limit(1);
  let seat = existing;
  if (!seat) {
    [seat] = await tx
      .insert(registration)
      .values({
        eventId: e.id,
        personId: person.id,
        status: 'confirmed',
        ...seatColumns(input),
        consent: true,
        createdAt: sessionStart(first),
      })
      .returning();
    if (!seat) throw new Error('insert returned nothing');
  }
  const checkedIn: string[] = [];
  const sessions = e.sessions.filter((x) => input.sessionIds.includes(x.id));
  if (seat.status === 'confirmed' && sessions.length > 0) {
    // All the row's sessions in one statement, each dated at its session (as markPresent does),
    // then the seat's ledger entry once: a list of thousands of rows stays quick.
    const added = await tx
      .insert(attendance)
      .values(
        sessions.map((s) => ({
          registrationId: seat.id,
          sessionId: s.id,
          method: 'list' as const,
          checkedInBy: actor.id,
          checkedInAt: s.day < today ? sessionStart(s) : new Date(),
        })),
      )
      .onConflictDoNothing()
      .returning({ sessionId: attendance.sessionId });
    checkedIn.push(...added.map((a) => a.sessionId));
    if (added.length) {
      await recordSeat(tx, actor, e, { ...seat, personId: seat.personId ?? person.id });
      await audit(tx, {
        actorId: actor.id,
        action: 'event.check_in',
        entity: 'event',
        entityId: e.id,
        data: { registrationId: seat.id, sessions: added.length, method: 'import' },
      });
    }
  }
  return {
    registrationId: seat.id,
    registrationCreated: !existing,
    personId: person.id,
    personCreated,
    checkedIn,
  };
}

const chunks = <T>(list: T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));

/**
 * As `enterPastAttendee` for every row of a list, in order, inside the caller's transaction, in a
 * few statements whatever the list's length (people, seats, check-ins, ledger entries and audit
 * lines each written at once): a list of ten thousand rows stays within the import's budget.
 * A later row for the person of an earlier one reuses that seat.
 */
export async function enterPastAttendees(
  tx: Db,
  actor: Actor,
  e: EventDetail,
  inputs: PastAttendee[],
  today = todayInVietnam(),
  { locked = false }: { locked?: boolean } = {},
): Promise<PastAttendeeResult[]> {
  const first = e.sessions[0];
  if (!first) throw new Error('an event without sessions');
  if (!locked) await lockEvent(tx, e.id);
  const people = await findOrCreatePeopleNoting(
    tx,
    inputs.map((input) => ({
      fullName: input.name,
      phone: input.phone,
      email: input.email,
      sex: input.sex,
      birthYear: input.birthYear,
      ethnicity: input.ethnicity,
      communeSlug: input.commune ?? null,
    })),
  );
  type Live = Pick<Registration, 'id' | 'personId' | 'status'> & Parameters<typeof seatSupport>[1];
  const live = (await tx
    .select()
    .from(registration)
    .where(and(eq(registration.eventId, e.id), ne(registration.status, 'cancelled')))) as Live[];
  const byPerson = new Map<string, Live>();
  const byEmail = new Map<string, Live>();
  const byPhone = new Map<string, Live>();
  const hold = (r: Live) => {
    if (r.personId && !byPerson.has(r.personId)) byPerson.set(r.personId, r);
    if (r.email && !byEmail.has(r.email)) byEmail.set(r.email, r);
    if (r.phone && !byPhone.has(r.phone)) byPhone.set(r.phone, r);
  };
  live.forEach(hold);
  const createdAt = sessionStart(first);
  const added: (typeof registration.$inferInsert & { id: string })[] = [];
  const seats = inputs.map((input, i) => {
    const personId = (people[i] as { id: string }).id;
    const found =
      byPerson.get(personId) ??
      (input.email ? byEmail.get(input.email) : undefined) ??
      (input.phone ? byPhone.get(input.phone) : undefined);
    if (found) return { seat: found, created: false, personId };
    const row = {
      id: randomUUID(),
      eventId: e.id,
      personId,
      status: 'confirmed' as const,
      ...seatColumns(input),
      consent: true,
      createdAt,
    };
    added.push(row);
    const seat = { ...row, projectId: null } as Live;
    hold(seat);
    return { seat, created: true, personId };
  });
  for (const part of chunks(added, 1500)) await tx.insert(registration).values(part);
  // Every row's sessions, once each: the first row to name a seat's session checks it in.
  const owner = new Map<string, number>();
  const wanted: (typeof attendance.$inferInsert)[] = [];
  inputs.forEach((input, i) => {
    const { seat } = seats[i] as (typeof seats)[number];
    if (seat.status !== 'confirmed') return;
    for (const s of e.sessions) {
      const key = `${seat.id}:${s.id}`;
      if (!input.sessionIds.includes(s.id) || owner.has(key)) continue;
      owner.set(key, i);
      wanted.push({
        registrationId: seat.id,
        sessionId: s.id,
        method: 'list',
        checkedInBy: actor.id,
        checkedInAt: s.day < today ? sessionStart(s) : new Date(),
      });
    }
  });
  const checkedIn = inputs.map((): string[] => []);
  for (const part of chunks(wanted, 5000)) {
    const done = await tx
      .insert(attendance)
      .values(part)
      .onConflictDoNothing()
      .returning({ registrationId: attendance.registrationId, sessionId: attendance.sessionId });
    for (const a of done) checkedIn[owner.get(`${a.registrationId}:${a.sessionId}`) ?? -1]?.push(a.sessionId);
  }
  // Each seat with a new check-in: its ledger entry from all its check-ins, and one audit line per row.
  const touched = new Map<string, (typeof seats)[number]>();
  inputs.forEach((_, i) => {
    const s = seats[i] as (typeof seats)[number];
    if (checkedIn[i]?.length) touched.set(s.seat.id, s);
  });
  const attended = new Map<string, string[]>();
  for (const part of chunks([...touched.keys()], 5000)) {
    const rows = await tx
      .select({ registrationId: attendance.registrationId, sessionId: attendance.sessionId })
      .from(attendance)
      .where(inArray(attendance.registrationId, part));
    for (const a of rows) attended.set(a.registrationId, [...(attended.get(a.registrationId) ?? []), a.sessionId]);
  }
  const ledger = [...touched.values()].flatMap(({ seat, personId }) => {
    const entry = seatSupport(e, { ...seat, personId: seat.personId ?? personId }, attended.get(seat.id) ?? []);
    return entry ? [entry] : [];
  });
  await recordSupports({ db: tx, actor, inputs: ledger });
  await auditMany(
    tx,
    inputs.flatMap((_, i) => {
      const n = checkedIn[i]?.length ?? 0;
      const seatId = (seats[i] as (typeof seats)[number]).seat.id;
      return n
        ? [
            {
              actorId: actor.id,
              action: 'event.check_in',
              entity: 'event',
              entityId: e.id,
              data: { registrationId: seatId, sessions: n, method: 'import' },
            },
          ]
        : [];
    }),
  );
  return inputs.map((_, i) => {
    const s = seats[i] as (typeof seats)[number];
    const p = people[i] as { id: string; created: boolean };
    return {
      registrationId: s.seat.id,
      registrationCreated: s.created,
      personId: p.id,
      personCreated: p.created,
      checkedIn: checkedIn[i] ?? [],
    };
  });
}

/** Takes an ended event's row lock for the rest of the transaction (before many `enterPastAttendee`). */
export const lockPastEvent = (tx: Db, eventId: string) => lockEvent(tx, eventId);

/** What an import added to an event, to take back. */
export interface PastAttendanceUndo {
  eventId: string;
  /** Registrations it created (their check-ins and ledger entries go with them). */
  registrationIds: string[];
  /** Check-ins it added to registrations that were there before. */
  checkIns: { registrationId: string; sessionId: string }[];
}

/**
 * Takes back what `enterPastAttendee` added, and nothing else: the registrations it created (with
 * their check-ins and ledger entries), and its check-ins on seats that were there before (their
 * ledger entries are recorded again from the check-ins left).
 */
export async function undoPastAttendance(tx: Db, actor: Actor, undo: PastAttendanceUndo): Promise<void> {
  const created = undo.registrationIds.filter(isUuid);
  if (created.length) {
    await forgetSupport(tx, 'event_seat', created);
    await tx.delete(registration).where(inArray(registration.id, created));
  }
  const kept = undo.checkIns.filter((c) => isUuid(c.registrationId) && isUuid(c.sessionId));
  if (kept.length === 0) return;
  for (const part of chunks(kept, 5000))
    await tx.execute(sql`DELETE FROM ${attendance} WHERE (${attendance.registrationId}, ${attendance.sessionId}) IN (
      SELECT * FROM unnest(${`{${part.map((c) => c.registrationId).join(',')}}`}::uuid[], ${`{${part.map((c) => c.sessionId).join(',')}}`}::uuid[]))`);
  const e = await eventDetailById(tx, undo.eventId);
  const touched = [...new Set(kept.map((c) => c.registrationId))];
  const left = new Map<string, string[]>();
  const ledger: NonNullable<ReturnType<typeof seatSupport>>[] = [];
  const gone: string[] = [];
  for (const part of chunks(touched, 5000)) {
    const seats = await tx.select().from(registration).where(inArray(registration.id, part));
    const rows = await tx
      .select({ registrationId: attendance.registrationId, sessionId: attendance.sessionId })
      .from(attendance)
      .where(inArray(attendance.registrationId, part));
    for (const a of rows) left.set(a.registrationId, [...(left.get(a.registrationId) ?? []), a.sessionId]);
    for (const seat of seats) {
      const entry = seat.personId
        ? seatSupport(e, { ...seat, personId: seat.personId }, left.get(seat.id) ?? [])
        : null;
      if (entry) ledger.push(entry);
      else if (!seat.personId && left.has(seat.id)) await recordSeat(tx, actor, e, seat);
      else gone.push(seat.id);
    }
  }
  // The seat's ledger entry is recorded again from the check-ins left, or taken out.
  await recordSupports({ db: tx, actor, inputs: ledger });
  await forgetSupport(tx, 'event_seat', gone);
}
