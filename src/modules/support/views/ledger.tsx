import type { FC } from 'hono/jsx';
import type { PageInfo } from '#kernel/http/pagination.ts';
import { formatDate } from '#kernel/i18n/index.ts';
import { Badge, EmptyState, FilterForm, Pagination, ResultCount, Table, withQuery } from '#kernel/ui/components.tsx';
import type { PageContext } from '#kernel/ui/context.ts';
import { Select } from '#kernel/ui/form.tsx';
import { labelOf, optionsOf } from '#kernel/ui/labels.ts';
import { Layout } from '#kernel/ui/layout.tsx';
import type { SupportFilters } from '../support.schemas.ts';
import type { LedgerRow } from '../support.service.ts';
import { supportKinds } from '../support.taxonomy.ts';

export interface LedgerProps {
  ctx: PageContext;
  items: LedgerRow[];
  info: PageInfo;
  /** The count stopped at its cap: "more than". */
  more?: boolean;
  filters: SupportFilters;
  query: Record<string, string>;
  years: number[];
}

export const LedgerPage: FC<LedgerProps> = ({ ctx, items, info, more, filters, query, years }) => {
  const { t, lang } = ctx;
  const all = t('projects.filter.all');
  const filtered = Boolean(filters.q || filters.kind || filters.year);
  return (
    <Layout ctx={ctx} title={t('support.title')}>
      <h1>{t('support.title')}</h1>
      <p class="lead list-lead">{t('support.lead')}</p>
      <FilterForm
        t={t}
        action="/ho-tro"
        search={{ label: t('support.filter.project'), value: filters.q }}
        active={[filters.kind, filters.year].filter(Boolean).length}
        clearHref="/ho-tro"
        extra={<a href={withQuery('/ho-tro.csv', query, { page: undefined })}>{t('list.export')}</a>}
      >
        <Select
          name="kind"
          label={t('support.filter.kind')}
          value={filters.kind}
          placeholder={all}
          options={optionsOf(t, 'support.kind', supportKinds)}
        />
        <Select
          name="year"
          label={t('support.filter.year')}
          value={filters.year ? String(filters.year) : ''}
          placeholder={all}
          options={years.map((y) => ({ value: String(y), label: String(y) }))}
        />
      </FilterForm>
      {items.length === 0 ? (
        <EmptyState title={filtered ? t('list.noResults') : t('support.empty')}>
          {!filtered && <p>{t('support.emptyHint')}</p>}
        </EmptyState>
      ) : (
        <>
          <ResultCount t={t} lang={lang} total={info.total} more={more} />
          <Table
            caption={t('support.title')}
            rows={items}
            columns={[
              {
                label: t('support.col.project'),
                primary: true,
                cell: (r) => (r.projectSlug ? <a href={`/du-an/${r.projectSlug}`}>{r.projectName}</a> : '—'),
              },
              { label: t('support.col.date'), cell: (r) => formatDate(r.startedOn) },
              {
                label: t('support.col.kind'),
                cell: (r) => <Badge tone="info">{labelOf(t, 'support.kind', r.kind)}</Badge>,
              },
              { label: t('support.col.title'), cell: (r) => r.title },
              { label: t('support.col.provider'), cell: (r) => r.providerName, phone: 'hide' },
              { label: t('support.col.status'), cell: (r) => labelOf(t, 'support.status', r.status), phone: 'hide' },
            ]}
          />
          <Pagination t={t} lang={lang} info={info} path="/ho-tro" query={query} more={more} />
        </>
      )}
    </Layout>
  );
};
