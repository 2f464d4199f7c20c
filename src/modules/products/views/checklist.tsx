import type { FC } from 'hono/jsx';
import { type FormValues, formValue } from '#kernel/http/forms.ts';
import { formatDate } from '#kernel/i18n/index.ts';
import { Badge, type Tone } from '#kernel/ui/components.tsx';
import type { PageContext } from '#kernel/ui/context.ts';
import { Button, Checkbox, ErrorSummary, FileInput, Input, PostForm, Select, TextArea } from '#kernel/ui/form.tsx';
import { labelOf, optionsOf } from '#kernel/ui/labels.ts';
import { Layout } from '#kernel/ui/layout.tsx';
import type { ProductContext, ReadinessLine } from '../catalogue/products.service.ts';
import { helpNeedOf, itemStatuses, itemVariants, type ReadinessItemCode, requiredItems } from '../products.taxonomy.ts';
import type { ReadinessSummary } from '../readiness/readiness.ts';
import { helpHref } from './parts.tsx';

const statusTone: Record<string, Tone> = {
  not_started: 'neutral',
  in_progress: 'info',
  done: 'success',
  not_applicable: 'neutral',
};

export interface ChecklistProps {
  ctx: PageContext;
  view: ProductContext;
  checklist: ReadinessLine[];
  summary: ReadinessSummary;
  isStaff: boolean;
}

const Summary: FC<{ ctx: PageContext; summary: ReadinessSummary }> = ({ ctx, summary: s }) => {
  const { t } = ctx;
  return (
    <section class={`readiness-summary${s.ready ? ' is-ready' : ''}`} aria-labelledby="tom-tat">
      <h2 id="tom-tat">{s.ready ? t('products.checklist.ready') : t('products.checklist.notReady')}</h2>
      <p>
        {t('products.checklist.count', { met: s.met, required: s.required })}
        {s.ready && s.readyUntil && s.readyUntil < '9999-12-31'
          ? ` ${t('products.checklist.readyUntil', { date: formatDate(s.readyUntil) })}`
          : ''}
      </p>
      {s.warnings.length > 0 && (
        <ul class="warnings">
          {s.warnings.map((w) => (
            <li>
              <Badge tone={w.daysLeft < 0 ? 'danger' : 'warning'}>
                {w.daysLeft < 0 ? t('products.expiry.expired') : t('products.expiry.soon')}
              </Badge>{' '}
              {w.daysLeft < 0
                ? t('products.expiry.expiredText', {
                    item: labelOf(t, 'products.item', w.item),
                    date: formatDate(w.expiresOn),
                  })
                : t('products.expiry.soonText', {
                    item: labelOf(t, 'products.item', w.item),
                    date: formatDate(w.expiresOn),
                    days: w.daysLeft,
                  })}
            </li>
          ))}
        </ul>
      )}
      {s.missing.length > 0 && (
        <>
          <p>{t('products.checklist.missing')}</p>
          <ul>
            {s.missing.map((code) => (
              <li>
                <a href={`#muc-${code}`}>{labelOf(t, 'products.item', code)}</a>
              </li>
            ))}
          </ul>
        </>
      )}
      {s.awaitingVerification.length > 0 && (
        <p class="muted">{t('products.checklist.awaiting', { count: s.awaitingVerification.length })}</p>
      )}
    </section>
  );
};

interface LineProps {
  ctx: PageContext;
  view: ProductContext;
  line: ReadinessLine;
  code: ReadinessItemCode;
  label: string;
}

/** The item's variant, number and dates, as far as they are known. */
const ItemFacts: FC<Pick<LineProps, 'ctx' | 'line' | 'code'>> = ({ ctx, line, code }) => {
  const { t } = ctx;
  return (
    <dl class="facts inline-facts">
      {line.variant && (
        <>
          <dt>{t('products.field.variant')}</dt>
          <dd>{labelOf(t, `products.variant.${code}`, line.variant)}</dd>
        </>
      )}
      {line.number && (
        <>
          <dt>{t('products.field.number')}</dt>
          <dd>{line.number}</dd>
        </>
      )}
      {line.issuedOn && (
        <>
          <dt>{t('products.field.issuedOn')}</dt>
          <dd>{formatDate(line.issuedOn)}</dd>
        </>
      )}
      {line.expiresOn && (
        <>
          <dt>{t('products.field.expiresOn')}</dt>
          <dd>{formatDate(line.expiresOn)}</dd>
        </>
      )}
    </dl>
  );
};

