import { relative } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { loadActor } from '#kernel/auth/session.ts';
import { compress } from '#kernel/http/compress.ts';
import type { AppDeps, AppEnv } from '#kernel/http/context.ts';
import { csrf } from '#kernel/http/csrf.ts';
import { AppError } from '#kernel/http/errors.ts';
import { flash } from '#kernel/http/flash.ts';
import { inputGuard } from '#kernel/http/input-guard.ts';
import { requestContext } from '#kernel/http/middleware.ts';
import { handleError, handleNotFound } from '#kernel/http/on-error.tsx';
import { postLimit } from '#kernel/http/rate-limit.ts';
import { responseCache } from '#kernel/http/response-cache.ts';
import { fromRoot } from '#kernel/paths.ts';
import { createApi } from '#src/api.tsx';
import { modules } from '#src/modules.ts';

/**
 * Builds the whole site from its dependencies; tests call it with an in-memory database.
 * @example const app = createApp(deps); const res = await app.request('/du-an')
 */
export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  // Before every middleware: a load balancer's health check costs no session, header or log work.
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  // Anonymous pages already made (and compressed) are sent from memory before any other work;
  // successful writes empty the cache (ADR 39).
  if (deps.config.RESPONSE_CACHE_MB > 0)
    app.use(
      responseCache({
        maxBytes: deps.config.RESPONSE_CACHE_MB * 1024 * 1024,
        ttlMs: deps.config.RESPONSE_CACHE_SECONDS * 1000,
      }),
    );
  app.use(requestContext(deps));
  const siteHeaders = secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      styleSrc: ["'self'"],
      scriptSrc: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
      objectSrc: ["'none'"],
    },
    referrerPolicy: 'same-origin',
  });
  // The site's headers on every response; a response that set its own, stricter policy (a file
  // download's sandbox) keeps it.
  app.use(async (c, next) => {
    let own: string | null = null;
    await siteHeaders(c, async () => {
      await next();
      own = c.res.headers.get('content-security-policy');
    });
    if (own) c.res.headers.set('content-security-policy', own);
  });
  app.use(compress({ threshold: 1024 }));
  app.use(
    '/static/*',
    async (c, next) => {
      await next();
      if (c.res.ok) c.header('Cache-Control', 'public, max-age=3600');
    },
    serveStatic({
      root: relative(process.cwd(), fromRoot('public')),
      rewriteRequestPath: (p) => p.replace(/^\/static/, ''),
    }),
  );
  const tooLarge = () => {
    throw new AppError('payload_too_large');
  };
  const formLimit = bodyLimit({ maxSize: deps.config.BODY_LIMIT_BYTES, onError: tooLarge });
  const uploadLimit = bodyLimit({ maxSize: deps.config.UPLOAD_LIMIT_BYTES, onError: tooLarge });
  app.use((c, next) =>
    (c.req.header('content-type') ?? '').startsWith('multipart/form-data') ? uploadLimit(c, next) : formLimit(c, next),
  );
  app.use(inputGuard);
  app.use(flash);
  app.use(csrf);
  app.use(loadActor);
  // Forms that send e-mail or create accounts: a person (account, else address) gets so many in 15
  // minutes, counted in the database; sign-up and reset are also limited per e-mail they name.
  app.use('/dang-ky', postLimit('sign-up', 20));
  app.use('/quen-mat-khau', postLimit('reset', 5));
  app.use('/san-pham/:slug/hoi-mua', postLimit('inquiry', 5));
  app.use('/yeu-cau/moi', postLimit('request', 20));
  app.use('/api/v1/requests', postLimit('api-request', 20));

  for (const module of modules) if (module.pages) app.route('/', module.pages);
  app.route('/api/v1', createApi(modules));

  app.onError(handleError);
  app.notFound(handleNotFound);
  return app;
}

export type App = ReturnType<typeof createApp>;
