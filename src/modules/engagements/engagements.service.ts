import { and, asc, count, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { audit } from '#kernel/audit/audit.ts';
import { user } from '#kernel/auth/auth.sql.ts';
import { type Actor, isStaff } from '#kernel/auth/roles.ts';
import type { Db } from '#kernel/db/client.ts';
import { storedFile } from '#kernel/files/files.sql.ts';
import { saveFile, type Upload } from '#kernel/files/files.ts';
import { AppError } from '#kernel/http/errors.ts';
import type { Page } from '#kernel/http/pagination.ts';
import { type MessageKey, todayInVietnam, translator } from '#kernel/i18n/index.ts';
import { type Mail, type Mailer, queueMail } from '#kernel/mail/mailer.ts';
import { communeBySlug } from '#modules/places/index.ts';
import {
  findProject,
  isMember,
  projectBrief,
  projectIdsWhere,
  projectSummaries,
  teamOf,
} from '#modules/projects/index.ts';
import { recordSupport } from '#modules/support/index.ts';
import type { SessionInput } from './engagements.schemas.ts';
import { engagement, engagementSession, engagementSessionFile } from './engagements.sql.ts';
import { type EngagementStatus, unfinishedEngagementStatuses } from './engagements.taxonomy.ts';

export type Engagement = typeof engagement.$inferSelect;

export interface EngagementSessionView {
  id: string;
  heldOn: string;
  hours: number;
  summary: string;
  nextSteps: string;
  files: { id: string; name: string; size: number }[];
}

/** What the engagement page shows: the expert sees the project's details through it. */
export interface EngagementDetail extends Engagement {
  expertName: string;
  expertEmail: string;
  officerName: string | null;
  officerEmail: string | null;
  project: {
    id: string;
    slug: string;
    name: string;
    summary: string;
    description: string;
    field: string;
    stage: string;
    isPublic: boolean;
    communeName: string | null;
  };
  team: { name: string; email: string | null }[];
  sessions: EngagementSessionView[];
  totalHours: number;
}

export interface EngagementListItem {
  id: string;
  topic: string;
  status: string;
  expertName: string;
  projectName: string;
  projectSlug: string;
  createdAt: Date;
  sessions: number;
  hours: number;
}

export interface EngagementSummary {
  id: string;
  status: string;
  topic: string;
  expertName: string;
}

/** Who may see an engagement: its expert, staff, and the project's team. */
async function partyOf(
  db: Db,
  actor: Actor | null,
  e: Pick<Engagement, 'expertId' | 'projectId'>,
): Promise<'expert' | 'staff' | 'team' | null> {
  if (!actor) return null;
  if (isStaff(actor)) return 'staff';
  if (actor.id === e.expertId) return 'expert';
  return (await isMember(db, { projectId: e.projectId, userId: actor.id })) ? 'team' : null;
}

async function loadEngagement(db: Db, id: string): Promise<Engagement> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError('not_found', 'engagements.notFound');
  const [row] = await db.select().from(engagement).where(eq(engagement.id, id));
  if (!row) throw new AppError('not_found', 'engagements.notFound');
  return row;
}

/**
 * Inside a command's transaction: locks the engagement's row and checks it is still in the status
 * the command was decided on, so two people acting at once cannot both apply (the second waits,
 * then gets the conflict).
 */
async function lockInStatus(tx: Db, id: string, expected: EngagementStatus, message: MessageKey): Promise<void> {
  const [row] = await tx
    .select({ status: engagement.status })
    .from(engagement)
    .where(eq(engagement.id, id))
    .for('update');
  if (row?.status !== expected) throw new AppError('conflict', message);
}

