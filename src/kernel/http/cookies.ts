import type { Context } from 'hono';
import { setCookie } from 'hono/cookie';
import type { AppEnv } from './context.ts';

type CookieOptions = Parameters<typeof setCookie>[3];

/** Sets a cookie with the site's defaults: HttpOnly, SameSite=Lax, Secure behind HTTPS. */
export function setSiteCookie(c: Context<AppEnv>, name: string, value: string, options: CookieOptions = {}): void {
  setCookie(c, name, value, {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: c.var.deps.config.SECURE_COOKIES,
    ...options,
  });
}

/** Copies Set-Cookie lines from another response (better-auth's) onto ours. */
export function passCookies(c: Context<AppEnv>, cookies: string[]): void {
  for (const cookie of cookies) c.header('set-cookie', cookie, { append: true });
}
