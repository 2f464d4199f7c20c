import type { FC } from 'hono/jsx';
import type { PageInfo } from '#kernel/http/pagination.ts';
import { formatDate, formatNumber } from '#kernel/i18n/index.ts';
import { EmptyState, Pagination, Table } from '#kernel/ui/components.tsx';
import type { PageContext } from '#kernel/ui/context.ts';
import { ErrorSummary, Input } from '#kernel/ui/form.tsx';
import { Layout } from '#kernel/ui/layout.tsx';
import type { Preset } from '../period.ts';
import type { Report, ReportLine } from '../reports.service.ts';
import { BarChart } from './chart.tsx';

/** A card names its largest groups; the evidence page has them all in tables. */
const shownGroups = 6;

const q = (from: string, to: string) => `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;

const PeriodForm: FC<{
  ctx: PageContext;
  values: { from?: string; to?: string };
  errors: Record<string, string>;
  presets: Preset[];
}> = ({ ctx, values, errors, presets }) => {
  const { t } = ctx;
  return (
    <>
      <ErrorSummary t={t} errors={errors} labels={{ from: t('reports.period.from'), to: t('reports.period.to') }} />
      <form method="get" action="/quan-ly/bao-cao" class="period-form" novalidate>
        <fieldset>
          <legend>{t('reports.period')}</legend>
          <Input
            name="from"
            type="date"
            label={t('reports.period.from')}
            hint={t('reports.period.hint')}
            value={values.from}
            error={errors.from}
            required
          />
          <Input name="to" type="date" label={t('reports.period.to')} value={values.to} error={errors.to} required />
          <button type="submit" class="button button-primary">
            {t('reports.period.show')}
          </button>
        </fieldset>
      </form>
      <nav aria-label={t('reports.period.presets')} class="presets">
        <span>{t('reports.period.presets')}:</span>{' '}
        {presets.map((p, i) => (
          <>
            {i > 0 && ' · '}
            <a href={`/quan-ly/bao-cao?${q(p.from, p.to)}`}>{t(`reports.preset.${p.key}`)}</a>
          </>
        ))}
      </nav>
    </>
  );
};

const Line: FC<{ ctx: PageContext; line: ReportLine; from: string; to: string }> = ({ ctx, line, from, to }) => {
  const { t, lang } = ctx;
  const { indicator, figure } = line;
  return (
    <li class="figure">
      <h3>{t(indicator.name)}</h3>
      <p class="figure-value">
        <strong>{formatNumber(figure.value, lang)}</strong> {t(indicator.unit)}
      </p>
      <p class="hint">{t(indicator.definition)}</p>
      {figure.breakdowns
        .filter((b) => b.rows.length > 0)
        .map((b) => (
          <p>
            {t(b.title)}:{' '}
            {b.rows
              .slice(0, shownGroups)
              .map((r) => `${r.label}: ${formatNumber(r.count, lang)} ${t(indicator.unit)}`)
              .join(' · ')}
            {b.rows.length > shownGroups && ` · ${t('reports.breakdown.more', { count: b.rows.length - shownGroups })}`}
          </p>
        ))}
      <p>
        <a href={`/quan-ly/bao-cao/chi-tieu/${indicator.id}?${q(from, to)}`}>
          {t('reports.evidence.link', { count: formatNumber(figure.records, lang) })}
        </a>
      </p>
    </li>
  );
};

/** A chart drawn on the server, its caption, and the same figures as a table. */
const Chart: FC<{
  ctx: PageContext;
  id: string;
  title: string;
  description: string;
  column: string;
  unit: string;
  bars: { label: string; count: number }[];
}> = ({ ctx, id, title, description, column, unit, bars }) => {
  const { t, lang } = ctx;
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{title}</h2>
      {bars.length === 0 ? (
        <EmptyState title={t('reports.chart.empty')} />
      ) : (
        <>
          <figure class="chart-figure">
            <BarChart
              id={id}
              title={title}
              description={description}
              bars={bars.map((b) => ({ label: b.label, value: b.count }))}
            />
            <figcaption>{description}</figcaption>
          </figure>
          <Table
            caption={t('reports.chart.tableOf', { title })}
            rows={bars}
            columns={[
              { label: column, primary: true, cell: (r) => r.label },
              { label: unit, cell: (r) => formatNumber(r.count, lang) },
            ]}
          />
        </>
      )}
    </section>
  );
};

export const ReportPage: FC<{
  ctx: PageContext;
  values: { from?: string; to?: string };
  errors: Record<string, string>;
  presets: Preset[];
  report: Report | null;
}> = ({ ctx, values, errors, presets, report }) => {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('reports.title')}>
      <h1>{t('reports.title')}</h1>
      <p class="lead">{t('reports.lead')}</p>
      <p>
        <a href="/quan-ly/cau-chuyen">{t('reports.story.nav')}</a> · <a href="/so-lieu">{t('reports.public.nav')}</a>
      </p>
      <PeriodForm ctx={ctx} values={values} errors={errors} presets={presets} />
      {report && (
        <>
          <h2>
            {t('reports.figures')}:{' '}
            {t('reports.period.label', { from: formatDate(report.period.from), to: formatDate(report.period.to) })}
          </h2>
          <p>
            <a href={`/quan-ly/bao-cao.xlsx?${q(report.period.from, report.period.to)}`}>{t('reports.export.xlsx')}</a>
            {' · '}
            <a href={`/quan-ly/bao-cao/word?${q(report.period.from, report.period.to)}`}>{t('reports.word.link')}</a>
          </p>
          <ul class="figures">
            {report.lines.map((line) => (
              <Line ctx={ctx} line={line} from={report.period.from} to={report.period.to} />
            ))}
          </ul>
          <Chart
            ctx={ctx}
            id="chart-quarters"
            title={t('reports.chart.title')}
            description={t('reports.chart.desc')}
            column={t('reports.col.quarter')}
            unit={t('reports.col.entries')}
            bars={report.byQuarter.map((b) => ({
              label: t('reports.chart.quarter', { label: b.label }),
              count: b.count,
            }))}
          />
          <Chart
            ctx={ctx}
            id="chart-kinds"
            title={t('reports.chart.kind.title')}
            description={t('reports.chart.kind.desc')}
            column={t('reports.col.kind')}
            unit={t('reports.col.entries')}
            bars={report.byKind}
          />
          <Chart
            ctx={ctx}
            id="chart-communes"
            title={t('reports.chart.commune.title')}
            description={t('reports.chart.commune.desc')}
            column={t('reports.col.commune')}
            unit={t('reports.col.projects')}
            bars={report.byCommune}
          />
        </>
      )}
    </Layout>
  );
};

export const EvidencePage: FC<{ ctx: PageContext; line: ReportLine; from: string; to: string; info: PageInfo }> = ({
  ctx,
  line,
  from,
  to,
  info,
}) => {
  const { t, lang } = ctx;
  const { indicator, figure } = line;
  // The records are counted in full for the figure; the page shows them 50 at a time.
  const evidence = figure.evidence ?? [];
  const shown = evidence.slice(info.offset, info.offset + info.perPage);
  const title = t('reports.evidence.title', { name: t(indicator.name) });
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p class="lead">
        {t('reports.period.label', { from: formatDate(from), to: formatDate(to) })}:{' '}
        <strong>{formatNumber(figure.value, lang)}</strong> {t(indicator.unit)}. {t(indicator.definition)}
      </p>
      <p>
        <a href={`/quan-ly/bao-cao?${q(from, to)}`}>{t('reports.evidence.back')}</a>
      </p>
      {evidence.length === 0 ? (
        <EmptyState title={t('reports.evidence.empty')} />
      ) : (
        <>
          <Table
            caption={title}
            rows={shown}
            columns={[
              {
                label: t('reports.col.record'),
                primary: true,
                cell: (r) => (r.href ? <a href={r.href}>{r.label}</a> : r.label),
              },
              { label: t('reports.col.day'), cell: (r) => formatDate(r.day) },
              { label: t('reports.col.detail'), cell: (r) => r.detail },
            ]}
          />
          <Pagination
            t={t}
            lang={lang}
            info={info}
            path={`/quan-ly/bao-cao/chi-tieu/${indicator.id}`}
            query={{ from, to }}
          />
        </>
      )}
      {figure.breakdowns
        .filter((b) => b.rows.length > 0)
        .map((b) => (
          <Table
            caption={t(b.title)}
            rows={b.rows}
            columns={[
              { label: t('reports.col.group'), primary: true, cell: (r) => r.label },
              { label: t('reports.col.count'), cell: (r) => formatNumber(r.count, lang) },
            ]}
          />
        ))}
    </Layout>
  );
};
