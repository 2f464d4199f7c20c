import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { deleteCookie, getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { MessageKey, Params } from '#kernel/i18n/index.ts';
import type { AppEnv, Flash } from './context.ts';
import { setSiteCookie } from './cookies.ts';

const FLASH_COOKIE = 'kn_flash';

/** The cookie's value: the message and its signature, `base64url(json).hmac`. */
function sign(secret: string, payload: string): string {
  const body = Buffer.from(payload).toString('base64url');
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}

/** The message of a cookie this site signed; null for anything else. */
function unsign(secret: string, value: string): string | null {
  const [body, mac] = value.split('.');
  if (!body || !mac) return null;
  const expected = Buffer.from(createHmac('sha256', secret).update(body).digest('base64url'));
  const given = Buffer.from(mac);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return Buffer.from(body, 'base64url').toString();
}

/** Reads the message left by the previous POST and clears it, so it shows once. */
export const flash = createMiddleware<AppEnv>(async (c, next) => {
  const raw = getCookie(c, FLASH_COOKIE);
  c.set('flash', null);
  if (raw && c.req.method === 'GET') {
    try {
      const parsed = JSON.parse(unsign(c.var.deps.cookieSecret, raw) ?? 'null') as Flash;
      if (typeof parsed.text === 'string' && ['success', 'info', 'error'].includes(parsed.kind)) c.set('flash', parsed);
    } catch {
      // a cookie we cannot read is simply dropped
    }
    deleteCookie(c, FLASH_COOKIE, { path: '/' });
  }
  await next();
});

/**
 * POST → 303 → GET with a message for the next page.
 * @example return redirectWithFlash(c, '/du-an', 'projects.updated')
 */
export function redirectWithFlash(
  c: Context<AppEnv>,
  location: string,
  key: MessageKey,
  params?: Params,
  kind: Flash['kind'] = 'success',
): Response {
  const message = JSON.stringify({ kind, text: c.var.t(key, params) });
  setSiteCookie(c, FLASH_COOKIE, sign(c.var.deps.cookieSecret, message), { maxAge: 60 });
  return c.redirect(location, 303);
}

/**
 * Only same-site paths, so `?next=` can never send someone to another site: one leading slash,
 * then no second slash or backslash, and no control character or space anywhere (a browser drops
 * tabs and newlines, so `/\t/evil.example` would become `//evil.example`).
 */
export function safeNext(next: string | undefined, fallback = '/'): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we refuse
  return next && /^\/(?![/\\])[^\u0000-\u0020\u007F\\]*$/.test(next) ? next : fallback;
}
