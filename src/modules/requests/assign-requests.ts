import { and, eq, inArray } from 'drizzle-orm';
import { audit } from '#kernel/audit/audit.ts';
import { isStaff } from '#kernel/auth/roles.ts';
import { AppError } from '#kernel/http/errors.ts';
import { queueMail } from '#kernel/mail/mailer.ts';
import { listStaff } from '#modules/accounts/index.ts';
import { addEvent, dueDate, isOpen, type RequestContext, requestRef } from './requests.access.ts';
import { emailOf, mailText } from './requests.mail.ts';
import { supportRequest } from './requests.sql.ts';

/**
 * Bulk assignment from the inbox; new requests are accepted on the way. The chosen requests are
 * locked, so one changed by someone else meanwhile is assigned as it now stands (a closed one is
 * left alone). Returns how many moved.
 */
export async function assignRequests(
  ctx: RequestContext & { numbers: number[]; assigneeId: string },
): Promise<{ moved: number; assignee: string }> {
  const { db, actor } = ctx;
  if (!isStaff(actor)) throw new AppError('forbidden');
  const now = ctx.now ?? new Date();
  const result = await db.transaction(async (tx) => {
    const staff = await listStaff(tx);
    const assignee = staff.find((s) => s.id === ctx.assigneeId);
    if (!assignee) throw new AppError('validation', 'errors.validation', { assigneeId: 'requests.error.notOfficer' });
    const rows = await tx
      .select()
      .from(supportRequest)
      .where(inArray(supportRequest.number, ctx.numbers))
      .orderBy(supportRequest.number)
      .for('update');
    const open = rows.filter((r) => isOpen(r.status));
    for (const r of open) {
      const wasNew = r.status === 'new';
      await tx
        .update(supportRequest)
        .set(
          wasNew
            ? { assigneeId: assignee.id, status: 'accepted', dueOn: dueDate(r.kind, r.urgency, now), updatedAt: now }
            : { assigneeId: assignee.id, updatedAt: now },
        )
        .where(and(eq(supportRequest.id, r.id), eq(supportRequest.status, r.status)));
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
    const email = await emailOf(tx, assignee.id);
    if (email && open.length > 0 && assignee.id !== actor.id) {
      await queueMail(tx, {
        to: email,
        subject: mailText('requests.mail.assigned.subject', { n: open.length }),
        text: `${mailText('requests.mail.assigned.body', { name: actor.name, refs: open.map((r) => requestRef(r.number)).join(', ') })}\n\n${ctx.baseUrl}/quan-ly/yeu-cau?view=mine`,
      });
    }
    return { moved: open.length, assignee: assignee.name };
  });
  ctx.mailer.wake();
  return result;
}
