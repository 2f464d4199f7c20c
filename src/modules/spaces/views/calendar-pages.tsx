import type { FC } from 'hono/jsx';
import { formatDate, formatNumber, type Translator } from '#kernel/i18n/index.ts';
import { EmptyState } from '#kernel/ui/components.tsx';
import type { PageContext } from '#kernel/ui/context.ts';
import { Layout } from '#kernel/ui/layout.tsx';
import { addDays, shutReason } from '../bookings-rules.ts';
import type { CalendarDayView, CalendarView, Occupancy } from '../calendar-service.ts';
import type { Room } from '../spaces.service.ts';
import { BookingStatus } from './spaces.tsx';

const weekdayOf = (day: string) => (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
const monthOf = (day: string) => day.slice(0, 7);
const shiftMonth = (month: string, n: number) => {
  const d = new Date(`${month}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + n);
  return d.toISOString().slice(0, 7);
};

/** The address of a calendar view around a day. */
export function calendarLink(base: string, view: CalendarView, day: string): string {
  if (view === 'day') return `${base}?xem=ngay&ngay=${day}`;
  if (view === 'month') return `${base}?xem=thang&thang=${monthOf(day)}`;
  return `${base}?tuan=${day}`;
}

const monthLabel = (t: Translator, day: string) =>
  t('spaces.cal.monthLabel', { m: Number(day.slice(5, 7)), y: day.slice(0, 4) });

/** A day's bookings as a list: time, room (for the whole space), project or "booked", status. */
const Entries: FC<{ t: Translator; d: CalendarDayView; space: boolean }> = ({ t, d, space }) =>
  d.entries.length === 0 ? (
    d.shut ? null : (
      <p class="muted">{t('spaces.calendar.free')}</p>
    )
  ) : (
    <ul class="cal-entries">
      {d.entries.map((b) => (
        <li>
          <strong>{b.from === '00:00' && b.to === '24:00' ? t('spaces.calendar.allDay') : `${b.from}–${b.to}`}</strong>{' '}
          {space && <a href={`/khong-gian/${b.roomSlug}/lich?xem=ngay&ngay=${d.day}`}>{b.roomName}</a>}
          {space && ' · '}
          {b.mine ? (
            <a href={`/dat-cho/${b.id}`}>{b.projectName || t('spaces.calendar.held')}</a>
          ) : (
            t('spaces.calendar.held')
          )}{' '}
          <BookingStatus t={t} status={b.status} />
        </li>
      ))}
    </ul>
  );

/** A room's hours that day, or why it is shut. */
const DayHours: FC<{ t: Translator; d: CalendarDayView }> = ({ t, d }) => {
  const words = (key: string, params?: Record<string, string | number>) => t(key as never, params);
  if (d.shut) return <p class="cal-shut">{t('spaces.cal.shut', { why: shutReason(words, d.day, d.shut) })}</p>;
  if (d.open && !(d.open.from === '00:00' && d.open.to === '24:00'))
    return <p class="muted">{t('spaces.cal.open', { from: d.open.from, to: d.open.to })}</p>;
  return null;
};

/**
 * A calendar of a room or of the whole space: a day, a week (a list by day) or a month (a grid
 * of days, each a link to its day). Plain HTML, no script; reads on a 360 px phone.
 */
export const CalendarViewPage: FC<{
  ctx: PageContext;
  room?: Room;
  view: CalendarView;
  day: string;
  first: string;
  end: string;
  days: CalendarDayView[];
  today: string;
}> = ({ ctx, room: r, view, day, first, end, days, today }) => {
  const { t } = ctx;
  const base = r ? `/khong-gian/${r.slug}/lich` : '/khong-gian/lich';
  const name = r ? r.name : t('spaces.cal.space');
  const title =
    view === 'day'
      ? t('spaces.cal.dayTitle', {
          room: name,
          day: `${t(`spaces.weekday.${weekdayOf(day) as 0}`)} ${formatDate(day)}`,
        })
      : view === 'month'
        ? t('spaces.cal.monthTitle', { room: name, month: monthLabel(t, day) })
        : t('spaces.calendar.title', { room: name, from: formatDate(first) });
  const [prev, next] =
    view === 'day'
      ? [addDays(day, -1), addDays(day, 1)]
      : view === 'week'
        ? [addDays(first, -7), addDays(first, 7)]
        : [`${shiftMonth(monthOf(day), -1)}-01`, `${shiftMonth(monthOf(day), 1)}-01`];
  const [prevLabel, nextLabel] =
    view === 'day'
      ? [t('spaces.cal.prevDay'), t('spaces.cal.nextDay')]
      : view === 'week'
        ? [t('spaces.calendar.prev'), t('spaces.calendar.next')]
        : [t('spaces.cal.prevMonth'), t('spaces.cal.nextMonth')];
  const views: [CalendarView, string][] = [
    ['day', t('spaces.cal.day')],
    ['week', t('spaces.cal.week')],
    ['month', t('spaces.cal.month')],
  ];
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        {r ? <a href={`/khong-gian/${r.slug}`}>{r.name}</a> : <a href="/khong-gian">{t('spaces.title')}</a>}
        {r && (
          <>
            {' '}
            · <a href={calendarLink('/khong-gian/lich', view, day)}>{t('spaces.cal.whole')}</a>
          </>
        )}
      </p>
      <h1>{title}</h1>
      <nav class="cal-views" aria-label={t('spaces.cal.views')}>
        {t('spaces.cal.views')}:{' '}
        {views.map(([v, label], i) => (
          <>
            {i > 0 && ' · '}
            {v === view ? (
              <strong aria-current="page">{label}</strong>
            ) : (
              <a href={calendarLink(base, v, day)}>{label}</a>
            )}
          </>
        ))}
      </nav>
      <nav class="week-nav" aria-label={title}>
        <a href={calendarLink(base, view, prev)} rel="prev">
          ← {prevLabel}
        </a>{' '}
        · <a href={calendarLink(base, view, today)}>{t('spaces.cal.today')}</a> ·{' '}
        <a href={calendarLink(base, view, next)} rel="next">
          {nextLabel} →
        </a>
      </nav>
      {view === 'month' ? (
        <MonthGrid t={t} base={base} days={days} first={first} end={end} today={today} space={!r} />
      ) : (
        <ol class="timeline week">
          {days.map((d) => (
            <li>
              <h2>
                {t(`spaces.weekday.${weekdayOf(d.day) as 0}`)} {formatDate(d.day)}
              </h2>
              {r && <DayHours t={t} d={d} />}
              <Entries t={t} d={d} space={!r} />
            </li>
          ))}
        </ol>
      )}
      {r?.active && (
        <p>
          <a class="button button-primary" href={`/khong-gian/${r.slug}/dat-cho`}>
            {t('spaces.book')}
          </a>
        </p>
      )}
      {r && (
        <p>
          <a href={`/khong-gian/${r.slug}/lich.ics`}>{t('spaces.cal.feed')}</a>
        </p>
      )}
    </Layout>
  );
};

/** A month as a grid of weeks: each day a link to its day view, with its count of bookings. */
const MonthGrid: FC<{
  t: Translator;
  base: string;
  days: CalendarDayView[];
  first: string;
  end: string;
  today: string;
  space: boolean;
}> = ({ t, base, days, first, today, space }) => {
  const lead = weekdayOf(first);
  const cells: (CalendarDayView | null)[] = [...Array.from({ length: lead }, () => null), ...days];
  while (cells.length % 7) cells.push(null);
  const weeks: (CalendarDayView | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return (
    <>
      <table class="cal-month">
        <caption class="visually-hidden">{monthLabel(t, first)}</caption>
        <thead>
          <tr>
            {[0, 1, 2, 3, 4, 5, 6].map((i) => (
              <th scope="col">
                <abbr title={t(`spaces.weekday.${i as 0}`)}>{t(`spaces.cal.short.${i as 0}`)}</abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((w) => (
            <tr>
              {w.map((d) =>
                d ? (
                  <td class={`${d.shut ? 'is-shut' : ''}${d.day === today ? ' is-today' : ''}`.trim() || undefined}>
                    <a
                      href={calendarLink(base, 'day', d.day)}
                      aria-label={`${t('spaces.cal.goToDay', { day: formatDate(d.day) })}${
                        d.entries.length ? `: ${t('spaces.cal.count', { n: d.entries.length })}` : ''
                      }`}
                    >
                      {Number(d.day.slice(8))}
                    </a>
                    {d.shut ? (
                      <span class="cal-note">{t('spaces.cal.shutShort')}</span>
                    ) : d.entries.length > 0 ? (
                      <span class="cal-count">{d.entries.length}</span>
                    ) : null}
                  </td>
                ) : (
                  <td />
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {!space && days.every((d) => d.entries.length === 0) && <p class="muted">{t('spaces.cal.freeAll')}</p>}
    </>
  );
};

/** Officers: each room's hours booked ÷ hours open in a month. */
export const OccupancyPage: FC<{ ctx: PageContext; month: string; rows: Occupancy[] }> = ({ ctx, month, rows }) => {
  const { t, lang } = ctx;
  const label = monthLabel(t, `${month}-01`);
  const percent = (x: number) => `${formatNumber(Math.round(x * 100), lang)} %`;
  return (
    <Layout ctx={ctx} title={t('spaces.occupancy.title')}>
      <p>
        <a href="/khong-gian">{t('spaces.title')}</a>
      </p>
      <h1>{t('spaces.occupancy.title')}</h1>
      <p>{t('spaces.occupancy.lead', { month: label })}</p>
      <nav class="week-nav" aria-label={t('spaces.occupancy.title')}>
        <a href={`/khong-gian/cong-suat?thang=${shiftMonth(month, -1)}`} rel="prev">
          ← {t('spaces.cal.prevMonth')}
        </a>{' '}
        ·{' '}
        <a href={`/khong-gian/cong-suat?thang=${shiftMonth(month, 1)}`} rel="next">
          {t('spaces.cal.nextMonth')} →
        </a>
      </nav>
      {rows.length === 0 ? (
        <EmptyState title={t('spaces.empty')} />
      ) : (
        <div class="table-wrap">
          <table class="table">
            <thead>
              <tr>
                <th scope="col">{t('spaces.occupancy.room')}</th>
                <th scope="col" class="num">
                  {t('spaces.occupancy.booked')}
                </th>
                <th scope="col" class="num">
                  {t('spaces.occupancy.open')}
                </th>
                <th scope="col" class="num">
                  {t('spaces.occupancy.rate')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((o) => (
                <tr>
                  <th scope="row">
                    <a href={`/khong-gian/${o.room.slug}/lich?xem=thang&thang=${month}`}>{o.room.name}</a>
                  </th>
                  <td class="num" data-label={t('spaces.occupancy.booked')}>
                    {formatNumber(o.booked, lang)}
                  </td>
                  <td class="num" data-label={t('spaces.occupancy.open')}>
                    {formatNumber(o.open, lang)}
                  </td>
                  <td class="num" data-label={t('spaces.occupancy.rate')}>
                    {percent(o.rate)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
};
