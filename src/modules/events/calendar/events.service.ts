import { randomInt } from 'node:crypto';
import { and, asc, count, desc, eq, gte, inArray, lt, type SQL, sql } from 'drizzle-orm';
import { audit } from '#kernel/audit/audit.ts';
import { user } from '#kernel/auth/auth.sql.ts';
import { type Actor, isStaff } from '#kernel/auth/roles.ts';
import type { Db } from '#kernel/db/client.ts';
import type { AppDeps } from '#kernel/http/context.ts';
import { AppError } from '#kernel/http/errors.ts';
import { todayInVietnam } from '#kernel/i18n/index.ts';
import { slugify } from '#kernel/search/fold.ts';
import { matches } from '#kernel/search/search.ts';
import type { CalendarFilters, EventInput, SessionInput } from '../events.schemas.ts';
import { event, eventSession, registration, type Trainer } from '../events.sql.ts';
import { lockEvent, type Promoted, promoteWaitlist } from '../registrations/seats.ts';

export type Event = typeof event.$inferSelect;
export type Session = typeof eventSession.$inferSelect;

/** What the services that send e-mail need from the app. */
export type EventDeps = Pick<AppDeps, 'db' | 'mailer' | 'config'>;

export interface EventDetail extends Event {
  sessions: Session[];
  confirmed: number;
  waitlisted: number;
  /** Total hours of all sessions. */
  hours: number;
}

/** Minutes between two "HH:MM" times of a day. */
export function minutesOf(s: Pick<Session, 'startTime' | 'endTime'>): number {
  const [sh = 0, sm = 0] = s.startTime.split(':').map(Number);
  const [eh = 0, em = 0] = s.endTime.split(':').map(Number);
  return eh * 60 + em - (sh * 60 + sm);
}

/** Hours of a set of sessions, rounded to the nearest half hour. */
export function hoursOf(sessions: Pick<Session, 'startTime' | 'endTime'>[]): number {
  return Math.round(sessions.reduce((sum, s) => sum + minutesOf(s), 0) / 30) / 2;
}

// Codes people read aloud or type on a phone: no 0/O, 1/I/L.
const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
/** A random code of `length` characters from an alphabet without look-alikes. */
export function randomCode(length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) s += alphabet[randomInt(alphabet.length)];
  return s;
}

/** "K7P3MX9Q" → "K7P3-MX9Q", as printed. */
export const formatCode = (code: string) => code.replace(/(.{4})(?=.)/g, '$1-');

/** Staff see every event; others see published events that are not by invitation. */
export function canSeeEvent(actor: Actor | null, e: Pick<Event, 'published' | 'audience'>): boolean {
  return isStaff(actor) || (e.published && e.audience !== 'invited');
}

const reservedSlugs = new Set(['moi', 'cua-toi']);

async function uniqueSlug(db: Db, title: string, startsOn: string, ownId?: string): Promise<string> {
  const base = slugify(title, 70) || `su-kien-${startsOn}`;
  const taken = await db
    .select({ slug: event.slug, id: event.id })
    .from(event)
    .where(sql`${event.slug} = ${base} OR ${event.slug} LIKE ${`${base}-%`}`);
  const others = new Set(taken.filter((r) => r.id !== ownId).map((r) => r.slug));
  for (const s of reservedSlugs) others.add(s);
  if (!others.has(base)) return base;
  for (let i = 2; ; i++) if (!others.has(`${base}-${i}`)) return `${base}-${i}`;
}

/** Trainers typed one per line: the e-mail of an expert's account links that account, else a name. */
async function resolveTrainers(db: Db, lines: string[]): Promise<Trainer[]> {
  const emails = lines.filter((l) => l.includes('@')).map((l) => l.toLowerCase());
  const experts = emails.length
    ? await db
        .select({ id: user.id, name: user.name, email: user.email })
        .from(user)
        .where(and(inArray(user.email, emails), eq(user.role, 'expert')))
    : [];
  return lines.map((line) => {
    const expert = experts.find((a) => a.email === line.toLowerCase());
    if (expert) return { name: expert.name, userId: expert.id };
    if (line.includes('@'))
      throw new AppError('validation', 'errors.validation', { trainers: 'events.v.trainerEmail' });
    return { name: line, userId: null };
  });
}

