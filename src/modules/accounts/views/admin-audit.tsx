import type { FC } from 'hono/jsx';
import type { PageInfo } from '#kernel/http/pagination.ts';
import { formatDateTime } from '#kernel/i18n/index.ts';
import { type Column, EmptyState, Pagination, Table } from '#kernel/ui/components.tsx';
import type { PageContext } from '#kernel/ui/context.ts';
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

function details(data: Record<string, unknown> | null): string {
  if (!data) return '';
  return Object.entries(data)
    .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(' · ');
}

export const AuditPage: FC<{ ctx: PageContext; rows: AuditLine[]; info: PageInfo }> = ({ ctx, rows, info }) => {
  const { t } = ctx;
  const columns: Column<AuditLine>[] = [
    { label: t('admin.audit.at'), cell: (r) => <time datetime={r.at.toISOString()}>{formatDateTime(r.at)}</time> },
    { label: t('admin.audit.actor'), cell: (r) => r.actorName ?? r.actorId ?? t('admin.audit.system') },
    { label: t('admin.audit.action'), primary: true, cell: (r) => labelOf(t, 'audit', r.action) },
    { label: t('admin.audit.entity'), cell: (r) => (r.entityId ? `${r.entity} · ${r.entityId}` : r.entity) },
    { label: t('accounts.audit.details'), cell: (r) => details(r.data) },
    { label: t('accounts.audit.ip'), cell: (r) => r.ip ?? '' },
  ];
  return (
    <Layout ctx={ctx} title={t('admin.audit.title')}>
      <h1>{t('admin.audit.title')}</h1>
      <p class="lead list-lead">{t('accounts.audit.lead')}</p>
      {rows.length === 0 ? (
        <EmptyState title={t('list.empty')} />
      ) : (
        <>
          <Table caption={t('accounts.audit.caption')} columns={columns} rows={rows} />
          <Pagination t={t} lang={ctx.lang} info={info} path="/quan-tri/nhat-ky" query={{}} />
        </>
      )}
    </Layout>
  );
};
