import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { auditDenied } from '#kernel/audit/audit.ts';
import { ErrorPage } from '#kernel/ui/error-page.tsx';
import type { AppEnv } from './context.ts';
import { AppError } from './errors.ts';
import { clientIp } from './rate-limit.ts';
import { pageContext, render } from './render.tsx';

export function wantsJson(c: Context<AppEnv>): boolean {
  return c.req.path.startsWith('/api/');
}

/**
 * PostgreSQL refused a duplicate (23505: two people saving the same name at the same moment,
 * after the service's own check): the user is told to reload, as for any conflict, not a 500.
 */
function isUniqueViolation(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 4; depth++) {
    if (typeof e === 'object' && (e as { code?: unknown }).code === '23505') return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/** Pages for staff and admins: a signed-in person answered 404 there is probing, and recorded. */
const staffPaths = /^\/(quan-ly|quan-tri)(\/|\.|$)/;

/**
 * A refusal worth the audit log: a signed-in person refused a page or a command (403), or
 * answered 404 on a staff page; on the API, any 401 or 403, anonymous callers included. A stale
 * form's CSRF refusal is not a denial of access; anonymous visitors of pages are sent to sign in
 * instead.
 */
function denialStatus(c: Context<AppEnv>, error: AppError): number | null {
  if (error.messageKey === 'errors.csrf') return null;
  const api = wantsJson(c);
  if (error.code === 'forbidden' && (c.var.actor || api)) return 403;
  if (error.code === 'unauthenticated' && api) return 401;
  if (error.code === 'not_found' && c.var.actor && staffPaths.test(c.req.path)) return 404;
  return null;
}

/**
 * Writes a refusal to the audit log (method, path and status, never the query string's values).
 * The refused command's transaction is already rolled back here, so the line stays; if it cannot
 * be written, the person still gets their answer.
 */
async function recordDenial(c: Context<AppEnv>, error: AppError): Promise<void> {
  const status = denialStatus(c, error);
  if (status === null || !c.var.deps) return;
  try {
    await auditDenied(c.var.deps.db, {
      actorId: c.var.actor?.id ?? null,
      method: c.req.method,
      path: c.req.path.slice(0, 500),
      status,
      ip: clientIp(c),
    });
  } catch (e) {
    c.var.deps.logger.error(
      { reqId: c.var.requestId, err: { message: (e as Error).message } },
      'could not record a denied access',
    );
  }
}

/** The one place errors become responses: JSON for the API, a Vietnamese page for people. */
export async function handleError(err: Error, c: Context<AppEnv>) {
  const t = c.var.t;
  let appError: AppError | null = err instanceof AppError ? err : null;
  if (!appError && err instanceof HTTPException && err.status === 413) appError = new AppError('payload_too_large');
  if (!appError && err instanceof HTTPException && err.status < 500) appError = new AppError('bad_request');
  if (!appError && isUniqueViolation(err)) appError = new AppError('conflict');

  if (!appError) {
    c.var.deps?.logger.error(
      { reqId: c.var.requestId, err: { message: err.message, stack: err.stack } },
      'unhandled error',
    );
    if (wantsJson(c)) return c.json({ error: { code: 'server', message: t('errors.server') } }, 500);
    return render(c, <ErrorPage ctx={pageContext(c)} status={500} message={t('errors.server')} />, 500);
  }

  await recordDenial(c, appError);
  const message = t(appError.messageKey, appError.params);
  if (wantsJson(c)) {
    const fields = Object.fromEntries(Object.entries(appError.fields).map(([k, v]) => [k, t(v)]));
    return c.json({ error: { code: appError.code, message, fields } }, appError.status as 400);
  }
  if (appError.code === 'unauthenticated') {
    const url = new URL(c.req.url);
    const next = c.req.method === 'GET' ? url.pathname + url.search : '/';
    return c.redirect(`/dang-nhap?next=${encodeURIComponent(next)}`, 303);
  }
  return render(
    c,
    <ErrorPage ctx={pageContext(c)} status={appError.status} message={message} />,
    appError.status as 400,
  );
}

export function handleNotFound(c: Context<AppEnv>) {
  return handleError(new AppError('not_found'), c);
}
