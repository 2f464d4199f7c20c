import { and, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import { audit } from '#kernel/audit/audit.ts';
import { user } from '#kernel/auth/auth.sql.ts';
import { type Actor, isStaff } from '#kernel/auth/roles.ts';
import type { Db } from '#kernel/db/client.ts';
import { AppError } from '#kernel/http/errors.ts';
import { isMessageKey, type MessageKey, todayInVietnam, translator } from '#kernel/i18n/index.ts';
import { type Mailer, queueMail } from '#kernel/mail/mailer.ts';
import { canEdit, getProjectById, projectSummaries } from '#modules/projects/index.ts';
import { recordSupport, type SupportStatus } from '#modules/support/index.ts';
import { answerText, introductionMessage } from './partners.schemas.ts';
import { getPartnerById, type Partner } from './partners.service.ts';
import { introduction, partner, partnerMember } from './partners.sql.ts';
import { type IntroductionStatus, unansweredIntroductionStatuses } from './partners.taxonomy.ts';

/** The ledger and e-mails are written in the site's first language. */
const vi = translator('vi');

export type Introduction = typeof introduction.$inferSelect;

export interface IntroductionDetail extends Introduction {
  partnerName: string;
  partnerSlug: string;
  projectName: string;
  projectSlug: string;
  projectSummary: string;
  projectIsPublic: boolean;
  introducedByName: string | null;
  answeredByName: string | null;
  /** Staff and the partner's members answer; the project's team only reads. */
  canAnswer: boolean;
}

/** A Zod refusal as the service's one error type, so forms show it at the field. */
function invalid(field: string, error: z.ZodError): AppError {
  const [key = 'v.invalid', n] = (error.issues[0]?.message ?? '').split('|');
  const messageKey: MessageKey = isMessageKey(key) ? key : 'v.invalid';
  return new AppError('validation', 'errors.validation', { [field]: messageKey }, n ? { min: n, max: n } : {});
}

async function isMemberOf(db: Db, partnerId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ userId: partnerMember.userId })
    .from(partnerMember)
    .where(and(eq(partnerMember.partnerId, partnerId), eq(partnerMember.userId, userId)));
  return !!row;
}

/** Contact address and members' addresses, each once. */
async function partnerRecipients(db: Db, p: Partner): Promise<string[]> {
  const members = await db
    .select({ email: user.email })
    .from(partnerMember)
    .innerJoin(user, eq(user.id, partnerMember.userId))
    .where(eq(partnerMember.partnerId, p.id));
  return [
    ...new Set([p.contactEmail, ...members.map((m) => m.email)].map((e) => e.trim().toLowerCase()).filter(Boolean)),
  ];
}

function ledgerEntry(intro: Pick<Introduction, 'id' | 'projectId' | 'createdAt'>, partnerName: string) {
  return {
    projectId: intro.projectId,
    kind: 'connection' as const,
    title: vi('partners.ledger.title', { name: partnerName }),
    providerKind: 'partner' as const,
    providerName: partnerName,
    startedOn: todayInVietnam(intro.createdAt),
    source: { kind: 'introduction' as const, id: intro.id },
  };
}

/**
 * Staff introduce a project to a partner: the introduction, its ledger entry (connection, in
 * progress) and e-mails to the partner's contact and members with a link to answer.
 * @example const { id } = await introduceProject({ db, mailer, actor, partnerId, projectId, message })
 */
export async function introduceProject({
  db,
  mailer,
  actor,
  partnerId,
  projectId,
  message,
  baseUrl = '',
  now = new Date(),
}: {
  db: Db;
  mailer: Mailer;
  actor: Actor;
  partnerId: string;
  projectId: string;
  message: string;
  /** Prefix for the link in the e-mail (the site's address). */
  baseUrl?: string;
  /** When it happened (demo data tells a story in the past). */
  now?: Date;
}): Promise<{ id: string }> {
  if (!isStaff(actor)) throw new AppError('forbidden');
  const checked = introductionMessage.safeParse(message);
  if (!checked.success) throw invalid('message', checked.error);
  const p = await getPartnerById(db, partnerId);
  if (!p) throw new AppError('not_found', 'partners.notFound');
  const target = await getProjectById({ db, actor, id: projectId });
  const recipients = await partnerRecipients(db, p);
  const created = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(introduction)
      .values({ partnerId: p.id, projectId: target.id, message: checked.data, introducedBy: actor.id, createdAt: now })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    await recordSupport({ db: tx, actor, input: { ...ledgerEntry(row, p.name), status: 'in_progress' } });
    await audit(tx, {
      actorId: actor.id,
      action: 'partner.introduce',
      entity: 'introduction',
      entityId: row.id,
      data: { partnerId: p.id, projectId: target.id },
    });
    const url = `${baseUrl}/gioi-thieu/${row.id}`;
    await queueMail(
      tx,
      recipients.map((to) => ({
        to,
        subject: vi('partners.mail.introduced.subject', { project: target.name }),
        text: vi('partners.mail.introduced.body', {
          officer: actor.name,
          partner: p.name,
          project: target.name,
          summary: target.summary,
          message: checked.data,
          url,
        }),
      })),
    );
    return row;
  });
  mailer.wake();
  return { id: created.id };
}

