import type { FC } from 'hono/jsx';
import { type FormValues, formValue, formValues } from '#kernel/http/forms.ts';
import type { CommuneOption } from '#kernel/ui/communes.ts';
import type { PageContext } from '#kernel/ui/context.ts';
import { Button, Checkbox, Checkboxes, ErrorSummary, Input, PostForm, Select, TextArea } from '#kernel/ui/form.tsx';
import { optionsOf } from '#kernel/ui/labels.ts';
import { Layout } from '#kernel/ui/layout.tsx';
import { WhereFieldset } from '#kernel/ui/where-fieldset.tsx';
import { projectFields, supportNeeds } from '#modules/projects/index.ts';
import { partnerKinds } from '../partners.taxonomy.ts';

export interface PartnerFormProps {
  ctx: PageContext;
  title: string;
  action: string;
  cancelHref: string;
  values: FormValues;
  errors: Record<string, string>;
  communes: CommuneOption[];
}

const labelsOf = (t: PageContext['t']): Record<string, string> => ({
  name: t('partners.field.name'),
  slug: t('partners.field.slug'),
  kind: t('partners.field.kind'),
  summary: t('partners.field.summary'),
  description: t('partners.field.description'),
  offers: t('partners.field.offers'),
  fields: t('partners.field.fields'),
  communes: t('partners.field.communes'),
  address: t('partners.field.address'),
  website: t('partners.field.website'),
  contactName: t('partners.field.contactName'),
  contactPhone: t('partners.field.contactPhone'),
  contactEmail: t('partners.field.contactEmail'),
});

/** The partner's name, kind, summary, description and address on the site. */
const PartnerAbout: FC<PartnerFormProps> = ({ ctx, values, errors }) => {
  const { t } = ctx;
  const opt = t('form.optional');
  const labels = labelsOf(t);
  return (
    <fieldset>
      <legend>{t('partners.form.about')}</legend>
      <Input
        name="name"
        label={labels.name ?? ''}
        value={formValue(values, 'name')}
        error={errors.name}
        required
        maxlength={200}
      />
      <Select
        name="kind"
        label={labels.kind ?? ''}
        value={formValue(values, 'kind')}
        placeholder={t('form.choose')}
        options={optionsOf(t, 'partners.kind', partnerKinds)}
        error={errors.kind}
        required
      />
      <TextArea
        name="summary"
        label={labels.summary ?? ''}
        hint={t('partners.field.summaryHint')}
        value={formValue(values, 'summary')}
        error={errors.summary}
        required
        rows={2}
        maxlength={500}
      />
      <TextArea
        name="description"
        label={labels.description ?? ''}
        value={formValue(values, 'description')}
        error={errors.description}
        optionalText={opt}
        rows={6}
      />
      <Input
        name="slug"
        label={labels.slug ?? ''}
        hint={t('partners.field.slugHint')}
        value={formValue(values, 'slug')}
        error={errors.slug}
        optionalText={opt}
        maxlength={80}
      />
    </fieldset>
  );
};

/** What the partner offers, and in which fields. */
const PartnerNetwork: FC<PartnerFormProps> = ({ ctx, values, errors }) => {
  const { t } = ctx;
  const labels = labelsOf(t);
  return (
    <fieldset>
      <legend>{t('partners.form.network')}</legend>
      <Checkboxes
        name="offers"
        label={labels.offers ?? ''}
        values={formValues(values, 'offers')}
        options={optionsOf(t, 'project.need', supportNeeds)}
        error={errors.offers}
      />
      <Checkboxes
        name="fields"
        label={labels.fields ?? ''}
        hint={t('partners.field.fieldsHint')}
        values={formValues(values, 'fields')}
        options={optionsOf(t, 'project.field', projectFields)}
        error={errors.fields}
      />
    </fieldset>
  );
};

/** Whom to contact, and where the partner is found. */
const PartnerContact: FC<PartnerFormProps> = ({ ctx, values, errors }) => {
  const { t } = ctx;
  const opt = t('form.optional');
  const labels = labelsOf(t);
  return (
    <fieldset>
      <legend>{t('partners.form.contact')}</legend>
      <Input
        name="contactName"
        label={labels.contactName ?? ''}
        value={formValue(values, 'contactName')}
        error={errors.contactName}
        optionalText={opt}
        maxlength={200}
      />
      <Input
        name="contactPhone"
        type="tel"
        label={labels.contactPhone ?? ''}
        value={formValue(values, 'contactPhone')}
        error={errors.contactPhone}
        optionalText={opt}
        inputmode="tel"
        maxlength={20}
      />
      <Input
        name="contactEmail"
        type="email"
        label={labels.contactEmail ?? ''}
        hint={t('partners.field.contactEmailHint')}
        value={formValue(values, 'contactEmail')}
        error={errors.contactEmail}
        optionalText={opt}
        maxlength={254}
      />
      <Input
        name="address"
        label={labels.address ?? ''}
        value={formValue(values, 'address')}
        error={errors.address}
        optionalText={opt}
        maxlength={300}
      />
      <Input
        name="website"
        type="url"
        label={labels.website ?? ''}
        value={formValue(values, 'website')}
        error={errors.website}
        optionalText={opt}
        maxlength={500}
      />
    </fieldset>
  );
};

export const PartnerFormPage: FC<PartnerFormProps> = (p) => {
  const { ctx, title, action, cancelHref, values, errors, communes } = p;
  const { t } = ctx;
  const labels = labelsOf(t);
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <ErrorSummary t={t} errors={errors} labels={labels} />
      <PostForm action={action} csrfToken={ctx.csrfToken} class="form">
        <PartnerAbout {...p} />
        <PartnerNetwork {...p} />
        <WhereFieldset
          t={t}
          values={values}
          errors={errors}
          communes={communes}
          text={{
            legend: t('partners.form.where'),
            anywhere: t('partners.field.anywhere'),
            pick: t('partners.field.communesPick', { count: '{count}' }),
            label: labels.communes ?? '',
            hint: t('partners.field.communesHint'),
          }}
        />
        <PartnerContact {...p} />
        <fieldset>
          <legend>{t('partners.form.publish')}</legend>
          <Checkbox
            name="isPublic"
            label={t('partners.field.isPublic')}
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
