import { and, asc, desc, eq, isNull, lte, sql } from 'drizzle-orm';
import { audit } from '#kernel/audit/audit.ts';
import { user } from '#kernel/auth/auth.sql.ts';
import type { Actor } from '#kernel/auth/roles.ts';
import type { Db } from '#kernel/db/client.ts';
import { isUuid } from '#kernel/db/keys.ts';
import { AppError } from '#kernel/http/errors.ts';
import { formatDateTime, translator } from '#kernel/i18n/index.ts';
import { queueMail } from '#kernel/mail/mailer.ts';
import type { Config } from '#src/config.ts';
import type { DataRequestInput, DecisionInput } from './privacy.schemas.ts';
import { dataRequest } from './privacy.sql.ts';
import { defaultDueDays, type RequestKind } from './privacy.taxonomy.ts';

const DAY_MS = 24 * 60 * 60_000;

/** Days per kind of request: the defaults, with `PRIVACY_DUE_DAYS` over them. */
export function dueDays(setting: string | undefined): Record<RequestKind, number> {
  const days = { ...defaultDueDays };
  for (const pair of setting ? setting.split(',') : []) {
    const [kind, n] = pair.split('=');
    if (kind && kind in days && Number(n) > 0) days[kind as RequestKind] = Number(n);
  }
  return days;
}

export interface DataRequestRow {
  id: string;
  userId: string;
  name: string;
  email: string;
  kind: RequestKind;
  details: string;
  status: string;
  filedAt: Date;
  dueAt: Date;
  decidedAt: Date | null;
  reason: string;
}

const columns = {
  id: dataRequest.id,
  userId: dataRequest.userId,
  name: user.name,
  email: user.email,
  kind: sql<RequestKind>`${dataRequest.kind}`,
  details: dataRequest.details,
  status: dataRequest.status,
  filedAt: dataRequest.filedAt,
  dueAt: dataRequest.dueAt,
  decidedAt: dataRequest.decidedAt,
  reason: dataRequest.reason,
};

/** True when an open request is past its due time. */
export const isOverdue = (r: Pick<DataRequestRow, 'status' | 'dueAt'>, now = new Date()) =>
  r.status === 'open' && r.dueAt.getTime() < now.getTime();

/** Staff addresses that hear about data subjects' requests. */
async function staffEmails(db: Db): Promise<string[]> {
  const found = await db
    .select({ email: user.email })
    .from(user)
    .where(and(sql`${user.role} in ('officer', 'admin')`, sql`coalesce(${user.banned}, false) = false`));
  return found.map((r) => r.email);
}

/**
 * Files a request for the signed-in person, due after the days its kind allows; officers and
 * admins are told by mail. One open request per kind: a second is refused (the first still runs).
 */
