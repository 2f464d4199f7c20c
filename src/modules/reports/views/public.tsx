import type { FC } from 'hono/jsx';
import { formatDate, formatNumber } from '#kernel/i18n/index.ts';
import { Badge, EmptyState, Table } from '#kernel/ui/components.tsx';
import type { PageContext } from '#kernel/ui/context.ts';
import { labelOf } from '#kernel/ui/labels.ts';
import { Layout } from '#kernel/ui/layout.tsx';
import type { PublicFigure } from '../public.ts';
import type { PublicStory } from '../stories.service.ts';

export interface PublicYear {
  year: number;
  /** The last day counted: 31 December, or today for the current year. */
  to: string;
  soFar: boolean;
  figures: PublicFigure[];
}

const yearLabel = (ctx: PageContext, y: PublicYear) =>
  y.soFar
    ? ctx.t('reports.public.yearSoFar', { year: y.year, day: formatDate(y.to) })
    : ctx.t('reports.public.year', { year: y.year });

/** The years side by side, one row per figure: its name (its definition unfolds under it) and a count per year. */
const FiguresTable: FC<{ ctx: PageContext; years: PublicYear[] }> = ({ ctx, years }) => {
  const { t, lang } = ctx;
  const first = years[0];
  if (!first) return null;
  return (
    <Table
      caption={t('reports.public.figures', { years: years.map((y) => y.year).join(', ') })}
      rows={first.figures.map((f, i) => ({ f, values: years.map((y) => y.figures[i]?.value ?? 0) }))}
      columns={[
        {
          label: t('reports.col.indicator'),
          primary: true,
          cell: ({ f }) => (
            <details>
              <summary>{t(f.name)}</summary>
              <p class="hint">{t(f.definition)}</p>
            </details>
          ),
        },
        ...years.map((y, i) => ({
          label: yearLabel(ctx, y),
          numeric: true,
          phone: 'label' as const,
          cell: ({ f, values }: { f: PublicFigure; values: number[] }) => (
            <>
              <strong>{formatNumber(values[i] ?? 0, lang)}</strong> {t(f.unit)}
            </>
          ),
        })),
      ]}
    />
  );
};

const dates = (from: string, to: string | null) =>
  !to || to === from ? formatDate(from) : `${formatDate(from)} – ${formatDate(to)}`;

const Story: FC<{ ctx: PageContext; story: PublicStory }> = ({ ctx, story }) => {
  const { t } = ctx;
  return (
    <li class="story">
      <h3>{story.headline || story.projectName}</h3>
      {story.headline && <p class="row-meta">{story.projectName}</p>}
      <p>{story.body || story.summary}</p>
      {story.steps.length > 0 && (
        <details>
          <summary>{t('reports.public.journey')}</summary>
          <ol class="timeline">
            {story.steps.map((s) => (
              <li>
                <p class="timeline-date">{dates(s.startedOn, s.endedOn)}</p>
                <p class="timeline-title">
                  <Badge tone="info">{labelOf(t, 'support.kind', s.kind)}</Badge> {s.title}
                </p>
              </li>
            ))}
          </ol>
        </details>
      )}
      <p>
        <a href={`/du-an/${story.projectSlug}`}>{t('reports.public.openProject', { name: story.projectName })} →</a>
      </p>
    </li>
  );
};

/** `/so-lieu`: the headline figures of two years and the success stories, for anyone. */
export const PublicFiguresPage: FC<{
  ctx: PageContext;
  years: PublicYear[];
  others: number[];
  stories: PublicStory[];
}> = ({ ctx, years, others, stories }) => {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('reports.public.title')}>
      <h1>{t('reports.public.title')}</h1>
      <p class="lead">{t('reports.public.lead')}</p>
      <h2 id="figures">{t('reports.public.figures', { years: years.map((y) => y.year).join(', ') })}</h2>
      <div class="public-figures">
        <FiguresTable ctx={ctx} years={years} />
      </div>
      <p class="hint">{t('reports.public.note')}</p>
      <nav aria-label={t('reports.public.years')} class="presets">
        <span>{t('reports.public.years')}:</span>{' '}
        {others.map((year, i) => (
          <>
            {i > 0 && ' · '}
            <a href={`/so-lieu?nam=${year}`}>{year}</a>
          </>
        ))}
      </nav>
      <section aria-labelledby="stories">
        <h2 id="stories">{t('reports.public.stories')}</h2>
        {stories.length === 0 ? (
          <EmptyState title={t('reports.public.storiesEmpty')}>
            <p>{t('reports.public.storiesEmptyHint')}</p>
          </EmptyState>
        ) : (
          <ul class="rows stories">
            {stories.map((s) => (
              <Story ctx={ctx} story={s} />
            ))}
          </ul>
        )}
      </section>
    </Layout>
  );
};
