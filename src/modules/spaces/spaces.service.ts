import { and, asc, desc, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import { audit } from '#kernel/audit/audit.ts';
import { user } from '#kernel/auth/auth.sql.ts';
import { type Actor, isStaff } from '#kernel/auth/roles.ts';
import type { Db } from '#kernel/db/client.ts';
import { isUuid } from '#kernel/db/keys.ts';
import { AppError } from '#kernel/http/errors.ts';
import { translator } from '#kernel/i18n/index.ts';
import { queueMail } from '#kernel/mail/mailer.ts';
import { slugify } from '#kernel/search/fold.ts';
import { findProject, isMember, projectSummaries } from '#modules/projects/index.ts';
import { recordSupport } from '#modules/support/index.ts';
import type { BookingInput, RoomInput, TimesInput } from './spaces.schemas.ts';
import { booking, room } from './spaces.sql.ts';
import { type BookingStatus, holdingStatuses } from './spaces.taxonomy.ts';

export type Room = typeof room.$inferSelect;
export type Booking = Omit<typeof booking.$inferSelect, 'during'>;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Vietnam has kept UTC+7 all year since 1975: no summer time to mind. */
const VN_OFFSET = 7 * HOUR;

/** The instant of a Vietnamese day and time ("24:00" is the next midnight). */
export function vnInstant(date: string, time = '00:00'): Date {
  if (time === '24:00') return new Date(vnInstant(date).getTime() + DAY);
  return new Date(`${date}T${time}:00+07:00`);
}
/** The Vietnamese calendar day (yyyy-MM-dd) of an instant. */
export function vnDay(at: Date): string {
  return new Date(at.getTime() + VN_OFFSET).toISOString().slice(0, 10);
}
/** The Vietnamese time of day (HH:mm) of an instant. */
export function vnTime(at: Date): string {
  return new Date(at.getTime() + VN_OFFSET).toISOString().slice(11, 16);
}
/** dd/MM/yyyy of a yyyy-MM-dd day. */
const dmy = (day: string) => day.split('-').reverse().join('/');
/** "08:00 20/06/2022": how a message names an instant. */
const when = (at: Date) => `${vnTime(at)} ${dmy(vnDay(at))}`;
/** A day moved by n days. */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
}

// ——— Rooms ———

/** The rooms people can see (staff also see the ones taken out of use). */
export async function listRooms(db: Db, { all = false } = {}): Promise<Room[]> {
  return db
    .select()
    .from(room)
    .where(all ? undefined : eq(room.active, true))
    .orderBy(asc(room.name));
}

/** One room by its address; a room out of use is only found by staff. */
export async function getRoom(db: Db, actor: Actor | null, slug: string): Promise<Room> {
  const [found] = await db.select().from(room).where(eq(room.slug, slug));
  if (!found || (!found.active && !isStaff(actor))) throw new AppError('not_found', 'spaces.notFound');
  return found;
}

/** Staff create a room (no slug) or change one. */
export async function saveRoom({
  db,
  actor,
  slug,
  input,
}: {
  db: Db;
  actor: Actor;
  slug?: string;
  input: RoomInput;
}): Promise<Room> {
  if (!isStaff(actor)) throw new AppError('forbidden');
  return db.transaction(async (tx) => {
    let saved: Room | undefined;
    if (slug) {
      [saved] = await tx
        .update(room)
        .set({ ...input, updatedAt: new Date() })
        .where(eq(room.slug, slug))
        .returning();
      if (!saved) throw new AppError('not_found', 'spaces.notFound');
    } else {
      const base = slugify(input.name, 60, 'phong');
      const taken = await tx
        .select({ slug: room.slug })
        .from(room)
        .where(sql`${room.slug} = ${base} or ${room.slug} like ${`${base}-%`}`);
      const used = new Set(taken.map((r) => r.slug));
      let candidate = base === 'moi' ? 'moi-1' : base;
      for (let n = 2; used.has(candidate); n++) candidate = `${base}-${n}`;
      [saved] = await tx
        .insert(room)
        .values({ ...input, slug: candidate })
        .returning();
    }
    if (!saved) throw new Error('room save returned nothing');
    await audit(tx, {
      actorId: actor.id,
      action: slug ? 'room.update' : 'room.create',
      entity: 'room',
      entityId: saved.id,
      data: { name: saved.name },
    });
    return saved;
  });
}

