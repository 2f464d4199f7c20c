import { readFileSync } from 'node:fs';
import { Hono } from 'hono';
import type { AppEnv } from '#kernel/http/context.ts';
import { setSiteCookie } from '#kernel/http/cookies.ts';
import { safeNext } from '#kernel/http/flash.ts';
import { LANG_COOKIE } from '#kernel/http/middleware.ts';
import { pageContext, render } from '#kernel/http/render.tsx';
import { sharedReadMs, untilWrite } from '#kernel/http/response-cache.ts';
import { isLang } from '#kernel/i18n/index.ts';
import { fromRoot } from '#kernel/paths.ts';
import { listEvents, searchEvents } from '#modules/events/index.ts';
import { listExperts } from '#modules/experts/index.ts';
import { listPartners } from '#modules/partners/index.ts';
import { searchCommunes } from '#modules/places/index.ts';
import { imageUrl, listShowcase, priceText, thumbSize } from '#modules/products/index.ts';
import { listProjects, projectFigures } from '#modules/projects/index.ts';
import { supportCount } from '#modules/support/index.ts';
import { HomePage } from './views/home.tsx';
import { SearchPage } from './views/search.tsx';

export const sitePages = new Hono<AppEnv>();

sitePages.get('/', async (c) => {
  const { db } = c.var.deps;
  const actor = c.var.actor;
  const first = (perPage: number) => ({ page: 1, perPage, offset: 0 });
  // The counts read the whole ledger: kept until the next write (a minute at most).
  const counts = untilWrite(db, 'home-figures', sharedReadMs(c.var.deps.config), () =>
    Promise.all([projectFigures(db), supportCount(db)]),
  );
  const [[figures, supports], latest, events, products] = await Promise.all([
    counts,
    listProjects({ db, actor: null, filters: {}, page: first(5) }),
    listEvents({ db, actor, filters: { when: 'upcoming', kind: undefined }, limit: 3 }),
    listShowcase({ db, filters: {}, page: first(4) }),
  ]);
  const ctx = pageContext(c);
  return render(
    c,
    <HomePage
      ctx={ctx}
      figures={{ ...figures, supports }}
      latest={latest.items}
      events={events.items}
      products={products.items.map((p) => ({
        href: `/san-pham/${p.slug}`,
        name: p.name,
        maker: p.projectName,
        price: priceText(ctx.t, ctx.lang, p),
        image: p.cover && { src: imageUrl(p.cover.id, 'nho'), ...thumbSize(p.cover.width, p.cover.height) },
      }))}
    />,
  );
});

/**
 * Search across the site, grouped: projects (as the directory shows them to this person),
 * products, experts, partners, events, and communes. Each module answers from its own face.
 */
sitePages.get('/tim-kiem', async (c) => {
  const q = (c.req.query('q') ?? '').slice(0, 100).trim();
  const { db, config } = c.var.deps;
  const actor = c.var.actor;
  const first = (perPage: number) => ({ page: 1, perPage, offset: 0 });
  const results = q
    ? await Promise.all([
        listProjects({ db, actor, filters: { q }, page: first(5) }),
        listShowcase({ db, filters: { q }, page: first(4) }),
        listExperts({ db, actor, filters: { q }, page: first(3) }),
        listPartners({ db, actor, filters: { q }, page: first(3) }),
        searchEvents({ db, actor, q, limit: 3 }),
        searchCommunes(db, config.PROVINCE, q, 5),
      ])
    : null;
  return render(
    c,
    <SearchPage
      ctx={pageContext(c)}
      q={q}
      results={
        results && {
          projects: results[0],
          products: results[1],
          experts: results[2],
          partners: results[3],
          events: results[4],
          communes: results[5],
        }
      }
    />,
  );
});

/** Browsers and crawlers ask for /favicon.ico whatever the page says: the site's icon, cached a day. */
const favicon = readFileSync(fromRoot('public/favicon.ico'));
sitePages.get('/favicon.ico', (c) =>
  c.body(favicon, 200, { 'Content-Type': 'image/x-icon', 'Cache-Control': 'public, max-age=86400' }),
);

/** The language switch: a plain link that remembers the choice for a year. */
sitePages.get('/ngon-ngu/:lang', (c) => {
  const lang = c.req.param('lang');
  if (isLang(lang)) setSiteCookie(c, LANG_COOKIE, lang, { maxAge: 365 * 86400 });
  return c.redirect(safeNext(c.req.query('next')), 303);
});
