import { eq, or, type SQL } from 'drizzle-orm';
import { audit } from '#kernel/audit/audit.ts';
import { user } from '#kernel/auth/auth.sql.ts';
import { isStaff } from '#kernel/auth/roles.ts';
import type { Db } from '#kernel/db/client.ts';
import { AppError } from '#kernel/http/errors.ts';
import { assertCommunes } from '#modules/places/index.ts';
import { findProject } from '#modules/projects/index.ts';
import { addEvent, dueDate, type RequestContext } from './requests.access.ts';
import { notify, requesterEmail } from './requests.mail.ts';
import type { WalkInInput } from './requests.schemas.ts';
import { supportRequest } from './requests.sql.ts';
import { kindOf } from './requests.taxonomy.ts';

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
  const now = ctx.now ?? new Date();
  const created = await db.transaction(async (tx) => {
    let projectId: string | null = null;
    let communeSlug: string | null = input.commune || null;
    if (input.project) {
      const p = await findProject(tx, input.project);
      if (!p) throw new AppError('validation', 'errors.validation', { project: 'requests.error.noSuchProject' });
      projectId = p.id;
      communeSlug ??= p.communeSlug;
    }
    await assertCommunes(tx, communeSlug, 'commune');
    const requesterId = await accountByContact(tx, input.contactEmail, input.contactPhone);
    const [row] = await tx
      .insert(supportRequest)
      .values({
        projectId,
        requesterId,
        contactName: input.contactName,
        contactPhone: input.contactPhone,
        contactEmail: input.contactEmail,
        communeSlug,
        kind: kindOf(input.needs),
        needs: input.needs,
        body: input.body,
        urgency: input.urgency,
        status: 'accepted',
        assigneeId: actor.id,
        dueOn: dueDate(kindOf(input.needs), input.urgency, now),
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
      data: { needs: input.needs },
    });
    await notify(
      tx,
      ctx,
      await requesterEmail(tx, row),
      row,
      'requests.mail.walkIn.subject',
      'requests.mail.walkIn.body',
    );
    return row;
  });
  ctx.mailer.wake();
  return { number: created.number };
}
