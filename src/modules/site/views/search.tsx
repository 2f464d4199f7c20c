import type { FC } from 'hono/jsx';
import { EmptyState } from '#kernel/ui/components.tsx';
import type { PageContext } from '#kernel/ui/context.ts';
import { Input } from '#kernel/ui/form.tsx';
import { labelOf } from '#kernel/ui/labels.ts';
import { Layout } from '#kernel/ui/layout.tsx';

export interface SearchProps {
  ctx: PageContext;
  q: string;
  projects: { slug: string; name: string; summary: string; communeName: string | null }[];
  projectTotal: number;
  communes: { slug: string; name: string; kind: string; formerDistrictName: string | null }[];
}

export const SearchPage: FC<SearchProps> = ({ ctx, q, projects, projectTotal, communes }) => {
  const { t } = ctx;
  const nothing = q && projects.length === 0 && communes.length === 0;
  return (
    <Layout ctx={ctx} title={q ? t('search.results', { q }) : t('search.title')}>
      <h1>{t('search.title')}</h1>
      <form method="get" action="/tim-kiem" role="search" class="filters">
        <Input
          name="q"
          type="search"
          label={t('search.label')}
          hint={t('projects.filter.qHint')}
          value={q}
          maxlength={100}
        />
        <div class="filter-actions">
          <button type="submit" class="button button-primary">
            {t('form.search')}
          </button>
        </div>
      </form>
      {!q && <p class="muted">{t('search.prompt')}</p>}
      {nothing && <EmptyState title={t('list.noResults')} />}
      {projects.length > 0 && (
        <section aria-labelledby="r-projects">
          <h2 id="r-projects">
            {t('search.projects')} ({projectTotal})
          </h2>
          <ul class="results">
            {projects.map((p) => (
              <li>
                <a href={`/du-an/${p.slug}`}>{p.name}</a>
                <span class="summary">{p.summary}</span>
                {p.communeName && <span class="muted"> · {p.communeName}</span>}
              </li>
            ))}
          </ul>
          {projectTotal > projects.length && (
            <p>
              <a href={`/du-an?q=${encodeURIComponent(q)}`}>{t('list.count', { count: projectTotal })} →</a>
            </p>
          )}
        </section>
      )}
      {communes.length > 0 && (
        <section aria-labelledby="r-communes">
          <h2 id="r-communes">{t('search.communes')}</h2>
          <ul class="results">
            {communes.map((c) => (
              <li>
                <a href={`/du-an?commune=${c.slug}`}>
                  {labelOf(t, 'commune.kind', c.kind)} {c.name}
                </a>
                {c.formerDistrictName && (
                  <span class="muted"> · {t('commune.formerDistrict', { name: c.formerDistrictName })}</span>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </Layout>
  );
};
