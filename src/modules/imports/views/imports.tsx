import type { FC } from 'hono/jsx';
import type { FormValues } from '#kernel/http/forms.ts';
import type { FieldErrors } from '#kernel/http/validation.ts';
import { formatDate, formatDateTime, type MessageKey, type Translator } from '#kernel/i18n/index.ts';
import { Badge, EmptyState, KeyFacts, Table } from '#kernel/ui/components.tsx';
import type { PageContext } from '#kernel/ui/context.ts';
import { Button, ErrorSummary, FileInput, PostForm, Select } from '#kernel/ui/form.tsx';
import { Layout } from '#kernel/ui/layout.tsx';
import { ImportBasisFields } from '#modules/privacy/index.ts';
import type { BatchCounts } from '../imports.sql.ts';
import { type ImportKind, importKinds, undoDays } from '../imports.taxonomy.ts';
import type { Problem, ReadRow } from '../rows.ts';

export const importsPath = '/quan-ly/nhap-du-lieu';

export interface BatchRow {
  id: string;
  kind: string;
  status: string;
  fileName: string;
  counts: BatchCounts;
  createdAt: Date;
  importedAt: Date | null;
  undoneAt: Date | null;
}

export interface EventOption {
  id: string;
  title: string;
  startsOn: string;
  endsOn: string;
}

/** What the name column names in each kind of list ("Tên sản phẩm" in a product list). */
const nameLabel: Partial<Record<ImportKind, MessageKey>> = {
  projects: 'imports.tpl.projectName',
  partners: 'imports.tpl.partnerName',
  products: 'imports.tpl.productName',
};

/** A field's name in the matching form and the preview: "Họ và tên", "Buổi 2". */
export function fieldLabel(t: Translator, field: string, kind?: ImportKind): string {
  if (field.startsWith('session:')) return t('imports.field.session', { n: field.slice('session:'.length) });
  const own = field === 'name' && kind ? nameLabel[kind] : undefined;
  return t(own ?? (`imports.field.${field}` as MessageKey));
}

const statusTone = {
  draft: 'info',
  running: 'info',
  imported: 'success',
  failed: 'danger',
  undone: 'neutral',
} as const;

