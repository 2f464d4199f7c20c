import type { FC } from 'hono/jsx';
import { type FormValues, formValue, formValues } from '#kernel/http/forms.ts';
import { formatDate, formatNumber, timeInVietnam } from '#kernel/i18n/index.ts';
import { Badge, EmptyState, Table } from '#kernel/ui/components.tsx';
import type { PageContext } from '#kernel/ui/context.ts';
import { Button, Checkboxes, ErrorSummary, Input, type Option, PostForm, Select, TextArea } from '#kernel/ui/form.tsx';
import { labelOf, optionsOf } from '#kernel/ui/labels.ts';
import { Layout } from '#kernel/ui/layout.tsx';
import type { VisitView } from '../visits.service.ts';
import { visitPurposes } from '../visits.taxonomy.ts';

type Errors = Record<string, string>;

/** HH:mm of an instant, in Vietnam. */

/** The QR poster's page: the visitor checks in as themselves or as a walk-in. */
export const CheckInPage: FC<{ ctx: PageContext; communes: Option[]; values?: FormValues; errors?: Errors }> = ({
  ctx,
  communes,
  values = {},
  errors = {},
}) => {
  const { t } = ctx;
  const v = (name: string) => formValue(values, name);
  const labels = {
    fullName: t('visits.field.fullName'),
    phone: t('visits.field.phone'),
    commune: t('visits.field.commune'),
    purpose: t('visits.field.purpose'),
    note: t('visits.field.note'),
  };
  return (
    <Layout ctx={ctx} title={t('visits.checkIn.title')}>
      <h1>{t('visits.checkIn.title')}</h1>
      <p class="lead">{t('visits.checkIn.lead')}</p>
      <ErrorSummary t={t} errors={errors} labels={labels} />
      <PostForm action="/den-lam-viec" csrfToken={ctx.csrfToken} class="form">
        {ctx.actor ? (
          <p>{t('visits.checkIn.signedInAs', { name: ctx.actor.name })}</p>
        ) : (
          <>
            <Input
              name="fullName"
              label={labels.fullName}
              value={v('fullName')}
              error={errors.fullName}
              autocomplete="name"
              maxlength={120}
              required
            />
            <Input
              name="phone"
              type="tel"
              label={labels.phone}
              hint={t('visits.field.phoneHint')}
              value={v('phone')}
              error={errors.phone}
              autocomplete="tel"
              inputmode="tel"
              maxlength={20}
              required
            />
            <Select
              name="commune"
              label={labels.commune}
              value={v('commune')}
              options={communes}
              placeholder="—"
              error={errors.commune}
              optionalText={t('form.optional')}
            />
          </>
        )}
        <Select
          name="purpose"
          label={labels.purpose}
          value={v('purpose')}
          options={optionsOf(t, 'visits.purpose', visitPurposes)}
          placeholder="—"
          error={errors.purpose}
          required
        />
        <TextArea
          name="note"
          label={labels.note}
          hint={t('visits.field.noteHint')}
          value={v('note')}
          error={errors.note}
          rows={3}
          maxlength={1000}
          optionalText={t('form.optional')}
        />
        <p class="hint">{t('visits.checkIn.privacy')}</p>
        <Button>{t('visits.checkIn.submit')}</Button>
      </PostForm>
    </Layout>
  );
};

export const ThanksPage: FC<{ ctx: PageContext; support: boolean }> = ({ ctx, support }) => {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('visits.thanks.title')}>
      <h1>{t('visits.thanks.title')}</h1>
      <p>{t('visits.thanks.body')}</p>
      {support && <p>{t('visits.thanks.support')}</p>}
      <p>
        <a href="/den-lam-viec">{t('visits.thanks.again')}</a> · <a href="/thu-vien">{t('library.title')}</a>
      </p>
    </Layout>
  );
};

/** The printable poster for the door: a large QR code of the check-in address. */
export const PosterPage: FC<{ ctx: PageContext; qrSvg: string; link: string }> = ({ ctx, qrSvg, link }) => {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('visits.poster.title')}>
      <p class="no-print">
        <a href="/quan-ly/luot-den">{t('visits.title')}</a> · {t('visits.poster.print')}
      </p>
      <section class="poster">
        <h1>{t('visits.poster.heading')}</h1>
        <div class="qr poster-qr" role="img" aria-label={link} dangerouslySetInnerHTML={{ __html: qrSvg }} />
        <p>{t('visits.poster.body')}</p>
        <p>
          {t('visits.poster.or')} <strong>{link}</strong>
        </p>
      </section>
    </Layout>
  );
};

export interface DeskPeriod {
  kind: 'day' | 'month';
  /** yyyy-MM-dd, or yyyy-MM. */
  value: string;
  prev: string;
  next: string;
  from: string;
  to: string;
}

const periodLink = (p: DeskPeriod, value: string) =>
  p.kind === 'day' ? `/quan-ly/luot-den?ngay=${value}` : `/quan-ly/luot-den?thang=${value}`;
