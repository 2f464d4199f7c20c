import type { FC } from 'hono/jsx';
import type { PageInfo } from '#kernel/http/pagination.ts';
import { formatDate, type Translator } from '#kernel/i18n/index.ts';
import { Badge, EmptyState, Pagination, Table, type Tone } from '#kernel/ui/components.tsx';
import type { PageContext } from '#kernel/ui/context.ts';
import { labelOf } from '#kernel/ui/labels.ts';
import { Layout } from '#kernel/ui/layout.tsx';
import type { RequestListItem } from '../requests.queries.ts';

const statusTone: Record<string, Tone> = {
  new: 'warning',
  accepted: 'info',
  in_progress: 'info',
  resolved: 'success',
  declined: 'neutral',
};

export const StatusBadge: FC<{ t: Translator; status: string; overdue?: boolean }> = ({ t, status, overdue }) => (
  <>
    <Badge tone={statusTone[status] ?? 'neutral'}>{labelOf(t, 'requests.status', status)}</Badge>
    {overdue && (
      <>
        {' '}
        <Badge tone="danger">{t('requests.overdue')}</Badge>
      </>
    )}
  </>
);

export function who(r: RequestListItem): string {
  return r.projectName ?? r.contactName ?? r.requesterName ?? '';
}

export interface MyRequestsProps {
  ctx: PageContext;
  items: RequestListItem[];
  info: PageInfo;
  canFile: boolean;
}

export const MyRequestsPage: FC<MyRequestsProps> = ({ ctx, items, info, canFile }) => {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={t('requests.title.mine')}>
      <h1>{t('requests.title.mine')}</h1>
      <p class="lead list-lead">{t('requests.lead.mine')}</p>
      {canFile && (
        <p>
          <a class="button" href="/yeu-cau/moi">
            {t('requests.new')}
          </a>
        </p>
      )}
      {items.length === 0 ? (
        <EmptyState title={t('requests.empty.mine')}>
          <p>{t(canFile ? 'requests.empty.mineHint' : 'requests.empty.mineHintStaff')}</p>
        </EmptyState>
      ) : (
        <>
          <Table
            caption={t('requests.title.mine')}
            rows={items}
            columns={[
              {
                label: t('requests.col.ref'),
                primary: true,
                cell: (r) => <a href={`/yeu-cau/${r.number}`}>{`${r.ref} · ${labelOf(t, 'project.need', r.kind)}`}</a>,
              },
              {
                label: t('requests.col.status'),
                cell: (r) => <StatusBadge t={t} status={r.status} overdue={r.overdue} />,
              },
              { label: t('requests.col.project'), cell: (r) => who(r) },
              { label: t('requests.col.assignee'), cell: (r) => r.assigneeName ?? '', phone: 'hide' },
              { label: t('requests.col.created'), cell: (r) => formatDate(r.createdAt) },
            ]}
          />
          <Pagination t={t} lang={lang} info={info} path="/yeu-cau" query={{}} />
        </>
      )}
    </Layout>
  );
};
