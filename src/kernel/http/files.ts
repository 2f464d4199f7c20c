import type { Context } from 'hono';
import type { StoredFile } from '#kernel/files/files.ts';
import type { AppEnv } from './context.ts';

/**
 * The policy of every file the site serves (uploads, generated PDFs): nothing runs, nothing loads
 * from elsewhere, and the document is sandboxed. The site-wide policy never replaces it (app.ts).
 */
export const filePolicy = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox";

/**
 * Answers with a stored file. The module has already checked who may read it. Files are never
 * sniffed or run by the browser: their real type, `nosniff`, and a sandbox for PDFs.
 */
export function sendFile(
  c: Context<AppEnv>,
  file: StoredFile & { content: Uint8Array },
  options: { download?: boolean; public?: boolean; immutable?: boolean } = {},
) {
  const ascii = file.name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7E]/g, '_');
  const disposition = `${options.download ? 'attachment' : 'inline'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`;
  const etag = `"${file.sha256}"`;
  const headers: Record<string, string> = {
    'Content-Type': file.mime,
    'Content-Disposition': disposition,
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': filePolicy,
    ETag: etag,
    // `immutable`: the address names these exact bytes (a new picture gets a new address).
    'Cache-Control': options.public
      ? options.immutable
        ? 'public, max-age=31536000, immutable'
        : 'public, max-age=86400'
      : 'private, no-store',
  };
  if (c.req.header('if-none-match') === etag) return c.body(null, 304, headers);
  return c.body(file.content as Uint8Array<ArrayBuffer>, 200, headers);
}