// ——— Bookings ———

export interface BookingView extends Booking {
  roomName: string;
  roomSlug: string;
  projectName: string;
  bookerName: string;
}

const columns = {
  id: booking.id,
  roomId: booking.roomId,
  projectId: booking.projectId,
  bookedBy: booking.bookedBy,
  purpose: booking.purpose,
  wholeDays: booking.wholeDays,
  startsAt: booking.startsAt,
  endsAt: booking.endsAt,
  status: booking.status,
  decidedBy: booking.decidedBy,
  decidedAt: booking.decidedAt,
  reason: booking.reason,
  createdAt: booking.createdAt,
  updatedAt: booking.updatedAt,
};

/** The range a booking form asks for, as two instants. */
export function rangeOf(input: TimesInput): { startsAt: Date; endsAt: Date; wholeDays: boolean } {
  if (input.mode === 'days')
    return {
      startsAt: vnInstant(input.date),
      endsAt: vnInstant(addDays(input.endDate ?? input.date, 1)),
      wholeDays: true,
    };
  return {
    startsAt: vnInstant(input.date, input.startTime || '00:00'),
    endsAt: vnInstant(input.date, input.endTime || '24:00'),
    wholeDays: false,
  };
}

/** Whether this person may book for this project: its team, or staff. */
async function mayBookFor(db: Db, actor: Actor, projectId: string): Promise<boolean> {
  return isStaff(actor) || isMember(db, { projectId, userId: actor.id });
}

/** The bookings that hold a room and overlap a range, in time order. */
async function holdingBetween(db: Db, roomId: string, from: Date, to: Date) {
  return db
    .select({
      id: booking.id,
      startsAt: booking.startsAt,
      endsAt: booking.endsAt,
      status: booking.status,
      wholeDays: booking.wholeDays,
    })
    .from(booking)
    .where(
      and(
        eq(booking.roomId, roomId),
        inArray(booking.status, [...holdingStatuses]),
        lt(booking.startsAt, to),
        gt(booking.endsAt, from),
      ),
    )
    .orderBy(asc(booking.startsAt));
}

/** The free stretches of a Vietnamese day in a room ("07:00–09:00, 11:00–24:00"). */
export async function freeTimes(db: Db, roomId: string, day: string): Promise<{ from: string; to: string }[]> {
  const dayStart = vnInstant(day);
  const dayEnd = vnInstant(addDays(day, 1));
  const held = await holdingBetween(db, roomId, dayStart, dayEnd);
  const free: { from: string; to: string }[] = [];
  let cursor = dayStart.getTime();
  const label = (ms: number) => (ms >= dayEnd.getTime() ? '24:00' : vnTime(new Date(ms)));
  for (const h of held) {
    if (h.startsAt.getTime() > cursor) free.push({ from: label(cursor), to: label(h.startsAt.getTime()) });
    cursor = Math.max(cursor, h.endsAt.getTime());
  }
  if (cursor < dayEnd.getTime()) free.push({ from: label(cursor), to: '24:00' });
  return free;
}

/** The PostgreSQL error code under drizzle's wrapper. */
function pgCode(error: unknown): string | undefined {
  let e = error as { code?: string; cause?: unknown } | undefined;
  while (e && !e.code && e.cause) e = e.cause as typeof e;
  return e?.code;
}

/** Who booked, to tell them: name and e-mail. */
async function bookerOf(db: Db, id: string | null) {
  if (!id) return null;
  const [found] = await db.select({ name: user.name, email: user.email }).from(user).where(eq(user.id, id));
  return found ?? null;
}

