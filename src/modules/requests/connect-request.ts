import { and, eq } from 'drizzle-orm';
import { AppError } from '#kernel/http/errors.ts';
import type { MessageKey } from '#kernel/i18n/index.ts';
import { proposeEngagement } from '#modules/engagements/index.ts';
import { introduceProject, introductionSummaries } from '#modules/partners/index.ts';
import { addEvent, assertSeen, isOpen, lockForStaff, type RequestContext, takeRequest } from './requests.access.ts';
import { mailText, notify, requesterEmail } from './requests.mail.ts';
import type { ConnectInput } from './requests.schemas.ts';
import { requestLink, supportRequest } from './requests.sql.ts';

/**
 * Connects the request to an expert (an engagement is proposed) or a partner (the project is
 * introduced). The request moves to "in progress"; the expert or partner and the founder are told.
 * One transaction: the request is locked first, a new one is taken on the way, and if the
 * proposal is refused nothing of it remains.
 */
export async function connectRequest(
  ctx: RequestContext & { number: number; input: ConnectInput & { topic?: string } },
): Promise<{ name: string; type: 'engagement' | 'introduction'; id: string }> {
  const { db, actor, input } = ctx;
  const now = ctx.now ?? new Date();
  const result = await db.transaction(async (tx) => {
    let r = await lockForStaff(tx, actor, ctx.number);
    if (!isOpen(r.status)) throw new AppError('conflict', 'requests.error.closed');
    assertSeen(r, input.seen);
    const projectId = r.projectId;
    if (!projectId) throw new AppError('validation', 'errors.validation', { targetId: 'requests.error.noProject' });
    const need = input.need ?? r.kind;
    if (!r.needs.includes(need))
      throw new AppError('validation', 'errors.validation', { need: 'requests.error.notANeed' });
    if (r.status === 'new') r = await takeRequest(tx, actor, r, actor.id, now);
    // The other module's command runs in this transaction (`db: tx`): its e-mails are queued in it too.
    const { mailer } = ctx;
    let link: { type: 'engagement' | 'introduction'; id: string; name: string };
    if (input.target === 'expert') {
      const proposed = await proposeEngagement({
        db: tx,
        mailer,
        actor,
        baseUrl: ctx.baseUrl,
        input: {
          expertId: input.targetId,
          projectId,
          topic: input.topic ?? mailText(`project.need.${need}` as MessageKey),
          brief: input.message,
        },
        now,
      });
      link = { type: 'engagement', id: proposed.id, name: proposed.expertName };
    } else {
      const introduced = await introduceProject({
        db: tx,
        mailer,
        actor,
        partnerId: input.targetId,
        projectId,
        message: input.message,
      });
      const [summary] = await introductionSummaries(tx, [introduced.id]);
      link = { type: 'introduction', id: introduced.id, name: summary?.partnerName ?? '' };
    }
    await tx.insert(requestLink).values({ requestId: r.id, type: link.type, targetId: link.id, need, createdAt: now });
    const moved = await tx
      .update(supportRequest)
      .set({ status: 'in_progress', updatedAt: now })
      .where(and(eq(supportRequest.id, r.id), eq(supportRequest.status, r.status)))
      .returning({ id: supportRequest.id });
    if (moved.length === 0) throw new AppError('conflict', 'requests.error.changedMeanwhile');
    await addEvent(tx, {
      requestId: r.id,
      type: 'connected',
      actorId: actor.id,
      body: link.name,
      fromStatus: r.status,
      toStatus: 'in_progress',
      at: now,
    });
    await notify(
      tx,
      ctx,
      await requesterEmail(tx, r),
      r,
      'requests.mail.connected.subject',
      'requests.mail.connected.body',
      {
        target: link.name,
      },
    );
    return link;
  });
  ctx.mailer.wake();
  return { name: result.name, type: result.type, id: result.id };
}