const exportLink = (p: DeskPeriod, format: 'csv' | 'xlsx') =>
  `/quan-ly/luot-den/tai-ve?${p.kind === 'day' ? 'ngay' : 'thang'}=${p.value}&dang=${format}`;

/** The officer's desk: the visits of a day or a month, the counts by day, exports and the desk form. */
export const DeskPage: FC<{
  ctx: PageContext;
  period: DeskPeriod;
  visits: VisitView[];
  byDay: { day: string; count: number }[];
}> = ({ ctx, period, visits, byDay }) => {
  const { t, lang } = ctx;
  const monthLabel = (m: string) => m.split('-').reverse().join('/');
  const title =
    period.kind === 'day'
      ? `${t('visits.title')} ${formatDate(period.value)}`
      : `${t('visits.title')} ${monthLabel(period.value)}`;
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p class="lead list-lead">{t('visits.desk.lead')}</p>
      <p>
        <a class="button button-primary" href="/quan-ly/luot-den/moi">
          {t('visits.desk.new')}
        </a>{' '}
        <a href="/quan-ly/luot-den/ap-phich">{t('visits.desk.poster')}</a>
      </p>
      <form method="get" action="/quan-ly/luot-den" class="filters">
        <div class="field">
          <label for="f-ngay">{t('visits.field.day')}</label>
          <input id="f-ngay" name="ngay" type="date" value={period.kind === 'day' ? period.value : ''} />
        </div>
        <button type="submit" class="button button-secondary">
          {t('visits.desk.show')}
        </button>
      </form>
      <nav class="week-nav" aria-label={t('visits.title')}>
        <a href={periodLink(period, period.prev)} rel="prev">
          ← {period.kind === 'day' ? t('visits.desk.prevDay') : t('visits.desk.prevMonth')}
        </a>{' '}
        ·{' '}
        <a href={periodLink(period, period.next)} rel="next">
          {period.kind === 'day' ? t('visits.desk.nextDay') : t('visits.desk.nextMonth')} →
        </a>
        {period.kind === 'day' && (
          <>
            {' '}
            ·{' '}
            <a href={`/quan-ly/luot-den?thang=${period.value.slice(0, 7)}`}>
              {t('visits.desk.wholeMonth', { month: monthLabel(period.value.slice(0, 7)) })}
            </a>
          </>
        )}
      </nav>
      <p>
        <strong>{t('visits.desk.count', { count: formatNumber(visits.length, lang) })}</strong>
        {visits.length > 0 && (
          <>
            {' '}
            · <a href={exportLink(period, 'csv')}>{t('visits.desk.export.csv')}</a> ·{' '}
            <a href={exportLink(period, 'xlsx')}>{t('visits.desk.export.xlsx')}</a>
          </>
        )}
      </p>
      {period.kind === 'month' && byDay.length > 0 && (
        <details>
          <summary>{t('visits.desk.byDay')}</summary>
          <ul class="inline-list">
            {byDay.map((d) => (
              <li>
                <a href={`/quan-ly/luot-den?ngay=${d.day}`}>{formatDate(d.day)}</a>: {formatNumber(d.count, lang)}
              </li>
            ))}
          </ul>
        </details>
      )}
      {visits.length === 0 ? (
        <EmptyState title={t('visits.desk.empty')} />
      ) : (
        <Table
          caption={title}
          rows={visits}
          columns={[
            {
              label: t('visits.col.visitor'),
              primary: true,
              cell: (v) => <a href={`/quan-ly/nguoi/${v.personId}`}>{v.fullName}</a>,
            },
            {
              label: t('visits.col.when'),
              cell: (v) => (period.kind === 'day' ? timeInVietnam(v.arrivedAt) : formatDate(v.visitedOn)),
            },
            { label: t('visits.col.purpose'), cell: (v) => labelOf(t, 'visits.purpose', v.purpose) },
            { label: t('visits.col.commune'), cell: (v) => v.communeName, phone: 'hide' },
            { label: t('visits.col.note'), cell: (v) => v.note, phone: 'hide' },
            {
              label: t('visits.col.request'),
              cell: (v) =>
                v.requestNumber !== null ? (
                  <a href={`/yeu-cau/${v.requestNumber}`}>YC-{v.requestNumber}</a>
                ) : v.purpose === 'support' ? (
                  <a href={`/quan-ly/luot-den/${v.id}/yeu-cau`}>
                    <Badge tone="warning">{t('visits.request.file')}</Badge>
                  </a>
                ) : (
                  ''
                ),
            },
            { label: t('visits.col.channel'), cell: (v) => labelOf(t, 'visits.channel', v.channel), phone: 'hide' },
          ]}
        />
      )}
    </Layout>
  );
};

