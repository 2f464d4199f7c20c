import type { FC } from 'hono/jsx';
import { formatDate } from '#kernel/i18n/index.ts';
import type { PageContext } from '#kernel/ui/context.ts';
import { Button, ErrorSummary, Input, PostForm, TextArea } from '#kernel/ui/form.tsx';
import { Layout } from '#kernel/ui/layout.tsx';

/** What the Word report's form shows: what was typed, or the defaults the first time. */
export type WordValues = Record<
  | 'from'
  | 'to'
  | 'parentBody'
  | 'body'
  | 'place'
  | 'number'
  | 'signedOn'
  | 'difficulties'
  | 'proposals'
  | 'recipients'
  | 'signerTitle'
  | 'signerName',
  string
>;

type Labels = Record<keyof WordValues, string>;
type Part = FC<{ ctx: PageContext; v: WordValues; errors: Record<string, string>; labels: Labels }>;

const labelsOf = (t: PageContext['t']): Labels => ({
  from: t('reports.period.from'),
  to: t('reports.period.to'),
  parentBody: t('reports.word.parentBody'),
  body: t('reports.word.body'),
  place: t('reports.word.place'),
  number: t('reports.word.number'),
  signedOn: t('reports.word.signedOn'),
  difficulties: t('reports.word.difficulties'),
  proposals: t('reports.word.proposals'),
  recipients: t('reports.word.recipients'),
  signerTitle: t('reports.word.signerTitle'),
  signerName: t('reports.word.signerName'),
});

/** The period the figures are taken from. */
const PeriodFields: Part = ({ ctx: { t }, v, errors, labels }) => (
  <fieldset>
    <legend>{t('reports.period')}</legend>
    <Input
      name="from"
      type="date"
      label={labels.from}
      hint={t('reports.period.hint')}
      value={v.from}
      error={errors.from}
      required
    />
    <Input name="to" type="date" label={labels.to} value={v.to} error={errors.to} required />
  </fieldset>
);

/** The issuing body, the document's number and its date. */
const IssuerFields: Part = ({ ctx: { t }, v, errors, labels }) => (
  <fieldset>
    <legend>{t('reports.word.issuer')}</legend>
    <Input name="parentBody" label={labels.parentBody} value={v.parentBody} error={errors.parentBody} />
    <Input name="body" label={labels.body} value={v.body} error={errors.body} />
    <Input name="place" label={labels.place} value={v.place} error={errors.place} />
    <Input
      name="number"
      label={labels.number}
      hint={t('reports.word.number.hint')}
      value={v.number}
      error={errors.number}
      inputmode="numeric"
      maxlength={10}
    />
    <Input name="signedOn" type="date" label={labels.signedOn} value={v.signedOn} error={errors.signedOn} required />
  </fieldset>
);

/** What the officer writes: difficulties, proposals, recipients. */
const ContentFields: Part = ({ ctx: { t }, v, errors, labels }) => (
  <fieldset>
    <legend>{t('reports.word.content')}</legend>
    <TextArea
      name="difficulties"
      label={labels.difficulties}
      hint={t('reports.word.paragraphs.hint')}
      value={v.difficulties}
      error={errors.difficulties}
      rows={6}
      maxlength={5000}
      required
    />
    <TextArea
      name="proposals"
      label={labels.proposals}
      hint={t('reports.word.paragraphs.hint')}
      value={v.proposals}
      error={errors.proposals}
      rows={6}
      maxlength={5000}
      required
    />
    <TextArea
      name="recipients"
      label={labels.recipients}
      hint={t('reports.word.recipients.hint')}
      value={v.recipients}
      error={errors.recipients}
      rows={5}
      maxlength={3000}
      required
    />
  </fieldset>
);

/** Who signs. */
const SignerFields: Part = ({ ctx: { t }, v, errors, labels }) => (
  <fieldset>
    <legend>{t('reports.word.signer')}</legend>
    <TextArea
      name="signerTitle"
      label={labels.signerTitle}
      hint={t('reports.word.signerTitle.hint')}
      value={v.signerTitle}
      error={errors.signerTitle}
      rows={2}
      maxlength={120}
      required
    />
    <Input
      name="signerName"
      label={labels.signerName}
      value={v.signerName}
      error={errors.signerName}
      autocomplete="name"
      maxlength={120}
      required
    />
  </fieldset>
);

/** The form for the Word report: the period, the issuer, the officer's texts and the signer. */
export const WordPage: FC<{ ctx: PageContext; values: WordValues; errors: Record<string, string> }> = ({
  ctx,
  values: v,
  errors,
}) => {
  const { t } = ctx;
  const labels = labelsOf(t);
  const periodOk = !errors.from && !errors.to && v.from && v.to;
  const parts = { ctx, v, errors, labels };
  return (
    <Layout ctx={ctx} title={t('reports.word.title')}>
      <h1>{t('reports.word.title')}</h1>
      <p class="lead">{t('reports.word.lead')}</p>
      {periodOk && (
        <p>
          <a href={`/quan-ly/bao-cao?from=${encodeURIComponent(v.from)}&to=${encodeURIComponent(v.to)}`}>
            {t('reports.evidence.back')}
          </a>{' '}
          ({t('reports.period.label', { from: formatDate(v.from), to: formatDate(v.to) })})
        </p>
      )}
      <ErrorSummary t={t} errors={errors} labels={labels} />
      <PostForm action="/quan-ly/bao-cao/word" csrfToken={ctx.csrfToken}>
        <PeriodFields {...parts} />
        <IssuerFields {...parts} />
        <ContentFields {...parts} />
        <SignerFields {...parts} />
        <Button>{t('reports.word.download')}</Button>
      </PostForm>
    </Layout>
  );
};
