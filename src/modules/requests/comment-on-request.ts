import { eq } from 'drizzle-orm';
import type { Upload } from '#kernel/files/files.ts';
import { addEvent, type RequestContext, requestFor } from './requests.access.ts';
import { notifyOtherSide } from './requests.mail.ts';
import { supportRequest } from './requests.sql.ts';

/** A message on the thread, with attachments; the other side is told. */
export async function postMessage(
  ctx: RequestContext & { number: number; body: string; files?: Upload[] },
): Promise<void> {
  const { db, actor } = ctx;
  await db.transaction(async (tx) => {
    // Locked: the officer in charge, who is told, cannot change under the message.
    const { r } = await requestFor(tx, actor, ctx.number, { lock: true });
    await addEvent(tx, { requestId: r.id, type: 'message', actorId: actor.id, body: ctx.body, files: ctx.files });
    await tx.update(supportRequest).set({ updatedAt: new Date() }).where(eq(supportRequest.id, r.id));
    await notifyOtherSide(tx, ctx, r, 'requests.mail.message.subject', 'requests.mail.message.body', {
      body: ctx.body,
    });
  });
  ctx.mailer.wake();
}
