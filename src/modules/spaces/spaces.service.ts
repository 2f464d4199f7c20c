import { randomUUID } from 'node:crypto';
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
import {
  addDays,
  DAY,
  daysOf,
  dmy,
  freeStretches,
  occurrencesOf,
  openingProblem,
  type Range,
  rangeOf,
  shutReason,
  tooClose,
  vnDay,
  vnInstant,
  vnTime,
} from './bookings-rules.ts';
import type { BookingInput, RoomInput, TimesInput } from './spaces.schemas.ts';
import { booking, room } from './spaces.sql.ts';
import { type BookingStatus, holdingStatuses } from './spaces.taxonomy.ts';

export type Room = typeof room.$inferSelect;
export type Booking = Omit<typeof booking.$inferSelect, 'during'>;

const HOUR = 3_600_000;

export { addDays, vnDay, vnInstant, vnTime } from './bookings-rules.ts';

/** "08:00 20/06/2022": how a message names an instant. */
const when = (at: Date) => `${vnTime(at)} ${dmy(vnDay(at))}`;

// ——— Rooms ———

/** Addresses under /khong-gian/ that are pages, not rooms. */
const reservedSlugs = ['moi', 'lich', 'cong-suat'];

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
      let candidate = reservedSlugs.includes(base) ? `${base}-1` : base;
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
  seriesId: booking.seriesId,
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

export { rangeOf };

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

/**
 * The free stretches of a Vietnamese day in a room ("07:30–09:00, 11:15–17:00"): its opening
 * hours less the bookings that hold it, each widened by the room's buffer.
 */
export async function freeTimes(db: Db, r: Room, day: string): Promise<{ from: string; to: string }[]> {
  const held = await holdingBetween(db, r.id, vnInstant(addDays(day, -1)), vnInstant(addDays(day, 2)));
  return freeStretches(r, day, held);
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
  occurrences = 1,
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
  const series = occurrences > 1 ? `\n\n${t('spaces.mail.series', { n: occurrences })}` : '';
  await queueMail(db, {
    to: to.email,
    subject: t(`spaces.mail.${what}.subject`, params),
    text: t(`spaces.mail.${what}.body`, params) + series,
  });
}

/** Whether a person may book this room: staff always; others if the room lets their role book. */
function mayBookRoom(actor: Actor, r: Room): boolean {
  return isStaff(actor) || (r.bookers as string[]).includes(actor.role);
}

/** The refusal of a range that does not fit the room's opening hours or falls on a closed day. */
function openingError(r: Room, ranges: Range[]): AppError | null {
  const problems = ranges.map((range) => openingProblem(r, range)).filter((p) => p !== null);
  const [first] = problems;
  if (!first) return null;
  const t = translator('vi');
  const words = (key: string, params?: Record<string, string | number>) => t(key as never, params);
  if (ranges.length > 1)
    return new AppError(
      'validation',
      'spaces.error.seriesShut',
      { _form: 'spaces.error.seriesShut' },
      { days: problems.map((p) => dmy(p.day)).join(', ') },
    );
  if (first.shut)
    return new AppError(
      'validation',
      'spaces.error.shut',
      { date: 'spaces.error.shut' },
      { room: r.name, day: dmy(first.day), why: shutReason(words, first.day, first.shut) },
    );
  return new AppError(
    'validation',
    'spaces.error.outsideHours',
    { startTime: 'spaces.error.outsideHours' },
    { room: r.name, day: dmy(first.day), from: first.hours?.from ?? '', to: first.hours?.to ?? '' },
  );
}

/** The ranges, among these, that meet a booking holding the room (closer than its buffer). */
async function conflictsOf(db: Db, r: Room, ranges: Range[], exceptId?: string): Promise<Range[]> {
  if (ranges.length === 0) return [];
  const buffer = r.bufferMinutes * 60_000;
  const from = new Date(Math.min(...ranges.map((x) => x.startsAt.getTime())) - buffer);
  const to = new Date(Math.max(...ranges.map((x) => x.endsAt.getTime())) + buffer);
  const held = (await holdingBetween(db, r.id, from, to)).filter((h) => h.id !== exceptId);
  return ranges.filter((x) => held.some((h) => tooClose(x, h, r.bufferMinutes)));
}

/** The refusal of a series some of whose bookings meet others: it names their days. */
function seriesOverlapError(conflicts: Range[]): AppError {
  const days = conflicts.map((c) => daysOf(c).map(dmy).join('–')).join(', ');
  return new AppError('validation', 'spaces.error.seriesOverlap', { _form: 'spaces.error.seriesOverlap' }, { days });
}

/** The checks every range of a booking passes before the database is asked. */
function checkRanges(r: Room, ranges: Range[]) {
  if (ranges.length === 0)
    throw new AppError('validation', 'spaces.error.allSkipped', { skip: 'spaces.error.allSkipped' });
  for (const range of ranges)
    if ((range.endsAt.getTime() - range.startsAt.getTime()) / DAY > r.maxDays)
      throw new AppError(
        'validation',
        'spaces.error.tooLong',
        { endDate: 'spaces.error.tooLong' },
        { days: r.maxDays },
      );
  const shut = openingError(r, ranges);
  if (shut) throw shut;
}

