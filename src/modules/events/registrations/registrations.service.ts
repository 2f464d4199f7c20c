import { randomBytes } from 'node:crypto';
import { and, asc, count, desc, eq, inArray, isNull, lte, ne, or, sql } from 'drizzle-orm';
import { audit } from '#kernel/audit/audit.ts';
import { type Actor, isStaff } from '#kernel/auth/roles.ts';
import type { Db } from '#kernel/db/client.ts';
import { AppError } from '#kernel/http/errors.ts';
import { formatDate, todayInVietnam, translator } from '#kernel/i18n/index.ts';
import { type Mail, queueMail } from '#kernel/mail/mailer.ts';
import { assertCommunes, communeBySlug, communesOf } from '#modules/places/index.ts';
import { recordConsents } from '#modules/privacy/index.ts';
import { projectsOf as teamProjects } from '#modules/projects/index.ts';
import {
  type EventDeps,
  type EventDetail,
  eventDetailById,
  formatCode,
  getEvent,
  randomCode,
  registrationState,
} from '../calendar/events.service.ts';
import type { RegistrationInput } from '../events.schemas.ts';
import { attendance, certificate, event, feedback, registration } from '../events.sql.ts';
import { confirmedSeats, lockEvent, type Promoted, promoteWaitlist } from './seats.ts';

export type Registration = typeof registration.$inferSelect;

const ticketPath = (token: string) => `/ve/${token}`;
export const newToken = () => randomBytes(24).toString('base64url');

/** What a seat keeps of the person typed in a form (registration, walk-in, past record). */
type PersonInput = Pick<
  RegistrationInput,
  'name' | 'phone' | 'email' | 'commune' | 'organisation' | 'organisationType' | 'sex' | 'ethnicity' | 'birthYear'
>;

/** A seat's columns about its person, with a fresh check-in code and ticket token. */
export function seatColumns(input: PersonInput) {
  return {
    name: input.name,
    phone: input.phone,
    email: input.email,
    communeSlug: input.commune ?? null,
    organisation: input.organisation,
    organisationType: input.organisationType,
    sex: input.sex,
    ethnicity: input.ethnicity,
    birthYear: input.birthYear,
    code: randomCode(8),
    token: newToken(),
  };
}

/** The projects a founder may count a seat for: those where they are a team member. */
export async function projectsOf(db: Db, userId: string): Promise<{ id: string; name: string }[]> {
  return (await teamProjects(db, userId)).map(({ id, name }) => ({ id, name }));
}

/** The commune a person gave must be a unit of the province. */
export async function assertCommune(db: Db, slug: string | undefined): Promise<void> {
  await assertCommunes(db, slug);
}

function answersFor(e: Pick<EventDetail, 'questions'>, input: RegistrationInput): string[] {
  return e.questions.map((_, i) => String((input as Record<string, unknown>)[`a${i}`] ?? ''));
}

/**
 * A mail to one person (none when they gave no address). Mails are queued in the transaction
 * that gives the seat: nothing is said about a seat that was not given.
 */
function tell(to: string, subject: string, text: string): Mail[] {
  return to ? [{ to, subject, text }] : [];
}

const mailT = translator('vi');

function sessionLines(e: EventDetail): string {
  return e.sessions.map((s) => `- ${formatDate(s.day)} ${s.startTime}–${s.endTime}`).join('\n');
}

function registeredMail(
  deps: EventDeps,
  e: EventDetail,
  r: Pick<Registration, 'name' | 'email' | 'status' | 'code' | 'token'>,
): Mail[] {
  const url = `${deps.config.BASE_URL}${ticketPath(r.token)}`;
  const key = r.status === 'confirmed' ? 'events.mail.confirmed.body' : 'events.mail.waitlisted.body';
  return tell(
    r.email,
    mailT(r.status === 'confirmed' ? 'events.mail.confirmed.subject' : 'events.mail.waitlisted.subject', {
      title: e.title,
    }),
    mailT(key, {
      name: r.name,
      title: e.title,
      venue: e.venue,
      sessions: sessionLines(e),
      code: formatCode(r.code),
      url,
    }),
  );
}

