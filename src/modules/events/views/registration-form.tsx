import type { FC } from 'hono/jsx';
import { type FormValues, formValue } from '#kernel/http/forms.ts';
import type { Translator } from '#kernel/i18n/index.ts';
import type { PageContext } from '#kernel/ui/context.ts';
import { Button, Checkbox, ErrorSummary, Input, type Option, PostForm, Select, TextArea } from '#kernel/ui/form.tsx';
import { optionsOf } from '#kernel/ui/labels.ts';
import { Layout } from '#kernel/ui/layout.tsx';
import type { EventDetail } from '../calendar/events.service.ts';
import { ethnicities, organisationTypes, sexes } from '../events.taxonomy.ts';
import { datesText } from './parts.tsx';

export function personLabels(t: Translator): Record<string, string> {
  return {
    name: t('events.field.name'),
    phone: t('events.field.phone'),
    email: t('events.field.email'),
    commune: t('events.field.commune'),
    organisation: t('events.field.organisation'),
    organisationType: t('events.field.organisationType'),
    sex: t('events.field.sex'),
    ethnicity: t('events.field.ethnicity'),
    birthYear: t('events.field.birthYear'),
    project: t('events.field.project'),
    consent: t('events.field.consent'),
    session: t('events.checkIn.session'),
  };
}

/** Who a person is: the fields of a registration and of a walk-in. */
export const PersonFields: FC<{
  t: Translator;
  values: FormValues;
  errors: Record<string, string>;
  communes: Option[];
  /** Recorded afterwards by an officer: a phone or an e-mail is enough. */
  phoneOptional?: boolean;
}> = ({ t, values, errors, communes, phoneOptional = false }) => {
  const l = personLabels(t);
  const v = (name: string) => formValue(values, name);
  const opt = t('form.optional');
  return (
    <>
      <Input
        name="name"
        label={l.name ?? ''}
        value={v('name')}
        error={errors.name}
        required
        maxlength={120}
        autocomplete="name"
      />
      <Input
        name="phone"
        type="tel"
        inputmode="tel"
        label={l.phone ?? ''}
        hint={phoneOptional ? t('events.past.phoneHint') : t('accounts.field.phoneHint')}
        value={v('phone')}
        error={errors.phone}
        required={!phoneOptional}
        optionalText={phoneOptional ? opt : undefined}
        autocomplete="tel"
      />
      <Input
        name="email"
        type="email"
        label={l.email ?? ''}
        hint={t('events.field.emailHint')}
        value={v('email')}
        error={errors.email}
        optionalText={opt}
        autocomplete="email"
      />
      <Select
        name="sex"
        label={l.sex ?? ''}
        value={v('sex')}
        placeholder={t('form.choose')}
        options={optionsOf(t, 'events.sex', sexes)}
        error={errors.sex}
        required
      />
      <Select
        name="ethnicity"
        label={l.ethnicity ?? ''}
        value={v('ethnicity')}
        placeholder={t('form.choose')}
        options={optionsOf(t, 'events.ethnicity', ethnicities)}
        error={errors.ethnicity}
        required
      />
      <Input
        name="birthYear"
        type="number"
        inputmode="numeric"
        label={l.birthYear ?? ''}
        value={v('birthYear')}
        error={errors.birthYear}
        required
      />
      <Select
        name="commune"
        label={l.commune ?? ''}
        hint={t('events.field.communeHint')}
        value={v('commune')}
        placeholder={t('events.field.communeNone')}
        options={communes}
        error={errors.commune}
      />
      <Input
        name="organisation"
        label={l.organisation ?? ''}
        value={v('organisation')}
        error={errors.organisation}
        optionalText={opt}
        maxlength={200}
        autocomplete="organization"
      />
      <Select
        name="organisationType"
        label={l.organisationType ?? ''}
        value={v('organisationType')}
        options={optionsOf(t, 'events.orgType', organisationTypes)}
        error={errors.organisationType}
        required
      />
    </>
  );
};

export interface RegistrationFormProps {
  ctx: PageContext;
  event: EventDetail;
  values: FormValues;
  errors: Record<string, string>;
  communes: Option[];
  /** A founder's projects: the seat counts as support to the one chosen. */
  projects: { id: string; name: string }[];
  full: boolean;
  /** Staff register someone else. */
  onBehalf: boolean;
}

export const RegistrationFormPage: FC<RegistrationFormProps> = ({
  ctx,
  event: e,
  values,
  errors,
  communes,
  projects,
  full,
  onBehalf,
}) => {
  const { t } = ctx;
  const labels = personLabels(t);
  e.questions.forEach((q, i) => {
    labels[`a${i}`] = q;
  });
  const title = t('events.register.titleFor', { title: e.title });
  return (
    <Layout ctx={ctx} title={title}>
      <nav class="breadcrumbs" aria-label="breadcrumb">
        <a href={`/su-kien/${e.slug}`}>{e.title}</a>
      </nav>
      <h1>{title}</h1>
      <p class="lead">
        {datesText(e.startsOn, e.endsOn)} · {e.venue}
      </p>
      {full && <p class="flash flash-info">{t('events.register.waitlistNote')}</p>}
      {onBehalf && <p class="muted">{t('events.register.onBehalf')}</p>}
      <ErrorSummary t={t} errors={errors} labels={labels} />
      <PostForm action={`/su-kien/${e.slug}/dang-ky`} csrfToken={ctx.csrfToken} class="form">
        <fieldset>
          <legend>{t('events.register.aboutYou')}</legend>
          <PersonFields t={t} values={values} errors={errors} communes={communes} />
          {projects.length > 0 && (
            <Select
              name="project"
              label={labels.project ?? ''}
              hint={t('events.field.projectHint')}
              value={formValue(values, 'project')}
              placeholder={t('events.field.projectNone')}
              options={projects.map((p) => ({ value: p.id, label: p.name }))}
              error={errors.project}
            />
          )}
        </fieldset>
        {e.questions.length > 0 && (
          <fieldset>
            <legend>{t('events.register.questions')}</legend>
            {e.questions.map((q, i) => (
              <TextArea
                name={`a${i}`}
                label={q}
                value={formValue(values, `a${i}`)}
                error={errors[`a${i}`]}
                optionalText={t('form.optional')}
                rows={2}
                maxlength={1000}
              />
            ))}
          </fieldset>
        )}
        <fieldset>
          <legend>{t('events.register.consentTitle')}</legend>
          <p class="hint">{t('events.register.consentText')}</p>
          <Checkbox
            name="consent"
            label={t('events.field.consent')}
            checked={formValue(values, 'consent') === 'on'}
            error={errors.consent}
          />
        </fieldset>
        <div class="form-actions">
          <Button>{full ? t('events.register.submitWaitlist') : t('events.register.submit')}</Button>
          <a href={`/su-kien/${e.slug}`}>{t('form.cancel')}</a>
        </div>
      </PostForm>
    </Layout>
  );
};
