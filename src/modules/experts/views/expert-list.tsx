import type { FC } from 'hono/jsx';
import type { PageInfo } from '#kernel/http/pagination.ts';
import { type CommuneOption, communeOptions, placesOf } from '#kernel/ui/communes.ts';
import { Badge, EmptyState, FilterForm, Pagination, ResultCount, Table } from '#kernel/ui/components.tsx';
import type { PageContext } from '#kernel/ui/context.ts';
import { Select } from '#kernel/ui/form.tsx';
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
  return (
    <Layout ctx={p.ctx} title={title} description={t('experts.lead')}>
      <h1>{title}</h1>
      <p class="lead list-lead">{t('experts.lead')}</p>
      <FilterForm
        t={t}
        action="/chuyen-gia"
        search={{ label: t('experts.filter.q'), value: p.filters.q }}
        active={[p.filters.specialty, p.filters.field, p.filters.commune].filter(Boolean).length}
        clearHref="/chuyen-gia"
        extra={p.exportHref && <a href={p.exportHref}>{t('list.export')}</a>}
      >
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
      </FilterForm>
      {p.items.length === 0 ? (
        <EmptyState title={filtered ? t('list.noResults') : t('experts.empty')} />
      ) : (
        <>
          <ResultCount t={t} lang={lang} total={p.info.total} more={p.more} />
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
