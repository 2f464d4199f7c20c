import { eq } from 'drizzle-orm';
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '#kernel/http/context.ts';
import { passCookies } from '#kernel/http/cookies.ts';
import { AppError } from '#kernel/http/errors.ts';
import { clientIp } from '#kernel/http/rate-limit.ts';
import { actorOfToken, bearerOf, recordTokenUse, takesBearer } from './api-tokens.ts';
import { session as sessionTable } from './auth.sql.ts';
import { type Actor, isRole, sessionLimits } from './roles.ts';

export const sessionCookieNames = ['kn.session_token', '__Secure-kn.session_token'];

export function hasSessionCookie(cookies: Record<string, string>): boolean {
  return sessionCookieNames.some((n) => n in cookies);
}

/** True when a session has outlived its role's idle or absolute limit. */
export function sessionExpired(
  role: Actor['role'],
  s: { createdAt: Date; updatedAt: Date },
  now = new Date(),
): boolean {
  const limit = sessionLimits[role];
  const age = (now.getTime() - s.createdAt.getTime()) / 1000;
  const idle = (now.getTime() - s.updatedAt.getTime()) / 1000;
  return age > limit.absolute || idle > limit.idle;
}

/**
 * Puts the signed-in person (or null) in `c.var.actor`. Anonymous requests cost no query.
 * Sessions past their role's limits are ended here.
 */
export const loadActor = createMiddleware<AppEnv>(async (c, next) => {
  c.set('actor', null);
  const bearer = takesBearer(c.req.path) ? bearerOf(c) : null;
  if (bearer !== null) {
    await actByToken(c, bearer);
    await next();
    c.header('Cache-Control', 'no-store');
    return;
  }
  if (!hasSessionCookie(getCookie(c))) return next();
  const { auth, db } = c.var.deps;
  const { headers, response } = await (await auth()).api.getSession({
    headers: c.req.raw.headers,
    returnHeaders: true,
  });
  passCookies(c, headers.getSetCookie());
  if (response) {
    const role = isRole(response.user.role) ? response.user.role : 'founder';
    const s = response.session;
    if (
      response.user.banned ||
      sessionExpired(role, { createdAt: new Date(s.createdAt), updatedAt: new Date(s.updatedAt) })
    ) {
      await db.delete(sessionTable).where(eq(sessionTable.id, s.id));
      for (const name of sessionCookieNames)
        c.header('set-cookie', `${name}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax`, { append: true });
    } else {
      c.set('actor', { id: response.user.id, name: response.user.name, email: response.user.email, role });
    }
  }
  await next();
  // Pages that show a signed-in person's data are never stored by a browser or a proxy; a
  // response that says it is public (a public product's picture) is the same for everyone.
  if (c.var.actor && !c.res.headers.get('Cache-Control')?.startsWith('public')) c.header('Cache-Control', 'no-store');
});

const readMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * An API call with `Authorization: Bearer …`: the token's owner, with their role as it is now,
 * whatever cookie came along. An unknown or revoked token is 401; a read-only token may only read.
 * Every call is written to the audit log.
 */
async function actByToken(c: Context<AppEnv>, bearer: string) {
  const { db } = c.var.deps;
  const found = await actorOfToken(db, bearer);
  if (!found) throw new AppError('unauthenticated', 'errors.tokenInvalid');
  c.set('actor', found.actor);
  await recordTokenUse(db, {
    tokenId: found.tokenId,
    actorId: found.actor.id,
    method: c.req.method,
    path: c.req.path,
    ip: clientIp(c),
  });
  if (found.scope === 'read' && !readMethods.has(c.req.method)) throw new AppError('forbidden', 'errors.tokenReadOnly');
}
