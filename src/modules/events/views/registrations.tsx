import type { FC } from 'hono/jsx';
import { formatNumber } from '#kernel/i18n/index.ts';
import { Badge, EmptyState, Table } from '#kernel/ui/components.tsx';
import type { PageContext } from '#kernel/ui/context.ts';
import { labelOf } from '#kernel/ui/labels.ts';
import { Layout } from '#kernel/ui/layout.tsx';
import { type EventDetail, formatCode } from '../calendar/events.service.ts';
import type { RegistrationRow } from '../registrations/registrations.service.ts';
import { StatusBadge } from './parts.tsx';

export const RegistrationsPage: FC<{ ctx: PageContext; event: EventDetail; rows: RegistrationRow[] }> = ({
  ctx,
  event: e,
  rows,
}) => {
  const { t, lang } = ctx;
  const path = `/su-kien/${e.slug}`;
  return (
    <Layout ctx={ctx} title={`${t('events.registrations.title')} – ${e.title}`}>
      <nav class="breadcrumbs" aria-label="breadcrumb">
        <a href={path}>{e.title}</a>
      </nav>
      <h1>{t('events.registrations.title')}</h1>
      <p class="lead">
        {t('events.registrations.summary', {
          confirmed: formatNumber(e.confirmed, lang),
          capacity: formatNumber(e.capacity, lang),
          waitlisted: formatNumber(e.waitlisted, lang),
        })}
      </p>
      <ul class="row-actions">
        <li>
          <a class="button button-secondary" href={`${path}/nguoi-dang-ky.xlsx`}>
            {t('events.registrations.export')}
          </a>
        </li>
        <li>
          <a href={`${path}/dang-ky`}>{t('events.registrations.add')}</a>
        </li>
        <li>
          <a href={`${path}/diem-danh`}>{t('events.checkIn.title')}</a>
        </li>
      </ul>
      {rows.length === 0 ? (
        <EmptyState title={t('events.registrations.empty')} />
      ) : (
        <Table
          caption={t('events.registrations.title')}
          rows={rows}
          columns={[
            { label: t('events.xlsx.no'), numeric: true, cell: (r) => String(rows.indexOf(r) + 1) },
            {
              label: t('events.field.name'),
              primary: true,
              cell: (r) => (
                <>
                  <a href={`/ve/${r.token}`}>{r.name}</a>
                  {r.walkIn && (
                    <>
                      {' '}
                      <Badge>{t('events.xlsx.walkIn')}</Badge>
                    </>
                  )}
                </>
              ),
            },
            { label: t('events.xlsx.status'), cell: (r) => <StatusBadge t={t} status={r.status} /> },
            { label: t('events.xlsx.code'), cell: (r) => formatCode(r.code) },
            { label: t('events.field.phone'), cell: (r) => r.phone },
            { label: t('events.field.commune'), cell: (r) => r.communeName ?? '' },
            {
              label: t('events.field.organisation'),
              cell: (r) => r.organisation || labelOf(t, 'events.orgType', r.organisationType),
            },
            {
              label: t('events.xlsx.sessionsAttended'),
              numeric: true,
              cell: (r) => `${r.attended.length}/${e.sessions.length}`,
            },
          ]}
        />
      )}
    </Layout>
  );
};
