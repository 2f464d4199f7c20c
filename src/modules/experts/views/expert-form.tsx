import type { FC } from 'hono/jsx';
import { type FormValues, formValue, formValues } from '#kernel/http/forms.ts';
import type { CommuneOption } from '#kernel/ui/communes.ts';
import type { PageContext } from '#kernel/ui/context.ts';
import { Button, Checkbox, Checkboxes, ErrorSummary, Input, PostForm, TextArea } from '#kernel/ui/form.tsx';
import { optionsOf } from '#kernel/ui/labels.ts';
import { Layout } from '#kernel/ui/layout.tsx';
import { WhereFieldset } from '#kernel/ui/where-fieldset.tsx';
import { projectFields } from '#modules/projects/index.ts';
import { specialties } from '../experts.taxonomy.ts';

export interface ExpertFormProps {
  ctx: PageContext;
  title: string;
  action: string;
  cancelHref: string;
  values: FormValues;
  errors: Record<string, string>;
  communes: CommuneOption[];
}

const labelsOf = (t: PageContext['t']): Record<string, string> => ({
  name: t('experts.field.name'),
  headline: t('experts.field.headline'),
  organisation: t('experts.field.organisation'),
  bio: t('experts.field.bio'),
  specialties: t('experts.field.specialties'),
  fields: t('experts.field.fields'),
  communes: t('experts.field.communes'),
});

/** The expert's name, headline, organisation and background. */
const ExpertAbout: FC<ExpertFormProps> = ({ ctx, values, errors }) => {
  const { t } = ctx;
  const opt = t('form.optional');
  const labels = labelsOf(t);
  return (
    <fieldset>
      <legend>{t('experts.form.about')}</legend>
      <Input
        name="name"
        label={labels.name ?? ''}
        hint={t('experts.field.nameHint')}
        value={formValue(values, 'name')}
        error={errors.name}
        required
        maxlength={200}
      />
      <Input
        name="headline"
        label={labels.headline ?? ''}
        hint={t('experts.field.headlineHint')}
        value={formValue(values, 'headline')}
        error={errors.headline}
        required
        maxlength={300}
      />
      <Input
        name="organisation"
        label={labels.organisation ?? ''}
        value={formValue(values, 'organisation')}
        error={errors.organisation}
        optionalText={opt}
        maxlength={200}
      />
      <TextArea
        name="bio"
        label={labels.bio ?? ''}
        hint={t('experts.field.bioHint')}
        value={formValue(values, 'bio')}
        error={errors.bio}
        optionalText={opt}
        rows={6}
        maxlength={5000}
      />
    </fieldset>
  );
};

/** What the expert knows, and in which fields. */
const ExpertExpertise: FC<ExpertFormProps> = ({ ctx, values, errors }) => {
  const { t } = ctx;
  const labels = labelsOf(t);
  return (
    <fieldset>
      <legend>{t('experts.form.expertise')}</legend>
      <Checkboxes
        name="specialties"
        label={labels.specialties ?? ''}
        values={formValues(values, 'specialties')}
        options={optionsOf(t, 'experts.specialty', specialties)}
        error={errors.specialties}
        required
      />
      <Checkboxes
        name="fields"
        label={labels.fields ?? ''}
        values={formValues(values, 'fields')}
        options={optionsOf(t, 'project.field', projectFields)}
        error={errors.fields}
      />
    </fieldset>
  );
};

export const ExpertFormPage: FC<ExpertFormProps> = (p) => {
  const { ctx, title, action, cancelHref, values, errors, communes } = p;
  const { t } = ctx;
  const labels = labelsOf(t);
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p class="lead">{t('experts.form.lead')}</p>
      <ErrorSummary t={t} errors={errors} labels={labels} />
      <PostForm action={action} csrfToken={ctx.csrfToken} class="form">
        <ExpertAbout {...p} />
        <ExpertExpertise {...p} />
        <WhereFieldset
          t={t}
          values={values}
          errors={errors}
          communes={communes}
          text={{
            legend: t('experts.form.where'),
            anywhere: t('experts.field.anywhere'),
            pick: t('experts.field.communesPick', { count: '{count}' }),
            label: labels.communes ?? '',
            hint: t('experts.field.communesHint'),
          }}
        />
        <fieldset>
          <legend>{t('experts.form.publish')}</legend>
          <Checkbox
            name="isPublic"
            label={t('experts.field.isPublic')}
            checked={formValue(values, 'isPublic') === 'on'}
            error={errors.isPublic}
          />
        </fieldset>
        <div class="form-actions">
          <Button>{t('form.save')}</Button>
          <a href={cancelHref}>{t('form.cancel')}</a>
        </div>
      </PostForm>
    </Layout>
  );
};
