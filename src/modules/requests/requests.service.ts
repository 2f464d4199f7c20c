import { and, asc, count, desc, eq, inArray, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import { audit } from '#kernel/audit/audit.ts';
import { user } from '#kernel/auth/auth.sql.ts';
import { type Actor, isStaff } from '#kernel/auth/roles.ts';
import type { Db } from '#kernel/db/client.ts';
import { storedFile } from '#kernel/files/files.sql.ts';
import { saveFile, type Upload } from '#kernel/files/files.ts';
import { AppError } from '#kernel/http/errors.ts';
import type { Page } from '#kernel/http/pagination.ts';
import { type MessageKey, type Params, todayInVietnam, translator } from '#kernel/i18n/index.ts';
import type { Mailer } from '#kernel/mail/mailer.ts';
import { matches } from '#kernel/search/search.ts';
import { listStaff } from '#modules/accounts/index.ts';
import { engagementSummaries, proposeEngagement } from '#modules/engagements/index.ts';
import { introduceProject, introductionSummaries } from '#modules/partners/index.ts';
import { commune } from '#modules/places/index.ts';
import { getProject, project, projectMember, type SupportNeed } from '#modules/projects/index.ts';
import { recordSupport, type SupportKind } from '#modules/support/index.ts';
import type { ConnectInput, InboxFilters, RequestInput, StatusInput, WalkInInput } from './requests.schemas.ts';
import { requestEvent, requestFile, requestLink, supportRequest } from './requests.sql.ts';
import {
  daysToAnswer,
  openStatuses,
  type RequestEventType,
  type RequestStatus,
  urgentDays,
} from './requests.taxonomy.ts';

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

// E-mails are written in Vietnamese, the language of the Department and of most founders.
const mailText = translator('vi');

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

/** The ledger kind a request handled by the officer counts as. */
const ledgerKind: Record<SupportNeed, SupportKind> = {
  consulting_production: 'consulting',
  consulting_product: 'consulting',
  consulting_ip: 'consulting',
  consulting_standards: 'consulting',
  consulting_marketing: 'consulting',
  consulting_finance: 'consulting',
  consulting_digital: 'consulting',
  training: 'training',
  space: 'space',
  market_connection: 'market_connection',
  events: 'event_introduction',
  funding: 'funding',
};

type Party = 'staff' | 'requester' | 'team';

async function partyOf(db: Db, actor: Actor | null, r: SupportRequest): Promise<Party | null> {
  if (!actor) return null;
  if (isStaff(actor)) return 'staff';
  if (r.requesterId === actor.id) return 'requester';
  if (!r.projectId) return null;
  const [member] = await db
    .select({ id: projectMember.id })
    .from(projectMember)
    .where(and(eq(projectMember.projectId, r.projectId), eq(projectMember.userId, actor.id)))
    .limit(1);
  return member ? 'team' : null;
}

async function loadRequest(db: Db, number: number): Promise<SupportRequest> {
  if (!Number.isInteger(number) || number <= 0 || number > 2_000_000_000)
    throw new AppError('not_found', 'requests.notFound');
  const [row] = await db.select().from(supportRequest).where(eq(supportRequest.number, number));
  if (!row) throw new AppError('not_found', 'requests.notFound');
  return row;
}

/** The request, if this person is a party to it (404 otherwise: its existence is not revealed). */
async function requestFor(db: Db, actor: Actor | null, number: number): Promise<{ r: SupportRequest; party: Party }> {
  const r = await loadRequest(db, number);
  const party = await partyOf(db, actor, r);
  if (!party) throw new AppError('not_found', 'requests.notFound');
  return { r, party };
}

async function staffRequest(db: Db, actor: Actor, number: number): Promise<SupportRequest> {
  if (!isStaff(actor)) throw new AppError('forbidden');
  return loadRequest(db, number);
}

async function addEvent(
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

// ---------------------------------------------------------------- notifications

async function emailOf(db: Db, userId: string | null): Promise<string | null> {
  if (!userId) return null;
  const [row] = await db.select({ email: user.email }).from(user).where(eq(user.id, userId));
  return row?.email ?? null;
}

/** The founder's side: the account that filed it, or the walk-in's e-mail. */
async function requesterEmail(db: Db, r: SupportRequest): Promise<string | null> {
  return (await emailOf(db, r.requesterId)) ?? (r.contactEmail || null);
}

/** The Department's side: the officer in charge, else the project's case officer, else every officer. */
async function staffEmails(db: Db, r: SupportRequest): Promise<string[]> {
  const assignee = await emailOf(db, r.assigneeId);
  if (assignee) return [assignee];
  if (r.projectId) {
    const [p] = await db.select({ officer: project.caseOfficerId }).from(project).where(eq(project.id, r.projectId));
    const officer = await emailOf(db, p?.officer ?? null);
    if (officer) return [officer];
  }
  const rows = await db
    .select({ email: user.email })
    .from(user)
    .where(and(inArray(user.role, ['officer', 'admin']), sql`coalesce(${user.banned}, false) = false`))
    .orderBy(user.name)
    .limit(20);
  return rows.map((x) => x.email);
}

async function notify(
  ctx: RequestContext,
  to: string[] | string | null,
  r: SupportRequest,
  subject: MessageKey,
  body: MessageKey,
  params: Params = {},
) {
  const all = (Array.isArray(to) ? to : to ? [to] : []).filter((x) => x && x !== ctx.actor.email);
  const link = `${ctx.baseUrl}/yeu-cau/${r.number}`;
  const p = { ...params, ref: requestRef(r.number), name: ctx.actor.name, link };
  for (const address of all) {
    await ctx.mailer.send({
      to: address,
      subject: mailText(subject, p),
      text: `${mailText(body, p)}\n\n${mailText('requests.mail.footer', p)}`,
    });
  }
}

/** A change made by the Department is told to the founder; a founder's message to the Department. */
async function notifyOtherSide(
  ctx: RequestContext,
  r: SupportRequest,
  subject: MessageKey,
  body: MessageKey,
  params: Params = {},
) {
  const to = isStaff(ctx.actor) ? await requesterEmail(ctx.db, r) : await staffEmails(ctx.db, r);
  await notify(ctx, to, r, subject, body, params);
}

// ---------------------------------------------------------------- filing

/**
 * A founder asks for help for one of their projects.
 * @example const { number } = await fileRequest({ ...ctx, input: { project: 'thach-den', kind: 'consulting_ip', body, urgency: 'normal' } })
 */
export async function fileRequest(
  ctx: RequestContext & { input: RequestInput; files?: Upload[] },
): Promise<{ number: number }> {
  const { db, actor, input } = ctx;
  const now = ctx.now ?? new Date();
  if (!['founder', 'officer', 'admin'].includes(actor.role)) throw new AppError('forbidden');
  let target: Awaited<ReturnType<typeof getProject>>;
  try {
    target = await getProject({ db, actor, slug: input.project });
  } catch {
    throw new AppError('validation', 'errors.validation', { project: 'requests.error.notYourProject' });
  }
  const member = target.members.some((m) => m.userId === actor.id);
  if (!member && !isStaff(actor))
    throw new AppError('validation', 'errors.validation', { project: 'requests.error.notYourProject' });
  const created = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(supportRequest)
      .values({
        projectId: target.id,
        requesterId: actor.id,
        communeSlug: target.communeSlug,
        kind: input.kind,
        body: input.body,
        urgency: input.urgency,
        createdBy: actor.id,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    await addEvent(tx, {
      requestId: row.id,
      type: 'created',
      actorId: actor.id,
      body: input.body,
      toStatus: 'new',
      files: ctx.files,
      at: now,
    });
    await audit(tx, {
      actorId: actor.id,
      action: 'request.file',
      entity: 'support_request',
      entityId: row.id,
      data: { kind: input.kind, project: target.slug },
    });
    return row;
  });
  await notify(ctx, await staffEmails(db, created), created, 'requests.mail.new.subject', 'requests.mail.new.body', {
    project: target.name,
  });
  return { number: created.number };
}

async function accountByContact(db: Db, email: string, phone: string): Promise<string | null> {
  const or_: SQL[] = [];
  if (email) or_.push(eq(user.email, email.toLowerCase()));
  if (phone) or_.push(eq(user.phone, phone));
  if (or_.length === 0) return null;
  const [row] = await db
    .select({ id: user.id })
    .from(user)
    .where(or(...or_))
    .limit(1);
  return row?.id ?? null;
}

/**
 * An officer files a request for a visitor at the desk or on the phone; the officer takes it at
 * once. The person's account, if they have one (same e-mail or phone), is linked now; otherwise
 * when they sign up.
 */
export async function fileWalkIn(ctx: RequestContext & { input: WalkInInput }): Promise<{ number: number }> {
  const { db, actor, input } = ctx;
  if (!isStaff(actor)) throw new AppError('forbidden');
  let projectId: string | null = null;
  let communeSlug: string | null = input.commune || null;
  if (input.project) {
    const [p] = await db
      .select({ id: project.id, communeSlug: project.communeSlug })
      .from(project)
      .where(eq(project.slug, input.project));
    if (!p) throw new AppError('validation', 'errors.validation', { project: 'requests.error.noSuchProject' });
    projectId = p.id;
    communeSlug ??= p.communeSlug;
  }
  if (communeSlug) {
    const [c] = await db.select({ slug: commune.slug }).from(commune).where(eq(commune.slug, communeSlug));
    if (!c) throw new AppError('validation', 'errors.validation', { commune: 'v.choose' });
  }
  const requesterId = await accountByContact(db, input.contactEmail, input.contactPhone);
  const now = ctx.now ?? new Date();
  const created = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(supportRequest)
      .values({
        projectId,
        requesterId,
        contactName: input.contactName,
        contactPhone: input.contactPhone,
        contactEmail: input.contactEmail,
        communeSlug,
        kind: input.kind,
        body: input.body,
        urgency: input.urgency,
        status: 'accepted',
        assigneeId: actor.id,
        dueOn: dueDate(input.kind, input.urgency, now),
        createdBy: actor.id,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    await addEvent(tx, {
      requestId: row.id,
      type: 'created',
      actorId: actor.id,
      body: input.body,
      toStatus: 'new',
      at: now,
    });
    await addEvent(tx, {
      requestId: row.id,
      type: 'accepted',
      actorId: actor.id,
      fromStatus: 'new',
      toStatus: 'accepted',
      at: now,
    });
    await audit(tx, {
      actorId: actor.id,
      action: 'request.walkIn',
      entity: 'support_request',
      entityId: row.id,
      data: { kind: input.kind },
    });
    return row;
  });
  await notify(
    ctx,
    await requesterEmail(db, created),
    created,
    'requests.mail.walkIn.subject',
    'requests.mail.walkIn.body',
  );
  return { number: created.number };
}

/** Walk-in requests whose e-mail or phone is this person's become theirs (on sign-up or later). */
export async function claimRequests(db: Db, actor: Actor): Promise<number> {
  const [me] = await db.select({ email: user.email, phone: user.phone }).from(user).where(eq(user.id, actor.id));
  if (!me) return 0;
  const same: SQL[] = [eq(sql`lower(${supportRequest.contactEmail})`, me.email.toLowerCase())];
  if (me.phone) same.push(eq(supportRequest.contactPhone, me.phone));
  const claimed = await db
    .update(supportRequest)
    .set({ requesterId: actor.id })
    .where(and(isNull(supportRequest.requesterId), or(...same)))
    .returning({ id: supportRequest.id });
  return claimed.length;
}

// ---------------------------------------------------------------- the workflow

/** An officer takes a new request: it gets its due date. */
export async function acceptRequest(ctx: RequestContext & { number: number }): Promise<void> {
  const r = await staffRequest(ctx.db, ctx.actor, ctx.number);
  if (r.status !== 'new') throw new AppError('conflict', 'requests.error.notNew');
  await takeRequest(ctx.db, ctx.actor, r, ctx.actor.id, ctx.now);
  await notify(
    ctx,
    await requesterEmail(ctx.db, r),
    r,
    'requests.mail.accepted.subject',
    'requests.mail.accepted.body',
  );
}

async function takeRequest(
  db: Db,
  actor: Actor,
  r: SupportRequest,
  assigneeId: string,
  now = new Date(),
): Promise<void> {
  await db.transaction(async (tx) => {
    const done = await tx
      .update(supportRequest)
      .set({ status: 'accepted', assigneeId, dueOn: dueDate(r.kind, r.urgency, now), updatedAt: now })
      .where(and(eq(supportRequest.id, r.id), eq(supportRequest.status, 'new')))
      .returning({ id: supportRequest.id });
    if (done.length === 0) throw new AppError('conflict', 'requests.error.notNew');
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
  });
}

/** Bulk assignment from the inbox; new requests are accepted on the way. Returns how many moved. */
export async function assignRequests(
  ctx: RequestContext & { numbers: number[]; assigneeId: string },
): Promise<{ moved: number; assignee: string }> {
  const { db, actor } = ctx;
  if (!isStaff(actor)) throw new AppError('forbidden');
  const staff = await listStaff(db);
  const assignee = staff.find((s) => s.id === ctx.assigneeId);
  if (!assignee) throw new AppError('validation', 'errors.validation', { assigneeId: 'requests.error.notOfficer' });
  const rows = await db.select().from(supportRequest).where(inArray(supportRequest.number, ctx.numbers));
  const open = rows.filter((r) => (openStatuses as readonly string[]).includes(r.status));
  const now = new Date();
  await db.transaction(async (tx) => {
    for (const r of open) {
      const wasNew = r.status === 'new';
      await tx
        .update(supportRequest)
        .set(
          wasNew
            ? { assigneeId: assignee.id, status: 'accepted', dueOn: dueDate(r.kind, r.urgency, now), updatedAt: now }
            : { assigneeId: assignee.id, updatedAt: now },
        )
        .where(eq(supportRequest.id, r.id));
      await addEvent(tx, {
        requestId: r.id,
        type: 'assigned',
        actorId: actor.id,
        body: assignee.name,
        fromStatus: r.status,
        toStatus: wasNew ? 'accepted' : r.status,
      });
    }
    await audit(tx, {
      actorId: actor.id,
      action: 'request.assign',
      entity: 'support_request',
      entityId: assignee.id,
      data: { numbers: open.map((r) => r.number) },
    });
  });
  const email = await emailOf(db, assignee.id);
  if (email && open.length > 0 && assignee.id !== actor.id) {
    await ctx.mailer.send({
      to: email,
      subject: mailText('requests.mail.assigned.subject', { n: open.length }),
      text: `${mailText('requests.mail.assigned.body', { name: actor.name, refs: open.map((r) => requestRef(r.number)).join(', ') })}\n\n${ctx.baseUrl}/quan-ly/yeu-cau?view=mine`,
    });
  }
  return { moved: open.length, assignee: assignee.name };
}

/** A message on the thread, with attachments; the other side is told. */
export async function postMessage(
  ctx: RequestContext & { number: number; body: string; files?: Upload[] },
): Promise<void> {
  const { r } = await requestFor(ctx.db, ctx.actor, ctx.number);
  await ctx.db.transaction(async (tx) => {
    await addEvent(tx, { requestId: r.id, type: 'message', actorId: ctx.actor.id, body: ctx.body, files: ctx.files });
    await tx.update(supportRequest).set({ updatedAt: new Date() }).where(eq(supportRequest.id, r.id));
  });
  await notifyOtherSide(ctx, r, 'requests.mail.message.subject', 'requests.mail.message.body', { body: ctx.body });
}

/**
 * Connects the request to an expert (an engagement is proposed) or a partner (the project is
 * introduced). The request moves to "in progress"; the founder is told.
 */
export async function connectRequest(
  ctx: RequestContext & { number: number; input: ConnectInput & { topic?: string } },
): Promise<{ name: string; type: 'engagement' | 'introduction'; id: string }> {
  const { db, actor, input } = ctx;
  const r = await staffRequest(db, actor, ctx.number);
  if (!(openStatuses as readonly string[]).includes(r.status)) throw new AppError('conflict', 'requests.error.closed');
  if (!r.projectId) throw new AppError('validation', 'errors.validation', { targetId: 'requests.error.noProject' });
  const now = ctx.now ?? new Date();
  if (r.status === 'new') await takeRequest(db, actor, r, actor.id, now);
  let linkType: 'engagement' | 'introduction';
  let targetId: string;
  let name: string;
  if (input.target === 'expert') {
    const proposed = await proposeEngagement({
      db,
      mailer: ctx.mailer,
      actor,
      baseUrl: ctx.baseUrl,
      input: {
        expertId: input.targetId,
        projectId: r.projectId,
        topic: input.topic ?? mailText(`project.need.${r.kind}` as MessageKey),
        brief: input.message,
      },
      now,
    });
    linkType = 'engagement';
    targetId = proposed.id;
    name = proposed.expertName;
  } else {
    const introduced = await introduceProject({
      db,
      mailer: ctx.mailer,
      actor,
      partnerId: input.targetId,
      projectId: r.projectId,
      message: input.message,
    });
    const [summary] = await introductionSummaries(db, [introduced.id]);
    linkType = 'introduction';
    targetId = introduced.id;
    name = summary?.partnerName ?? '';
  }
  await db.transaction(async (tx) => {
    await tx.insert(requestLink).values({ requestId: r.id, type: linkType, targetId, createdAt: now });
    const from = r.status === 'new' ? 'accepted' : r.status;
    await tx.update(supportRequest).set({ status: 'in_progress', updatedAt: now }).where(eq(supportRequest.id, r.id));
    await addEvent(tx, {
      requestId: r.id,
      type: 'connected',
      actorId: actor.id,
      body: name,
      fromStatus: from,
      toStatus: 'in_progress',
      at: now,
    });
  });
  await notify(ctx, await requesterEmail(db, r), r, 'requests.mail.connected.subject', 'requests.mail.connected.body', {
    target: name,
  });
  return { name, type: linkType, id: targetId };
}

/**
 * In progress (handled by the officer), resolved with the outcome, or declined with the reason.
 * A resolved request that no engagement or introduction carried enters the ledger itself.
 */
export async function changeStatus(
  ctx: RequestContext & { number: number; input: StatusInput },
): Promise<RequestStatus> {
  const { db, actor, input } = ctx;
  const r = await staffRequest(db, actor, ctx.number);
  if (!(openStatuses as readonly string[]).includes(r.status)) throw new AppError('conflict', 'requests.error.closed');
  if (input.to === 'in_progress' && r.status === 'in_progress')
    throw new AppError('conflict', 'requests.error.already');
  const now = ctx.now ?? new Date();
  await db.transaction(async (tx) => {
    const closing = input.to !== 'in_progress';
    await tx
      .update(supportRequest)
      .set({
        status: input.to,
        assigneeId: r.assigneeId ?? actor.id,
        dueOn: r.dueOn ?? dueDate(r.kind, r.urgency, now),
        outcome: input.to === 'resolved' ? input.note : r.outcome,
        declineReason: input.to === 'declined' ? input.note : r.declineReason,
        closedAt: closing ? now : null,
        updatedAt: now,
      })
      .where(eq(supportRequest.id, r.id));
    await addEvent(tx, {
      requestId: r.id,
      type: 'status',
      actorId: actor.id,
      body: input.note,
      fromStatus: r.status,
      toStatus: input.to,
      at: now,
    });
    await audit(tx, { actorId: actor.id, action: `request.${input.to}`, entity: 'support_request', entityId: r.id });
    if (input.to === 'resolved' && r.projectId) {
      const [linked] = await tx.select({ n: count() }).from(requestLink).where(eq(requestLink.requestId, r.id));
      if ((linked?.n ?? 0) === 0) {
        await recordSupport({
          db: tx,
          actor,
          input: {
            projectId: r.projectId,
            kind: ledgerKind[r.kind as SupportNeed] ?? 'other',
            title: `${mailText(`project.need.${r.kind}` as MessageKey)} (${requestRef(r.number)})`,
            providerKind: 'officer',
            providerUserId: actor.id,
            providerName: actor.name,
            startedOn: todayInVietnam(r.createdAt),
            endedOn: todayInVietnam(now),
            status: 'done',
            outcome: input.note,
            source: { kind: 'request', id: r.id },
          },
        });
      }
    }
  });
  const subject: MessageKey =
    input.to === 'resolved'
      ? 'requests.mail.resolved.subject'
      : input.to === 'declined'
        ? 'requests.mail.declined.subject'
        : 'requests.mail.progress.subject';
  await notify(ctx, await requesterEmail(db, r), r, subject, 'requests.mail.status.body', { note: input.note });
  return input.to;
}

// ---------------------------------------------------------------- reading

export interface ThreadEntry {
  id: string;
  type: string;
  actorName: string | null;
  actorIsStaff: boolean;
  body: string;
  fromStatus: string | null;
  toStatus: string | null;
  createdAt: Date;
  files: { id: string; name: string; size: number; mime: string }[];
}

export interface RequestLinkView {
  type: 'engagement' | 'introduction';
  id: string;
  name: string;
  status: string;
  href: string;
}

export interface RequestView extends SupportRequest {
  party: Party;
  ref: string;
  projectSlug: string | null;
  projectName: string | null;
  requesterName: string | null;
  assigneeName: string | null;
  communeName: string | null;
  overdue: boolean;
  thread: ThreadEntry[];
  links: RequestLinkView[];
}

const assigneeName = sql<string | null>`(select name from "user" where id = ${supportRequest.assigneeId})`;
const requesterName = sql<string | null>`(select name from "user" where id = ${supportRequest.requesterId})`;

function isOverdue(r: Pick<SupportRequest, 'status' | 'dueOn'>, today: string): boolean {
  return !!r.dueOn && r.dueOn < today && (openStatuses as readonly string[]).includes(r.status);
}

export async function getRequest({
  db,
  actor,
  number,
}: {
  db: Db;
  actor: Actor | null;
  number: number;
}): Promise<RequestView> {
  const { r, party } = await requestFor(db, actor, number);
  const [extra] = await db
    .select({
      projectSlug: project.slug,
      projectName: project.name,
      assigneeName,
      requesterName,
      communeName: commune.name,
    })
    .from(supportRequest)
    .leftJoin(project, eq(project.id, supportRequest.projectId))
    .leftJoin(commune, eq(commune.slug, supportRequest.communeSlug))
    .where(eq(supportRequest.id, r.id));
  const events = await db
    .select({ e: requestEvent, actorName: user.name, actorRole: user.role })
    .from(requestEvent)
    .leftJoin(user, eq(user.id, requestEvent.actorId))
    .where(eq(requestEvent.requestId, r.id))
    .orderBy(asc(requestEvent.createdAt));
  const files = events.length
    ? await db
        .select({
          eventId: requestFile.eventId,
          id: storedFile.id,
          name: storedFile.name,
          size: storedFile.size,
          mime: storedFile.mime,
        })
        .from(requestFile)
        .innerJoin(storedFile, eq(storedFile.id, requestFile.fileId))
        .where(
          inArray(
            requestFile.eventId,
            events.map((e) => e.e.id),
          ),
        )
    : [];
  const linkRows = await db
    .select()
    .from(requestLink)
    .where(eq(requestLink.requestId, r.id))
    .orderBy(asc(requestLink.createdAt));
  const [engagements, introductions] = await Promise.all([
    engagementSummaries(
      db,
      linkRows.filter((l) => l.type === 'engagement').map((l) => l.targetId),
    ),
    introductionSummaries(
      db,
      linkRows.filter((l) => l.type === 'introduction').map((l) => l.targetId),
    ),
  ]);
  const links: RequestLinkView[] = [
    ...engagements.map((e) => ({
      type: 'engagement' as const,
      id: e.id,
      name: e.expertName,
      status: e.status,
      href: `/tu-van/${e.id}`,
    })),
    ...introductions.map((i) => ({
      type: 'introduction' as const,
      id: i.id,
      name: i.partnerName,
      status: i.status,
      href: `/gioi-thieu/${i.id}`,
    })),
  ];
  return {
    ...r,
    party,
    ref: requestRef(r.number),
    projectSlug: extra?.projectSlug ?? null,
    projectName: extra?.projectName ?? null,
    requesterName: extra?.requesterName ?? null,
    assigneeName: extra?.assigneeName ?? null,
    communeName: extra?.communeName ?? null,
    overdue: isOverdue(r, todayInVietnam()),
    thread: events.map(({ e, actorName, actorRole }) => ({
      id: e.id,
      type: e.type,
      actorName,
      actorIsStaff: actorRole === 'officer' || actorRole === 'admin',
      body: e.body,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      createdAt: e.createdAt,
      files: files.filter((f) => f.eventId === e.id).map(({ eventId: _e, ...f }) => f),
    })),
    links,
  };
}

/** A file on the thread, for a party of the request only; returns the stored file's id. */
export async function requestFileId({
  db,
  actor,
  number,
  fileId,
}: {
  db: Db;
  actor: Actor | null;
  number: number;
  fileId: string;
}): Promise<string> {
  const { r } = await requestFor(db, actor, number);
  if (!/^[0-9a-f-]{36}$/i.test(fileId)) throw new AppError('not_found');
  const [row] = await db
    .select({ id: requestFile.fileId })
    .from(requestFile)
    .innerJoin(requestEvent, eq(requestEvent.id, requestFile.eventId))
    .where(and(eq(requestEvent.requestId, r.id), eq(requestFile.fileId, fileId)));
  if (!row) throw new AppError('not_found');
  return row.id;
}

export interface RequestListItem {
  number: number;
  ref: string;
  kind: string;
  urgency: string;
  status: string;
  body: string;
  projectName: string | null;
  projectSlug: string | null;
  contactName: string;
  requesterName: string | null;
  assigneeName: string | null;
  communeName: string | null;
  dueOn: string | null;
  overdue: boolean;
  createdAt: Date;
  updatedAt: Date;
}

const listColumns = {
  number: supportRequest.number,
  kind: supportRequest.kind,
  urgency: supportRequest.urgency,
  status: supportRequest.status,
  body: sql<string>`left(${supportRequest.body}, 200)`,
  projectName: project.name,
  projectSlug: project.slug,
  contactName: supportRequest.contactName,
  requesterName,
  assigneeName,
  communeName: commune.name,
  dueOn: supportRequest.dueOn,
  createdAt: supportRequest.createdAt,
  updatedAt: supportRequest.updatedAt,
};

function toListItem(today: string) {
  return (r: Omit<RequestListItem, 'ref' | 'overdue'>): RequestListItem => ({
    ...r,
    ref: requestRef(r.number),
    overdue: isOverdue(r, today),
  });
}

function inboxCondition(actor: Actor, f: InboxFilters, today: string): SQL | undefined {
  const where: SQL[] = [];
  // Written out, not as parameters: the planner then sees it is the partial indexes' condition.
  const open = sql`${supportRequest.status} in ('new', 'accepted', 'in_progress')`;
  switch (f.view ?? 'open') {
    case 'new':
      where.push(eq(supportRequest.status, 'new'));
      break;
    case 'mine':
      where.push(eq(supportRequest.assigneeId, actor.id), open);
      break;
    case 'overdue':
      where.push(open, lt(supportRequest.dueOn, today));
      break;
    case 'open':
      where.push(open);
      break;
    case 'closed':
      where.push(inArray(supportRequest.status, ['resolved', 'declined']));
      break;
    case 'all':
      break;
  }
  if (f.status) where.push(eq(supportRequest.status, f.status));
  if (f.kind) where.push(eq(supportRequest.kind, f.kind));
  if (f.commune) where.push(eq(supportRequest.communeSlug, f.commune));
  if (f.q?.trim()) {
    const digits = f.q.replace(/^\s*yc-?\s*/i, '').trim();
    const text = matches(
      sql`lower(f_unaccent(${supportRequest.body} || ' ' || ${supportRequest.contactName} || ' ' || coalesce(${project.name}, '')))`,
      f.q,
    );
    where.push(/^\d{1,9}$/.test(digits) ? (or(eq(supportRequest.number, Number(digits)), text) as SQL) : text);
  }
  return where.length ? and(...where) : undefined;
}

/** The officers' inbox: one view (new, mine, overdue, open, closed, all) with filters, a page at a time. */
export async function listInbox({
  db,
  actor,
  filters,
  page,
  now = new Date(),
}: {
  db: Db;
  actor: Actor;
  filters: InboxFilters;
  page: Page;
  now?: Date;
}) {
  if (!isStaff(actor)) throw new AppError('forbidden');
  const today = todayInVietnam(now);
  const condition = inboxCondition(actor, filters, today);
  const order =
    filters.view === 'overdue'
      ? [asc(supportRequest.dueOn), asc(supportRequest.number)]
      : [
          sql`${supportRequest.urgency} desc nulls first`,
          sql`${supportRequest.createdAt} desc nulls first`,
          sql`${supportRequest.number} desc nulls first`,
        ];
  const [items, [total]] = await Promise.all([
    db
      .select(listColumns)
      .from(supportRequest)
      .leftJoin(project, eq(project.id, supportRequest.projectId))
      .leftJoin(commune, eq(commune.slug, supportRequest.communeSlug))
      .where(condition)
      .orderBy(...order)
      .limit(page.perPage)
      .offset(page.offset),
    // The project is joined only when the search needs its name: counting stays on the request table.
    filters.q?.trim()
      ? db
          .select({ n: count() })
          .from(supportRequest)
          .leftJoin(project, eq(project.id, supportRequest.projectId))
          .where(condition)
      : db.select({ n: count() }).from(supportRequest).where(condition),
  ]);
  return { items: items.map(toListItem(today)), total: total?.n ?? 0 };
}

/** How many requests each tab of the inbox holds. */
export async function inboxCounts(
  db: Db,
  actor: Actor,
  now = new Date(),
): Promise<Record<'new' | 'mine' | 'overdue' | 'open', number>> {
  const today = todayInVietnam(now);
  const open = sql`${supportRequest.status} in ('new', 'accepted', 'in_progress')`;
  const [row] = await db
    .select({
      new: sql<number>`count(*) filter (where ${supportRequest.status} = 'new')::int`,
      mine: sql<number>`count(*) filter (where ${open} and ${supportRequest.assigneeId} = ${actor.id})::int`,
      overdue: sql<number>`count(*) filter (where ${open} and ${supportRequest.dueOn} < ${today})::int`,
      open: sql<number>`count(*)::int`,
    })
    .from(supportRequest)
    .where(open);
  return row ?? { new: 0, mine: 0, overdue: 0, open: 0 };
}

/** "My requests": filed by me, or for a project I am in; walk-in requests with my e-mail or phone are claimed first. */
export async function listMyRequests({ db, actor, page }: { db: Db; actor: Actor; page: Page }) {
  await claimRequests(db, actor);
  const mine = or(
    eq(supportRequest.requesterId, actor.id),
    sql`${supportRequest.projectId} in (select ${projectMember.projectId} from ${projectMember} where ${projectMember.userId} = ${actor.id})`,
  );
  const [items, [total]] = await Promise.all([
    db
      .select(listColumns)
      .from(supportRequest)
      .leftJoin(project, eq(project.id, supportRequest.projectId))
      .leftJoin(commune, eq(commune.slug, supportRequest.communeSlug))
      .where(mine)
      .orderBy(desc(supportRequest.updatedAt), desc(supportRequest.number))
      .limit(page.perPage)
      .offset(page.offset),
    db.select({ n: count() }).from(supportRequest).where(mine),
  ]);
  return { items: items.map(toListItem(todayInVietnam())), total: total?.n ?? 0 };
}

/** The projects a founder can file a request for. */
export async function projectsOf(db: Db, actor: Actor): Promise<{ slug: string; name: string }[]> {
  return db
    .select({ slug: project.slug, name: project.name })
    .from(project)
    .innerJoin(projectMember, eq(projectMember.projectId, project.id))
    .where(eq(projectMember.userId, actor.id))
    .orderBy(asc(project.name));
}