/** Writes the engagement's line in the support ledger (kind consulting); again on every change. */
async function recordConsulting(db: Db, actor: Actor, id: string): Promise<void> {
  const [row] = await db
    .select({ e: engagement, expertName: user.name })
    .from(engagement)
    .innerJoin(user, eq(user.id, engagement.expertId))
    .where(eq(engagement.id, id));
  if (!row?.e.acceptedAt) return;
  const [totals] = await db
    .select({
      hours: sql<string | null>`sum(${engagementSession.hours})`,
      first: sql<string | null>`min(${engagementSession.heldOn})`,
      last: sql<string | null>`max(${engagementSession.heldOn})`,
    })
    .from(engagementSession)
    .where(eq(engagementSession.engagementId, id));
  const hours = Number(totals?.hours ?? 0);
  const startedOn =
    totals?.first && totals.first < todayInVietnam(row.e.acceptedAt) ? totals.first : todayInVietnam(row.e.acceptedAt);
  const closed = row.e.status === 'closed';
  await recordSupport({
    db,
    actor,
    input: {
      projectId: row.e.projectId,
      kind: 'consulting',
      title: row.e.topic,
      providerKind: 'expert',
      providerUserId: row.e.expertId,
      providerName: row.expertName,
      startedOn,
      endedOn: closed ? (totals?.last ?? todayInVietnam(row.e.closedAt ?? new Date())) : null,
      status: closed ? 'done' : 'in_progress',
      outcome: row.e.outcome,
      figures: hours > 0 ? { hours } : {},
      source: { kind: 'engagement', id },
    },
  });
}

// E-mails are written in Vietnamese, the language of the Department and of most experts.
const mailText = translator('vi');

/** A mail to one person, or none when they have no address. */
function mailTo(to: string | null | undefined, subject: string, text: string): Mail[] {
  return to ? [{ to, subject, text }] : [];
}

export interface ProposeInput {
  expertId: string;
  projectId: string;
  topic: string;
  brief: string;
}

/**
 * An officer connects an expert to a project; the expert is told and accepts or declines.
 * @example const { id } = await proposeEngagement({ db, mailer, actor, baseUrl, input })
 */
export async function proposeEngagement({
  db,
  mailer,
  actor,
  baseUrl,
  input,
  now = new Date(),
  acceptedAt,
}: {
  db: Db;
  mailer: Mailer;
  actor: Actor;
  baseUrl: string;
  input: ProposeInput;
  now?: Date;
  /**
   * Staff recording consulting the expert already agreed to (work done before the site, brought in
   * by a script): the engagement starts active from that day, enters the ledger at once, and no
   * e-mail asks the expert to accept.
   */
  acceptedAt?: Date;
}) {
  if (!isStaff(actor)) throw new AppError('forbidden');
  const [expert] = await db
    .select({ id: user.id, name: user.name, email: user.email, role: user.role })
    .from(user)
    .where(eq(user.id, input.expertId));
  if (expert?.role !== 'expert')
    throw new AppError('validation', 'errors.validation', { expertId: 'engagements.error.notExpert' });
  const target = /^[0-9a-f-]{36}$/i.test(input.projectId) ? await findProject(db, input.projectId) : null;
  if (!target) throw new AppError('not_found', 'errors.projectNotFound');
  const [open] = await db
    .select({ id: engagement.id })
    .from(engagement)
    .where(
      and(
        eq(engagement.expertId, expert.id),
        eq(engagement.projectId, target.id),
        inArray(engagement.status, ['proposed', 'active']),
      ),
    );
  if (open) throw new AppError('conflict', 'engagements.error.alreadyOpen', {}, { name: expert.name });
  const created = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(engagement)
      .values({
        expertId: expert.id,
        projectId: target.id,
        topic: input.topic,
        brief: input.brief,
        createdBy: actor.id,
        createdAt: now,
        ...(acceptedAt ? { status: 'active', acceptedAt } : {}),
      })
      .returning({ id: engagement.id });
    if (!row) throw new Error('insert returned nothing');
    await audit(tx, {
      actorId: actor.id,
      action: acceptedAt ? 'engagement.record' : 'engagement.propose',
      entity: 'engagement',
      entityId: row.id,
      data: { expertId: expert.id, projectId: target.id },
    });
    if (acceptedAt) {
      await recordConsulting(tx, actor, row.id);
      return row;
    }
    await queueMail(
      tx,
      mailTo(
        expert.email,
        mailText('engagements.mail.proposed.subject', { project: target.name }),
        mailText('engagements.mail.proposed.body', {
          name: expert.name,
          project: target.name,
          topic: input.topic,
          brief: input.brief,
          link: `${baseUrl}/tu-van/${row.id}`,
        }),
      ),
    );
    return row;
  });
  mailer.wake();
  return { id: created.id, expertName: expert.name };
}