/** The status the ledger gives a booking's entry, from where its range stands against now. */
function ledgerStatus(b: Booking, now = new Date()) {
  if (b.status === 'cancelled' || b.status === 'refused') return 'cancelled' as const;
  if (b.endsAt <= now) return 'done' as const;
  if (b.startsAt <= now) return 'in_progress' as const;
  return 'planned' as const;
}

/**
 * An approved booking is one ledger entry (kind space, source the booking): recording again
 * updates it; a cancelled one keeps its row, marked cancelled.
 */
async function recordInLedger(
  db: Db,
  actor: Actor,
  b: Booking,
  r: Room,
  provider: { id: string | null; name: string },
) {
  const hours = Math.round(((b.endsAt.getTime() - b.startsAt.getTime()) / HOUR) * 10) / 10;
  await recordSupport({
    db,
    actor,
    input: {
      projectId: b.projectId,
      kind: 'space',
      title: `${r.name}: ${b.purpose}`,
      providerKind: 'officer',
      providerName: provider.name,
      providerUserId: provider.id,
      startedOn: vnDay(b.startsAt),
      endedOn: vnDay(new Date(b.endsAt.getTime() - 1)),
      status: ledgerStatus(b),
      figures: b.wholeDays ? { days: Math.round(hours / 24) } : { hours },
      source: { kind: 'booking', id: b.id },
    },
  });
}

/** Mails the booker about their booking, in the transaction of the change. */
async function tellBooker(
  db: Db,
  b: Booking,
  r: Room,
  what: 'requested' | 'approved' | 'refused' | 'cancelled' | 'changed',
  baseUrl: string,
  reason = '',
) {
  const to = await bookerOf(db, b.bookedBy);
  if (!to) return;
  const t = translator('vi');
  const params = {
    name: to.name,
    room: r.name,
    from: when(b.startsAt),
    to: when(b.endsAt),
    reason: reason || '—',
    link: `${baseUrl}/dat-cho/${b.id}`,
  };
  await queueMail(db, {
    to: to.email,
    subject: t(`spaces.mail.${what}.subject`, params),
    text: t(`spaces.mail.${what}.body`, params),
  });
}

/**
 * A booking of a room for a project. The database refuses an overlap with a booking that holds
 * the room (exclusion constraint); the refusal names that booking and the day's free times.
 * @example await createBooking({ db, actor, roomSlug: 'hoi-truong', input, baseUrl })
 */
