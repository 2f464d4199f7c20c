import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { takeAttempt } from '#kernel/auth/limits.ts';
import type { AppEnv } from './context.ts';
import { AppError } from './errors.ts';

/** The address of the other end of the connection; 'local' for a request made in-process. */
function peerAddress(c: Context<AppEnv>): string {
  try {
    return getConnInfo(c).remote.address?.replace(/^::ffff:/, '') || 'local';
  } catch {
    return 'local';
  }
}

/**
 * The client's address. X-Forwarded-For is read only when the connection comes from one of
 * `TRUSTED_PROXIES`, and then from the right: the last hop that is not a trusted proxy is the
 * client (the hops to its left are whatever the client chose to send).
 */
export function clientIp(c: Context<AppEnv>): string {
  const trusted = c.var.deps.config.TRUSTED_PROXIES;
  const peer = peerAddress(c);
  if (!trusted.includes(peer)) return peer;
  const hops = (c.req.header('x-forwarded-for') ?? '')
    .split(',')
    .map((h) => h.trim())
    .filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i] as string;
    if (!trusted.includes(hop)) return hop.slice(0, 64);
  }
  return peer;
}

/** Who is asking: the signed-in account, else the address. */
const whoAsks = (c: Context<AppEnv>) => (c.var.actor ? `u:${c.var.actor.id}` : `ip:${clientIp(c)}`);

/**
 * At most `limit` POSTs to this path per person (account, else address) in 15 minutes, on forms
 * that send e-mail or create accounts; the next one is refused with 429 and "wait 15 minutes".
 * Counted in the database, so several processes share one count.
 * @example app.use('/san-pham/:slug/hoi-mua', postLimit('inquiry', 5))
 */
export function postLimit(name: string, limit: number, windowMinutes = 15) {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (c.req.method !== 'POST') return next();
    const key = `${name}:${whoAsks(c)}`;
    if (!(await takeAttempt(c.var.deps.db, { key, limit, windowMinutes }))) throw new AppError('too_many_requests');
    await next();
  });
}
