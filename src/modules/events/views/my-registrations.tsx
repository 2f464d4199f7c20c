import type { FC } from 'hono/jsx';
import { EmptyState, Table } from '#kernel/ui/components.tsx';
import type { PageContext } from '#kernel/ui/context.ts';
import { labelOf } from '#kernel/ui/labels.ts';
import { Layout } from '#kernel/ui/layout.tsx';
import type { MyRegistration } from '../registrations/registrations.service.ts';
import { datesText, StatusBadge } from './parts.tsx';

export const MyRegistrationsPage: FC<{ ctx: PageContext; items: MyRegistration[] }> = ({ ctx, items }) => {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('events.mine.title')}>
      <h1>{t('events.mine.title')}</h1>
      {items.length === 0 ? (
        <EmptyState title={t('events.mine.empty')}>
          <p>
            <a href="/su-kien">{t('events.mine.browse')}</a>
          </p>
        </EmptyState>
      ) : (
        <Table
          caption={t('events.mine.title')}
          rows={items}
          columns={[
            { label: t('events.col.event'), primary: true, cell: (r) => <a href={`/ve/${r.token}`}>{r.eventTitle}</a> },
            { label: t('events.field.kind'), cell: (r) => labelOf(t, 'events.kind', r.eventKind) },
            { label: t('events.field.dates'), cell: (r) => datesText(r.startsOn, r.endsOn) },
            { label: t('events.field.venue'), cell: (r) => r.venue },
            { label: t('events.xlsx.status'), cell: (r) => <StatusBadge t={t} status={r.status} /> },
          ]}
        />
      )}
    </Layout>
  );
};