function columnsFrom(input: EventInput, trainers: Trainer[]) {
  const first = input.sessions[0] as SessionInput;
  const last = input.sessions[input.sessions.length - 1] as SessionInput;
  return {
    kind: input.kind,
    title: input.title,
    description: input.description,
    organiser: input.organiser,
    partners: input.partners,
    trainers,
    venue: input.venue,
    capacity: input.capacity,
    audience: input.audience,
    published: input.published,
    registrationOpensOn: input.registrationOpensOn ?? null,
    registrationClosesOn: input.registrationClosesOn ?? null,
    questions: input.questions,
    certificatePercent: input.certificatePercent,
    startsOn: first.day,
    endsOn: last.day,
  };
}

/** An event already there with the same title (letter case aside) in the same year, or null. */
export async function eventWithTitle(
  db: Db,
  title: string,
  day: string,
): Promise<{ slug: string; title: string; startsOn: string } | null> {
  const [row] = await db
    .select({ slug: event.slug, title: event.title, startsOn: event.startsOn })
    .from(event)
    .where(
      and(
        sql`lower(${event.title}) = lower(${title})`,
        sql`extract(year from ${event.startsOn}) = ${Number(day.slice(0, 4)) || 0}`,
      ),
    )
    .orderBy(asc(event.startsOn))
    .limit(1);
  return row ?? null;
}

/**
 * Creates an event with its sessions (staff only).
 * @example const { slug } = await createEvent({ db, actor, input })
 */
export async function createEvent({ db, actor, input }: { db: Db; actor: Actor; input: EventInput }) {
  if (!isStaff(actor)) throw new AppError('forbidden');
  const trainers = await resolveTrainers(db, input.trainers);
  return db.transaction(async (tx) => {
    const slug = await uniqueSlug(tx, input.title, input.sessions[0]?.day ?? '');
    const [created] = await tx
      .insert(event)
      .values({ ...columnsFrom(input, trainers), slug, createdBy: actor.id })
      .returning({ id: event.id, slug: event.slug, title: event.title });
    if (!created) throw new Error('insert returned nothing');
    await tx
      .insert(eventSession)
      .values(input.sessions.map((s, position) => ({ ...s, eventId: created.id, position })));
    await audit(tx, {
      actorId: actor.id,
      action: 'event.create',
      entity: 'event',
      entityId: created.id,
      data: { title: input.title },
    });
    return created;
  });
}

/**
 * Saves an edited event. Sessions are matched by position, so attendance already taken stays
 * with its session; removing sessions removes their attendance. Raising the capacity promotes
 * people from the waitlist (returned, so the caller can tell them).
 */
