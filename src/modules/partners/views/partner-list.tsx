import type { FC } from 'hono/jsx';
import type { PageInfo } from '#kernel/http/pagination.ts';
import { type CommuneOption, communeOptions, placesOf } from '#kernel/ui/communes.ts';
import { Badge, EmptyState, FilterForm, Pagination, ResultCount, Table } from '#kernel/ui/components.tsx';
import type { PageContext } from '#kernel/ui/context.ts';
import { Select } from '#kernel/ui/form.tsx';
import { labelOf, optionsOf } from '#kernel/ui/labels.ts';
import { Layout } from '#kernel/ui/layout.tsx';
import { projectFields, supportNeeds } from '#modules/projects/index.ts';
import type { PartnerFilters } from '../partners.schemas.ts';
import type { PartnerListItem } from '../partners.service.ts';
import { partnerKinds } from '../partners.taxonomy.ts';

export interface PartnerListProps {
  ctx: PageContext;
  items: PartnerListItem[];
  info: PageInfo;
  more: boolean;
  filters: PartnerFilters;
  query: Record<string, string>;
  communes: CommuneOption[];
  canCreate: boolean;
  /** Staff get the filtered list as CSV. */
  exportHref?: string;
}

export const PartnerListPage: FC<PartnerListProps> = (p) => {
  const { t, lang } = p.ctx;
  const all = t('partners.filter.all');
  const title = t('partners.title');
  const filtered = Object.entries(p.query).some(([k, v]) => v && k !== 'page');
  return (
    <Layout ctx={p.ctx} title={title} description={t('partners.lead')}>
      <div class="page-head">
        <h1>{title}</h1>
        {p.canCreate && (
          <a class="button button-primary" href="/doi-tac/moi">
            {t('partners.new')}
          </a>
        )}
      </div>
      <p class="lead list-lead">{t('partners.lead')}</p>
      <FilterForm
        t={t}
        action="/doi-tac"
        search={{ label: t('partners.filter.q'), value: p.filters.q }}
        active={[p.filters.kind, p.filters.field, p.filters.offer, p.filters.commune].filter(Boolean).length}
        clearHref="/doi-tac"
        extra={p.exportHref && <a href={p.exportHref}>{t('list.export')}</a>}
      >
        <Select
          name="kind"
          label={t('partners.filter.kind')}
          value={p.filters.kind}
          placeholder={all}
          options={optionsOf(t, 'partners.kind', partnerKinds)}
        />
        <Select
          name="field"
          label={t('partners.filter.field')}
          value={p.filters.field}
          placeholder={all}
          options={optionsOf(t, 'project.field', projectFields)}
        />
        <Select
          name="offer"
          label={t('partners.filter.offer')}
          value={p.filters.offer}
          placeholder={all}
          options={optionsOf(t, 'project.need', supportNeeds)}
        />
        <Select
          name="commune"
          label={t('partners.filter.commune')}
          value={p.filters.commune}
          placeholder={all}
          options={communeOptions(t, p.communes)}
        />
      </FilterForm>
      {p.items.length === 0 ? (
        <EmptyState title={filtered ? t('list.noResults') : t('partners.empty')} />
      ) : (
        <>
          <ResultCount t={t} lang={lang} total={p.info.total} more={p.more} />
          <Table
            caption={title}
            rows={p.items}
            columns={[
              {
                label: t('partners.col.name'),
                primary: true,
                cell: (r) => (
                  <>
                    <a href={`/doi-tac/${r.slug}`}>{r.name}</a>
                    {!r.isPublic && (
                      <>
                        {' '}
                        <Badge tone="warning">{t('partners.private')}</Badge>
                      </>
                    )}
                    <span class="summary">{r.summary}</span>
                  </>
                ),
              },
              {
                label: t('partners.col.kind'),
                cell: (r) => <Badge tone="info">{labelOf(t, 'partners.kind', r.kind)}</Badge>,
              },
              {
                label: t('partners.col.offers'),
                cell: (r) => r.offers.map((o) => labelOf(t, 'project.need', o)).join(', '),
                phone: 'hide',
              },
              {
                label: t('partners.col.where'),
                cell: (r) => placesOf(t, p.communes, r.communes, r.anywhere, t('partners.anywhere')),
              },
            ]}
          />
          <Pagination t={t} lang={lang} info={p.info} path="/doi-tac" query={p.query} more={p.more} />
        </>
      )}
    </Layout>
  );
};
