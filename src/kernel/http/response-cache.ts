import { createHash } from 'node:crypto';
import { createMiddleware } from 'hono/factory';
import { isLang } from '#kernel/i18n/index.ts';
import type { AppEnv } from './context.ts';
import { LANG_COOKIE } from './middleware.ts';

/**
 * Public pages change only when someone writes. Every successful write in this process (a request
 * that is not a GET/HEAD and did not fail, or `publicDataChanged()` from work done outside a
 * request) moves this counter on, and a cache that sees a new value forgets every page at once.
 */
let version = 0;

/** Tells every response cache in this process that public data changed (a write outside a request). */
export function publicDataChanged(): void {
  version++;
}

/** The only cookies a cached page may be shared across: the language, and a CSRF token it does not show. */
const sharedCookies = new Set([LANG_COOKIE, 'kn_csrf']);

interface Entry {
  expires: number;
  etag: string;
  /** A plain object: the server writes it as it is (no Headers to build on every hit). */
  headers: Record<string, string>;
  notModified: Record<string, string>;
  body: Uint8Array<ArrayBuffer>;
  bytes: number;
}

export interface ResponseCacheOptions {
  /** Bytes the stored bodies may take together; the least recently used go first. */
  maxBytes: number;
  /** How long a page may be served from the cache at most, ms (the bound for writes by another process). */
  ttlMs: number;
  /** A larger body is never stored. */
  maxEntryBytes?: number;
}

/** The language a request asks for with its cookies; null when a cookie makes it personal. */
function sharedLang(cookieHeader: string | undefined): string | null {
  if (!cookieHeader) return 'vi';
  let lang = 'vi';
  for (const part of cookieHeader.split(';')) {
    const eq = part.indexOf('=');
    const name = (eq < 0 ? part : part.slice(0, eq)).trim();
    if (!name) continue;
    if (!sharedCookies.has(name)) return null;
    if (name === LANG_COOKIE) {
      const value = part.slice(eq + 1).trim();
      if (isLang(value)) lang = value;
    }
  }
  return lang;
}

function etagOf(body: Uint8Array): string {
  return `"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`;
}

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch === '*' || ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}

const notModifiedHeaders = ['etag', 'cache-control', 'vary', 'content-location', 'expires'];

/**
 * A shared cache of finished responses (already compressed) for anonymous GETs, keyed by address,
 * language and encoding, with an ETag (If-None-Match → 304) and a `Cache-Control` a proxy can honour.
 *
 * Only a request with no cookie but the language's and the CSRF token's, and no Authorization
 * header, is served from it or fills it; only a 200 that sets no cookie and is not marked private
 * or no-store is stored. Every successful write in this process empties it; an entry lives
 * `ttlMs` at most, which bounds how long another process's write can go unseen.
 */