/** The answer's effect on the ledger entry. */
const ledgerStatus: Record<Exclude<IntroductionStatus, 'sent'>, SupportStatus> = {
  interested: 'done',
  not_now: 'cancelled',
};

/**
 * Which version of an introduction a page shows: the time of its answer, or of the introduction
 * while it has none. The answer form carries it (`seen`).
 */
const introductionVersion = (i: Pick<Introduction, 'answeredAt' | 'createdAt'>) =>
  (i.answeredAt ?? i.createdAt).toISOString();

/**
 * The partner answers (a member of that organisation, or staff on its behalf): the introduction,
 * the same ledger row (interested → done with the answer as outcome; not now → cancelled), and
 * an e-mail to the officer who made it. Answering again changes the answer.
 * One transaction on the locked introduction: of two answers sent at once, the second waits; if
 * its page showed an older version (`seen`), it is refused with a conflict, so the first answer is
 * neither overwritten unseen nor told twice. Without `seen` (the demo data) the answer applies to
 * the introduction as it now is.
 */
export async function answerIntroduction({
  db,
  mailer,
  actor,
  id,
  status,
  answer,
  seen,
  baseUrl = '',
  now = new Date(),
}: {
  db: Db;
  mailer: Mailer;
  actor: Actor;
  id: string;
  status: 'interested' | 'not_now';
  answer: string;
  /** The version the answering page showed (`introductionVersion`). */
  seen?: string;
  baseUrl?: string;
  now?: Date;
}): Promise<{ id: string }> {
  if (!Object.hasOwn(ledgerStatus, status))
    throw new AppError('validation', 'errors.validation', { status: 'v.choose' });
  const checked = answerText.safeParse(answer);
  if (!checked.success) throw invalid('answer', checked.error);
  await db.transaction(async (tx) => {
    // Locked first, then read: what is decided on cannot change until this answer is stored.
    if (/^[0-9a-f-]{36}$/i.test(id))
      await tx.select({ id: introduction.id }).from(introduction).where(eq(introduction.id, id)).for('update');
    const current = await getIntroduction({ db: tx, actor, id });
    if (!current.canAnswer) throw new AppError('forbidden');
    if (seen && seen !== introductionVersion(current))
      throw new AppError('conflict', 'partners.answer.changedMeanwhile');
    const changed = await tx
      .update(introduction)
      .set({ status, answer: checked.data, answeredBy: actor.id, answeredAt: now })
      .where(and(eq(introduction.id, current.id), eq(introduction.status, current.status)))
      .returning({ id: introduction.id });
    if (changed.length === 0) throw new AppError('conflict', 'partners.answer.changedMeanwhile');
    await recordSupport({
      db: tx,
      actor,
      input: {
        ...ledgerEntry(current, current.partnerName),
        status: ledgerStatus[status],
        endedOn: todayInVietnam(now),
        outcome: checked.data,
      },
    });
    await audit(tx, {
      actorId: actor.id,
      action: 'partner.answer',
      entity: 'introduction',
      entityId: current.id,
      data: { status },
    });
    const [officer] = current.introducedBy
      ? await tx.select({ email: user.email }).from(user).where(eq(user.id, current.introducedBy))
      : [];
    if (officer)
      await queueMail(tx, {
        to: officer.email,
        subject: vi('partners.mail.answered.subject', { partner: current.partnerName, project: current.projectName }),
        text: vi('partners.mail.answered.body', {
          partner: current.partnerName,
          project: current.projectName,
          status: vi(`partners.introduction.status.${status}`),
          answer: checked.data || '—',
          url: `${baseUrl}/gioi-thieu/${current.id}`,
        }),
      });
  });
  mailer.wake();
  return { id };
}

const introducer = alias(user, 'introducer');
const answerer = alias(user, 'answerer');

/**
 * One introduction for its page: staff, the partner's members and the project's team see it;
 * anyone else gets 404.
 */
