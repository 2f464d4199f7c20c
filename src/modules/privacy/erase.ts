import { and, eq, sql } from 'drizzle-orm';
import { audit } from '#kernel/audit/audit.ts';
import { apiToken } from '#kernel/auth/api-tokens.sql.ts';
import { account, session, user } from '#kernel/auth/auth.sql.ts';
import type { AuthLoader } from '#kernel/auth/auth.ts';
import type { Actor } from '#kernel/auth/roles.ts';
import type { Db } from '#kernel/db/client.ts';
import { AppError } from '#kernel/http/errors.ts';
import { anonymisedName, type PersonalDataEraser } from '#kernel/personal-data.ts';
import { withdrawAll } from './consents.service.ts';
import { dataRequest } from './privacy.sql.ts';

/** The address a deleted account keeps: unique, and never deliverable (`.invalid`). */
export const erasedEmail = (userId: string) => `xoa-${userId.toLowerCase()}@an-danh.invalid`;

/** True when the password is the account's own (better-auth's hash, checked in-process). */
async function passwordMatches(db: Db, auth: AuthLoader, userId: string, password: string): Promise<boolean> {
  const [row] = await db
    .select({ hash: account.password })
    .from(account)
    .where(and(eq(account.userId, userId), eq(account.providerId, 'credential')));
  if (!row?.hash) return false;
  const ctx = await (await auth()).$context;
  return ctx.password.verify({ hash: row.hash, password });
}

/**
 * Anonymises an account and what every module holds about its holder, in one transaction: each
 * module's `anonymise` (wired in src/modules.ts) first, while the e-mail and phone still find
 * the person; then the account itself loses its name, e-mail and phone, its password, sessions
 * and API keys, and its consents are withdrawn. The rows that reports count stay, pointing at the
 * anonymised person, so no report figure changes. The last admin cannot be deleted (409).
 */
export async function eraseAccount(
  db: Db,
  { userId, by, erasers, ip }: { userId: string; by: Actor; erasers: PersonalDataEraser[]; ip?: string | null },
): Promise<void> {
  const [found] = await db
    .select({ email: user.email, phone: user.phone, role: user.role })
    .from(user)
    .where(eq(user.id, userId))
    .for('update');
  if (!found) throw new AppError('not_found');
  if (found.email === erasedEmail(userId)) return;
  if (found.role === 'admin') {
    const [admins] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(user)
      .where(and(eq(user.role, 'admin'), sql`coalesce(${user.banned}, false) = false`));
    if (Number(admins?.n ?? 0) <= 1) throw new AppError('conflict', 'privacy.delete.lastAdmin');
  }
  const subject = { userId, email: found.email.toLowerCase(), phone: found.phone ?? '' };
  for (const erase of erasers) await erase(db, subject);
  await db
    .update(user)
    .set({
      name: anonymisedName,
      email: erasedEmail(userId),
      phone: null,
      image: null,
      emailVerified: false,
      banned: true,
      banReason: 'deleted',
      updatedAt: new Date(),
    })
    .where(eq(user.id, userId));
  await db.delete(session).where(eq(session.userId, userId));
  await db.delete(account).where(eq(account.userId, userId));
  await db.delete(apiToken).where(eq(apiToken.userId, userId));
  await withdrawAll(db, userId);
  // What the person wrote in their requests may name them; the requests stay as the record.
  await db.update(dataRequest).set({ details: '' }).where(eq(dataRequest.userId, userId));
  await audit(db, {
    actorId: by.id === userId ? null : by.id,
    action: 'privacy.account_delete',
    entity: 'user',
    entityId: userId,
    data: { self: by.id === userId },
    ip,
  });
}

/**
 * A person deletes their own account, confirming with their password (a wrong one: 422 on the
 * password field). Everything happens in one transaction.
 */
export async function deleteOwnAccount({
  db,
  auth,
  actor,
  password,
  erasers,
  ip,
}: {
  db: Db;
  auth: AuthLoader;
  actor: Actor;
  password: string;
  erasers: PersonalDataEraser[];
  ip?: string | null;
}): Promise<void> {
  if (!(await passwordMatches(db, auth, actor.id, password)))
    throw new AppError('validation', 'errors.validation', { password: 'errors.wrongPassword' });
  await db.transaction((tx) => eraseAccount(tx, { userId: actor.id, by: actor, erasers, ip }));
}
