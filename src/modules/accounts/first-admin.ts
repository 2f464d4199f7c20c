import { randomBytes } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { audit } from '#kernel/audit/audit.ts';
import { session, user } from '#kernel/auth/auth.sql.ts';
import type { Actor } from '#kernel/auth/roles.ts';
import type { Db } from '#kernel/db/client.ts';
import type { AppDeps } from '#kernel/http/context.ts';
import { AppError } from '#kernel/http/errors.ts';

export interface NewAdmin {
  name: string;
  email: string;
  password: string;
}

/** True once the site has an administrator (enabled or not): from then on setup is over. */
export async function hasAdmin(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(user).where(eq(user.role, 'admin'));
  return Boolean(row?.n);
}

/** A password for an account made from the command line: 16 random characters. */
export function generatePassword(): string {
  return randomBytes(12).toString('base64url');
}

/**
 * Creates an administrator account with a password: the command line's `create-admin` and the
 * first-run setup. Refuses an e-mail that already has an account. With `firstOnly`, refuses too
 * when an administrator already exists (`not_found`: the setup is over).
 * @example const admin = await createAdmin({ db, auth, input: { name, email, password }, via: 'cli' })
 * @throws AppError validation (errors.emailTaken) | not_found
 */
export async function createAdmin({
  db,
  auth,
  input,
  via,
  ip = null,
  firstOnly = false,
}: Pick<AppDeps, 'db' | 'auth'> & {
  input: NewAdmin;
  via: 'cli' | 'setup';
  ip?: string | null;
  firstOnly?: boolean;
}): Promise<Actor> {
  const email = input.email.trim().toLowerCase();
  if (firstOnly && (await hasAdmin(db))) throw new AppError('not_found');
  const emailTaken = () => new AppError('validation', 'errors.emailTaken', { email: 'errors.emailTaken' });
  const [existing] = await db.select({ id: user.id }).from(user).where(eq(user.email, email));
  if (existing) throw emailTaken();
  const { APIError } = await import('better-auth/api');
  let created: { id: string; name: string; email: string };
  try {
    ({ user: created } = await (await auth()).api.signUpEmail({
      body: { name: input.name, email, password: input.password },
    }));
  } catch (error) {
    if (error instanceof APIError && String(error.body?.code ?? '').startsWith('USER_ALREADY_EXISTS'))
      throw emailTaken();
    throw error;
  }
  // Signing up leaves a session nobody holds; the administrator signs in with the password.
  await db.update(user).set({ role: 'admin', emailVerified: true }).where(eq(user.id, created.id));
  await db.delete(session).where(eq(session.userId, created.id));
  await audit(db, {
    actorId: via === 'setup' ? created.id : null,
    action: via === 'setup' ? 'setup.first_admin' : 'cli.create_admin',
    entity: 'user',
    entityId: created.id,
    data: { role: 'admin', email },
    ip,
  });
  return { id: created.id, name: created.name, email: created.email, role: 'admin' };
}