/** The expert accepts (the consulting starts and enters the ledger) or declines with a reason. */
export async function respondToEngagement({
  db,
  mailer,
  actor,
  baseUrl,
  id,
  accept,
  reason,
  now = new Date(),
}: {
  db: Db;
  mailer: Mailer;
  actor: Actor;
  baseUrl: string;
  id: string;
  accept: boolean;
  reason: string;
  now?: Date;
}) {
  const e = await loadEngagement(db, id);
  const party = await partyOf(db, actor, e);
  if (!party) throw new AppError('not_found', 'engagements.notFound');
  if (party !== 'expert') throw new AppError('forbidden');
  if (e.status !== 'proposed') throw new AppError('conflict', 'engagements.error.notProposed');
  if (!accept && !reason) throw new AppError('validation', 'errors.validation', { reason: 'v.required' });
  const status: EngagementStatus = accept ? 'active' : 'declined';
  const officer = e.createdBy
    ? (await db.select({ email: user.email }).from(user).where(eq(user.id, e.createdBy)))[0]
    : undefined;
  await db.transaction(async (tx) => {
    await lockInStatus(tx, id, 'proposed', 'engagements.error.notProposed');
    await tx
      .update(engagement)
      .set(accept ? { status, acceptedAt: now } : { status, declineReason: reason, closedAt: now })
      .where(and(eq(engagement.id, id), eq(engagement.status, 'proposed')));
    await audit(tx, {
      actorId: actor.id,
      action: accept ? 'engagement.accept' : 'engagement.decline',
      entity: 'engagement',
      entityId: id,
    });
    if (accept) await recordConsulting(tx, actor, id);
    await queueMail(
      tx,
      mailTo(
        officer?.email,
        mailText(accept ? 'engagements.mail.accepted.subject' : 'engagements.mail.declined.subject', {
          topic: e.topic,
        }),
        mailText(accept ? 'engagements.mail.accepted.body' : 'engagements.mail.declined.body', {
          name: actor.name,
          reason,
          link: `${baseUrl}/tu-van/${id}`,
        }),
      ),
    );
  });
  mailer.wake();
  return { status };
}

/** The expert logs one working session; the ledger entry's hours follow. */
export async function logSession({
  db,
  actor,
  id,
  input,
  files = [],
}: {
  db: Db;
  actor: Actor;
  id: string;
  input: SessionInput;
  files?: Upload[];
}) {
  const e = await loadEngagement(db, id);
  const party = await partyOf(db, actor, e);
  if (!party) throw new AppError('not_found', 'engagements.notFound');
  if (party === 'team') throw new AppError('forbidden');
  if (e.status !== 'active') throw new AppError('conflict', 'engagements.error.notActive');
  if (input.heldOn > todayInVietnam())
    throw new AppError('validation', 'errors.validation', { heldOn: 'engagements.error.future' });
  return db.transaction(async (tx) => {
    await lockInStatus(tx, id, 'active', 'engagements.error.notActive');
    const [row] = await tx
      .insert(engagementSession)
      .values({
        engagementId: id,
        heldOn: input.heldOn,
        hours: input.hours,
        summary: input.summary,
        nextSteps: input.nextSteps,
        createdBy: actor.id,
      })
      .returning({ id: engagementSession.id });
    if (!row) throw new Error('insert returned nothing');
    for (const f of files) {
      const saved = await saveFile(tx, f, actor.id);
      await tx.insert(engagementSessionFile).values({ sessionId: row.id, fileId: saved.id });
    }
    await audit(tx, {
      actorId: actor.id,
      action: 'engagement.session',
      entity: 'engagement',
      entityId: id,
      data: { hours: input.hours },
    });
    await recordConsulting(tx, actor, id);
    return row;
  });
}

