import type { FC } from 'hono/jsx';
import type { PageInfo } from '#kernel/http/pagination.ts';
import { formatDate } from '#kernel/i18n/index.ts';
import { Badge, EmptyState, Pagination, Table, withQuery } from '#kernel/ui/components.tsx';
import type { PageContext } from '#kernel/ui/context.ts';
import { Input, Select } from '#kernel/ui/form.tsx';
import { labelOf, optionsOf } from '#kernel/ui/labels.ts';
import { Layout } from '#kernel/ui/layout.tsx';
import type { SupportFilters } from '../support.schemas.ts';
import type { LedgerRow } from '../support.service.ts';
import { supportKinds } from '../support.taxonomy.ts';

export interface LedgerProps {
  ctx: PageContext;
  items: LedgerRow[];
  info: PageInfo;
  filters: SupportFilters;
  query: Record<string, string>;
  years: number[];
}

export const LedgerPage: FC<LedgerProps> = ({ ctx, items, info, filters, query, years }) => {
  const { t, lang } = ctx;
  const all = t('projects.filter.all');
  return (
    <Layout ctx={ctx} title={t('support.title')}>
      <h1>{t('support.title')}</h1>
      <p class="lead">{t('support.lead')}</p>
      <form method="get" action="/ho-tro" class="filters" role="search">
        <Input name="q" type="search" label={t('support.field.project')} value={filters.q ?? ''} maxlength={100} />
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
        <div class="filter-actions">
          <button type="submit" class="button button-secondary">
            {t('form.filter')}
          </button>
          <a href={withQuery('/ho-tro.csv', query, { page: undefined })}>{t('list.export')}</a>
        </div>
      </form>
      {items.length === 0 ? (
        <EmptyState title={t('support.empty')} />
      ) : (
        <>
          <Table
            caption={t('support.title')}
            rows={items}
            columns={[
              { label: t('support.col.date'), cell: (r) => formatDate(r.startedOn) },
              {
                label: t('support.col.project'),
                primary: true,
                cell: (r) => <a href={`/du-an/${r.projectSlug}`}>{r.projectName}</a>,
              },
              {
                label: t('support.col.kind'),
                cell: (r) => <Badge tone="info">{labelOf(t, 'support.kind', r.kind)}</Badge>,
              },
              { label: t('support.col.title'), cell: (r) => r.title },
              { label: t('support.col.provider'), cell: (r) => r.providerName },
              { label: t('support.col.status'), cell: (r) => labelOf(t, 'support.status', r.status) },
            ]}
          />
          <Pagination t={t} lang={lang} info={info} path="/ho-tro" query={query} />
        </>
      )}
    </Layout>
  );
};
