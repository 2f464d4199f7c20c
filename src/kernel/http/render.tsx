import type { Context } from 'hono';
import { html } from 'hono/html';
import type { Child } from 'hono/jsx';
import type { PageContext } from '#kernel/ui/context.ts';
import type { AppEnv } from './context.ts';

/** The request facts a view needs, read from the context once. */
export function pageContext(c: Context<AppEnv>): PageContext {
  const url = new URL(c.req.url);
  return {
    t: c.var.t,
    lang: c.var.lang,
    actor: c.var.actor,
    // Read by the forms only: a page that shows none needs no CSRF cookie (see csrf.ts).
    get csrfToken() {
      c.set('csrfRead', true);
      return c.var.csrfToken;
    },
    flash: c.var.flash,
    path: url.pathname + url.search,
    provinceName: c.var.deps.provinceName,
    department: c.var.department,
  };
}

/**
 * Sends a full HTML page.
 * @example return render(c, <ProjectPage ctx={pageContext(c)} project={p} />)
 */
export function render(
  c: Context<AppEnv>,
  page: Child,
  status: 200 | 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 500 = 200,
) {
  return c.html(html`<!doctype html>${page}`, status);
}
