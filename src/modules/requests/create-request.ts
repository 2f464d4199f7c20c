import { audit } from '#kernel/audit/audit.ts';
import { isStaff } from '#kernel/auth/roles.ts';
import type { Upload } from '#kernel/files/files.ts';
import { AppError } from '#kernel/http/errors.ts';
import { findProject, isMember, projectCreatorRoles } from '#modules/projects/index.ts';
import { addEvent, type RequestContext } from './requests.access.ts';
import { notify, staffEmails } from './requests.mail.ts';
import type { RequestInput } from './requests.schemas.ts';
import { supportRequest } from './requests.sql.ts';
import { kindOf } from './requests.taxonomy.ts';

/**
 * A founder asks for help for one of their projects; the officers are told.
 * @example const { number } = await fileRequest({ ...ctx, input: { project: 'thach-den', needs: ['consulting_ip'], body, urgency: 'normal' } })
 */
export async function fileRequest(
  ctx: RequestContext & { input: RequestInput; files?: Upload[] },
): Promise<{ number: number }> {
  const { db, actor, input } = ctx;
  const now = ctx.now ?? new Date();
  if (!(projectCreatorRoles as readonly string[]).includes(actor.role)) throw new AppError('forbidden');
  const notYours = () => new AppError('validation', 'errors.validation', { project: 'requests.error.notYourProject' });
  const created = await db.transaction(async (tx) => {
    const target = await findProject(tx, input.project);
    if (!target) throw notYours();
    if (!isStaff(actor) && !(await isMember(tx, { projectId: target.id, userId: actor.id }))) throw notYours();
    const [row] = await tx
      .insert(supportRequest)
      .values({
        projectId: target.id,
        requesterId: actor.id,
        communeSlug: target.communeSlug,
        kind: kindOf(input.needs),
        needs: input.needs,
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
      data: { needs: input.needs, project: target.slug },
    });
    await notify(tx, ctx, await staffEmails(tx, row), row, 'requests.mail.new.subject', 'requests.mail.new.body', {
      project: target.name,
    });
    return row;
  });
  ctx.mailer.wake();
  return { number: created.number };
}
