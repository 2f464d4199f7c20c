import type { FC } from 'hono/jsx';
import type { PageInfo } from '#kernel/http/pagination.ts';
import { formatDate, formatNumber } from '#kernel/i18n/index.ts';
import { Badge, EmptyState, FilterForm, Pagination, ResultCount, Table, withQuery } from '#kernel/ui/components.tsx';
import type { PageContext } from '#kernel/ui/context.ts';
import { Button, CsrfField, ErrorSummary, type Option, Select } from '#kernel/ui/form.tsx';
import { labelOf, optionsOf } from '#kernel/ui/labels.ts';
import { Layout } from '#kernel/ui/layout.tsx';
import { supportNeeds } from '#modules/projects/index.ts';
import type { InboxCounts, RequestListItem } from '../requests.queries.ts';
import { type InboxFilters, inboxViews } from '../requests.schemas.ts';
import { requestStatuses } from '../requests.taxonomy.ts';
import { StatusBadge, who } from './request-list.tsx';

// The officers' inbox, in parts: its views and filters, and the list with bulk assignment.

/** The views (with how many each holds) and the filters, kept in every link. */
export const InboxViewsAndFilters: FC<{
  ctx: PageContext;
  filters: InboxFilters;
  query: Record<string, string>;
  counts: InboxCounts;
  communes: Option[];
}> = ({ ctx, filters, query, counts, communes }) => {
  const { t, lang } = ctx;
  const view = filters.view ?? 'open';
  const all = t('projects.filter.all');
  return (
    <>
      <nav class="tabs" aria-label={t('requests.inbox.views')}>
        {inboxViews.map((v) => {
          const n = v in counts ? counts[v as keyof typeof counts] : undefined;
          return (
            <a
              href={withQuery('/quan-ly/yeu-cau', query, { view: v, page: undefined })}
              aria-current={v === view ? 'page' : undefined}
            >
              {t(`requests.inbox.view.${v}`)}
              {n !== undefined && ` (${formatNumber(n, lang)})`}
            </a>
          );
        })}
      </nav>
      <FilterForm
        t={t}
        action="/quan-ly/yeu-cau"
        search={{ label: t('requests.inbox.search'), value: filters.q }}
        active={[filters.kind, filters.status, filters.commune].filter(Boolean).length}
        clearHref={withQuery('/quan-ly/yeu-cau', {}, { view })}
        extra={<a href={withQuery('/quan-ly/yeu-cau.csv', query, { page: undefined })}>{t('requests.inbox.export')}</a>}
      >
        <input type="hidden" name="view" value={view} />
        <Select
          name="kind"
          label={t('requests.col.kind')}
          value={filters.kind}
          placeholder={all}
          options={optionsOf(t, 'project.need', supportNeeds)}
        />
        <Select
          name="status"
          label={t('requests.col.status')}
          value={filters.status}
          placeholder={all}
          options={optionsOf(t, 'requests.status', requestStatuses)}
        />
        <Select
          name="commune"
          label={t('requests.col.commune')}
          value={filters.commune}
          placeholder={all}
          options={communes}
        />
      </FilterForm>
    </>
  );
};

/** One page of requests, each with a box to tick, and the form assigning the ticked ones. */
export const InboxAssignForm: FC<{
  ctx: PageContext;
  items: RequestListItem[];
  info: PageInfo;
  query: Record<string, string>;
  staff: Option[];
  errors: Record<string, string>;
}> = ({ ctx, items, info, query, staff, errors }) => {
  const { t, lang } = ctx;
  return (
    <form method="post" action="/quan-ly/yeu-cau/phan-cong" novalidate>
      <CsrfField token={ctx.csrfToken} />
      <ErrorSummary
        t={t}
        errors={errors}
        labels={{ numbers: t('requests.col.choose'), assigneeId: t('requests.inbox.assignTo') }}
      />
      <div class="bulk">
        <Select
          name="assigneeId"
          label={t('requests.inbox.assignTo')}
          value={ctx.actor?.id}
          options={staff}
          error={errors.assigneeId}
        />
        <Button kind="secondary">{t('requests.inbox.assign')}</Button>
      </div>
      <ResultCount t={t} lang={lang} total={info.total} />
      <Table
        caption={t('requests.inbox.title')}
        rows={items}
        columns={[
          {
            label: t('requests.col.choose'),
            select: true,
            cell: (r) => (
              <label class="row-check">
                <input
                  type="checkbox"
                  name="numbers"
                  value={String(r.number)}
                  id={r.number === items[0]?.number ? 'f-numbers' : undefined}
                />
                <span class="visually-hidden">{`${t('requests.col.choose')} ${r.ref}`}</span>
              </label>
            ),
          },
          {
            label: t('requests.col.ref'),
            primary: true,
            cell: (r) => <a href={`/yeu-cau/${r.number}`}>{`${r.ref} · ${labelOf(t, 'project.need', r.kind)}`}</a>,
          },
          {
            label: t('requests.col.status'),
            cell: (r) => (
              <>
                {r.urgency === 'urgent' && (
                  <>
                    <Badge tone="danger">{t('requests.urgency.urgent')}</Badge>{' '}
                  </>
                )}
                <StatusBadge t={t} status={r.status} overdue={r.overdue} />
              </>
            ),
          },
          { label: t('requests.col.project'), cell: (r) => who(r) },
          { label: t('requests.col.commune'), cell: (r) => r.communeName ?? '', phone: 'hide' },
          { label: t('requests.col.due'), cell: (r) => (r.dueOn ? formatDate(r.dueOn) : ''), phone: 'label' },
          {
            label: t('requests.col.assignee'),
            cell: (r) => r.assigneeName ?? <span class="muted">{t('requests.unassigned')}</span>,
            phone: 'hide',
          },
          { label: t('requests.col.created'), cell: (r) => formatDate(r.createdAt), phone: 'hide' },
        ]}
      />
      <Pagination t={t} lang={lang} info={info} path="/quan-ly/yeu-cau" query={query} />
    </form>
  );
};

export interface InboxProps {
  ctx: PageContext;
  items: RequestListItem[];
  info: PageInfo;
  filters: InboxFilters;
  query: Record<string, string>;
  counts: InboxCounts;
  communes: Option[];
  staff: Option[];
  errors?: Record<string, string>;
}

export const InboxPage: FC<InboxProps> = ({
  ctx,
  items,
  info,
  filters,
  query,
  counts,
  communes,
  staff,
  errors = {},
}) => {
  const { t } = ctx;
  const view = filters.view ?? 'open';
  const filtered = Boolean(filters.q || filters.kind || filters.status || filters.commune);
  return (
    <Layout ctx={ctx} title={t('requests.inbox.title')}>
      <h1>{t('requests.inbox.title')}</h1>
      <p class="lead list-lead">{t('requests.inbox.lead')}</p>
      <p>
        <a href="/quan-ly/yeu-cau/moi">{t('requests.walkIn.link')}</a>
      </p>
      <InboxViewsAndFilters ctx={ctx} filters={filters} query={query} counts={counts} communes={communes} />
      {items.length === 0 ? (
        <EmptyState title={filtered ? t('list.noResults') : t(`requests.inbox.empty.${view}`)} />
      ) : (
        <InboxAssignForm ctx={ctx} items={items} info={info} query={query} staff={staff} errors={errors} />
      )}
    </Layout>
  );
};
