import type { FC } from 'hono/jsx';
import type { PageInfo } from '#kernel/http/pagination.ts';
import { formatDateTime, formatNumber, type Lang, type Translator } from '#kernel/i18n/index.ts';
import { EmptyState, FilterForm, Pagination } from '#kernel/ui/components.tsx';
import type { PageContext } from '#kernel/ui/context.ts';
import { labelOf } from '#kernel/ui/labels.ts';
import { Layout } from '#kernel/ui/layout.tsx';
import type { Question } from '../surveys.logic.ts';
import type { Results, Survey } from '../surveys.service.ts';
import { valueLabel } from './builder.tsx';

/**
 * Bars drawn on the server as inline SVG, one row each with its label above (long labels never
 * cut on a 360 px phone), the count and the share of those who answered.
 */
export const Bars: FC<{ id: string; title: string; bars: { label: string; n: number }[]; of: number; lang: Lang }> = ({
  id,
  title,
  bars,
  of,
  lang,
}) => {
  const width = 360;
  const row = 40;
  const height = Math.max(1, bars.length) * row + 4;
  const max = Math.max(1, ...bars.map((b) => b.n));
  const plot = width - 90;
  const description = bars.map((b) => `${b.label}: ${b.n}`).join('; ');
  return (
    <svg class="chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-title ${id}-desc`}>
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {bars.map((b, i) => {
        const w = b.n > 0 ? Math.max(2, Math.round((b.n / max) * plot)) : 0;
        const y = i * row + 2;
        const share = of > 0 ? Math.round((b.n / of) * 100) : 0;
        return (
          <g>
            <text x={0} y={y + 14} font-size="13" fill="currentColor">
              {b.label.length > 52 ? `${b.label.slice(0, 50)}…` : b.label}
            </text>
            <rect x={0} y={y + 20} width={w} height={14} fill="#1d6fa5" />
            <text x={w + 5} y={y + 32} font-size="13" fill="currentColor">
              {formatNumber(b.n, lang)} ({share}%)
            </text>
          </g>
        );
      })}
    </svg>
  );
};

type Dim = 'nhom' | 'xa';

/** The label of a cross-tab column: a group, or a commune's name. */
function columnLabel(t: Translator, dim: Dim, by: string, communes: Map<string, string>): string {
  if (!by) return t('surveys.results.unknown');
  return dim === 'nhom' ? labelOf(t, 'surveys.target', by) : (communes.get(by) ?? by);
}

const fmt = (n: number | null, lang: Lang) =>
  n === null ? '—' : new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 2 }).format(n);