/** The item's document, and what the viewer may do with it: update, ask for help, verify. */
const ItemActions: FC<LineProps & { missing: boolean; isStaff: boolean }> = ({
  ctx,
  view,
  line,
  code,
  label,
  missing,
  isStaff,
}) => {
  const { t } = ctx;
  const { product: pr, project } = view;
  return (
    <ul class="row-actions plain">
      {line.fileId && (
        <li>
          <a href={`/san-pham/${pr.slug}/dieu-kien/${code}/tai-lieu`}>{t('products.checklist.document')}</a>
        </li>
      )}
      {view.canEdit && (
        <li>
          <a class="button button-secondary" href={`/san-pham/${pr.slug}/dieu-kien/${code}`}>
            {t('products.checklist.update')}
            <span class="visually-hidden">: {label}</span>
          </a>
        </li>
      )}
      {view.canEdit && missing && (
        <li>
          <a
            href={helpHref(project.slug, helpNeedOf[code], t('products.help.text', { item: label, product: pr.name }))}
          >
            {t('products.help.link')}
            <span class="visually-hidden">: {label}</span>
          </a>
        </li>
      )}
      {isStaff && line.status === 'done' && !line.verifiedAt && (
        <li>
          <PostForm
            action={`/san-pham/${pr.slug}/dieu-kien/${code}/xac-nhan`}
            csrfToken={ctx.csrfToken}
            class="inline-form"
          >
            <button type="submit" class="button button-primary">
              {t('products.checklist.verify')}
              <span class="visually-hidden">: {label}</span>
            </button>
          </PostForm>
        </li>
      )}
    </ul>
  );
};

/** One item of the checklist: its status, facts, note and actions. */
const CheckItem: FC<Omit<ChecklistProps, 'checklist'> & { line: ReadinessLine }> = ({
  ctx,
  view,
  line,
  summary,
  isStaff,
}) => {
  const { t } = ctx;
  const code = line.item as ReadinessItemCode;
  const label = labelOf(t, 'products.item', code);
  const missing =
    summary.missing.includes(code) || (code === 'ocop' && line.status !== 'done' && line.status !== 'not_applicable');
  return (
    <li id={`muc-${code}`} class="check-item">
      <h2>
        {label}
        {!requiredItems.includes(code) && <span class="optional"> {t('products.checklist.optionalItem')}</span>}
      </h2>
      <p class="hint">{t(`products.item.${code}.hint`)}</p>
      <p class="badges">
        <Badge tone={statusTone[line.status] ?? 'neutral'}>{labelOf(t, 'products.status', line.status)}</Badge>
        {line.status === 'done' &&
          (line.verifiedAt ? (
            <Badge tone="success">{t('products.checklist.verified')}</Badge>
          ) : (
            <Badge tone="warning">{t('products.checklist.unverified')}</Badge>
          ))}
      </p>
      {(line.variant || line.number || line.issuedOn || line.expiresOn) && (
        <ItemFacts ctx={ctx} line={line} code={code} />
      )}
      {line.note && <p>{line.note}</p>}
      <ItemActions ctx={ctx} view={view} line={line} code={code} label={label} missing={missing} isStaff={isStaff} />
    </li>
  );
};

export const ChecklistPage: FC<ChecklistProps> = ({ ctx, view, checklist, summary, isStaff }) => {
  const { t } = ctx;
  const { product: pr } = view;
  const title = t('products.checklist.title', { name: pr.name });
  return (
    <Layout ctx={ctx} title={title}>
      <nav class="breadcrumbs" aria-label="breadcrumb">
        <a href={`/san-pham/${pr.slug}`}>{pr.name}</a>
      </nav>
      <h1>{title}</h1>
      <p class="lead">{t('products.checklist.lead')}</p>
      <Summary ctx={ctx} summary={summary} />
      <ol class="checklist">
        {checklist.map((line) => (
          <CheckItem ctx={ctx} view={view} line={line} summary={summary} isStaff={isStaff} />
        ))}
      </ol>
    </Layout>
  );
};