export function responseCache({ maxBytes, ttlMs, maxEntryBytes = 512 * 1024 }: ResponseCacheOptions) {
  const entries = new Map<string, Entry>();
  let bytes = 0;
  let seen = version;
  const ttlSeconds = Math.max(1, Math.round(ttlMs / 1000));
  // Browsers and proxies may keep the page but ask again each time (a 304 costs nothing); a proxy
  // may share it for as long as this process would.
  const cacheControl = `public, max-age=0, s-maxage=${ttlSeconds}, must-revalidate`;

  const forget = (key: string, entry: Entry) => {
    entries.delete(key);
    bytes -= entry.bytes;
  };

  return createMiddleware<AppEnv>(async (c, next) => {
    const method = c.req.method;
    if (method !== 'GET') {
      await next();
      if (method !== 'HEAD' && method !== 'OPTIONS' && c.res.status < 400) version++;
      return;
    }
    if (version !== seen) {
      entries.clear();
      bytes = 0;
      seen = version;
    }
    const raw = c.req.raw.headers;
    const lang = raw.has('authorization') ? null : sharedLang(raw.get('cookie') ?? undefined);
    if (lang === null || maxBytes <= 0) return next();
    const url = c.req.url;
    const gzip = /\bgzip\b/.test(raw.get('accept-encoding') ?? '');
    const key = `${lang}${gzip ? '+' : '-'}${url.slice(url.indexOf('/', url.indexOf('//') + 2))}`;
    const now = Date.now();
    const found = entries.get(key);
    if (found) {
      if (found.expires > now) {
        // Most recently used last: the Map's order is the eviction order.
        entries.delete(key);
        entries.set(key, found);
        if (matches(raw.get('if-none-match') ?? undefined, found.etag)) {
          return new Response(null, { status: 304, headers: found.notModified });
        }
        return new Response(found.body, { status: 200, headers: found.headers });
      }
      forget(key, found);
    }

    const before = version;
    await next();
    const res = c.res;
    const control = res.headers.get('cache-control');
    if (
      res.status !== 200 ||
      !res.body ||
      c.get('actor') ||
      res.headers.has('set-cookie') ||
      (control !== null && !control.startsWith('public'))
    ) {
      try {
        res.headers.set('x-cache', 'bypass');
      } catch {
        // a response with read-only headers simply goes without the hint
      }
      return;
    }
    const body = new Uint8Array(await res.arrayBuffer());
    const headers = new Headers(res.headers);
    if (control === null) headers.set('cache-control', cacheControl);
    if (!headers.has('etag')) headers.set('etag', etagOf(body));
    // The page depends on the language cookie (and a signed-in person's cookies bypass it).
    if (!/\bcookie\b/i.test(headers.get('vary') ?? '')) headers.append('vary', 'Cookie');
    headers.delete('x-cache');
    const etag = headers.get('etag') as string;
    const stored = Object.fromEntries([...headers].filter(([name]) => name !== 'content-length'));
    const notModified = Object.fromEntries([...headers].filter(([name]) => notModifiedHeaders.includes(name)));
    // A write while this page was being made may not show in it: such a page is sent, not kept.
    if (body.length <= maxEntryBytes && version === before) {
      const entry: Entry = {
        expires: now + ttlMs,
        etag,
        headers: { ...stored, 'x-cache': 'hit' },
        notModified,
        body,
        bytes: body.length + key.length + 400,
      };
      const old = entries.get(key);
      if (old) forget(key, old);
      entries.set(key, entry);
      bytes += entry.bytes;
      for (const [k, e] of entries) {
        if (bytes <= maxBytes) break;
        forget(k, e);
      }
    }
    headers.set('x-cache', 'miss');
    c.res = undefined;
    if (matches(raw.get('if-none-match') ?? undefined, etag)) {
      c.res = new Response(null, { status: 304, headers: notModified });
      return;
    }
    c.res = new Response(body, { status: 200, headers });
  });
}

const kept = new WeakMap<object, Map<string, { version: number; expires: number; value: Promise<unknown> }>>();

/**
 * A costly read that many visits share (the home page's counts over the whole ledger, the
 * sitemap), kept until the next write in this process and `ttlMs` at most; visits that come while
 * it is being read wait for the same read. `ttlMs` 0 reads every time.
 * @example const figures = await untilWrite(db, 'home-figures', 60_000, () => projectFigures(db))
 */
export function untilWrite<T>(scope: object, key: string, ttlMs: number, load: () => Promise<T>): Promise<T> {
  if (ttlMs <= 0) return load();
  let values = kept.get(scope);
  if (!values) {
    values = new Map();
    kept.set(scope, values);
  }
  const now = Date.now();
  const found = values.get(key);
  if (found && found.version === version && found.expires > now) return found.value as Promise<T>;
  const value = load();
  const entry = { version, expires: now + ttlMs, value };
  values.set(key, entry);
  value.catch(() => {
    if (values.get(key) === entry) values.delete(key);
  });
  return value;
}

/** How long `untilWrite` keeps a read: a minute, or nothing when the response cache is off (tests). */
export function sharedReadMs(config: { RESPONSE_CACHE_MB: number }): number {
  return config.RESPONSE_CACHE_MB > 0 ? 60_000 : 0;
}