export async function updateEvent({
  db,
  actor,
  slug,
  input,
  onPromoted,
}: {
  db: Db;
  actor: Actor;
  slug: string;
  input: EventInput;
  /** Called in the transaction with those taken off the waitlist (to queue their mails). */
  onPromoted?: (tx: Db, eventId: string, promoted: Promoted[]) => Promise<void>;
}) {
  if (!isStaff(actor)) throw new AppError('forbidden');
  const current = await getEvent({ db, actor, slug });
  const trainers = await resolveTrainers(db, input.trainers);
  return db.transaction(async (tx) => {
    await lockEvent(tx, current.id);
    const newSlug =
      input.title === current.title ? current.slug : await uniqueSlug(tx, input.title, current.startsOn, current.id);
    await tx
      .update(event)
      .set({ ...columnsFrom(input, trainers), slug: newSlug, updatedAt: new Date() })
      .where(eq(event.id, current.id));
    for (const [position, s] of input.sessions.entries()) {
      const existing = current.sessions[position];
      if (existing) await tx.update(eventSession).set(s).where(eq(eventSession.id, existing.id));
      else await tx.insert(eventSession).values({ ...s, eventId: current.id, position });
    }
    if (current.sessions.length > input.sessions.length) {
      await tx
        .delete(eventSession)
        .where(and(eq(eventSession.eventId, current.id), gte(eventSession.position, input.sessions.length)));
    }
    const promoted = await promoteWaitlist(tx, current.id, input.capacity);
    await audit(tx, { actorId: actor.id, action: 'event.update', entity: 'event', entityId: current.id });
    if (promoted.length) await onPromoted?.(tx, current.id, promoted);
    return { id: current.id, slug: newSlug, title: input.title, promoted };
  });
}

export async function sessionsOf(db: Db, eventId: string): Promise<Session[]> {
  return db.select().from(eventSession).where(eq(eventSession.eventId, eventId)).orderBy(asc(eventSession.position));
}

async function seatCounts(db: Db, eventId: string) {
  const rows = await db
    .select({ status: registration.status, n: count() })
    .from(registration)
    .where(eq(registration.eventId, eventId))
    .groupBy(registration.status);
  const of = (s: string) => rows.find((r) => r.status === s)?.n ?? 0;
  return { confirmed: of('confirmed'), waitlisted: of('waitlisted') };
}

async function detailOf(db: Db, e: Event): Promise<EventDetail> {
  const [sessions, seats] = await Promise.all([sessionsOf(db, e.id), seatCounts(db, e.id)]);
  return { ...e, sessions, ...seats, hours: hoursOf(sessions) };
}

/** An event as its page shows it; 404 for anyone who may not see it. */
export async function getEvent({
  db,
  actor,
  slug,
}: {
  db: Db;
  actor: Actor | null;
  slug: string;
}): Promise<EventDetail> {
  const [row] = await db.select().from(event).where(eq(event.slug, slug));
  if (!row || !canSeeEvent(actor, row)) throw new AppError('not_found', 'events.notFound');
  return detailOf(db, row);
}

/** Same rule by id, for the API. */
export async function getEventById({
  db,
  actor,
  id,
}: {
  db: Db;
  actor: Actor | null;
  id: string;
}): Promise<EventDetail> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError('not_found', 'events.notFound');
  const [row] = await db.select().from(event).where(eq(event.id, id));
  if (!row || !canSeeEvent(actor, row)) throw new AppError('not_found', 'events.notFound');
  return detailOf(db, row);
}

/** An event by id with no visibility check: for a participant's own ticket and for staff tools. */
export async function eventDetailById(db: Db, id: string): Promise<EventDetail> {
  const [row] = await db.select().from(event).where(eq(event.id, id));
  if (!row) throw new AppError('not_found', 'events.notFound');
  return detailOf(db, row);
}

export interface CalendarItem {
  id: string;
  slug: string;
  kind: string;
  title: string;
  venue: string;
  organiser: string;
  audience: string;
  published: boolean;
  startsOn: string;
  endsOn: string;
  capacity: number;
  confirmed: number;
}

export interface EventHit {
  slug: string;
  kind: string;
  title: string;
  venue: string;
  startsOn: string;
  endsOn: string;
}

/**
 * Events whose title or place has every word of `q` (accents optional), for the site search:
 * those still to come first (soonest first), then past ones (latest first). The public sees
 * published events open to it, as on the calendar.
 */
