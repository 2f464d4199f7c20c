import type { FC } from 'hono/jsx';
import { formatDate, formatNumber } from '#kernel/i18n/index.ts';
import { Badge } from '#kernel/ui/components.tsx';
import type { PageContext } from '#kernel/ui/context.ts';
import { labelOf } from '#kernel/ui/labels.ts';
import { Layout } from '#kernel/ui/layout.tsx';
import type { EventDetail, RegistrationState } from '../events.service.ts';
import { datesText, SessionList } from './parts.tsx';

export interface EventPageProps {
  ctx: PageContext;
  event: EventDetail;
  state: RegistrationState;
  isStaff: boolean;
  /** The signed-in person's own ticket for this event, if they have one. */
  myTicket: string | null;
}

export const EventPage: FC<EventPageProps> = ({ ctx, event: e, state, isStaff, myTicket }) => {
  const { t, lang } = ctx;
  const free = Math.max(0, e.capacity - e.confirmed);
  const path = `/su-kien/${e.slug}`;
  return (
    <Layout ctx={ctx} title={e.title} description={e.description.slice(0, 200) || e.title}>
      <nav class="breadcrumbs" aria-label="breadcrumb">
        <a href="/su-kien">{t('events.title')}</a>
      </nav>
      <p class="badges">
        <Badge tone="info">{labelOf(t, 'events.kind', e.kind)}</Badge>{' '}
        <Badge>{labelOf(t, 'events.audience', e.audience)}</Badge>
        {!e.published && <Badge tone="warning">{t('events.draft')}</Badge>}
      </p>
      <div class="page-head">
        <h1>{e.title}</h1>
        {isStaff && (
          <a class="button button-secondary" href={`${path}/sua`}>
            {t('events.edit')}
          </a>
        )}
      </div>
      {isStaff && (
        <ul class="row-actions staff-links">
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
      )}
      <div class="columns">
        <div class="col-main">
          <dl class="facts">
            <dt>{t('events.field.dates')}</dt>
            <dd>{datesText(e.startsOn, e.endsOn)}</dd>
            <dt>{t('events.field.venue')}</dt>
            <dd>{e.venue}</dd>
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
        </div>
        <aside class="col-side card" aria-labelledby="register-heading">
          <h2 id="register-heading">{t('events.register.title')}</h2>
          <p>
            {t('events.capacity', { count: formatNumber(e.capacity, lang) })} ·{' '}
            {free > 0 ? t('events.seatsLeft', { count: formatNumber(free, lang) }) : t('events.full')}
            {e.waitlisted > 0 && <> · {t('events.waitlistCount', { count: formatNumber(e.waitlisted, lang) })}</>}
          </p>
          {(e.registrationOpensOn || e.registrationClosesOn) && (
            <p class="muted">
              {t('events.window', {
                from: e.registrationOpensOn ? formatDate(e.registrationOpensOn) : '…',
                to: e.registrationClosesOn ? formatDate(e.registrationClosesOn) : '…',
              })}
            </p>
          )}
          {myTicket ? (
            <p>
              <a class="button button-primary" href={`/ve/${myTicket}`}>
                {t('events.myTicket')}
              </a>
            </p>
          ) : state === 'open' ? (
            <>
              {free === 0 && <p>{t('events.register.waitlistNote')}</p>}
              <p>
                <a class="button button-primary" href={`${path}/dang-ky`}>
                  {free > 0 ? t('events.register.cta') : t('events.register.ctaWaitlist')}
                </a>
              </p>
            </>
          ) : state === 'signInFirst' ? (
            <p>
              {t('events.state.signInFirst')}{' '}
              <a href={`/dang-nhap?next=${encodeURIComponent(`${path}/dang-ky`)}`}>{t('nav.signIn')}</a>
            </p>
          ) : (
            <p>{t(`events.state.${state}`)}</p>
          )}
        </aside>
      </div>
    </Layout>
  );
};
