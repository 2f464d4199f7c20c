import type { FC } from 'hono/jsx';
import { formatDate, formatNumber, type Lang, type Translator } from '#kernel/i18n/index.ts';
import { KeyFacts } from '#kernel/ui/components.tsx';
import type { EventDetail, RegistrationState } from '../calendar/events.service.ts';
import { datesText } from './parts.tsx';

/** "Nhận đăng ký từ … đến …", or only the end or only the start when one of them is not set. */
export function windowText(t: Translator, opens: string | null, closes: string | null): string | null {
  if (opens && closes) return t('events.window', { from: formatDate(opens), to: formatDate(closes) });
  if (closes) return t('events.windowUntil', { to: formatDate(closes) });
  if (opens) return t('events.windowFrom', { from: formatDate(opens) });
  return null;
}

/** What decides whether to come: when, where, seats, and the one button (or why there is none). */
export const EventFacts: FC<{
  t: Translator;
  lang: Lang;
  event: EventDetail;
  state: RegistrationState;
  myTicket: string | null;
}> = ({ t, lang, event: e, state, myTicket }) => {
  const free = Math.max(0, e.capacity - e.confirmed);
  const path = `/su-kien/${e.slug}`;
  const window = windowText(t, e.registrationOpensOn, e.registrationClosesOn);
  const seats =
    state === 'ended'
      ? t('events.capacity', { count: formatNumber(e.capacity, lang) })
      : `${free > 0 ? t('events.seatsLeft', { count: formatNumber(free, lang) }) : t('events.full')} / ${t('events.capacity', { count: formatNumber(e.capacity, lang) })}`;
  return (
    <KeyFacts
      label={t('events.summary')}
      facts={[
        { label: t('events.field.dates'), value: datesText(e.startsOn, e.endsOn) },
        e.venue && { label: t('events.field.venue'), value: e.venue },
        {
          label: t('events.seats'),
          value: (
            <>
              {seats}
              {e.waitlisted > 0 && state !== 'ended' && (
                <span class="muted"> · {t('events.waitlistCount', { count: formatNumber(e.waitlisted, lang) })}</span>
              )}
            </>
          ),
        },
        window && state !== 'ended' && { label: t('events.register.title'), value: window },
      ]}
    >
      {myTicket ? (
        <a class="button button-primary" href={`/ve/${myTicket}`}>
          {t('events.myTicket')}
        </a>
      ) : state === 'open' ? (
        <>
          <a class="button button-primary" href={`${path}/dang-ky`}>
            {free > 0 ? t('events.register.cta') : t('events.register.ctaWaitlist')}
          </a>
          {free === 0 && <span>{t('events.register.waitlistNote')}</span>}
        </>
      ) : state === 'signInFirst' ? (
        <span>
          {t('events.state.signInFirst')}{' '}
          <a href={`/dang-nhap?next=${encodeURIComponent(`${path}/dang-ky`)}`}>{t('nav.signIn')}</a>
        </span>
      ) : (
        <span>{t(`events.state.${state}`)}</span>
      )}
    </KeyFacts>
  );
};
