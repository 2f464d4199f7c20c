import type { FC } from 'hono/jsx';
import { type FormValues, formValue } from '#kernel/http/forms.ts';
import type { PageContext } from '#kernel/ui/context.ts';
import { Button, ErrorSummary, Input, PostForm, Select, TextArea } from '#kernel/ui/form.tsx';
import { optionsOf } from '#kernel/ui/labels.ts';
import { Layout } from '#kernel/ui/layout.tsx';
import { providerKinds, supportKinds, supportStatuses } from '../support.taxonomy.ts';

export interface SupportFormProps {
  ctx: PageContext;
  projectName: string;
  projectSlug: string;
  values: FormValues;
  errors: Record<string, string>;
}

const labelsOf = (t: PageContext['t']): Record<string, string> => ({
  kind: t('support.field.kind'),
  title: t('support.field.title'),
  providerKind: t('support.field.providerKind'),
  providerName: t('support.field.providerName'),
  startedOn: t('support.field.startedOn'),
  endedOn: t('support.field.endedOn'),
  status: t('support.field.status'),
  outcome: t('support.field.outcome'),
  participants: t('support.field.participants'),
  contractValueVnd: t('support.field.contractValue'),
  salesGrowthPercent: t('support.field.salesGrowth'),
  evidence: t('support.field.evidence'),
});

/** What support was given, and by whom. */
const SupportWhat: FC<SupportFormProps> = ({ ctx, values, errors }) => {
  const { t } = ctx;
  const labels = labelsOf(t);
  const l = (k: string) => labels[k] ?? k;
  return (
    <>
      <Select
        name="kind"
        label={l('kind')}
        value={formValue(values, 'kind')}
        placeholder={t('form.choose')}
        options={optionsOf(t, 'support.kind', supportKinds)}
        error={errors.kind}
        required
      />
      <Input
        name="title"
        label={l('title')}
        hint={t('support.field.titleHint')}
        value={formValue(values, 'title')}
        error={errors.title}
        required
        maxlength={300}
      />
      <Select
        name="providerKind"
        label={l('providerKind')}
        value={formValue(values, 'providerKind') || 'officer'}
        options={optionsOf(t, 'support.provider', providerKinds)}
        error={errors.providerKind}
        required
      />
      <Input
        name="providerName"
        label={l('providerName')}
        value={formValue(values, 'providerName')}
        error={errors.providerName}
        required
        maxlength={200}
      />
    </>
  );
};

/** What came of it: the outcome, the figures and the evidence. */
const SupportResults: FC<SupportFormProps> = ({ ctx, values, errors }) => {
  const { t } = ctx;
  const opt = t('form.optional');
  const labels = labelsOf(t);
  const l = (k: string) => labels[k] ?? k;
  return (
    <>
      <TextArea
        name="outcome"
        label={l('outcome')}
        value={formValue(values, 'outcome')}
        error={errors.outcome}
        optionalText={opt}
        rows={3}
      />
      <div class="row">
        <Input
          name="participants"
          type="number"
          inputmode="numeric"
          label={l('participants')}
          value={formValue(values, 'participants')}
          error={errors.participants}
          optionalText={opt}
        />
        <Input
          name="contractValueVnd"
          inputmode="decimal"
          label={l('contractValueVnd')}
          value={formValue(values, 'contractValueVnd')}
          error={errors.contractValueVnd}
          optionalText={opt}
        />
        <Input
          name="salesGrowthPercent"
          type="number"
          inputmode="numeric"
          label={l('salesGrowthPercent')}
          value={formValue(values, 'salesGrowthPercent')}
          error={errors.salesGrowthPercent}
          optionalText={opt}
        />
      </div>
      <TextArea
        name="evidence"
        label={l('evidence')}
        hint={t('form.hintOnePerLine')}
        value={formValue(values, 'evidence')}
        error={errors.evidence}
        optionalText={opt}
        rows={2}
      />
    </>
  );
};

export const SupportFormPage: FC<SupportFormProps> = (p) => {
  const { ctx, projectName, projectSlug, values, errors } = p;
  const { t } = ctx;
  const opt = t('form.optional');
  const labels = labelsOf(t);
  const title = t('support.new.forProject', { name: projectName });
  const l = (k: string) => labels[k] ?? k;
  return (
    <Layout ctx={ctx} title={title}>
      <nav class="breadcrumbs" aria-label="breadcrumb">
        <a href={`/du-an/${projectSlug}`}>{projectName}</a>
      </nav>
      <h1>{title}</h1>
      <ErrorSummary t={t} errors={errors} labels={labels} />
      <PostForm action={`/du-an/${projectSlug}/ho-tro/moi`} csrfToken={ctx.csrfToken} class="form">
        <SupportWhat {...p} />
        <div class="row">
          <Input
            name="startedOn"
            type="date"
            label={l('startedOn')}
            value={formValue(values, 'startedOn')}
            error={errors.startedOn}
            required
          />
          <Input
            name="endedOn"
            type="date"
            label={l('endedOn')}
            value={formValue(values, 'endedOn')}
            error={errors.endedOn}
            optionalText={opt}
          />
        </div>
        <Select
          name="status"
          label={l('status')}
          value={formValue(values, 'status') || 'done'}
          options={optionsOf(t, 'support.status', supportStatuses)}
          error={errors.status}
          required
        />
        <SupportResults {...p} />
        <div class="form-actions">
          <Button>{t('form.save')}</Button>
          <a href={`/du-an/${projectSlug}`}>{t('form.cancel')}</a>
        </div>
      </PostForm>
    </Layout>
  );
};