/** The mails telling people taken off the waitlist that they have a seat. */
function promotedMails(baseUrl: string, e: EventDetail, promoted: Promoted[]): Mail[] {
  return promoted.flatMap((p) =>
    tell(
      p.email,
      mailT('events.mail.promoted.subject', { title: e.title }),
      mailT('events.mail.promoted.body', {
        name: p.name,
        title: e.title,
        venue: e.venue,
        sessions: sessionLines(e),
        url: `${baseUrl}${ticketPath(p.token)}`,
      }),
    ),
  );
}

/**
 * Tells people taken off the waitlist that they have a seat: queues the mails in the transaction
 * that promoted them (the event as it is in that transaction).
 * @example await updateEvent({ db, actor, slug, input, onPromoted: (tx, p) => tellPromoted(tx, baseUrl, id, p) })
 */
export async function tellPromoted(tx: Db, baseUrl: string, eventId: string, promoted: Promoted[]): Promise<void> {
  if (promoted.length === 0) return;
  await queueMail(tx, promotedMails(baseUrl, await eventDetailById(tx, eventId), promoted));
}

/**
 * Registers a person for an event: a confirmed seat while there are seats, else a place on the
 * waitlist. The event's row is locked while the seat is decided, so the capacity is never
 * exceeded however many people register at the same moment.
 * @example const r = await register({ deps, actor, slug, input })
 */
