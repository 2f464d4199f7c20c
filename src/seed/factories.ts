import { eq } from 'drizzle-orm';
import { user } from '#kernel/auth/auth.sql.ts';
import type { Actor, Role } from '#kernel/auth/roles.ts';
import type { AppDeps } from '#kernel/http/context.ts';

export interface NewUser {
  name: string;
  email: string;
  password?: string;
  role?: Role;
  phone?: string;
}

export const defaultPassword = 'KetNoi@2026';

/**
 * An account made the way sign-up makes it (better-auth, scrypt), then given its role.
 * Shared by the demo data and the tests.
 */
export async function createUser(deps: Pick<AppDeps, 'auth' | 'db'>, input: NewUser): Promise<Actor> {
  const { user: created } = await (await deps.auth()).api.signUpEmail({
    body: { name: input.name, email: input.email, password: input.password ?? defaultPassword },
  });
  const role = input.role ?? 'founder';
  await deps.db
    .update(user)
    .set({ role, phone: input.phone ?? null })
    .where(eq(user.id, created.id));
  return { id: created.id, name: created.name, email: created.email, role };
}
