import type { Context } from 'hono';
import type { AppEnv } from '#kernel/http/context.ts';
import type { AppError } from '#kernel/http/errors.ts';
import type { FieldErrors } from '#kernel/http/validation.ts';
import type { RequestInfo } from './accounts.service.ts';

// Small helpers the account and admin pages share: what a service needs to know about the
// request, and how its answers go back to the browser.

/** The client's address: the first X-Forwarded-For hop (set by the proxy in front), else 'local'. */
export function clientIp(c: Context<AppEnv>): string {
  return c.req.header('x-forwarded-for')?.split(',')[0]?.trim() || 'local';
}

export function requestInfo(c: Context<AppEnv>): RequestInfo {
  return { headers: c.req.raw.headers, ip: clientIp(c) };
}

/** Copies better-auth's Set-Cookie lines (session started, renewed or ended) onto our response. */
export function passCookies(c: Context<AppEnv>, cookies: string[]): void {
  for (const cookie of cookies) c.header('set-cookie', cookie, { append: true });
}

/** A service's refusal as the form shows it: per-field messages, else one message at the top. */
export function formErrors(c: Context<AppEnv>, error: AppError): FieldErrors {
  const fields = Object.entries(error.fields).map(([name, key]) => [name, c.var.t(key)] as const);
  if (fields.length > 0) return Object.fromEntries(fields);
  return { _form: c.var.t(error.messageKey, error.params) };
}
