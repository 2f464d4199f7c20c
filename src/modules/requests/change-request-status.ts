import { and, eq } from 'drizzle-orm';
import { audit } from '#kernel/audit/audit.ts';
import type { Actor } from '#kernel/auth/roles.ts';
import type { Db } from '#kernel/db/client.ts';
import { AppError } from '#kernel/http/errors.ts';
import { formatDate, type MessageKey, todayInVietnam } from '#kernel/i18n/index.ts';
import { engagementSummaries } from '#modules/engagements/index.ts';
import type { SupportNeed } from '#modules/projects/index.ts';
import { ledgerEntries, recordSupport, type SupportKind } from '#modules/support/index.ts';
import {
  addEvent,
  assertSeen,
  dueDate,
  isOpen,
  lockForStaff,
  type RequestContext,
  requestRef,
  type SupportRequest,
} from './requests.access.ts';
import { mailText, notify, requesterEmail } from './requests.mail.ts';
import type { StatusInput } from './requests.schemas.ts';
import { requestLink, supportRequest } from './requests.sql.ts';
import type { LinkType, RequestStatus } from './requests.taxonomy.ts';

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

/**
 * Whether the help went through what the request was connected to: an introduction or an
 * engagement that recorded it in the ledger, or an engagement still proposed (it records when the
 * expert accepts). A declined engagement carried nothing: the officer's own help then counts.
 */
async function carriedByLinks(tx: Db, requestId: string): Promise<boolean> {
  const links = await tx.select().from(requestLink).where(eq(requestLink.requestId, requestId));
  for (const link of links) {
    if ((await ledgerEntries(tx, { sourceKind: link.type as LinkType, sourceId: link.targetId })).length > 0)
      return true;
  }
  const engagements = links.filter((l) => l.type === 'engagement').map((l) => l.targetId);
  return (await engagementSummaries(tx, engagements)).some((e) => e.status === 'proposed' || e.status === 'active');
}

/**
 * The day the help was given, as the officer says (today when left out): not after today, not
 * before the request was filed. A bad day is the form's field error.
 */
function helpDay(r: SupportRequest, given: string | undefined, now: Date): string {
  const today = todayInVietnam(now);
  const filed = todayInVietnam(r.createdAt);
  const day = given ?? today;
  if (day > today) throw new AppError('validation', 'errors.validation', { helpedOn: 'requests.error.helpedOnFuture' });
  if (day < filed)
    throw new AppError(
      'validation',
      'errors.validation',
      { helpedOn: 'requests.error.helpedOnBeforeFiled' },
      { filed: formatDate(filed) },
    );
  return day;
}

/**
 * A resolved request enters the ledger once, dated the day the help was given, unless the help
 * went through an engagement or an introduction that recorded it already (a request is intake,
 * not support: it is never counted next to what it led to).
 */
async function recordResolution(tx: Db, actor: Actor, r: SupportRequest, outcome: string, helpedOn: string) {
  if (!r.projectId) return;
  if (await carriedByLinks(tx, r.id)) return;
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
      startedOn: helpedOn,
      endedOn: helpedOn,
      status: 'done',
      outcome,
      source: { kind: 'request', id: r.id },
    },
  });
}

const subjectOf: Record<StatusInput['to'], MessageKey> = {
  in_progress: 'requests.mail.progress.subject',
  resolved: 'requests.mail.resolved.subject',
  declined: 'requests.mail.declined.subject',
};

/**
 * In progress (handled by the officer), resolved with the outcome, or declined with the reason.
 * One transaction on the locked request: of two officers changing it at once, the second waits,
 * then works on what the first left. A form that carries the status its officer saw (`seen`) is
 * refused if that is no longer the status, so nobody overwrites a change they have not seen.
 */
export async function changeStatus(
  ctx: RequestContext & { number: number; input: StatusInput },
): Promise<RequestStatus> {
  const { db, actor, input } = ctx;
  const now = ctx.now ?? new Date();
  await db.transaction(async (tx) => {
    const r = await lockForStaff(tx, actor, ctx.number);
    assertSeen(r, input.seen);
    if (!isOpen(r.status)) throw new AppError('conflict', 'requests.error.closed');
    if (input.to === 'in_progress' && r.status === 'in_progress')
      throw new AppError('conflict', 'requests.error.already');
    const helpedOn = input.to === 'resolved' ? helpDay(r, input.helpedOn, now) : undefined;
    const closing = input.to !== 'in_progress';
    const changed = await tx
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
      .where(and(eq(supportRequest.id, r.id), eq(supportRequest.status, r.status)))
      .returning({ id: supportRequest.id });
    if (changed.length === 0) throw new AppError('conflict', 'requests.error.changedMeanwhile');
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
    if (helpedOn) await recordResolution(tx, actor, r, input.note, helpedOn);
    await notify(tx, ctx, await requesterEmail(tx, r), r, subjectOf[input.to], 'requests.mail.status.body', {
      note: input.note,
    });
  });
  ctx.mailer.wake();
  return input.to;
}
