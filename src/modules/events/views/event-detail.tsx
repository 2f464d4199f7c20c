import type { FC } from 'hono/jsx';
import { formatNumber } from '#kernel/i18n/index.ts';
import { Badge } from '#kernel/ui/components.tsx';
import type { PageContext } from '#kernel/ui/context.ts';
import { labelOf } from '#kernel/ui/labels.ts';
import { Layout } from '#kernel/ui/layout.tsx';
import type { EventDetail, RegistrationState } from '../calendar/events.service.ts';
import { EventFacts } from './event-facts.tsx';
import { SessionList } from './parts.tsx';

export interface EventPageProps {
  ctx: PageContext;
  event: EventDetail;
  state: RegistrationState;
  isStaff: boolean;
  /** The signed-in person's own ticket for this event, if they have one. */
  myTicket: string | null;
}

/** Staff's ways into the event's back office. */
const StaffLinks: FC<{ t: PageContext['t']; path: string; ended: boolean }> = ({ t, path, ended }) => (
  <ul class="row-actions staff-links">
    {ended && (
      <li>
        <a href={`${path}/ghi-nhan`}>{t('events.past.link')}</a>
      </li>
    )}
    <li>
      <a href={`${path}/nguoi-dang-ky`}>{t('events.registrations.title')}</a>
    </li>
    <li>
      <a href={`${path}/diem-danh`}>{t('events.checkIn.title')}</a>
    </li>
    <li>
      <a href={`${path}/ket-qua`}>{t('events.results.title')}</a>
    </li>
  </ul>
);

/** Who runs it, who teaches, how long: after the description, for those who read on. */
const MoreFacts: FC<{ t: PageContext['t']; lang: PageContext['lang']; event: EventDetail }> = ({
  t,
  lang,
  event: e,
}) => (
  <dl class="facts">
    <dt>{t('events.field.organiser')}</dt>
    <dd>{e.organiser}</dd>
    {e.partners.length > 0 && (
      <>
        <dt>{t('events.field.partners')}</dt>
        <dd>{e.partners.join('; ')}</dd>
      </>
    )}
    {e.trainers.length > 0 && (
      <>
        <dt>{t('events.field.trainers')}</dt>
        <dd>{e.trainers.map((x) => x.name).join('; ')}</dd>
      </>
    )}
    <dt>{t('events.field.hours')}</dt>
    <dd>{t('events.hoursValue', { hours: formatNumber(e.hours, lang) })}</dd>
  </dl>
);

/** An event's page: title, then dates, place, seats and "đăng ký" in the first screen. */
export const EventPage: FC<EventPageProps> = ({ ctx, event: e, state, isStaff, myTicket }) => {
  const { t, lang } = ctx;
  const path = `/su-kien/${e.slug}`;
  return (
    <Layout ctx={ctx} title={e.title} description={e.description.slice(0, 200) || e.title}>
      <nav class="breadcrumbs" aria-label="breadcrumb">
        <a href="/su-kien">{t('events.title')}</a>
      </nav>
      <div class="page-head">
        <h1>{e.title}</h1>
        {isStaff && (
          <a class="button button-secondary" href={`${path}/sua`}>
            {t('events.edit')}
          </a>
        )}
      </div>
      <p class="badges">
        <Badge tone="info">{labelOf(t, 'events.kind', e.kind)}</Badge>
        <Badge>{labelOf(t, 'events.audience', e.audience)}</Badge>
        {!e.published && <Badge tone="warning">{t('events.draft')}</Badge>}
      </p>
      <EventFacts t={t} lang={lang} event={e} state={state} myTicket={myTicket} />
      {isStaff && <StaffLinks t={t} path={path} ended={state === 'ended'} />}
      {e.description && (
        <div class="prose">
          {e.description.split(/\n{2,}/).map((para) => (
            <p>{para}</p>
          ))}
        </div>
      )}
      <h2>{t('events.sessions')}</h2>
      <SessionList t={t} sessions={e.sessions} />
      <p>
        <a href={`${path}/lich.ics`} download>
          {t('events.addToCalendar')}
        </a>
      </p>
      <MoreFacts t={t} lang={lang} event={e} />
    </Layout>
  );
};
