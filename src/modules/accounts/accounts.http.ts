import type { Context } from 'hono';
import type { AppEnv } from '#kernel/http/context.ts';
import { clientIp } from '#kernel/http/rate-limit.ts';
import type { RequestInfo } from './accounts.service.ts';

// What the account services need to know about a request.

export function requestInfo(c: Context<AppEnv>): RequestInfo {
  return { headers: c.req.raw.headers, ip: clientIp(c) };
}
