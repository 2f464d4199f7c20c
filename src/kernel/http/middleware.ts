import { randomUUID } from 'node:crypto';
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { isLang, translator } from '#kernel/i18n/index.ts';
import type { AppDeps, AppEnv } from './context.ts';

export const LANG_COOKIE = 'kn_lang';

/** Puts the dependencies, the language and a request id on the context; logs one line per request. */
export const requestContext = (deps: AppDeps) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const started = performance.now();
    const requestId = randomUUID();
    const cookieLang = getCookie(c, LANG_COOKIE);
    const lang = isLang(cookieLang) ? cookieLang : 'vi';
    c.set('deps', deps);
    c.set('requestId', requestId);
    c.set('lang', lang);
    c.set('t', translator(lang));
    c.set('actor', null);
    c.set('flash', null);
    c.set('csrfToken', '');
    c.set('csrfRead', false);
    await next();
    if (deps.logger.isLevelEnabled('debug'))
      deps.logger.debug(
        {
          reqId: requestId,
          method: c.req.method,
          path: c.req.path,
          status: c.res.status,
          ms: Math.round(performance.now() - started),
        },
        'request',
      );
  });
