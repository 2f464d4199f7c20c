import type { FC } from 'hono/jsx';
import type { PageInfo } from '#kernel/http/pagination.ts';
import { formatDateTime } from '#kernel/i18n/index.ts';
import type { MailStatus } from '#kernel/mail/mail.sql.ts';
import { Badge, type Column, EmptyState, Pagination, Table, type Tone } from '#kernel/ui/components.tsx';
import type { PageContext } from '#kernel/ui/context.ts';
import { Button, PostForm } from '#kernel/ui/form.tsx';
import { Layout } from '#kernel/ui/layout.tsx';

export interface OutboxMail {
  id: string;
  to: string;
  subject: string;
  text: string;
  status: MailStatus;
  attempts: number;
  nextAttemptAt: Date;
  error: string | null;
  createdAt: Date;
}

const tones: Record<MailStatus, Tone> = {
  queued: 'info',
  sending: 'info',
  kept: 'neutral',
  sent: 'success',
  failed: 'danger',
};

export const OutboxPage: FC<{
  ctx: PageContext;
  rows: OutboxMail[];
  info: PageInfo;
  failed: number;
  failedOnly: boolean;
}> = ({ ctx, rows, info, failed, failedOnly }) => {
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
          {m.status === 'queued' && m.attempts > 0 && (
            <p class="muted">
              {t('admin.outbox.retry', { attempts: m.attempts, at: formatDateTime(m.nextAttemptAt) })}
            </p>
          )}
          {m.error && <p class="muted">{m.error}</p>}
          {m.status === 'failed' && (
            <PostForm action={`/quan-tri/hop-thu/${m.id}/gui-lai`} csrfToken={ctx.csrfToken}>
              <Button kind="secondary">{t('admin.outbox.resend')}</Button>
            </PostForm>
          )}
        </>
      ),
    },
  ];
  return (
    <Layout ctx={ctx} title={t('admin.outbox.title')}>
      <h1>{t('admin.outbox.title')}</h1>
      <p class="lead list-lead">{t('admin.outbox.lead')}</p>
      <nav class="tabs" aria-label={t('admin.outbox.status')}>
        <a href="/quan-tri/hop-thu" aria-current={failedOnly ? undefined : 'page'}>
          {t('admin.outbox.all')}
        </a>{' '}
        <a href="/quan-tri/hop-thu?trang-thai=loi" aria-current={failedOnly ? 'page' : undefined}>
          {t('admin.outbox.failedTab', { count: failed })}
        </a>
      </nav>
      {rows.length === 0 ? (
        <EmptyState title={failedOnly ? t('admin.outbox.noneFailed') : t('list.empty')} />
      ) : (
        <>
          <Table caption={t('accounts.outbox.caption')} columns={columns} rows={rows} />
          <Pagination
            t={t}
            lang={ctx.lang}
            info={info}
            path="/quan-tri/hop-thu"
            query={failedOnly ? { 'trang-thai': 'loi' } : {}}
          />
        </>
      )}
    </Layout>
  );
};