/** One question's figures: a chart, then the same figures by group or by commune in a table. */
const QuestionResult: FC<{
  ctx: PageContext;
  survey: Survey;
  q: Question;
  index: number;
  results: Results;
  dim: Dim;
  communes: Map<string, string>;
  projects: Map<string, string>;
}> = ({ ctx, survey: s, q, index, results, dim, communes, projects }) => {
  const { t, lang } = ctx;
  const id = `c${index}`;
  const counts = results.counts.filter((c) => c.questionId === q.id);
  const total = results.numbers.find((n) => n.questionId === q.id && n.by === null);
  const byCol = results.numbers.filter((n) => n.questionId === q.id && n.by !== null);
  const answered = results.answered.find((x) => x.questionId === q.id)?.n ?? 0;
  const cols = results.columns;
  const label = (v: string) =>
    q.kind === 'commune' ? (communes.get(v) ?? v) : q.kind === 'project' ? (projects.get(v) ?? v) : valueLabel(t, q, v);
  // Choices in the builder's order (a scale 1…5), then any value no longer offered.
  const offered =
    q.kind === 'single' || q.kind === 'multi' ? q.options.choices : q.kind === 'scale' ? ['1', '2', '3', '4', '5'] : [];
  const seen = [
    ...new Set(
      counts
        .filter((c) => c.by === null)
        .sort((a, b) => b.n - a.n)
        .map((c) => c.value),
    ),
  ];
  const values = [...offered, ...seen.filter((v) => !offered.includes(v))];
  const n = (value: string, by: string | null) => counts.find((c) => c.value === value && c.by === by)?.n ?? 0;
  return (
    <section class="panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{q.label}</h2>
      {(q.kind === 'scale' || q.kind === 'number') && total && (
        <p>
          {t('surveys.results.average', {
            avg: fmt(total.avg, lang),
            min: fmt(total.min, lang),
            max: fmt(total.max, lang),
            n: formatNumber(total.n, lang),
          })}
        </p>
      )}
      {values.length > 0 && (
        <>
          <figure class="chart-figure">
            <Bars
              id={id}
              title={t('surveys.results.chart', { label: q.label })}
              bars={values.map((v) => ({ label: label(v), n: n(v, null) }))}
              of={answered}
              lang={lang}
            />
          </figure>
          <div class="table-wrap">
            <table class="table">
              <caption class="visually-hidden">{q.label}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('surveys.results.value')}</th>
                  <th scope="col">{t('surveys.results.all')}</th>
                  {cols.map((c) => (
                    <th scope="col">{columnLabel(t, dim, c.by, communes)}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {values.map((v) => (
                  <tr>
                    <th scope="row">{label(v)}</th>
                    <td data-label={t('surveys.results.all')}>{formatNumber(n(v, null), lang)}</td>
                    {cols.map((c) => (
                      <td data-label={columnLabel(t, dim, c.by, communes)}>{formatNumber(n(v, c.by), lang)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {q.kind === 'number' && total && (
        <figure class="chart-figure">
          <Bars
            id={`${id}b`}
            title={t('surveys.results.chart', { label: q.label })}
            bars={[1, 2, 3, 4, 5].map((b) => {
              const lo = (total.min ?? 0) + (((total.max ?? 0) - (total.min ?? 0)) * (b - 1)) / 5;
              const hi = (total.min ?? 0) + (((total.max ?? 0) - (total.min ?? 0)) * b) / 5;
              return {
                label: `${fmt(lo, lang)} – ${fmt(hi, lang)}`,
                n: results.buckets.find((x) => x.questionId === q.id && x.bucket === b)?.n ?? 0,
              };
            })}
            of={total.n}
            lang={lang}
          />
        </figure>
      )}
      {byCol.length > 0 && (
        <div class="table-wrap">
          <p>{t('surveys.results.avgBy')}</p>
          <table class="table">
            <caption class="visually-hidden">{t('surveys.results.avgBy')}</caption>
            <thead>
              <tr>
                {byCol.map((c) => (
                  <th scope="col">{columnLabel(t, dim, c.by ?? '', communes)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr>
                {byCol.map((c) => (
                  <td data-label={columnLabel(t, dim, c.by ?? '', communes)}>
                    {fmt(c.avg, lang)} (n = {formatNumber(c.n, lang)})
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
        </div>
      )}
      {(q.kind === 'short_text' || q.kind === 'long_text') && (
        <p>
          {answered > 0 ? (
            <a href={`/khao-sat/${s.slug}/ket-qua/${q.id}`}>
              {t('surveys.results.readTexts', { n: formatNumber(answered, lang) })}
            </a>
          ) : (
            t('surveys.results.noAnswers')
          )}
        </p>
      )}
      <p class="muted">{t('surveys.results.answered', { n: formatNumber(answered, lang) })}</p>
    </section>
  );
};

export const ResultsPage: FC<{
  ctx: PageContext;
  survey: Survey;
  questions: Question[];
  results: Results;
  dim: Dim;
  communes: Map<string, string>;
  projects: Map<string, string>;
}> = ({ ctx, survey: s, questions, results, dim, communes, projects }) => {
  const { t, lang } = ctx;
  const title = t('surveys.results.title', { title: s.title });
  const base = `/khao-sat/${s.slug}/ket-qua`;
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href={`/khao-sat/${s.slug}/thiet-ke`}>{s.title}</a>
      </p>
      <h1>{title}</h1>
      <p class="lead">{t('surveys.results.total', { n: formatNumber(results.total, lang) })}</p>
      <p>
        {t('surveys.results.by')}:{' '}
        {dim === 'nhom' ? (
          <strong>{t('surveys.results.byGroup')}</strong>
        ) : (
          <a href={base}>{t('surveys.results.byGroup')}</a>
        )}{' '}
        ·{' '}
        {dim === 'xa' ? (
          <strong>{t('surveys.results.byCommune')}</strong>
        ) : (
          <a href={`${base}?theo=xa`}>{t('surveys.results.byCommune')}</a>
        )}
      </p>
      <p>
        <a class="button button-secondary" href={`/khao-sat/${s.slug}/ket-qua.xlsx`}>
          {t('surveys.results.export')}
        </a>
      </p>
      {results.total === 0 ? (
        <EmptyState title={t('surveys.results.noAnswers')} />
      ) : (
        questions.map((q, i) => (
          <QuestionResult
            ctx={ctx}
            survey={s}
            q={q}
            index={i}
            results={results}
            dim={dim}
            communes={communes}
            projects={projects}
          />
        ))
      )}
    </Layout>
  );
};

/** A free-text question's answers, searchable without accents, a page at a time. */
export const TextAnswersPage: FC<{
  ctx: PageContext;
  survey: Survey;
  question: Question;
  q: string;
  rows: { value: string | null; group: string | null; commune: string | null; at: Date | null }[];
  info: PageInfo;
  communes: Map<string, string>;
}> = ({ ctx, survey: s, question, q, rows, info, communes }) => {
  const { t, lang } = ctx;
  const path = `/khao-sat/${s.slug}/ket-qua/${question.id}`;
  const title = t('surveys.texts.title', { label: question.label });
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href={`/khao-sat/${s.slug}/ket-qua`}>{t('surveys.results')}</a>
      </p>
      <h1>{title}</h1>
      <FilterForm t={t} action={path} search={{ label: t('surveys.texts.search'), value: q }} clearHref={path} />
      {rows.length === 0 ? (
        <EmptyState title={t('surveys.texts.empty')} />
      ) : (
        <ul class="rows">
          {rows.map((r) => (
            <li>
              <p class="pre">{r.value}</p>
              <p class="row-meta">
                {r.group ? labelOf(t, 'surveys.target', r.group) : t('surveys.results.unknown')}
                {r.commune && <> · {communes.get(r.commune) ?? r.commune}</>}
                {r.at && <> · {formatDateTime(r.at)}</>}
              </p>
            </li>
          ))}
        </ul>
      )}
      <Pagination t={t} lang={lang} info={info} path={path} query={{ q }} />
    </Layout>
  );
};
