import { createMiddleware } from 'hono/factory';
import type { AppEnv } from './context.ts';
import { AppError } from './errors.ts';

// One place where input no person types is refused with 400 and the usual error page, before any
// handler or the database sees it: a NUL or other control character in the address or in a form
// field, an address that is not valid percent-encoded UTF-8, a form body that cannot be read
// (multipart without its boundary). Tab, line feed and carriage return stay allowed in form fields
// (a pasted paragraph has them), never in the address.

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we refuse
const controlInAddress = /[\u0000-\u001F\u007F]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we refuse
const controlInField = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

function decodedQuery(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return '';
  return decodeURIComponent(url.slice(at + 1).replace(/\+/g, ' '));
}

const formTypes = ['application/x-www-form-urlencoded', 'multipart/form-data'];

export const inputGuard = createMiddleware<AppEnv>(async (c, next) => {
  let address: string;
  try {
    address = decodeURIComponent(new URL(c.req.url).pathname) + decodedQuery(c.req.url);
  } catch {
    throw new AppError('bad_request');
  }
  if (controlInAddress.test(address)) throw new AppError('bad_request');

  const type = (c.req.header('content-type') ?? '').toLowerCase();
  if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && formTypes.some((t) => type.startsWith(t))) {
    let body: Record<string, unknown>;
    try {
      // Hono keeps the parsed body: the handlers' parseBody reads it again for free.
      body = await c.req.parseBody({ all: true });
    } catch {
      throw new AppError('bad_request');
    }
    for (const [key, value] of Object.entries(body)) {
      const values = Array.isArray(value) ? value : [value];
      if (controlInField.test(key) || values.some((v) => typeof v === 'string' && controlInField.test(v))) {
        throw new AppError('bad_request');
      }
    }
  }
  await next();
});