export async function fileDataRequest({
  db,
  config,
  actor,
  input,
}: {
  db: Db;
  config: Config;
  actor: Actor;
  input: DataRequestInput;
}) {
  const days = dueDays(config.PRIVACY_DUE_DAYS)[input.kind];
  const t = translator('vi');
  return db.transaction(async (tx) => {
    const [open] = await tx
      .select({ id: dataRequest.id })
      .from(dataRequest)
      .where(and(eq(dataRequest.userId, actor.id), eq(dataRequest.kind, input.kind), eq(dataRequest.status, 'open')));
    if (open) throw new AppError('validation', 'errors.validation', { kind: 'privacy.request.alreadyOpen' });
    const filedAt = new Date();
    const [row] = await tx
      .insert(dataRequest)
      .values({
        userId: actor.id,
        kind: input.kind,
        details: input.details,
        filedAt,
        dueAt: new Date(filedAt.getTime() + days * DAY_MS),
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    await audit(tx, {
      actorId: actor.id,
      action: 'privacy.request_file',
      entity: 'data_request',
      entityId: row.id,
      data: { kind: row.kind },
    });
    const link = `${config.BASE_URL}/quan-ly/yeu-cau-du-lieu/${row.id}`;
    await queueMail(
      tx,
      (await staffEmails(tx)).map((to) => ({
        to,
        subject: t('privacy.mail.filed.subject', { kind: t(`privacy.kind.${row.kind}` as never) }),
        text: t('privacy.mail.filed.body', { name: actor.name, due: formatDateTime(row.dueAt), url: link }),
      })),
    );
    return row;
  });
}

/** A person's own requests, newest first. */
export async function requestsOf(db: Db, userId: string): Promise<DataRequestRow[]> {
  return db
    .select(columns)
    .from(dataRequest)
    .innerJoin(user, eq(user.id, dataRequest.userId))
    .where(eq(dataRequest.userId, userId))
    .orderBy(desc(dataRequest.filedAt));
}

/** The queue: open requests first, the soonest due first; then the decided ones, newest first. */
export async function listDataRequests(db: Db): Promise<DataRequestRow[]> {
  return db
    .select(columns)
    .from(dataRequest)
    .innerJoin(user, eq(user.id, dataRequest.userId))
    .orderBy(sql`${dataRequest.status} <> 'open'`, asc(dataRequest.dueAt), desc(dataRequest.decidedAt))
    .limit(500);
}

/** One request, for the queue's detail page; 404 for an id that is not one. */
export async function getDataRequest(db: Db, id: string): Promise<DataRequestRow> {
  if (!isUuid(id)) throw new AppError('not_found', 'privacy.request.notFound');
  const [row] = await db
    .select(columns)
    .from(dataRequest)
    .innerJoin(user, eq(user.id, dataRequest.userId))
    .where(eq(dataRequest.id, id));
  if (!row) throw new AppError('not_found', 'privacy.request.notFound');
  return row;
}

/**
 * An officer's decision on an open request, with the reason the person reads in the mail they
 * are sent. `before` runs in the same transaction, before the request is closed (carrying out a
 * deletion: see erase.ts). A decided request is not decided again: 409.
 */
export async function decideDataRequest({
  db,
  config,
  actor,
  id,
  input,
  before,
}: {
  db: Db;
  config: Config;
  actor: Actor;
  id: string;
  input: DecisionInput;
  before?: (tx: Db, request: DataRequestRow) => Promise<void>;
}) {
  const request = await getDataRequest(db, id);
  const t = translator('vi');
  await db.transaction(async (tx) => {
    const [locked] = await tx
      .select({ status: dataRequest.status })
      .from(dataRequest)
      .where(eq(dataRequest.id, id))
      .for('update');
    if (locked?.status !== 'open') throw new AppError('conflict', 'privacy.request.decided');
    // Mailed before `before` runs: a deletion anonymises the address it goes to.
    await queueMail(tx, {
      to: request.email,
      subject: t(`privacy.mail.${input.decision}.subject` as never, {
        kind: t(`privacy.kind.${request.kind}` as never),
      }),
      text: t(`privacy.mail.${input.decision}.body` as never, {
        name: request.name,
        kind: t(`privacy.kind.${request.kind}` as never),
        reason: input.reason,
        url: `${config.BASE_URL}/tai-khoan/quyen-du-lieu`,
      }),
    });
    if (before) await before(tx, request);
    await tx
      .update(dataRequest)
      .set({ status: input.decision, reason: input.reason, decidedBy: actor.id, decidedAt: new Date() })
      .where(eq(dataRequest.id, id));
    await audit(tx, {
      actorId: actor.id,
      action: 'privacy.request_decide',
      entity: 'data_request',
      entityId: id,
      data: { kind: request.kind, decision: input.decision },
    });
  });
}

/**
 * Mails officers and admins once about each open request due within `PRIVACY_REMIND_DAYS` days
 * (or already overdue); the reminder is recorded, so running it every hour sends it once.
 * Returns how many requests were reminded of.
 */
export async function remindDueRequests(db: Db, config: Config, now = new Date()): Promise<number> {
  const t = translator('vi');
  return db.transaction(async (tx) => {
    const soon = new Date(now.getTime() + config.PRIVACY_REMIND_DAYS * DAY_MS);
    const due = await tx
      .select(columns)
      .from(dataRequest)
      .innerJoin(user, eq(user.id, dataRequest.userId))
      .where(and(eq(dataRequest.status, 'open'), isNull(dataRequest.remindedAt), lte(dataRequest.dueAt, soon)))
      .for('update', { of: dataRequest, skipLocked: true });
    if (due.length === 0) return 0;
    const staff = await staffEmails(tx);
    await queueMail(
      tx,
      due.flatMap((r) =>
        staff.map((to) => ({
          to,
          subject: t('privacy.mail.reminder.subject', { kind: t(`privacy.kind.${r.kind}` as never) }),
          text: t('privacy.mail.reminder.body', {
            kind: t(`privacy.kind.${r.kind}` as never),
            due: formatDateTime(r.dueAt),
            url: `${config.BASE_URL}/quan-ly/yeu-cau-du-lieu/${r.id}`,
          }),
        })),
      ),
    );
    for (const r of due) await tx.update(dataRequest).set({ remindedAt: now }).where(eq(dataRequest.id, r.id));
    return due.length;
  });
}
