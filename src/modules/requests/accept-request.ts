import { AppError } from '#kernel/http/errors.ts';
import { lockForStaff, type RequestContext, takeRequest } from './requests.access.ts';
import { notify, requesterEmail } from './requests.mail.ts';

/** An officer takes a new request: it gets its due date; the founder is told. */
export async function acceptRequest(ctx: RequestContext & { number: number }): Promise<void> {
  const { db, actor } = ctx;
  await db.transaction(async (tx) => {
    const r = await lockForStaff(tx, actor, ctx.number);
    if (r.status !== 'new') throw new AppError('conflict', 'requests.error.notNew');
    await takeRequest(tx, actor, r, actor.id, ctx.now);
    await notify(
      tx,
      ctx,
      await requesterEmail(tx, r),
      r,
      'requests.mail.accepted.subject',
      'requests.mail.accepted.body',
    );
  });
  ctx.mailer.wake();
}
