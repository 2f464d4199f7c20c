import { randomBytes, timingSafeEqual } from 'node:crypto';
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { bearerOf, takesBearer } from '#kernel/auth/api-tokens.ts';
import type { AppEnv } from './context.ts';
import { setSiteCookie } from './cookies.ts';
import { AppError } from './errors.ts';

export const CSRF_COOKIE = 'kn_csrf';
export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'x-csrf-token';
const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The host an Origin header names; a header that is not an address names no host (refused). */
function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/**
 * Double-submit token: a random cookie that every form repeats in a hidden field (or a script
 * in the X-CSRF-Token header). A request from another origin cannot read the cookie, so it
 * cannot repeat it. A cross-origin Origin header is refused outright.
 */
export const csrf = createMiddleware<AppEnv>(async (c, next) => {
  // A bearer call to the API needs no token: a browser never adds that header by itself to a
  // request another site makes, and such a call ignores the session cookie (see loadActor).
  if (takesBearer(c.req.path) && bearerOf(c) !== null) return next();
  let token = getCookie(c, CSRF_COOKIE);
  if (!token || !/^[A-Za-z0-9_-]{32,64}$/.test(token)) {
    token = randomBytes(24).toString('base64url');
    if (!safeMethods.has(c.req.method)) {
      setSiteCookie(c, CSRF_COOKIE, token);
      throw new AppError('forbidden', 'errors.csrf');
    }
    // A new visitor gets the cookie with the first page that shows a form (that reads the token):
    // a page without one sets no cookie, so it is the same for everyone and can be shared from
    // the response cache and by proxies. A signed-in person's pages are never shared: they get it.
    c.set('csrfToken', token);
    c.set('csrfRead', false);
    await next();
    if (c.var.csrfRead || c.var.actor) setSiteCookie(c, CSRF_COOKIE, token);
    return;
  }
  c.set('csrfToken', token);
  if (safeMethods.has(c.req.method)) return next();

  const origin = c.req.header('origin');
  if (origin && origin !== 'null' && hostOf(origin) !== new URL(c.req.url).host) {
    throw new AppError('forbidden', 'errors.csrf');
  }
  let sent = c.req.header(CSRF_HEADER);
  if (!sent) {
    const type = c.req.header('content-type') ?? '';
    if (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data')) {
      const body = await c.req.parseBody({ all: true });
      const field = body[CSRF_FIELD];
      sent = typeof field === 'string' ? field : undefined;
    }
  }
  if (!sent || !same(sent, token)) throw new AppError('forbidden', 'errors.csrf');
  return next();
});
