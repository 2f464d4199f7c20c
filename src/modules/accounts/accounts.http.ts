import type { Context } from 'hono';
import type { AppEnv } from '#kernel/http/context.ts';
import type { RequestInfo } from './accounts.service.ts';

// What the account services need to know about a request.

/** The client's address: the first X-Forwarded-For hop (set by the proxy in front), else 'local'. */
export function clientIp(c: Context<AppEnv>): string {
  return c.req.header('x-forwarded-for')?.split(',')[0]?.trim() || 'local';
}

export function requestInfo(c: Context<AppEnv>): RequestInfo {
  return { headers: c.req.raw.headers, ip: clientIp(c) };
}