export async function searchEvents({
  db,
  actor,
  q,
  limit = 5,
  today = todayInVietnam(),
}: {
  db: Db;
  actor: Actor | null;
  q: string;
  limit?: number;
  today?: string;
}): Promise<{ items: EventHit[]; total: number }> {
  const where: SQL[] = [matches(sql`lower(f_unaccent(${event.title} || ' ' || ${event.venue}))`, q)];
  if (!isStaff(actor)) where.push(eq(event.published, true), inArray(event.audience, ['public', 'founders']));
  const condition = and(...where);
  const [total] = await db.select({ n: count() }).from(event).where(condition);
  const upcoming = sql`(${event.endsOn} >= ${today})`;
  const items = await db
    .select({
      slug: event.slug,
      kind: event.kind,
      title: event.title,
      venue: event.venue,
      startsOn: event.startsOn,
      endsOn: event.endsOn,
    })
    .from(event)
    .where(condition)
    .orderBy(
      desc(upcoming),
      sql`CASE WHEN ${upcoming} THEN ${event.startsOn} END ASC`,
      sql`CASE WHEN NOT ${upcoming} THEN ${event.startsOn} END DESC`,
    )
    .limit(limit);
  return { items, total: total?.n ?? 0 };
}

/**
 * The calendar: upcoming events (not yet ended, soonest first) or past ones (latest first).
 * Staff also see drafts and events by invitation.
 */
export async function listEvents({
  db,
  actor,
  filters,
  limit = 50,
  offset = 0,
  today = todayInVietnam(),
}: {
  db: Db;
  actor: Actor | null;
  filters: CalendarFilters;
  limit?: number;
  offset?: number;
  today?: string;
}): Promise<{ items: CalendarItem[]; total: number }> {
  const where: SQL[] = [];
  if (!isStaff(actor)) where.push(eq(event.published, true), inArray(event.audience, ['public', 'founders']));
  const past = filters.when === 'past';
  where.push(past ? lt(event.endsOn, today) : gte(event.endsOn, today));
  if (filters.kind) where.push(eq(event.kind, filters.kind));
  const condition = and(...where);
  const [total] = await db.select({ n: count() }).from(event).where(condition);
  const items = await db
    .select({
      id: event.id,
      slug: event.slug,
      kind: event.kind,
      title: event.title,
      venue: event.venue,
      organiser: event.organiser,
      audience: event.audience,
      published: event.published,
      startsOn: event.startsOn,
      endsOn: event.endsOn,
      capacity: event.capacity,
      // Qualified by hand: in a one-table select Drizzle writes columns without their table, and
      // inside this subquery a bare "id" would be the registration's own (every count was 0).
      confirmed: sql<number>`(SELECT count(*)::int FROM ${registration} r WHERE r.event_id = ${event}.id AND r.status = 'confirmed')`,
    })
    .from(event)
    .where(condition)
    .orderBy(past ? desc(event.startsOn) : asc(event.startsOn), asc(event.id))
    .limit(limit)
    .offset(offset);
  return { items, total: total?.n ?? 0 };
}

export type RegistrationState =
  | 'open'
  | 'draft'
  | 'notYet'
  | 'closed'
  | 'ended'
  | 'signInFirst'
  | 'foundersOnly'
  | 'invitedOnly';

/** Whether this person may register now, and if not, why (each reason has its sentence). */
export function registrationState(
  actor: Actor | null,
  e: Pick<Event, 'published' | 'audience' | 'registrationOpensOn' | 'registrationClosesOn' | 'endsOn'>,
  today = todayInVietnam(),
): RegistrationState {
  if (e.endsOn < today) return 'ended';
  if (!e.published) return isStaff(actor) ? 'open' : 'draft';
  if (!isStaff(actor)) {
    if (e.registrationOpensOn && today < e.registrationOpensOn) return 'notYet';
    if (e.registrationClosesOn && today > e.registrationClosesOn) return 'closed';
    if (e.audience === 'invited') return 'invitedOnly';
    if (e.audience === 'founders') {
      if (!actor) return 'signInFirst';
      if (actor.role !== 'founder') return 'foundersOnly';
    }
  }
  return 'open';
}
