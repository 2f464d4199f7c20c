import type { FC } from 'hono/jsx';
import type { PageInfo } from '#kernel/http/pagination.ts';
import { formatNumber } from '#kernel/i18n/index.ts';
import { type CommuneOption, communeOptions, placesOf } from '#kernel/ui/communes.ts';
import { Badge, EmptyState, Pagination, Table } from '#kernel/ui/components.tsx';
import type { PageContext } from '#kernel/ui/context.ts';
import { Input, Select } from '#kernel/ui/form.tsx';
import { labelOf, optionsOf } from '#kernel/ui/labels.ts';
import { Layout } from '#kernel/ui/layout.tsx';
import { projectFields } from '#modules/projects/index.ts';
import type { ExpertFilters } from '../experts.schemas.ts';
import type { ExpertListItem } from '../experts.service.ts';
import { specialties } from '../experts.taxonomy.ts';

export interface ExpertListProps {
  ctx: PageContext;
  items: ExpertListItem[];
  info: PageInfo;
  more: boolean;
  filters: ExpertFilters;
  query: Record<string, string>;
  communes: CommuneOption[];
  /** Staff get the filtered list as CSV. */
  exportHref?: string;
}

export const ExpertListPage: FC<ExpertListProps> = (p) => {
  const { t, lang } = p.ctx;
  const all = t('experts.filter.all');
  const title = t('experts.title');
  const filtered = Object.entries(p.query).some(([k, v]) => v && k !== 'page');
  const moreFilters = Boolean(p.filters.specialty || p.filters.field || p.filters.commune);
  return (
    <Layout ctx={p.ctx} title={title} description={t('experts.lead')}>
      <h1>{title}</h1>
      <p class="lead">{t('experts.lead')}</p>
      <form method="get" action="/chuyen-gia" class="filters" role="search">
        <Input
          name="q"
          type="search"
          label={t('experts.filter.q')}
          hint={t('experts.filter.qHint')}
          value={p.filters.q ?? ''}
          maxlength={100}
        />
        <details class="more-filters" open={moreFilters}>
          <summary>{t('experts.filter.more')}</summary>
          <div class="filters-grid">
            <Select
              name="specialty"
              label={t('experts.filter.specialty')}
              value={p.filters.specialty}
              placeholder={all}
              options={optionsOf(t, 'experts.specialty', specialties)}
            />
            <Select
              name="field"
              label={t('experts.filter.field')}
              value={p.filters.field}
              placeholder={all}
              options={optionsOf(t, 'project.field', projectFields)}
            />
            <Select
              name="commune"
              label={t('experts.filter.commune')}
              value={p.filters.commune}
              placeholder={all}
              options={communeOptions(t, p.communes)}
            />
          </div>
        </details>
        <div class="filter-actions">
          <button type="submit" class="button button-secondary">
            {t('form.filter')}
          </button>
          {filtered && <a href="/chuyen-gia">{t('form.clear')}</a>}
          {p.exportHref && <a href={p.exportHref}>{t('list.export')}</a>}
        </div>
      </form>
      {p.items.length === 0 ? (
        <EmptyState title={filtered ? t('list.noResults') : t('experts.empty')} />
      ) : (
        <>
          <p class="result-count" role="status">
            {t(p.more ? 'list.countMore' : 'list.count', { count: formatNumber(p.info.total, lang) })}
          </p>
          <Table
            caption={title}
            rows={p.items}
            columns={[
              {
                label: t('experts.col.name'),
                primary: true,
                cell: (r) => (
                  <>
                    <a href={`/chuyen-gia/${r.slug}`}>{r.name}</a>
                    {!r.isPublic && (
                      <>
                        {' '}
                        <Badge tone="warning">{t('experts.private')}</Badge>
                      </>
                    )}
                    <span class="summary">
                      {r.headline}
                      {r.organisation ? ` · ${r.organisation}` : ''}
                    </span>
                  </>
                ),
              },
              {
                label: t('experts.col.specialties'),
                cell: (r) => r.specialties.map((s) => labelOf(t, 'experts.specialty', s)).join(', '),
              },
              {
                label: t('experts.col.where'),
                cell: (r) => placesOf(t, p.communes, r.communes, r.anywhere, t('experts.anywhere')),
              },
            ]}
          />
          <Pagination t={t} lang={lang} info={p.info} path="/chuyen-gia" query={p.query} more={p.more} />
        </>
      )}
    </Layout>
  );
};
