import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '#kernel/http/context.ts';
import { AppError } from '#kernel/http/errors.ts';
import type { Actor, Role } from './roles.ts';

/** The signed-in person, or an `unauthenticated` error (pages turn it into the sign-in page). */
export function requireActor(c: Context<AppEnv>): Actor {
  const actor = c.var.actor;
  if (!actor) throw new AppError('unauthenticated');
  return actor;
}

/**
 * Route guard: anonymous → sign in; signed in with another role → 403.
 * @example app.get('/quan-tri/tai-khoan', allow('admin'), (c) => …)
 */
export const allow = (...roles: Role[]) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const actor = requireActor(c);
    if (roles.length > 0 && !roles.includes(actor.role)) throw new AppError('forbidden');
    await next();
  });

/** Any signed-in person. */
export const signedIn = allow();