/** Closing writes the outcome; the ledger entry becomes "done". */
export async function closeEngagement({
  db,
  actor,
  id,
  outcome,
  now = new Date(),
}: {
  db: Db;
  actor: Actor;
  id: string;
  outcome: string;
  now?: Date;
}) {
  const e = await loadEngagement(db, id);
  const party = await partyOf(db, actor, e);
  if (!party) throw new AppError('not_found', 'engagements.notFound');
  if (party === 'team') throw new AppError('forbidden');
  if (e.status !== 'active') throw new AppError('conflict', 'engagements.error.notActive');
  if (!outcome) throw new AppError('validation', 'errors.validation', { outcome: 'v.required' });
  await db.transaction(async (tx) => {
    await lockInStatus(tx, id, 'active', 'engagements.error.notActive');
    await tx.update(engagement).set({ status: 'closed', outcome, closedAt: now }).where(eq(engagement.id, id));
    await audit(tx, { actorId: actor.id, action: 'engagement.close', entity: 'engagement', entityId: id });
    await recordConsulting(tx, actor, id);
  });
}

/** The engagement page: 404 for anyone who is not a party. */
export async function getEngagement({
  db,
  actor,
  id,
}: {
  db: Db;
  actor: Actor | null;
  id: string;
}): Promise<EngagementDetail & { party: 'expert' | 'staff' | 'team' }> {
  const e = await loadEngagement(db, id);
  const party = await partyOf(db, actor, e);
  if (!party) throw new AppError('not_found', 'engagements.notFound');
  const officer = sql<string | null>`(select name from "user" where id = ${engagement.createdBy})`;
  const officerEmail = sql<string | null>`(select email from "user" where id = ${engagement.createdBy})`;
  const [row] = await db
    .select({
      expertName: user.name,
      expertEmail: user.email,
      officerName: officer,
      officerEmail,
    })
    .from(engagement)
    .innerJoin(user, eq(user.id, engagement.expertId))
    .where(eq(engagement.id, id));
  const p = await projectBrief(db, e.projectId);
  if (!row || !p) throw new AppError('not_found', 'engagements.notFound');
  const communeName = (await communeBySlug(db, p.communeSlug))?.name ?? null;
  const team = (await teamOf(db, e.projectId)).map(({ name, email }) => ({ name, email }));
  const sessions = await db
    .select()
    .from(engagementSession)
    .where(eq(engagementSession.engagementId, id))
    .orderBy(asc(engagementSession.heldOn), asc(engagementSession.createdAt));
  const files = sessions.length
    ? await db
        .select({
          sessionId: engagementSessionFile.sessionId,
          id: storedFile.id,
          name: storedFile.name,
          size: storedFile.size,
        })
        .from(engagementSessionFile)
        .innerJoin(storedFile, eq(storedFile.id, engagementSessionFile.fileId))
        .where(
          inArray(
            engagementSessionFile.sessionId,
            sessions.map((s) => s.id),
          ),
        )
    : [];
  return {
    ...e,
    party,
    expertName: row.expertName,
    expertEmail: row.expertEmail,
    officerName: row.officerName,
    officerEmail: row.officerEmail,
    project: {
      id: p.id,
      slug: p.slug,
      name: p.name,
      summary: p.summary,
      description: p.description,
      field: p.field,
      stage: p.stage,
      isPublic: p.isPublic,
      communeName,
    },
    team,
    sessions: sessions.map((s) => ({
      id: s.id,
      heldOn: s.heldOn,
      hours: Number(s.hours),
      summary: s.summary,
      nextSteps: s.nextSteps,
      files: files.filter((f) => f.sessionId === s.id).map(({ sessionId: _s, ...f }) => f),
    })),
    totalHours: sessions.reduce((sum, s) => sum + Number(s.hours), 0),
  };
}

/** A file of a session, for a party of the engagement only. */
export async function engagementFile({
  db,
  actor,
  id,
  fileId,
}: {
  db: Db;
  actor: Actor | null;
  id: string;
  fileId: string;
}): Promise<string> {
  const e = await loadEngagement(db, id);
  if (!(await partyOf(db, actor, e))) throw new AppError('not_found', 'engagements.notFound');
  if (!/^[0-9a-f-]{36}$/i.test(fileId)) throw new AppError('not_found');
  const [row] = await db
    .select({ fileId: engagementSessionFile.fileId })
    .from(engagementSessionFile)
    .innerJoin(engagementSession, eq(engagementSession.id, engagementSessionFile.sessionId))
    .where(and(eq(engagementSession.engagementId, id), eq(engagementSessionFile.fileId, fileId)));
  if (!row) throw new AppError('not_found');
  return row.fileId;
}