export async function register({
  deps,
  actor,
  slug,
  input,
  today = todayInVietnam(),
}: {
  deps: EventDeps;
  actor: Actor | null;
  slug: string;
  input: RegistrationInput;
  today?: string;
}) {
  const { db } = deps;
  const e = await getEvent({ db, actor, slug });
  const state = registrationState(actor, e, today);
  if (state !== 'open') throw new AppError('conflict', `events.state.${state}`);
  await assertCommune(db, input.commune);
  let projectId: string | null = null;
  if (input.project) {
    const mine = actor && actor.role === 'founder' ? await projectsOf(db, actor.id) : [];
    if (!mine.some((p) => p.id === input.project))
      throw new AppError('validation', 'errors.validation', { project: 'v.choose' });
    projectId = input.project;
  }
  // Staff registering someone else do it on that person's behalf: the seat is not the officer's.
  const userId = actor && !isStaff(actor) ? actor.id : null;
  const created = await db.transaction(async (tx) => {
    await lockEvent(tx, e.id);
    const same = [
      userId ? eq(registration.userId, userId) : undefined,
      input.email ? eq(registration.email, input.email) : undefined,
    ].filter(Boolean);
    if (same.length) {
      const [dup] = await tx
        .select({ id: registration.id })
        .from(registration)
        .where(and(eq(registration.eventId, e.id), ne(registration.status, 'cancelled'), or(...same)));
      if (dup)
        throw new AppError(
          'validation',
          'events.alreadyRegistered',
          userId ? {} : { email: 'events.alreadyRegistered' },
        );
    }
    const status = (await confirmedSeats(tx, e.id)) < e.capacity ? 'confirmed' : 'waitlisted';
    const [row] = await tx
      .insert(registration)
      .values({
        eventId: e.id,
        userId,
        projectId,
        status,
        ...seatColumns(input),
        answers: answersFor(e, input),
        consent: input.consent,
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    await recordConsents(tx, { userId, purposes: ['event'], source: 'event_registration', sourceId: row.id });
    await audit(tx, {
      actorId: actor?.id ?? null,
      action: 'event.register',
      entity: 'event_registration',
      entityId: row.id,
      data: { eventId: e.id, status },
    });
    await queueMail(tx, registeredMail(deps, e, row));
    return row;
  });
  deps.mailer.wake();
  return { registration: created, event: e };
}

export interface Ticket {
  registration: Registration;
  event: EventDetail;
  communeName: string | null;
  attendedSessionIds: string[];
  certificateCode: string | null;
  feedback: { rating: number; comments: string } | null;
  /** A waitlisted person's place in the queue (1 = next). */
  waitlistPosition: number | null;
}

/** A person's own registration, by the secret of their page; 404 for a token that is not one. */
export async function getTicket(db: Db, token: string): Promise<Ticket> {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) throw new AppError('not_found', 'events.ticketNotFound');
  const [r] = await db.select().from(registration).where(eq(registration.token, token));
  if (!r) throw new AppError('not_found', 'events.ticketNotFound');
  const communeName = (await communeBySlug(db, r.communeSlug))?.name ?? null;
  const [e, attended, cert, fb, ahead] = await Promise.all([
    eventDetailById(db, r.eventId),
    db.select({ sessionId: attendance.sessionId }).from(attendance).where(eq(attendance.registrationId, r.id)),
    db
      .select({ code: certificate.code })
      .from(certificate)
      .where(and(eq(certificate.registrationId, r.id), isNull(certificate.replacedAt))),
    db
      .select({ rating: feedback.rating, comments: feedback.comments })
      .from(feedback)
      .where(eq(feedback.registrationId, r.id)),
    r.status === 'waitlisted'
      ? db
          .select({ n: count() })
          .from(registration)
          .where(
            and(
              eq(registration.eventId, r.eventId),
              eq(registration.status, 'waitlisted'),
              lte(registration.number, r.number),
            ),
          )
      : Promise.resolve([]),
  ]);
  return {
    registration: r,
    event: e,
    communeName,
    attendedSessionIds: attended.map((a) => a.sessionId),
    certificateCode: cert[0]?.code ?? null,
    feedback: fb[0] ?? null,
    waitlistPosition: ahead[0]?.n ?? null,
  };
}

/**
 * Cancels a registration (the person, from their page). A freed seat goes to the first person
 * on the waitlist, who is told by e-mail. Cancelling twice changes nothing.
 */
export async function cancelRegistration({
  deps,
  actor,
  token,
  today = todayInVietnam(),
}: {
  deps: EventDeps;
  actor: Actor | null;
  token: string;
  today?: string;
}) {
  const { db } = deps;
  const ticket = await getTicket(db, token);
  const r = ticket.registration;
  if (r.status === 'cancelled') return { registration: r, promoted: [] as Promoted[] };
  if (ticket.event.endsOn < today) throw new AppError('conflict', 'events.cancelTooLate');
  const promoted = await db.transaction(async (tx) => {
    await lockEvent(tx, r.eventId);
    const [current] = await tx
      .select({ status: registration.status })
      .from(registration)
      .where(eq(registration.id, r.id));
    if (!current || current.status === 'cancelled') return [];
    await tx
      .update(registration)
      .set({ status: 'cancelled', cancelledAt: new Date() })
      .where(eq(registration.id, r.id));
    await audit(tx, {
      actorId: actor?.id ?? null,
      action: 'event.cancel',
      entity: 'event_registration',
      entityId: r.id,
    });
    if (current.status !== 'confirmed') return [];
    const freed = await promoteWaitlist(tx, r.eventId, ticket.event.capacity);
    await queueMail(tx, promotedMails(deps.config.BASE_URL, ticket.event, freed));
    return freed;
  });
  deps.mailer.wake();
  return { registration: { ...r, status: 'cancelled' }, promoted };
}

export interface MyRegistration {
  token: string;
  status: string;
  code: string;
  eventSlug: string;
  eventTitle: string;
  eventKind: string;
  venue: string;
  startsOn: string;
  endsOn: string;
}

/** The signed-in person's registrations, latest event first: only their own. */
export async function myRegistrations(db: Db, actor: Actor): Promise<MyRegistration[]> {
  return db
    .select({
      token: registration.token,
      status: registration.status,
      code: registration.code,
      eventSlug: event.slug,
      eventTitle: event.title,
      eventKind: event.kind,
      venue: event.venue,
      startsOn: event.startsOn,
      endsOn: event.endsOn,
    })
    .from(registration)
    .innerJoin(event, eq(event.id, registration.eventId))
    .where(eq(registration.userId, actor.id))
    .orderBy(desc(event.startsOn), desc(registration.number));
}

export interface RegistrationRow extends Registration {
  communeName: string | null;
  attended: string[];
  certificateCode: string | null;
}

/** Everyone registered for an event, in registration order, with their attendance (staff only). */
export async function listRegistrations({
  db,
  actor,
  eventId,
}: {
  db: Db;
  actor: Actor;
  eventId: string;
}): Promise<RegistrationRow[]> {
  if (!isStaff(actor)) throw new AppError('forbidden');
  const rows = await db
    // Subqueries qualified by hand: in a one-table select Drizzle writes columns without their
    // table, and a bare "id" inside them would be the certificate's own, not the registration's.
    .select({
      registration,
      attended: sql<
        string[]
      >`coalesce((SELECT array_agg(a.session_id::text) FROM ${attendance} a WHERE a.registration_id = ${registration}.id), '{}')`,
      certificateCode: sql<
        string | null
      >`(SELECT c.code FROM ${certificate} c WHERE c.registration_id = ${registration}.id AND c.replaced_at IS NULL)`,
    })
    .from(registration)
    .where(eq(registration.eventId, eventId))
    .orderBy(asc(registration.number));
  const communes = await communesOf(
    db,
    rows.map((r) => r.registration.communeSlug),
  );
  return rows.map((r) => ({
    ...r.registration,
    communeName: (r.registration.communeSlug && communes.get(r.registration.communeSlug)?.name) || null,
    attended: r.attended,
    certificateCode: r.certificateCode,
  }));
}

/**
 * E-mails everyone with a confirmed seat at an event that starts tomorrow, once: the sending is
 * recorded on the registration, so running it again (or from two processes) sends nothing twice.
 * @example await sendReminders(deps, todayInVietnam())
 */
export async function sendReminders(deps: EventDeps, today: string): Promise<number> {
  const { db } = deps;
  const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const due = db
    .select({ id: registration.id })
    .from(registration)
    .innerJoin(event, eq(event.id, registration.eventId))
    .where(
      and(
        eq(event.startsOn, tomorrow),
        eq(event.published, true),
        eq(registration.status, 'confirmed'),
        isNull(registration.reminderSentAt),
        ne(registration.email, ''),
      ),
    );
  const claimed = await db.transaction(async (tx) => {
    const rows = await tx
      .update(registration)
      .set({ reminderSentAt: new Date() })
      .where(and(inArray(registration.id, due), isNull(registration.reminderSentAt)))
      .returning({
        eventId: registration.eventId,
        name: registration.name,
        email: registration.email,
        code: registration.code,
        token: registration.token,
      });
    const events = new Map<string, EventDetail>();
    const mails: Mail[] = [];
    for (const r of rows) {
      let e = events.get(r.eventId);
      if (!e) {
        e = await eventDetailById(tx, r.eventId);
        events.set(r.eventId, e);
      }
      mails.push(
        ...tell(
          r.email,
          mailT('events.mail.reminder.subject', { title: e.title }),
          mailT('events.mail.reminder.body', {
            name: r.name,
            title: e.title,
            venue: e.venue,
            sessions: sessionLines(e),
            code: formatCode(r.code),
            url: `${deps.config.BASE_URL}${ticketPath(r.token)}`,
          }),
        ),
      );
    }
    await queueMail(tx, mails);
    return rows;
  });
  deps.mailer.wake();
  return claimed.length;
}