export async function getIntroduction({
  db,
  actor,
  id,
}: {
  db: Db;
  actor: Actor | null;
  id: string;
}): Promise<IntroductionDetail> {
  const notFound = new AppError('not_found', 'partners.introduction.notFound');
  if (!actor || !/^[0-9a-f-]{36}$/i.test(id)) throw notFound;
  const [row] = await db
    .select({
      intro: introduction,
      partnerName: partner.name,
      partnerSlug: partner.slug,
      introducedByName: introducer.name,
      answeredByName: answerer.name,
    })
    .from(introduction)
    .innerJoin(partner, eq(partner.id, introduction.partnerId))
    .leftJoin(introducer, eq(introducer.id, introduction.introducedBy))
    .leftJoin(answerer, eq(answerer.id, introduction.answeredBy))
    .where(eq(introduction.id, id));
  const p = row && (await projectSummaries(db, [row.intro.projectId])).get(row.intro.projectId);
  if (!row || !p) throw notFound;
  const canAnswer = isStaff(actor) || (await isMemberOf(db, row.intro.partnerId, actor.id));
  if (!canAnswer && !(await isOnTeam(db, actor, row.intro.projectId))) throw notFound;
  const { intro, ...rest } = row;
  return {
    ...intro,
    ...rest,
    projectName: p.name,
    projectSlug: p.slug,
    projectSummary: p.summary,
    projectIsPublic: p.isPublic,
    canAnswer,
  };
}

/** The project's team, by the projects module's own rule. */
async function isOnTeam(db: Db, actor: Actor, projectId: string): Promise<boolean> {
  try {
    const p = await getProjectById({ db, actor, id: projectId });
    return canEdit(actor, p.members);
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') return false;
    throw error;
  }
}

export interface IntroductionSummary {
  id: string;
  partnerName: string;
  partnerSlug: string;
  projectId: string;
  status: string;
  createdAt: Date;
}

/** The introductions not answered yet, as a subquery other modules filter on. */
export function unansweredIntroductionIds(): SQL {
  return sql`(select ${introduction.id} from ${introduction} where ${inArray(introduction.status, [...unansweredIntroductionStatuses])})`;
}

/** Short facts about introductions by id, for other modules' pages (they check access). */
export async function introductionSummaries(db: Db, ids: string[]): Promise<IntroductionSummary[]> {
  const valid = ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  if (valid.length === 0) return [];
  return db
    .select({
      id: introduction.id,
      partnerName: partner.name,
      partnerSlug: partner.slug,
      projectId: introduction.projectId,
      status: introduction.status,
      createdAt: introduction.createdAt,
    })
    .from(introduction)
    .innerJoin(partner, eq(partner.id, introduction.partnerId))
    .where(inArray(introduction.id, valid))
    .orderBy(desc(introduction.createdAt));
}

export interface PartnerIntroduction {
  id: string;
  projectId: string;
  projectName: string;
  projectSlug: string;
  status: string;
  createdAt: Date;
  answeredAt: Date | null;
}

/** A partner's introductions, newest first (the caller checks who may see them). */
export async function introductionsForPartner(db: Db, partnerId: string): Promise<PartnerIntroduction[]> {
  const rows = await db
    .select({
      id: introduction.id,
      projectId: introduction.projectId,
      status: introduction.status,
      createdAt: introduction.createdAt,
      answeredAt: introduction.answeredAt,
    })
    .from(introduction)
    .where(eq(introduction.partnerId, partnerId))
    .orderBy(desc(introduction.createdAt));
  const projects = await projectSummaries(
    db,
    rows.map((r) => r.projectId),
  );
  return rows.flatMap((r) => {
    const p = projects.get(r.projectId);
    return p ? [{ ...r, projectName: p.name, projectSlug: p.slug }] : [];
  });
}

export interface ProjectIntroduction {
  id: string;
  partnerId: string;
  partnerName: string;
  partnerSlug: string;
  status: string;
  createdAt: Date;
  answeredAt: Date | null;
}

/** A project's introductions to partners, newest first (the caller checks who may see them). */
export async function introductionsForProject(db: Db, projectId: string): Promise<ProjectIntroduction[]> {
  return db
    .select({
      id: introduction.id,
      partnerId: introduction.partnerId,
      partnerName: partner.name,
      partnerSlug: partner.slug,
      status: introduction.status,
      createdAt: introduction.createdAt,
      answeredAt: introduction.answeredAt,
    })
    .from(introduction)
    .innerJoin(partner, eq(partner.id, introduction.partnerId))
    .where(eq(introduction.projectId, projectId))
    .orderBy(desc(introduction.createdAt));
}