export async function createBooking({
  db,
  actor,
  roomSlug,
  input,
  baseUrl,
}: {
  db: Db;
  actor: Actor;
  roomSlug: string;
  input: BookingInput;
  baseUrl: string;
}): Promise<Booking> {
  const r = await getRoom(db, actor, roomSlug);
  if (!r.active) throw new AppError('validation', 'spaces.error.inactive');
  // Staff may paste the project page's address (…/du-an/slug) as well as its slug or id.
  const named = input.project.match(/\/du-an\/([^/?#\s]+)/)?.[1] ?? input.project;
  const project = await findProject(db, named);
  if (!project || !(await mayBookFor(db, actor, project.id)))
    throw new AppError('validation', 'spaces.error.project', { project: 'spaces.error.project' });
  const range = rangeOf(input);
  const days = (range.endsAt.getTime() - range.startsAt.getTime()) / DAY;
  if (days > r.maxDays)
    throw new AppError('validation', 'spaces.error.tooLong', { endDate: 'spaces.error.tooLong' }, { days: r.maxDays });
  const status: BookingStatus = r.needsApproval ? 'requested' : 'approved';
  try {
    return await db.transaction(async (tx) => {
      const [created] = await tx
        .insert(booking)
        .values({
          roomId: r.id,
          projectId: project.id,
          bookedBy: actor.id,
          purpose: input.purpose,
          ...range,
          status,
          decidedAt: status === 'approved' ? new Date() : null,
        })
        .returning(columns);
      if (!created) throw new Error('booking insert returned nothing');
      if (status === 'approved') await recordInLedger(tx, actor, created, r, { id: actor.id, name: actor.name });
      await tellBooker(tx, created, r, status, baseUrl);
      await audit(tx, {
        actorId: actor.id,
        action: 'booking.create',
        entity: 'booking',
        entityId: created.id,
        data: { room: r.slug, projectId: project.id, status },
      });
      return created;
    });
  } catch (error) {
    if (pgCode(error) !== '23P01') throw error;
    throw await overlapError(db, r, range.startsAt, range.endsAt);
  }
}

/** The refusal of an overlapping booking: which booking it meets, and the free times that day. */
async function overlapError(db: Db, r: Room, startsAt: Date, endsAt: Date): Promise<AppError> {
  const [other] = await holdingBetween(db, r.id, startsAt, endsAt);
  const day = vnDay(startsAt);
  const free = await freeTimes(db, r.id, day);
  const t = translator('vi');
  // A booking of whole days is named by its days ("20/06/2022" to "29/06/2022"), else by its times.
  const params = {
    from: other ? (other.wholeDays ? dmy(vnDay(other.startsAt)) : when(other.startsAt)) : '',
    to: other ? (other.wholeDays ? dmy(vnDay(new Date(other.endsAt.getTime() - 1))) : when(other.endsAt)) : '',
    status: other ? t(`spaces.status.${other.status as BookingStatus}`) : '',
    day: dmy(day),
    free: free.length ? free.map((f) => `${f.from}–${f.to}`).join(', ') : t('spaces.error.noFreeTime'),
  };
  return new AppError('validation', 'spaces.error.overlap', { _form: 'spaces.error.overlap' }, params);
}

/** What a person may do with a booking; strangers get not_found. */
export type BookingParty = 'staff' | 'booker' | 'team';

/** One booking with who is looking at it. */
export async function getBooking({
  db,
  actor,
  id,
}: {
  db: Db;
  actor: Actor;
  id: string;
}): Promise<BookingView & { party: BookingParty }> {
  if (!isUuid(id)) throw new AppError('not_found', 'spaces.bookingNotFound');
  const [found] = await viewsWhere(db, eq(booking.id, id));
  if (!found) throw new AppError('not_found', 'spaces.bookingNotFound');
  const party: BookingParty | null = isStaff(actor)
    ? 'staff'
    : found.bookedBy === actor.id
      ? 'booker'
      : (await isMember(db, { projectId: found.projectId, userId: actor.id }))
        ? 'team'
        : null;
  if (!party) throw new AppError('not_found', 'spaces.bookingNotFound');
  return { ...found, party };
}

async function viewsWhere(db: Db, where: ReturnType<typeof eq> | undefined, limit = 200): Promise<BookingView[]> {
  const rows = await db
    .select({
      ...columns,
      roomName: room.name,
      roomSlug: room.slug,
      bookerName: sql<string>`coalesce(${user.name}, '')`,
    })
    .from(booking)
    .innerJoin(room, eq(room.id, booking.roomId))
    .leftJoin(user, eq(user.id, booking.bookedBy))
    .where(where)
    .orderBy(desc(booking.startsAt))
    .limit(limit);
  const projects = await projectSummaries(
    db,
    rows.map((r) => r.projectId),
  );
  return rows.map((r) => ({ ...r, projectName: projects.get(r.projectId)?.name ?? '' }));
}

/** Bookings: staff see all (those awaiting a decision first); others the ones they made. */
export async function listBookings({ db, actor }: { db: Db; actor: Actor }): Promise<BookingView[]> {
  const rows = await viewsWhere(db, isStaff(actor) ? undefined : eq(booking.bookedBy, actor.id));
  return rows.sort((a, b) => Number(b.status === 'requested') - Number(a.status === 'requested'));
}

/** Locks a booking and its room for a decision. */
async function lockBooking(tx: Db, id: string) {
  if (!isUuid(id)) throw new AppError('not_found', 'spaces.bookingNotFound');
  const [b] = await tx.select(columns).from(booking).where(eq(booking.id, id)).for('update');
  if (!b) throw new AppError('not_found', 'spaces.bookingNotFound');
  const [r] = await tx.select().from(room).where(eq(room.id, b.roomId));
  if (!r) throw new AppError('not_found', 'spaces.notFound');
  return { b, r };
}

/** An officer approves or refuses a requested booking; the booker is told. */
export async function decideBooking({
  db,
  actor,
  id,
  approve,
  reason,
  baseUrl,
}: {
  db: Db;
  actor: Actor;
  id: string;
  approve: boolean;
  reason: string;
  baseUrl: string;
}): Promise<Booking> {
  if (!isStaff(actor)) throw new AppError('forbidden');
  return db.transaction(async (tx) => {
    const { b, r } = await lockBooking(tx, id);
    if (b.status !== 'requested') throw new AppError('conflict', 'spaces.error.notRequested');
    const status: BookingStatus = approve ? 'approved' : 'refused';
    const [saved] = await tx
      .update(booking)
      .set({ status, reason, decidedBy: actor.id, decidedAt: new Date(), updatedAt: new Date() })
      .where(eq(booking.id, id))
      .returning(columns);
    if (!saved) throw new Error('booking update returned nothing');
    if (approve) await recordInLedger(tx, actor, saved, r, { id: actor.id, name: actor.name });
    await tellBooker(tx, saved, r, status, baseUrl, reason);
    await audit(tx, { actorId: actor.id, action: `booking.${status}`, entity: 'booking', entityId: id, data: {} });
    return saved;
  });
}

/** The booker (or staff) cancels a booking that still holds the room; its ledger entry is marked cancelled. */
export async function cancelBooking({
  db,
  actor,
  id,
  reason,
  baseUrl,
}: {
  db: Db;
  actor: Actor;
  id: string;
  reason: string;
  baseUrl: string;
}): Promise<Booking> {
  return db.transaction(async (tx) => {
    const { b, r } = await lockBooking(tx, id);
    if (!isStaff(actor) && b.bookedBy !== actor.id) {
      if (await isMember(tx, { projectId: b.projectId, userId: actor.id })) throw new AppError('forbidden');
      throw new AppError('not_found', 'spaces.bookingNotFound');
    }
    if (b.status !== 'requested' && b.status !== 'approved') throw new AppError('conflict', 'spaces.error.notHolding');
    const [saved] = await tx
      .update(booking)
      .set({ status: 'cancelled', reason, updatedAt: new Date() })
      .where(eq(booking.id, id))
      .returning(columns);
    if (!saved) throw new Error('booking update returned nothing');
    if (b.status === 'approved') {
      const approver = (await bookerOf(tx, b.decidedBy)) ?? { name: actor.name };
      await recordInLedger(tx, actor, saved, r, { id: b.decidedBy, name: approver.name });
    }
    await tellBooker(tx, saved, r, 'cancelled', baseUrl, reason);
    await audit(tx, { actorId: actor.id, action: 'booking.cancel', entity: 'booking', entityId: id, data: {} });
    return saved;
  });
}

/**
 * New times for a booking that holds its room: the booker while it is requested, staff at any
 * time. The room must be free then (the exclusion constraint again); an approved booking's ledger
 * entry follows the new dates, the same row.
 */
export async function rescheduleBooking({
  db,
  actor,
  id,
  input,
  baseUrl,
}: {
  db: Db;
  actor: Actor;
  id: string;
  input: TimesInput;
  baseUrl: string;
}): Promise<Booking> {
  const range = rangeOf(input);
  let roomOfBooking: Room | undefined;
  try {
    return await db.transaction(async (tx) => {
      const { b, r } = await lockBooking(tx, id);
      roomOfBooking = r;
      if (!isStaff(actor) && b.bookedBy !== actor.id) {
        if (await isMember(tx, { projectId: b.projectId, userId: actor.id })) throw new AppError('forbidden');
        throw new AppError('not_found', 'spaces.bookingNotFound');
      }
      if (b.status !== 'requested' && b.status !== 'approved')
        throw new AppError('conflict', 'spaces.error.notHolding');
      if (b.status === 'approved' && !isStaff(actor)) throw new AppError('conflict', 'spaces.error.approvedFixed');
      if ((range.endsAt.getTime() - range.startsAt.getTime()) / DAY > r.maxDays)
        throw new AppError(
          'validation',
          'spaces.error.tooLong',
          { endDate: 'spaces.error.tooLong' },
          { days: r.maxDays },
        );
      const [saved] = await tx
        .update(booking)
        .set({ ...range, updatedAt: new Date() })
        .where(eq(booking.id, id))
        .returning(columns);
      if (!saved) throw new Error('booking update returned nothing');
      if (saved.status === 'approved') {
        const approver = (await bookerOf(tx, saved.decidedBy)) ?? { name: actor.name };
        await recordInLedger(tx, actor, saved, r, { id: saved.decidedBy, name: approver.name });
      }
      await tellBooker(tx, saved, r, 'changed', baseUrl);
      await audit(tx, { actorId: actor.id, action: 'booking.reschedule', entity: 'booking', entityId: id, data: {} });
      return saved;
    });
  } catch (error) {
    if (pgCode(error) !== '23P01' || !roomOfBooking) throw error;
    throw await overlapError(db, roomOfBooking, range.startsAt, range.endsAt);
  }
}

// ——— The week calendar ———

export interface CalendarDay {
  day: string;
  bookings: { id: string; from: string; to: string; status: string; projectName: string; mine: boolean }[];
}

/** The Monday of the week a day falls in. */
export function mondayOf(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}

/**
 * A room's week, day by day, with the bookings that hold it. Staff see whose bookings they are;
 * others see a booking's project only when it is theirs.
 */
export async function roomWeek({
  db,
  actor,
  room: r,
  day,
}: {
  db: Db;
  actor: Actor | null;
  room: Room;
  day: string;
}): Promise<{ monday: string; days: CalendarDay[] }> {
  const monday = mondayOf(day);
  const from = vnInstant(monday);
  const to = vnInstant(addDays(monday, 7));
  const held = await db
    .select({ ...columns })
    .from(booking)
    .where(
      and(
        eq(booking.roomId, r.id),
        inArray(booking.status, [...holdingStatuses]),
        lt(booking.startsAt, to),
        gt(booking.endsAt, from),
      ),
    )
    .orderBy(asc(booking.startsAt));
  const staff = isStaff(actor);
  const projects =
    staff || actor
      ? await projectSummaries(
          db,
          held.map((h) => h.projectId),
        )
      : new Map();
  const days: CalendarDay[] = [];
  for (let i = 0; i < 7; i++) {
    const d = addDays(monday, i);
    const dayStart = vnInstant(d).getTime();
    const dayEnd = dayStart + DAY;
    const bookings = held
      .filter((h) => h.startsAt.getTime() < dayEnd && h.endsAt.getTime() > dayStart)
      .map((h) => {
        const mine = !!actor && h.bookedBy === actor.id;
        return {
          id: h.id,
          from: h.startsAt.getTime() <= dayStart ? '00:00' : vnTime(h.startsAt),
          to: h.endsAt.getTime() >= dayEnd ? '24:00' : vnTime(h.endsAt),
          status: h.status,
          projectName: staff || mine ? (projects.get(h.projectId)?.name ?? '') : '',
          mine: staff || mine,
        };
      });
    days.push({ day: d, bookings });
  }
  return { monday, days };
}
