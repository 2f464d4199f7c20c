import type { Context } from 'hono';
import { deleteCookie, getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { MessageKey, Params } from '#kernel/i18n/index.ts';
import type { AppEnv, Flash } from './context.ts';
import { setSiteCookie } from './cookies.ts';

const FLASH_COOKIE = 'kn_flash';

/** Reads the message left by the previous POST and clears it, so it shows once. */
export const flash = createMiddleware<AppEnv>(async (c, next) => {
  const raw = getCookie(c, FLASH_COOKIE);
  c.set('flash', null);
  if (raw && c.req.method === 'GET') {
    try {
      const parsed = JSON.parse(raw) as Flash;
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
  setSiteCookie(c, FLASH_COOKIE, JSON.stringify({ kind, text: c.var.t(key, params) }), { maxAge: 60 });
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
