import { promisify } from 'node:util';
import { gzip, gzipSync } from 'node:zlib';
import { createMiddleware } from 'hono/factory';

const gzipAsync = promisify(gzip);
/**
 * A page (tens of KB) is gzipped in one synchronous call (~0.1 ms): the asynchronous form builds a
 * stream and a thread-pool job per response, and a CPU profile of cold pages showed it costing
 * far more than the compression itself. Larger bodies (exports, the sitemap) go to the thread pool.
 */
const syncLimit = 256 * 1024;
const compressible = /^(text\/|application\/(json|javascript|xml)|image\/svg\+xml)/;

/**
 * Gzips text responses in one piece. Our pages are small (tens of KB): compressing the whole body
 * at once and writing it in one go costs far less than a compression stream that writes many
 * small chunks to the socket (measured: a quarter of the server's busy time went to those writes).
 */
export const compress = ({ threshold = 1024 }: { threshold?: number } = {}) =>
  createMiddleware(async (c, next) => {
    await next();
    const res = c.res;
    if (!res.body || res.headers.has('content-encoding') || c.req.method === 'HEAD') return;
    if (!compressible.test(res.headers.get('content-type') ?? '')) return;
    res.headers.append('Vary', 'Accept-Encoding');
    if (!/\bgzip\b/.test(c.req.header('accept-encoding') ?? '')) return;
    const declared = Number(res.headers.get('content-length') ?? Number.NaN);
    if (declared < threshold) return;
    const body = Buffer.from(await res.arrayBuffer());
    const headers = new Headers(res.headers);
    headers.delete('content-length');
    const small = body.length < threshold;
    if (!small) headers.set('content-encoding', 'gzip');
    // Hono copies the previous response's headers onto a new one (a stale Content-Length would
    // make browsers wait for bytes that never come): let go of the old response first.
    c.res = undefined;
    const out = small ? body : body.length <= syncLimit ? gzipSync(body) : await gzipAsync(body);
    c.res = new Response(out, { status: res.status, headers });
  });
