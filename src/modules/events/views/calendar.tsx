import type { FC } from 'hono/jsx';
import type { PageInfo } from '#kernel/http/pagination.ts';
import { formatNumber } from '#kernel/i18n/index.ts';
import { Badge, EmptyState, FilterForm, Pagination, ResultCount } from '#kernel/ui/components.tsx';
import type { PageContext } from '#kernel/ui/context.ts';
import { Select } from '#kernel/ui/form.tsx';
import { labelOf, optionsOf } from '#kernel/ui/labels.ts';
import { Layout } from '#kernel/ui/layout.tsx';
import type { CalendarItem } from '../calendar/events.service.ts';
import type { CalendarFilters } from '../events.schemas.ts';
import { eventKinds } from '../events.taxonomy.ts';
import { datesText } from './parts.tsx';

export interface CalendarProps {
  ctx: PageContext;
  items: CalendarItem[];
  info: PageInfo;
  query: Record<string, string>;
  filters: CalendarFilters;
  isStaff: boolean;
}

export const CalendarPage: FC<CalendarProps> = ({ ctx, items, info, query, filters, isStaff }) => {
  const { t, lang } = ctx;
  const past = filters.when === 'past';
  const when = past ? 'past' : 'upcoming';
  const kindQuery = filters.kind ? `&kind=${filters.kind}` : '';
  return (
    <Layout ctx={ctx} title={t('events.title')} description={t('events.lead')}>
      <div class="page-head">
        <h1>{t('events.title')}</h1>
        {isStaff && (
          <a class="button button-primary" href="/su-kien/moi">
            {t('events.new')}
          </a>
        )}
      </div>
      <p class="lead list-lead">{t('events.lead')}</p>
      {isStaff && (
        <p>
          <a href="/su-kien-ngoai">{t('events.external.title')}</a>
        </p>
      )}
      <nav class="tabs" aria-label={t('events.title')}>
        <a href={`/su-kien?when=upcoming${kindQuery}`} aria-current={!past ? 'page' : undefined}>
          {t('events.upcoming')}
        </a>
        <a href={`/su-kien?when=past${kindQuery}`} aria-current={past ? 'page' : undefined}>
          {t('events.past')}
        </a>
      </nav>
      <FilterForm t={t} action="/su-kien" active={filters.kind ? 1 : 0} clearHref={`/su-kien?when=${when}`}>
        <input type="hidden" name="when" value={when} />
        <Select
          name="kind"
          label={t('events.field.kind')}
          value={filters.kind}
          placeholder={t('projects.filter.all')}
          options={optionsOf(t, 'events.kind', eventKinds)}
        />
      </FilterForm>
      {items.length === 0 ? (
        <EmptyState
          title={filters.kind ? t('list.noResults') : past ? t('events.emptyPast') : t('events.emptyUpcoming')}
        >
          {!past && !filters.kind && (
            <p>
              <a href="/su-kien?when=past">{t('events.emptyUpcomingHint')}</a>
            </p>
          )}
        </EmptyState>
      ) : (
        <>
          <ResultCount t={t} lang={lang} total={info.total} />
          <ul class="rows">
            {items.map((e) => (
              <li>
                <a class="row-title" href={`/su-kien/${e.slug}`}>
                  {e.title}
                </a>
                <p class="row-meta">
                  <strong>{datesText(e.startsOn, e.endsOn)}</strong>{' '}
                  <Badge tone="info">{labelOf(t, 'events.kind', e.kind)}</Badge>
                  {!e.published && (
                    <>
                      {' '}
                      <Badge tone="warning">{t('events.draft')}</Badge>
                    </>
                  )}
                  {e.audience !== 'public' && (
                    <>
                      {' '}
                      <Badge>{labelOf(t, 'events.audience', e.audience)}</Badge>
                    </>
                  )}
                  {!past && (
                    <span>
                      {e.confirmed >= e.capacity
                        ? t('events.full')
                        : t('events.seatsLeft', { count: formatNumber(e.capacity - e.confirmed, lang) })}
                    </span>
                  )}
                  {e.venue && <span>{e.venue}</span>}
                </p>
              </li>
            ))}
          </ul>
          <Pagination t={t} lang={lang} info={info} path="/su-kien" query={query} />
        </>
      )}
    </Layout>
  );
};