/**
 * A booking of a room for a project, or a weekly series of them (each occurrence its own row).
 * The room must be open then; the database refuses an overlap with a booking that holds the room
 * (exclusion constraint); the refusal names that booking and the day's free times, or, for a
 * series, the days that meet other bookings (then none of the series is booked).
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
}): Promise<Booking & { occurrences: number }> {
  const r = await getRoom(db, actor, roomSlug);
  if (!r.active) throw new AppError('validation', 'spaces.error.inactive');
  if (!mayBookRoom(actor, r))
    throw new AppError('validation', 'spaces.error.notBooker', { _form: 'spaces.error.notBooker' });
  // Staff may paste the project page's address (…/du-an/slug) as well as its slug or id.
  const named = input.project.match(/\/du-an\/([^/?#\s]+)/)?.[1] ?? input.project;
  const project = await findProject(db, named);
  if (!project || !(await mayBookFor(db, actor, project.id)))
    throw new AppError('validation', 'spaces.error.project', { project: 'spaces.error.project' });
  const ranges = occurrencesOf(input);
  checkRanges(r, ranges);
  const series = ranges.length > 1;
  const refusal = async (conflicts?: Range[]) => {
    if (!series) return overlapError(db, r, ranges[0] as Range);
    return seriesOverlapError(conflicts ?? (await conflictsOf(db, r, ranges)));
  };
  const early = await conflictsOf(db, r, ranges);
  if (early.length) throw await refusal(early);
  const status: BookingStatus = r.needsApproval ? 'requested' : 'approved';
  const seriesId = series ? randomUUID() : null;
  try {
    return await db.transaction(async (tx) => {
      if (r.bufferMinutes > 0) {
        // The buffer is the service's rule, not the constraint's: bookings of this room queue here.
        await tx.select({ id: room.id }).from(room).where(eq(room.id, r.id)).for('update');
        const late = await conflictsOf(tx, r, ranges);
        if (late.length) throw await refusal(late);
      }
      const created = await tx
        .insert(booking)
        .values(
          ranges.map((range) => ({
            roomId: r.id,
            projectId: project.id,
            bookedBy: actor.id,
            seriesId,
            purpose: input.purpose,
            ...range,
            status,
            decidedAt: status === 'approved' ? new Date() : null,
          })),
        )
        .returning(columns);
      const [first] = created;
      if (!first) throw new Error('booking insert returned nothing');
      if (status === 'approved')
        for (const b of created) await recordInLedger(tx, actor, b, r, { id: actor.id, name: actor.name });
      await tellBooker(tx, first, r, status, baseUrl, '', created.length);
      await audit(tx, {
        actorId: actor.id,
        action: 'booking.create',
        entity: 'booking',
        entityId: first.id,
        data: { room: r.slug, projectId: project.id, status, occurrences: created.length },
      });
      return { ...first, occurrences: created.length };
    });
  } catch (error) {
    if (pgCode(error) !== '23P01') throw error;
    throw await refusal();
  }
}

/** The refusal of an overlapping booking: which booking it meets, and the free times that day. */
async function overlapError(db: Db, r: Room, range: Range, exceptId?: string): Promise<AppError> {
  const buffer = r.bufferMinutes * 60_000;
  const [other] = (
    await holdingBetween(
      db,
      r.id,
      new Date(range.startsAt.getTime() - buffer),
      new Date(range.endsAt.getTime() + buffer),
    )
  ).filter((h) => h.id !== exceptId);
  const day = vnDay(range.startsAt);
  const free = await freeTimes(db, r, day);
  const t = translator('vi');
  // A booking of whole days is named by its days ("20/06/2022" to "29/06/2022"), else by its times.
  const params = {
    from: other ? (other.wholeDays ? dmy(vnDay(other.startsAt)) : when(other.startsAt)) : '',
    to: other ? (other.wholeDays ? dmy(vnDay(new Date(other.endsAt.getTime() - 1))) : when(other.endsAt)) : '',
    status: other ? t(`spaces.status.${other.status as BookingStatus}`) : '',
    day: dmy(day),
    free: free.length ? free.map((f) => `${f.from}–${f.to}`).join(', ') : t('spaces.error.noFreeTime'),
    buffer: r.bufferMinutes ? t('spaces.error.bufferNote', { n: r.bufferMinutes }) : '',
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
  let bookingId: string | undefined;
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
      checkRanges(r, [range]);
      bookingId = b.id;
      if (r.bufferMinutes > 0) {
        await tx.select({ id: room.id }).from(room).where(eq(room.id, r.id)).for('update');
        if ((await conflictsOf(tx, r, [range], b.id)).length) throw await overlapError(tx, r, range, b.id);
      }
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
    throw await overlapError(db, roomOfBooking, range, bookingId);
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
