import type { FC } from 'hono/jsx';
import type { PageInfo } from '#kernel/http/pagination.ts';
import { formatDateTime, formatNumber } from '#kernel/i18n/index.ts';
import {
  type Column,
  EmptyState,
  FilterForm,
  Pagination,
  ResultCount,
  Table,
  withQuery,
} from '#kernel/ui/components.tsx';
import type { PageContext } from '#kernel/ui/context.ts';
import { ErrorSummary, Input, Select } from '#kernel/ui/form.tsx';
import { labelOf } from '#kernel/ui/labels.ts';
import { Layout } from '#kernel/ui/layout.tsx';

export interface AuditLine {
  id: number;
  at: Date;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  data: Record<string, unknown> | null;
  ip: string | null;
}

/** The filters as typed (kept as they are when one is refused). */
export interface AuditFilterValues {
  actor?: string;
  action?: string;
  entity?: string;
  from?: string;
  to?: string;
  text?: string;
}

/** The details of a line as one readable text: `key: value · key: value`. */
export function auditDetails(data: Record<string, unknown> | null): string {
  if (!data) return '';
  return Object.entries(data)
    .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(' · ');
}

export interface AuditPageProps {
  ctx: PageContext;
  rows: AuditLine[];
  info: PageInfo | null;
  values: AuditFilterValues;
  errors: Record<string, string>;
  /** The actions and kinds of item the log holds. */
  actions: string[];
  entities: string[];
  exportCap: number;
}

const path = '/quan-tri/nhat-ky';

export const AuditPage: FC<AuditPageProps> = ({ ctx, rows, info, values, errors, actions, entities, exportCap }) => {
  const { t, lang } = ctx;
  const all = t('projects.filter.all');
  const query: Record<string, string | undefined> = { ...values };
  const active = [values.action, values.entity, values.from, values.to, values.text].filter(Boolean).length;
  const filtered = active > 0 || Boolean(values.actor);
  const failed = Object.keys(errors).length > 0;
  const columns: Column<AuditLine>[] = [
    { label: t('admin.audit.at'), cell: (r) => <time datetime={r.at.toISOString()}>{formatDateTime(r.at)}</time> },
    { label: t('admin.audit.actor'), cell: (r) => r.actorName ?? r.actorId ?? t('admin.audit.system') },
    { label: t('admin.audit.action'), primary: true, cell: (r) => labelOf(t, 'audit', r.action) },
    { label: t('admin.audit.entity'), cell: (r) => (r.entityId ? `${r.entity} · ${r.entityId}` : r.entity) },
    { label: t('accounts.audit.details'), cell: (r) => auditDetails(r.data) },
    { label: t('accounts.audit.ip'), cell: (r) => r.ip ?? '', phone: 'hide' },
  ];
  return (
    <Layout ctx={ctx} title={t('admin.audit.title')}>
      <h1>{t('admin.audit.title')}</h1>
      <p class="lead list-lead">{t('accounts.audit.lead')}</p>
      <ErrorSummary
        t={t}
        errors={Object.fromEntries(Object.entries(errors).map(([k, v]) => [k === 'actor' ? 'q' : k, v]))}
        labels={{
          q: t('accounts.audit.filter.actor'),
          action: t('admin.audit.action'),
          entity: t('accounts.audit.filter.entity'),
          from: t('accounts.audit.filter.from'),
          to: t('accounts.audit.filter.to'),
          text: t('accounts.audit.filter.text'),
        }}
      />
      <FilterForm
        t={t}
        action={path}
        label={t('accounts.audit.filters')}
        search={{ label: t('accounts.audit.filter.actor'), value: values.actor, name: 'actor' }}
        active={active}
        clearHref={path}
        extra={
          failed ? undefined : (
            <>
              <a href={withQuery(`${path}.csv`, query, {})}>{t('list.export')}</a>{' '}
              <a href={withQuery(`${path}.xlsx`, query, {})}>{t('accounts.audit.exportXlsx')}</a>
            </>
          )
        }
      >
        <Select
          name="action"
          label={t('admin.audit.action')}
          value={values.action}
          placeholder={all}
          options={actions.map((a) => ({ value: a, label: labelOf(t, 'audit', a) }))}
        />
        <Select
          name="entity"
          label={t('accounts.audit.filter.entity')}
          value={values.entity}
          placeholder={all}
          options={entities.map((e) => ({ value: e, label: e }))}
        />
        <Input
          name="from"
          type="date"
          label={t('accounts.audit.filter.from')}
          value={values.from}
          error={errors.from}
        />
        <Input name="to" type="date" label={t('accounts.audit.filter.to')} value={values.to} error={errors.to} />
        <Input
          name="text"
          type="search"
          label={t('accounts.audit.filter.text')}
          hint={t('accounts.audit.filter.textHint')}
          value={values.text}
          error={errors.text}
          maxlength={100}
        />
      </FilterForm>
      <p class="hint">{t('accounts.audit.exportCap', { count: formatNumber(exportCap, lang) })}</p>
      {failed || !info ? null : rows.length === 0 ? (
        <EmptyState title={filtered ? t('list.noResults') : t('list.empty')} />
      ) : (
        <>
          <ResultCount t={t} lang={lang} total={info.total} />
          <Table caption={t('accounts.audit.caption')} columns={columns} rows={rows} />
          <Pagination t={t} lang={lang} info={info} path={path} query={query} />
        </>
      )}
    </Layout>
  );
};
