import type { FC } from 'hono/jsx';
import type { PageInfo } from '#kernel/http/pagination.ts';
import { formatDateTime } from '#kernel/i18n/index.ts';
import { Badge, type Column, EmptyState, Pagination, Table, type Tone } from '#kernel/ui/components.tsx';
import type { PageContext } from '#kernel/ui/context.ts';
import { Layout } from '#kernel/ui/layout.tsx';

export interface OutboxMail {
  id: string;
  to: string;
  subject: string;
  text: string;
  status: 'outbox' | 'sent' | 'failed';
  error: string | null;
  createdAt: Date;
}

const tones: Record<OutboxMail['status'], Tone> = { outbox: 'info', sent: 'success', failed: 'danger' };

export const OutboxPage: FC<{ ctx: PageContext; rows: OutboxMail[]; info: PageInfo }> = ({ ctx, rows, info }) => {
  const { t } = ctx;
  const columns: Column<OutboxMail>[] = [
    {
      label: t('admin.outbox.subject'),
      primary: true,
      cell: (m) => (
        <details>
          <summary>{m.subject}</summary>
          <pre class="mail-text">{m.text}</pre>
        </details>
      ),
    },
    { label: t('admin.outbox.to'), cell: (m) => m.to },
    { label: t('admin.outbox.at'), cell: (m) => formatDateTime(m.createdAt) },
    {
      label: t('admin.outbox.status'),
      cell: (m) => (
        <>
          <Badge tone={tones[m.status]}>{t(`admin.outbox.status.${m.status}`)}</Badge>
          {m.error && <p class="muted">{m.error}</p>}
        </>
      ),
    },
  ];
  return (
    <Layout ctx={ctx} title={t('admin.outbox.title')}>
      <h1>{t('admin.outbox.title')}</h1>
      <p class="lead list-lead">{t('admin.outbox.lead')}</p>
      {rows.length === 0 ? (
        <EmptyState title={t('list.empty')} />
      ) : (
        <>
          <Table caption={t('accounts.outbox.caption')} columns={columns} rows={rows} />
          <Pagination t={t} lang={ctx.lang} info={info} path="/quan-tri/hop-thu" query={{}} />
        </>
      )}
    </Layout>
  );
};