/** The desk form: anyone who came, on any day up to today. */
export const DeskFormPage: FC<{ ctx: PageContext; communes: Option[]; values?: FormValues; errors?: Errors }> = ({
  ctx,
  communes,
  values = {},
  errors = {},
}) => {
  const { t } = ctx;
  const v = (name: string) => formValue(values, name);
  const labels = {
    fullName: t('visits.field.fullName'),
    phone: t('visits.field.phone'),
    email: t('visits.field.email'),
    commune: t('visits.field.commune'),
    purpose: t('visits.field.purpose'),
    note: t('visits.field.note'),
    visitedOn: t('visits.field.visitedOn'),
  };
  return (
    <Layout ctx={ctx} title={t('visits.desk.new')}>
      <p>
        <a href="/quan-ly/luot-den">{t('visits.title')}</a>
      </p>
      <h1>{t('visits.desk.new')}</h1>
      <ErrorSummary t={t} errors={errors} labels={labels} />
      <PostForm action="/quan-ly/luot-den/moi" csrfToken={ctx.csrfToken} class="form">
        <Input name="fullName" label={labels.fullName} value={v('fullName')} error={errors.fullName} required />
        <Input
          name="phone"
          type="tel"
          label={labels.phone}
          value={v('phone')}
          error={errors.phone}
          inputmode="tel"
          optionalText={t('form.optional')}
        />
        <Input
          name="email"
          type="email"
          label={labels.email}
          value={v('email')}
          error={errors.email}
          optionalText={t('form.optional')}
        />
        <Select
          name="commune"
          label={labels.commune}
          value={v('commune')}
          options={communes}
          placeholder="—"
          error={errors.commune}
          optionalText={t('form.optional')}
        />
        <Select
          name="purpose"
          label={labels.purpose}
          value={v('purpose')}
          options={optionsOf(t, 'visits.purpose', visitPurposes)}
          placeholder="—"
          error={errors.purpose}
          required
        />
        <TextArea
          name="note"
          label={labels.note}
          value={v('note')}
          error={errors.note}
          rows={3}
          maxlength={1000}
          optionalText={t('form.optional')}
        />
        <Input
          name="visitedOn"
          type="date"
          label={labels.visitedOn}
          hint={t('visits.field.visitedOnHint')}
          value={v('visitedOn')}
          error={errors.visitedOn}
        />
        <Button>{t('visits.desk.new')}</Button>
      </PostForm>
    </Layout>
  );
};

/** The support request a visit asked for, prefilled from the visit; the officer completes it. */
export const VisitRequestPage: FC<{
  ctx: PageContext;
  visit: VisitView;
  communes: Option[];
  needs: Option[];
  urgencies: Option[];
  values: FormValues;
  errors?: Errors;
}> = ({ ctx, visit: vis, communes, needs, urgencies, values, errors = {} }) => {
  const { t } = ctx;
  const v = (name: string) => formValue(values, name);
  const labels = {
    contactName: t('visits.field.fullName'),
    contactPhone: t('visits.field.phone'),
    contactEmail: t('visits.field.email'),
    commune: t('visits.field.commune'),
    needs: t('visits.request.field.needs'),
    body: t('visits.request.field.body'),
    urgency: t('visits.request.field.urgency'),
  };
  return (
    <Layout ctx={ctx} title={t('visits.request.title')}>
      <p>
        <a href={`/quan-ly/luot-den?ngay=${vis.visitedOn}`}>{t('visits.title')}</a>
      </p>
      <h1>{t('visits.request.title')}</h1>
      <p>
        {vis.fullName} · {formatDate(vis.visitedOn)} · {labelOf(t, 'visits.purpose', vis.purpose)}
      </p>
      <p class="hint">{t('visits.request.lead')}</p>
      <ErrorSummary t={t} errors={errors} labels={labels} />
      <PostForm action={`/quan-ly/luot-den/${vis.id}/yeu-cau`} csrfToken={ctx.csrfToken} class="form">
        <Input
          name="contactName"
          label={labels.contactName}
          value={v('contactName')}
          error={errors.contactName}
          required
        />
        <Input
          name="contactPhone"
          type="tel"
          label={labels.contactPhone}
          value={v('contactPhone')}
          error={errors.contactPhone}
        />
        <Input
          name="contactEmail"
          type="email"
          label={labels.contactEmail}
          value={v('contactEmail')}
          error={errors.contactEmail}
        />
        <Select
          name="commune"
          label={labels.commune}
          value={v('commune')}
          options={communes}
          placeholder="—"
          error={errors.commune}
        />
        <Checkboxes
          name="needs"
          label={labels.needs}
          values={formValues(values, 'needs')}
          options={needs}
          error={errors.needs}
          required
        />
        <TextArea name="body" label={labels.body} value={v('body')} error={errors.body} rows={6} required />
        <Select
          name="urgency"
          label={labels.urgency}
          value={v('urgency') || 'normal'}
          options={urgencies}
          error={errors.urgency}
          required
        />
        <Button>{t('visits.request.submit')}</Button>
      </PostForm>
      <PostForm action={`/quan-ly/luot-den/${vis.id}/xoa`} csrfToken={ctx.csrfToken} class="form">
        <p class="hint">{t('visits.remove.confirm')}</p>
        <Button kind="warning">{t('visits.remove')}</Button>
      </PostForm>
    </Layout>
  );
};