/** An expert's own engagements; staff see all; a founder those of their projects. */
export async function listEngagements({
  db,
  actor,
  status,
  page,
}: {
  db: Db;
  actor: Actor;
  status?: string;
  page: Page;
}) {
  const where: SQL[] = [];
  if (actor.role === 'expert') where.push(eq(engagement.expertId, actor.id));
  else if (!isStaff(actor)) {
    where.push(sql`${engagement.projectId} in ${projectIdsWhere({ memberId: actor.id })}`);
  }
  if (status) where.push(eq(engagement.status, status));
  const condition = where.length ? and(...where) : undefined;
  const sessionsCount = sql<number>`(select count(*)::int from ${engagementSession} where ${engagementSession.engagementId} = ${engagement.id})`;
  const hours = sql<string>`(select coalesce(sum(${engagementSession.hours}), 0) from ${engagementSession} where ${engagementSession.engagementId} = ${engagement.id})`;
  const [items, [total]] = await Promise.all([
    db
      .select({
        id: engagement.id,
        topic: engagement.topic,
        status: engagement.status,
        expertName: user.name,
        projectId: engagement.projectId,
        createdAt: engagement.createdAt,
        sessions: sessionsCount,
        hours,
      })
      .from(engagement)
      .innerJoin(user, eq(user.id, engagement.expertId))
      .where(condition)
      .orderBy(
        sql`case ${engagement.status} when 'proposed' then 0 when 'active' then 1 else 2 end`,
        desc(engagement.createdAt),
      )
      .limit(page.perPage)
      .offset(page.offset),
    db.select({ n: count() }).from(engagement).where(condition),
  ]);
  const projects = await projectSummaries(
    db,
    items.map((i) => i.projectId),
  );
  const list: EngagementListItem[] = items.map(({ projectId, ...i }) => ({
    ...i,
    projectName: projects.get(projectId)?.name ?? '',
    projectSlug: projects.get(projectId)?.slug ?? '',
    hours: Number(i.hours),
  }));
  return { items: list, total: total?.n ?? 0 };
}

/** Status lines for other modules (a request's links). */
export async function engagementSummaries(db: Db, ids: string[]): Promise<EngagementSummary[]> {
  if (ids.length === 0) return [];
  return db
    .select({ id: engagement.id, status: engagement.status, topic: engagement.topic, expertName: user.name })
    .from(engagement)
    .innerJoin(user, eq(user.id, engagement.expertId))
    .where(inArray(engagement.id, ids));
}

/**
 * The engagements not finished yet, as a subquery other modules filter on (a request is ready to
 * close when none of its engagements is in it).
 */
export function unfinishedEngagementIds(): SQL {
  return sql`(select ${engagement.id} from ${engagement} where ${inArray(engagement.status, [...unfinishedEngagementStatuses])})`;
}

/** For matching: open engagements per expert, and closed ones by the project's field. */
export async function expertLoads(
  db: Db,
  expertIds: string[],
): Promise<Map<string, { open: number; pastByField: Record<string, number> }>> {
  const loads = new Map<string, { open: number; pastByField: Record<string, number> }>();
  if (expertIds.length === 0) return loads;
  const counted = await db
    .select({ expertId: engagement.expertId, status: engagement.status, projectId: engagement.projectId, n: count() })
    .from(engagement)
    .where(and(inArray(engagement.expertId, expertIds), inArray(engagement.status, ['proposed', 'active', 'closed'])))
    .groupBy(engagement.expertId, engagement.status, engagement.projectId);
  const projects = await projectSummaries(
    db,
    counted.map((r) => r.projectId),
  );
  const rows = counted.flatMap((r) => {
    const field = projects.get(r.projectId)?.field;
    return field === undefined ? [] : [{ ...r, field }];
  });
  for (const r of rows) {
    const load = loads.get(r.expertId) ?? { open: 0, pastByField: {} };
    if (r.status === 'closed') load.pastByField[r.field] = (load.pastByField[r.field] ?? 0) + r.n;
    else load.open += r.n;
    loads.set(r.expertId, load);
  }
  return loads;
}
