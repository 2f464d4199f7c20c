import { and, eq, inArray, sql } from 'drizzle-orm';
import { user } from '#kernel/auth/auth.sql.ts';
import { isStaff } from '#kernel/auth/roles.ts';
import type { Db } from '#kernel/db/client.ts';
import { type MessageKey, type Params, translator } from '#kernel/i18n/index.ts';
import { type Mail, queueMail } from '#kernel/mail/mailer.ts';
import { findProject } from '#modules/projects/index.ts';
import { type RequestContext, requestRef, type SupportRequest } from './requests.access.ts';

// Who is told of a change, and in which words. Every mail is written to the outbox inside the
// transaction of the change that causes it: it exists if and only if the change does.

/** E-mails are written in Vietnamese, the language of the Department and of most founders. */
export const mailText = translator('vi');

export async function emailOf(db: Db, userId: string | null): Promise<string | null> {
  if (!userId) return null;
  const [row] = await db.select({ email: user.email }).from(user).where(eq(user.id, userId));
  return row?.email ?? null;
}

/** The founder's side: the account that filed it, or the walk-in's e-mail. */
export async function requesterEmail(db: Db, r: SupportRequest): Promise<string | null> {
  return (await emailOf(db, r.requesterId)) ?? (r.contactEmail || null);
}

/** The Department's side: the officer in charge, else the project's case officer, else every officer. */
export async function staffEmails(db: Db, r: SupportRequest): Promise<string[]> {
  const assignee = await emailOf(db, r.assigneeId);
  if (assignee) return [assignee];
  if (r.projectId) {
    const officer = await emailOf(db, (await findProject(db, r.projectId))?.caseOfficerId ?? null);
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

/** Queues one mail per address (never to the person acting), all in one insert. */
export async function notify(
  tx: Db,
  ctx: Pick<RequestContext, 'actor' | 'baseUrl'>,
  to: string[] | string | null,
  r: SupportRequest,
  subject: MessageKey,
  body: MessageKey,
  params: Params = {},
): Promise<void> {
  const all = (Array.isArray(to) ? to : to ? [to] : []).filter((x) => x && x !== ctx.actor.email);
  const link = `${ctx.baseUrl}/yeu-cau/${r.number}`;
  const p = { ...params, ref: requestRef(r.number), name: ctx.actor.name, link };
  const mails: Mail[] = all.map((address) => ({
    to: address,
    subject: mailText(subject, p),
    text: `${mailText(body, p)}\n\n${mailText('requests.mail.footer', p)}`,
  }));
  await queueMail(tx, mails);
}

/** A change made by the Department is told to the founder; a founder's message to the Department. */
export async function notifyOtherSide(
  tx: Db,
  ctx: Pick<RequestContext, 'actor' | 'baseUrl'>,
  r: SupportRequest,
  subject: MessageKey,
  body: MessageKey,
  params: Params = {},
): Promise<void> {
  const to = isStaff(ctx.actor) ? await requesterEmail(tx, r) : await staffEmails(tx, r);
  await notify(tx, ctx, to, r, subject, body, params);
}
