import type { Child, FC } from 'hono/jsx';
import { formatDate, formatNumber } from '#kernel/i18n/index.ts';
import { EmptyState } from '#kernel/ui/components.tsx';
import type { PageContext } from '#kernel/ui/context.ts';
import { labelOf } from '#kernel/ui/labels.ts';
import { Layout } from '#kernel/ui/layout.tsx';

interface Found<T> {
  items: T[];
  total: number;
}

export interface SearchResults {
  projects: Found<{ slug: string; name: string; summary: string; communeName: string | null; stage: string }>;
  products: Found<{
    slug: string;
    name: string;
    projectName: string;
    communeName: string | null;
    category: string;
  }>;
  experts: Found<{ slug: string; name: string; headline: string; organisation: string }>;
  partners: Found<{ slug: string; name: string; kind: string; summary: string }>;
  events: Found<{ slug: string; title: string; kind: string; venue: string; startsOn: string; endsOn: string }>;
  communes: { slug: string; name: string; kind: string; formerDistrictName: string | null }[];
}

export interface SearchProps {
  ctx: PageContext;
  q: string;
  results: SearchResults | null;
}

interface Row {
  href: string;
  title: string;
  meta: Child[];
}

/** One group of results: a heading with its count, compact rows, and the way to all of them. */
const Group: FC<{ ctx: PageContext; id: string; title: string; total: number; rows: Row[]; all?: string }> = ({
  ctx,
  id,
  title,
  total,
  rows,
  all,
}) => {
  const { t, lang } = ctx;
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>
        {title} <span class="count">({formatNumber(total, lang)})</span>
      </h2>
      <ul class="rows results">
        {rows.map((r) => (
          <li>
            <a class="row-title" href={r.href}>
              {r.title}
            </a>
            {r.meta.some(Boolean) && (
              <p class="row-meta">
                {r.meta.filter(Boolean).map((m) => (
                  <span>{m}</span>
                ))}
              </p>
            )}
          </li>
        ))}
      </ul>
      {all && total > rows.length && (
        <p>
          <a href={all}>{t('search.all', { count: formatNumber(total, lang) })} →</a>
        </p>
      )}
    </section>
  );
};

/** The search box. */
const SearchForm: FC<{ ctx: PageContext; q: string }> = ({ ctx, q }) => {
  const { t } = ctx;
  return (
    <form method="get" action="/tim-kiem" role="search" class="filters">
      <div class="filter-search">
        <label for="f-q">{t('search.label')}</label>
        <div class="search-row">
          <input
            id="f-q"
            name="q"
            type="search"
            value={q}
            maxlength={100}
            autocomplete="off"
            placeholder={t('search.accentsOptional')}
          />
          <button type="submit" class="button button-primary">
            {t('form.search')}
          </button>
        </div>
      </div>
    </form>
  );
};

/** What was found, group by group: projects, products, experts, partners, events, communes. */
const Groups: FC<{ ctx: PageContext; q: string; results: SearchResults }> = ({ ctx, q, results: r }) => {
  const { t } = ctx;
  const query = encodeURIComponent(q);
  return (
    <>
      <Group
        ctx={ctx}
        id="r-projects"
        title={t('search.projects')}
        total={r.projects.total}
        all={`/du-an?q=${query}`}
        rows={r.projects.items.map((p) => ({
          href: `/du-an/${p.slug}`,
          title: p.name,
          meta: [labelOf(t, 'project.stage', p.stage), p.communeName],
        }))}
      />
      <Group
        ctx={ctx}
        id="r-products"
        title={t('search.products')}
        total={r.products.total}
        all={`/san-pham?q=${query}`}
        rows={r.products.items.map((p) => ({
          href: `/san-pham/${p.slug}`,
          title: p.name,
          meta: [p.projectName, p.communeName],
        }))}
      />
      <Group
        ctx={ctx}
        id="r-experts"
        title={t('search.experts')}
        total={r.experts.total}
        all={`/chuyen-gia?q=${query}`}
        rows={r.experts.items.map((e) => ({
          href: `/chuyen-gia/${e.slug}`,
          title: e.name,
          meta: [e.headline, e.organisation],
        }))}
      />
      <Group
        ctx={ctx}
        id="r-partners"
        title={t('search.partners')}
        total={r.partners.total}
        all={`/doi-tac?q=${query}`}
        rows={r.partners.items.map((p) => ({
          href: `/doi-tac/${p.slug}`,
          title: p.name,
          meta: [labelOf(t, 'partners.kind', p.kind), p.summary],
        }))}
      />
      <Group
        ctx={ctx}
        id="r-events"
        title={t('search.events')}
        total={r.events.total}
        rows={r.events.items.map((e) => ({
          href: `/su-kien/${e.slug}`,
          title: e.title,
          meta: [
            e.startsOn === e.endsOn ? formatDate(e.startsOn) : `${formatDate(e.startsOn)} – ${formatDate(e.endsOn)}`,
            e.venue,
          ],
        }))}
      />
      <Group
        ctx={ctx}
        id="r-communes"
        title={t('search.communes')}
        total={r.communes.length}
        rows={r.communes.map((c) => ({
          href: `/du-an?commune=${c.slug}`,
          title: `${labelOf(t, 'commune.kind', c.kind)} ${c.name}`,
          meta: [c.formerDistrictName && t('commune.formerDistrict', { name: c.formerDistrictName })],
        }))}
      />
    </>
  );
};

/** Search across the site, grouped by what was found, each group as compact as a list. */
export const SearchPage: FC<SearchProps> = ({ ctx, q, results: r }) => {
  const { t } = ctx;
  const counts = r
    ? [r.projects.total, r.products.total, r.experts.total, r.partners.total, r.events.total, r.communes.length]
    : [];
  const nothing = r !== null && counts.every((n) => n === 0);
  return (
    <Layout ctx={ctx} title={q ? t('search.results', { q }) : t('search.title')}>
      <h1>{t('search.title')}</h1>
      <SearchForm ctx={ctx} q={q} />
      {!q && <p class="muted">{t('search.prompt')}</p>}
      {nothing && (
        <EmptyState title={t('search.nothing', { q })}>
          <p>{t('search.nothingHint')}</p>
          <p>
            <a href="/du-an">{t('nav.projects')}</a> · <a href="/san-pham">{t('products.nav.showcase')}</a>
          </p>
        </EmptyState>
      )}
      {r && <Groups ctx={ctx} q={q} results={r} />}
    </Layout>
  );
};