/** The list of batches, the form to start one, and the templates. */
export const ImportsPage: FC<{
  ctx: PageContext;
  batches: BatchRow[];
  events: EventOption[];
  values?: FormValues;
  errors?: Record<string, string>;
  maxMb: number;
}> = ({ ctx, batches, events, values = {}, errors = {}, maxMb }) => {
  const { t } = ctx;
  const v = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : '');
  return (
    <Layout ctx={ctx} title={t('imports.title')}>
      <h1>{t('imports.title')}</h1>
      <p class="lead">{t('imports.lead')}</p>
      <ErrorSummary
        t={t}
        errors={errors}
        labels={{ kind: t('imports.form.kind'), event: t('imports.form.event'), file: t('imports.form.file') }}
      />
      <section class="panel" aria-labelledby="tai-len">
        <h2 id="tai-len">{t('imports.form.title')}</h2>
        <PostForm action={importsPath} csrfToken={ctx.csrfToken} multipart>
          <Select
            name="kind"
            label={t('imports.form.kind')}
            value={v('kind') || 'attendance'}
            options={importKinds.map((k) => ({ value: k, label: t(`imports.kind.${k}`) }))}
            error={errors.kind}
          />
          <Select
            name="event"
            label={t('imports.form.event')}
            hint={t('imports.form.eventHint')}
            value={v('event')}
            placeholder={t('imports.form.eventNone')}
            options={events.map((e) => ({
              value: e.id,
              label: `${e.title} (${formatDate(e.startsOn)}${e.endsOn !== e.startsOn ? `–${formatDate(e.endsOn)}` : ''})`,
            }))}
            error={errors.event}
          />
          <FileInput
            name="file"
            label={t('imports.form.file')}
            hint={t('imports.form.fileHint', { max: maxMb })}
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            error={errors.file}
          />
          <Button>{t('imports.form.submit')}</Button>
        </PostForm>
      </section>
      <section aria-labelledby="mau">
        <h2 id="mau">{t('imports.templates.title')}</h2>
        <p>{t('imports.templates.lead')}</p>
        <ul>
          {importKinds.map((k) => (
            <li>
              <a href={`${importsPath}/mau/${k}`} download>
                {t('imports.templates.link', { kind: t(`imports.kind.${k}`) })}
              </a>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="cac-lan-nhap">
        <h2 id="cac-lan-nhap">{t('imports.batches.title')}</h2>
        {batches.length === 0 ? (
          <EmptyState title={t('imports.batches.empty')} />
        ) : (
          <Table
            caption={t('imports.batches.title')}
            rows={batches}
            columns={[
              {
                label: t('imports.col.file'),
                primary: true,
                cell: (b) => <a href={`${importsPath}/${b.id}`}>{b.fileName}</a>,
              },
              { label: t('imports.col.kind'), cell: (b) => t(`imports.kind.${b.kind as ImportKind}`) },
              {
                label: t('imports.col.status'),
                cell: (b) => (
                  <Badge tone={statusTone[b.status as keyof typeof statusTone] ?? 'neutral'}>
                    {t(`imports.status.${b.status as 'draft'}`)}
                  </Badge>
                ),
              },
              { label: t('imports.col.when'), cell: (b) => formatDateTime(b.importedAt ?? b.createdAt), phone: 'hide' },
              {
                label: t('imports.col.created'),
                numeric: true,
                phone: 'label',
                cell: (b) => (b.status === 'imported' || b.status === 'undone' ? String(b.counts.created) : '—'),
              },
            ]}
          />
        )}
      </section>
    </Layout>
  );
};

/** One problem as a sentence: "Dòng 7, cột “SĐT”: …". */
export function problemText(t: Translator, p: Problem): string {
  return t(p.key, p.params);
}

export interface PreviewProps {
  ctx: PageContext;
  /** The import form sent back without the ground for the people in the file: what was typed, what is wrong. */
  basis?: { values: FormValues; errors: FieldErrors } | undefined;
  id: string;
  fileName: string;
  kind: ImportKind;
  status: string;
  eventTitle: string | null;
  /** The event's list of participants (staff), for an attendance batch. */
  eventPath: string | null;
  sessions: number;
  headers: string[];
  fields: string[];
  choices: string[];
  rows: ReadRow[];
  legacy: { column: string; encoding: string }[];
  formulas: number;
  headerRow: number;
  counts: BatchCounts;
  importedAt: Date | null;
  undoable: boolean;
  /** Rows from which on the import runs in the background (its page then shows the progress). */
  backgroundRows: number;
}

const MAX_SHOWN = 300;

/**
 * About how long an import of `rows` rows takes, in seconds, on a busy two-core machine: an
 * attendance list is written in a few statements (10,000 rows in about 12 s measured on PGlite),
 * the other kinds row by row (about ten statements a row). Told before a long one is started.
 */
export function importSeconds(kind: ImportKind, rows: number): number {
  const perRow = kind === 'attendance' ? 0.0015 : 0.01;
  return Math.ceil((rows * perRow) / 5) * 5;
}

/** The matched columns, every row's problems and the import button (a draft), or the result. */
export const PreviewPage: FC<PreviewProps> = (p) => {
  const { ctx } = p;
  const { t } = ctx;
  const ready = p.rows.filter((r) => r.record).length;
  const withErrors = p.rows.filter((r) => r.problems.some((x) => x.severity === 'error')).length;
  const problems = p.rows.flatMap((r) => r.problems);
  // A failed import kept nothing: it reads as a draft again, with a word on what happened.
  const draft = p.status === 'draft' || p.status === 'failed';
  return (
    <Layout ctx={ctx} title={t('imports.preview.title', { file: p.fileName })}>
      <p>
        <a href={importsPath}>{t('imports.back')}</a>
      </p>
      <h1>{t('imports.preview.title', { file: p.fileName })}</h1>
      <KeyFacts
        label={t('imports.preview.facts')}
        facts={[
          { label: t('imports.col.kind'), value: t(`imports.kind.${p.kind}`) },
          p.eventTitle
            ? {
                label: t('imports.form.event'),
                value: p.eventPath ? (
                  <>
                    {p.eventTitle} (<a href={p.eventPath}>{t('imports.preview.eventList')}</a>)
                  </>
                ) : (
                  p.eventTitle
                ),
              }
            : null,
          { label: t('imports.col.status'), value: t(`imports.status.${p.status as 'draft'}`) },
          { label: t('imports.preview.rows'), value: String(p.rows.length) },
          draft
            ? { label: t('imports.preview.ready'), value: String(ready) }
            : { label: t('imports.col.created'), value: String(p.counts.created) },
          draft
            ? { label: t('imports.preview.withErrors'), value: String(withErrors) }
            : { label: t('imports.preview.existing'), value: String(p.counts.existing) },
        ]}
      />
      {p.legacy.map((l) => (
        <p class="notice">{t('imports.preview.legacy', { column: l.column, encoding: l.encoding.toUpperCase() })}</p>
      ))}
      {p.formulas > 0 && <p class="notice">{t('imports.preview.formulas', { n: p.formulas })}</p>}
      {p.status === 'failed' && (
        <div class="flash flash-error" role="alert">
          {t('imports.failed.lead')}
        </div>
      )}
      {draft && (
        <section class="panel" aria-labelledby="cot">
          <h2 id="cot">{t('imports.columns.title')}</h2>
          <p>{t('imports.columns.lead', { row: p.headerRow + 1 })}</p>
          <PostForm action={`${importsPath}/${p.id}/cot`} csrfToken={ctx.csrfToken}>
            <div class="columns-grid">
              {p.headers.map((h, col) => (
                <Select
                  name={`col${col}`}
                  label={h || t('imports.columns.untitled', { n: col + 1 })}
                  value={p.fields[col] ?? ''}
                  options={[
                    { value: '', label: t('imports.columns.ignore') },
                    ...p.choices.map((f) => ({ value: f, label: fieldLabel(t, f, p.kind) })),
                  ]}
                />
              ))}
            </div>
            <Button kind="secondary">{t('imports.columns.submit')}</Button>
          </PostForm>
        </section>
      )}
      <section aria-labelledby="van-de">
        <h2 id="van-de">{t('imports.problems.title', { n: problems.length })}</h2>
        {problems.length === 0 ? (
          <p>{t('imports.problems.none')}</p>
        ) : (
          <>
            <p>{t('imports.problems.lead')}</p>
            <Table
              caption={t('imports.problems.title', { n: problems.length })}
              rows={problems.slice(0, MAX_SHOWN)}
              columns={[
                { label: t('imports.problems.row'), cell: (x) => String(x.row), numeric: true, phone: 'label' },
                { label: t('imports.problems.column'), cell: (x) => x.column },
                {
                  label: t('imports.problems.what'),
                  primary: true,
                  cell: (x) => (
                    <>
                      <Badge tone={x.severity === 'error' ? 'danger' : 'warning'}>
                        {t(x.severity === 'error' ? 'imports.problems.error' : 'imports.problems.warning')}
                      </Badge>{' '}
                      {problemText(t, x)}
                    </>
                  ),
                },
              ]}
            />
            {problems.length > MAX_SHOWN && <p>{t('imports.problems.more', { n: problems.length - MAX_SHOWN })}</p>}
          </>
        )}
      </section>
      {draft ? (
        <section class="panel" aria-labelledby="nhap">
          <h2 id="nhap">{t('imports.run.title')}</h2>
          <p>{t('imports.run.lead', { ready, skipped: p.rows.length - ready })}</p>
          {ready > p.backgroundRows ? (
            <p class="notice">{t('imports.run.background', { rows: ready.toLocaleString('vi-VN') })}</p>
          ) : (
            importSeconds(p.kind, ready) >= 10 && (
              <p class="notice">
                {t('imports.run.slow', {
                  rows: ready.toLocaleString('vi-VN'),
                  seconds: importSeconds(p.kind, ready),
                })}
              </p>
            )
          )}
          <PostForm action={`${importsPath}/${p.id}/nhap`} csrfToken={ctx.csrfToken}>
            <ErrorSummary
              t={t}
              errors={p.basis?.errors ?? {}}
              labels={{ basis: t('privacy.field.basis'), statement: t('privacy.field.statement') }}
            />
            <ImportBasisFields ctx={ctx} values={p.basis?.values} errors={p.basis?.errors} />
            <Button>{t('imports.run.submit', { n: ready })}</Button>
          </PostForm>
        </section>
      ) : (
        p.status === 'imported' && (
          <section class="panel" aria-labelledby="hoan-tac">
            <h2 id="hoan-tac">{t('imports.undo.title')}</h2>
            {p.undoable ? (
              <>
                <p>{t('imports.undo.lead', { days: undoDays })}</p>
                <PostForm action={`${importsPath}/${p.id}/hoan-tac`} csrfToken={ctx.csrfToken}>
                  <Button kind="warning">{t('imports.undo.submit')}</Button>
                </PostForm>
              </>
            ) : (
              <p>{t('imports.undo.tooLate', { days: undoDays })}</p>
            )}
          </section>
        )
      )}
    </Layout>
  );
};

/**
 * A long import running in the background: how far it is, the page asking for itself again every
 * few seconds (a meta refresh: no JavaScript needed) until the import has ended.
 */
export const ProgressPage: FC<{
  ctx: PageContext;
  id: string;
  fileName: string;
  kind: ImportKind;
  done: number;
  total: number;
  refreshSeconds: number;
}> = ({ ctx, id, fileName, kind, done, total, refreshSeconds }) => {
  const { t } = ctx;
  const percent = total > 0 ? Math.floor((done / total) * 100) : 0;
  return (
    <Layout
      ctx={ctx}
      title={t('imports.preview.title', { file: fileName })}
      head={<meta http-equiv="refresh" content={`${refreshSeconds};url=${importsPath}/${id}`} />}
    >
      <p>
        <a href={importsPath}>{t('imports.back')}</a>
      </p>
      <h1>{t('imports.preview.title', { file: fileName })}</h1>
      <section class="panel" aria-labelledby="tien-do">
        <h2 id="tien-do">{t('imports.progress.title')}</h2>
        <p role="status">
          {t('imports.progress.done', {
            kind: t(`imports.kind.${kind}`),
            done: done.toLocaleString('vi-VN'),
            total: total.toLocaleString('vi-VN'),
            percent,
          })}
        </p>
        <progress max={String(Math.max(total, 1))} value={String(done)} aria-label={t('imports.progress.title')}>
          {percent}%
        </progress>
        <p>{t('imports.progress.lead', { seconds: refreshSeconds })}</p>
        <p>
          <a href={`${importsPath}/${id}`}>{t('imports.progress.reload')}</a>
        </p>
      </section>
    </Layout>
  );
};