export interface ItemFormProps {
  ctx: PageContext;
  view: ProductContext;
  line: ReadinessLine;
  values: FormValues;
  errors: Record<string, string>;
}

const itemLabelsOf = (t: PageContext['t']) => ({
  status: t('products.field.status'),
  variant: t('products.field.variant'),
  number: t('products.field.number'),
  issuedOn: t('products.field.issuedOn'),
  expiresOn: t('products.field.expiresOn'),
  note: t('products.field.note'),
  file: t('products.field.file'),
});

/** The item's number, dates and note. */
const ItemRecord: FC<ItemFormProps> = ({ ctx, values, errors }) => {
  const { t } = ctx;
  const opt = t('form.optional');
  const v = (k: string) => formValue(values, k);
  const labels = itemLabelsOf(t);
  return (
    <>
      <Input
        name="number"
        label={labels.number}
        hint={t('products.field.numberHint')}
        value={v('number')}
        error={errors.number}
        optionalText={opt}
        maxlength={100}
      />
      <div class="row">
        <Input
          name="issuedOn"
          type="date"
          label={labels.issuedOn}
          value={v('issuedOn')}
          error={errors.issuedOn}
          optionalText={opt}
        />
        <Input
          name="expiresOn"
          type="date"
          label={labels.expiresOn}
          hint={t('products.field.expiresHint')}
          value={v('expiresOn')}
          error={errors.expiresOn}
          optionalText={opt}
        />
      </div>
      <TextArea
        name="note"
        label={labels.note}
        value={v('note')}
        error={errors.note}
        optionalText={opt}
        rows={3}
        maxlength={1000}
      />
    </>
  );
};

export const ItemFormPage: FC<ItemFormProps> = ({ ctx, view, line, values, errors }) => {
  const { t } = ctx;
  const code = line.item as ReadinessItemCode;
  const label = labelOf(t, 'products.item', code);
  const variants = itemVariants[code] ?? [];
  const opt = t('form.optional');
  const v = (k: string) => formValue(values, k);
  const labels = itemLabelsOf(t);
  const title = t('products.item.formTitle', { item: label });
  const back = `/san-pham/${view.product.slug}/dieu-kien`;
  return (
    <Layout ctx={ctx} title={title}>
      <nav class="breadcrumbs" aria-label="breadcrumb">
        <a href={back}>{t('products.checklist.title', { name: view.product.name })}</a>
      </nav>
      <h1>{title}</h1>
      <p class="lead">{t(`products.item.${code}.hint`)}</p>
      <ErrorSummary t={t} errors={errors} labels={labels} />
      <PostForm
        action={`/san-pham/${view.product.slug}/dieu-kien/${code}`}
        csrfToken={ctx.csrfToken}
        class="form"
        multipart
      >
        <Select
          name="status"
          label={labels.status}
          value={v('status')}
          options={optionsOf(t, 'products.status', itemStatuses)}
          error={errors.status}
          required
        />
        {variants.length > 0 && (
          <Select
            name="variant"
            label={labels.variant}
            value={v('variant')}
            placeholder={t('form.choose')}
            options={optionsOf(t, `products.variant.${code}`, variants)}
            error={errors.variant}
          />
        )}
        <ItemRecord ctx={ctx} view={view} line={line} values={values} errors={errors} />
        <FileInput
          name="file"
          label={labels.file}
          hint={t('products.field.fileHint')}
          accept="application/pdf,image/jpeg,image/png,image/webp"
          error={errors.file}
          values={values}
          t={t}
          optionalText={opt}
        />
        {line.fileId && (
          <Checkbox name="removeFile" label={t('products.field.removeFile')} checked={v('removeFile') === 'on'} />
        )}
        <p class="hint">{t('products.item.reverify')}</p>
        <div class="form-actions">
          <Button>{t('form.save')}</Button>
          <a href={back}>{t('form.cancel')}</a>
        </div>
      </PostForm>
    </Layout>
  );
};
