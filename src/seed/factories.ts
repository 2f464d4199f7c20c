import { eq, inArray } from 'drizzle-orm';
import { user } from '#kernel/auth/auth.sql.ts';
import { type Actor, isStaff, type Role } from '#kernel/auth/roles.ts';
import type { AppDeps } from '#kernel/http/context.ts';
import { createProject, type ProjectInput, reviewProject } from '#modules/projects/index.ts';

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

/** The officer who publishes founders' projects in tests not about the review: the first there is, or a new one. */
async function reviewer(deps: Pick<AppDeps, 'auth' | 'db'>): Promise<Actor> {
  const [found] = await deps.db
    .select({ id: user.id, name: user.name, email: user.email, role: user.role })
    .from(user)
    .where(inArray(user.role, ['officer', 'admin']))
    .orderBy(user.createdAt, user.id)
    .limit(1);
  if (found) return { ...found, role: found.role === 'admin' ? 'admin' : 'officer' };
  return createUser(deps, { name: 'Cán bộ duyệt dự án', email: 'duyet-du-an@ketnoi.test', role: 'officer' });
}

/**
 * A project registered by `actor` as `createProject` does; when a founder asks for it to be
 * public, an officer then publishes it, as the review queue would. For tests about what follows.
 */
export async function publishedProject(
  deps: Pick<AppDeps, 'auth' | 'db' | 'config'>,
  { actor, input }: { actor: Actor; input: ProjectInput },
): Promise<{ id: string; slug: string; name: string }> {
  const created = await createProject({ db: deps.db, actor, input });
  if (input.isPublic && !isStaff(actor))
    await reviewProject({
      db: deps.db,
      actor: await reviewer(deps),
      slug: created.slug,
      input: { decision: 'approve', note: '' },
      baseUrl: deps.config.BASE_URL,
    });
  return created;
}
