import { Hono } from 'hono';
import type { AppEnv } from '#kernel/http/context.ts';
import { setSiteCookie } from '#kernel/http/cookies.ts';
import { safeNext } from '#kernel/http/flash.ts';
import { LANG_COOKIE } from '#kernel/http/middleware.ts';
import { pageContext, render } from '#kernel/http/render.tsx';
import { isLang } from '#kernel/i18n/index.ts';
import { searchCommunes } from '#modules/places/index.ts';
import { listProjects, projectFigures } from '#modules/projects/index.ts';
import { supportCount } from '#modules/support/index.ts';
import { HomePage } from './views/home.tsx';
import { SearchPage } from './views/search.tsx';

export const sitePages = new Hono<AppEnv>();

sitePages.get('/', async (c) => {
  const { db } = c.var.deps;
  const [figures, supports, latest] = await Promise.all([
    projectFigures(db),
    supportCount(db),
    listProjects({ db, actor: null, filters: {}, page: { page: 1, perPage: 6, offset: 0 } }),
  ]);
  return render(c, <HomePage ctx={pageContext(c)} figures={{ ...figures, supports }} latest={latest.items} />);
});

/** Search across the site: projects (as the directory shows them to this person) and communes. */
sitePages.get('/tim-kiem', async (c) => {
  const q = (c.req.query('q') ?? '').slice(0, 100).trim();
  const { db, config } = c.var.deps;
  const [projects, communes] = q
    ? await Promise.all([
        listProjects({ db, actor: c.var.actor, filters: { q }, page: { page: 1, perPage: 10, offset: 0 } }),
        searchCommunes(db, config.PROVINCE, q, 5),
      ])
    : [{ items: [], total: 0 }, []];
  return render(
    c,
    <SearchPage
      ctx={pageContext(c)}
      q={q}
      projects={projects.items}
      projectTotal={projects.total}
      communes={communes}
    />,
  );
});

/** The language switch: a plain link that remembers the choice for a year. */
sitePages.get('/ngon-ngu/:lang', (c) => {
  const lang = c.req.param('lang');
  if (isLang(lang)) setSiteCookie(c, LANG_COOKIE, lang, { maxAge: 365 * 86400 });
  return c.redirect(safeNext(c.req.query('next')), 303);
});
