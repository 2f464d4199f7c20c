import { and, eq } from 'drizzle-orm';
import { audit } from '#kernel/audit/audit.ts';
import { type Actor, isStaff } from '#kernel/auth/roles.ts';
import type { Db } from '#kernel/db/client.ts';
import { saveFile, type Upload } from '#kernel/files/files.ts';
import { AppError } from '#kernel/http/errors.ts';
import { todayInVietnam } from '#kernel/i18n/index.ts';
import type { Mailer } from '#kernel/mail/mailer.ts';
import { isMember, type SupportNeed } from '#modules/projects/index.ts';
import { requestEvent, requestFile, supportRequest } from './requests.sql.ts';
import { daysToAnswer, openStatuses, type RequestEventType, urgentDays } from './requests.taxonomy.ts';

// What the use cases of this module share: finding (and locking) a request, who may act on it,
// its thread entries and its due date.

export type SupportRequest = typeof supportRequest.$inferSelect;

/** What every function that changes a request needs besides the database. */
export interface RequestContext {
  db: Db;
  mailer: Mailer;
  baseUrl: string;
  actor: Actor;
  /** The clock: tests and the demo data give a date; everyone else gets now. */
  now?: Date;
}

export const requestRef = (n: number) => `YC-${n}`;

export const isOpen = (status: string) => (openStatuses as readonly string[]).includes(status);

function addDays(isoDay: string, days: number): string {
  const d = new Date(`${isoDay}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Due date: counted from the day an officer takes the request, by kind; urgent ones in 3 days. */
export function dueDate(kind: string, urgency: string, from: Date = new Date()): string {
  const days = urgency === 'urgent' ? urgentDays : (daysToAnswer[kind as SupportNeed] ?? 10);
  return addDays(todayInVietnam(from), days);
}

export type Party = 'staff' | 'requester' | 'team';

async function partyOf(db: Db, actor: Actor | null, r: SupportRequest): Promise<Party | null> {
  if (!actor) return null;
  if (isStaff(actor)) return 'staff';
  if (r.requesterId === actor.id) return 'requester';
  if (!r.projectId) return null;
  return (await isMember(db, { projectId: r.projectId, userId: actor.id })) ? 'team' : null;
}

/**
 * The request by its number. `lock`: inside a command's transaction, `SELECT … FOR UPDATE`, so
 * what the command decides on cannot change under it (a second officer waits for the first).
 */
export async function loadRequest(db: Db, number: number, { lock = false } = {}): Promise<SupportRequest> {
  if (!Number.isInteger(number) || number <= 0 || number > 2_000_000_000)
    throw new AppError('not_found', 'requests.notFound');
  const query = db.select().from(supportRequest).where(eq(supportRequest.number, number));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new AppError('not_found', 'requests.notFound');
  return row;
}

/** The request, if this person is a party to it (404 otherwise: its existence is not revealed). */
export async function requestFor(
  db: Db,
  actor: Actor | null,
  number: number,
  options: { lock?: boolean } = {},
): Promise<{ r: SupportRequest; party: Party }> {
  const r = await loadRequest(db, number, options);
  const party = await partyOf(db, actor, r);
  if (!party) throw new AppError('not_found', 'requests.notFound');
  return { r, party };
}

/** The request for an officer's command, locked until the command's transaction ends. */
export async function lockForStaff(tx: Db, actor: Actor, number: number): Promise<SupportRequest> {
  if (!isStaff(actor)) throw new AppError('forbidden');
  return loadRequest(tx, number, { lock: true });
}

/**
 * Refuses a form filled in on a page that showed another status: someone else changed the
 * request meanwhile. The page shows it again with the officer's input kept.
 */
export function assertSeen(r: SupportRequest, seen: string | undefined): void {
  if (seen && seen !== r.status) throw new AppError('conflict', 'requests.error.changedMeanwhile');
}

export async function addEvent(
  db: Db,
  e: {
    requestId: string;
    type: RequestEventType;
    actorId: string | null;
    body?: string;
    fromStatus?: string;
    toStatus?: string;
    files?: Upload[];
    at?: Date;
  },
): Promise<string> {
  const [row] = await db
    .insert(requestEvent)
    .values({
      requestId: e.requestId,
      type: e.type,
      actorId: e.actorId,
      body: e.body ?? '',
      fromStatus: e.fromStatus ?? null,
      toStatus: e.toStatus ?? null,
      createdAt: e.at ?? new Date(),
    })
    .returning({ id: requestEvent.id });
  if (!row) throw new Error('insert returned nothing');
  for (const f of e.files ?? []) {
    const saved = await saveFile(db, f, e.actorId);
    await db.insert(requestFile).values({ eventId: row.id, fileId: saved.id });
  }
  return row.id;
}

/**
 * A new request taken by an officer (inside the caller's transaction, on the locked row): it is
 * accepted and gets its due date. Updated only if it is still new.
 */
export async function takeRequest(
  tx: Db,
  actor: Actor,
  r: SupportRequest,
  assigneeId: string,
  now = new Date(),
): Promise<SupportRequest> {
  const [taken] = await tx
    .update(supportRequest)
    .set({ status: 'accepted', assigneeId, dueOn: dueDate(r.kind, r.urgency, now), updatedAt: now })
    .where(and(eq(supportRequest.id, r.id), eq(supportRequest.status, 'new')))
    .returning();
  if (!taken) throw new AppError('conflict', 'requests.error.notNew');
  await addEvent(tx, {
    requestId: r.id,
    type: 'accepted',
    actorId: actor.id,
    fromStatus: 'new',
    toStatus: 'accepted',
    at: now,
  });
  await audit(tx, {
    actorId: actor.id,
    action: 'request.accept',
    entity: 'support_request',
    entityId: r.id,
    data: { assigneeId },
  });
  return taken;
}
