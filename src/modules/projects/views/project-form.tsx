import type { FC } from 'hono/jsx';
import { isStaff } from '#kernel/auth/roles.ts';
import { type FormValues, formValue, formValues } from '#kernel/http/forms.ts';
import { type CommuneOption, communeOptions } from '#kernel/ui/communes.ts';
import type { PageContext } from '#kernel/ui/context.ts';
import { Button, Checkbox, Checkboxes, ErrorSummary, Input, PostForm, Select, TextArea } from '#kernel/ui/form.tsx';
import { optionsOf } from '#kernel/ui/labels.ts';
import { Layout } from '#kernel/ui/layout.tsx';
import { projectFields, projectStages, projectTypes, supportNeeds } from '../projects.taxonomy.ts';

export interface ProjectFormProps {
  ctx: PageContext;
  title: string;
  action: string;
  cancelHref: string;
  values: FormValues;
  errors: Record<string, string>;
  communes: CommuneOption[];
  /** Staff registering a new project: the walk-in founder's part of the form. */
  walkIn?: boolean;
}

const labelsOf = (t: PageContext['t']): Record<string, string> => ({
  name: t('projects.field.name'),
  summary: t('projects.field.summary'),
  description: t('projects.field.description'),
  type: t('projects.field.type'),
  field: t('projects.field.field'),
  stage: t('projects.field.stage'),
  commune: t('projects.field.commune'),
  members: t('projects.field.members'),
  needs: t('projects.field.needs'),
  awards: t('projects.field.awards'),
  links: t('projects.field.links'),
  consentToPublish: t('projects.form.publish'),
  founderName: t('projects.field.founderName'),
  founderPhone: t('projects.field.founderPhone'),
  founderEmail: t('projects.field.founderEmail'),
  inviteFounder: t('projects.field.inviteFounder'),
});

/** For staff: the founder who came in person, their contacts kept private, and an invitation. */
const WalkInFounderPart: FC<ProjectFormProps> = ({ ctx, values, errors }) => {
  const { t } = ctx;
  const labels = labelsOf(t);
  return (
    <fieldset>
      <legend>{t('projects.form.walkIn')}</legend>
      <p class="hint">{t('projects.form.walkInHint')}</p>
      <Input
        name="founderName"
        label={labels.founderName ?? ''}
        value={formValue(values, 'founderName')}
        error={errors.founderName}
        maxlength={100}
        autocomplete="off"
      />
      <Input
        name="founderPhone"
        label={labels.founderPhone ?? ''}
        type="tel"
        value={formValue(values, 'founderPhone')}
        error={errors.founderPhone}
        maxlength={20}
        autocomplete="off"
      />
      <Input
        name="founderEmail"
        label={labels.founderEmail ?? ''}
        type="email"
        value={formValue(values, 'founderEmail')}
        error={errors.founderEmail}
        maxlength={254}
        autocomplete="off"
      />
      <Checkbox
        name="inviteFounder"
        label={labels.inviteFounder ?? ''}
        hint={t('projects.field.inviteFounderHint')}
        checked={formValue(values, 'inviteFounder') === 'on'}
        error={errors.inviteFounder}
      />
    </fieldset>
  );
};

/** The project's name, summary, description, type, field, stage and commune. */
const ProjectBasics: FC<ProjectFormProps> = ({ ctx, values, errors, communes }) => {
  const { t } = ctx;
  const opt = t('form.optional');
  const labels = labelsOf(t);
  return (
    <fieldset>
      <legend>{t('projects.form.about')}</legend>
      <Input
        name="name"
        label={labels.name ?? ''}
        value={formValue(values, 'name')}
        error={errors.name}
        required
        maxlength={200}
      />
      <TextArea
        name="summary"
        label={labels.summary ?? ''}
        hint={t('projects.field.summaryHint')}
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
      <Select
        name="type"
        label={labels.type ?? ''}
        value={formValue(values, 'type')}
        placeholder={t('form.choose')}
        options={optionsOf(t, 'project.type', projectTypes)}
        error={errors.type}
        required
      />
      <Select
        name="field"
        label={labels.field ?? ''}
        value={formValue(values, 'field')}
        placeholder={t('form.choose')}
        options={optionsOf(t, 'project.field', projectFields)}
        error={errors.field}
        required
      />
      <Select
        name="stage"
        label={labels.stage ?? ''}
        value={formValue(values, 'stage')}
        placeholder={t('form.choose')}
        options={optionsOf(t, 'project.stage', projectStages)}
        error={errors.stage}
        required
      />
      <Select
        name="commune"
        label={labels.commune ?? ''}
        hint={t('projects.field.communeHint')}
        value={formValue(values, 'commune')}
        placeholder={t('form.choose')}
        options={communeOptions(t, communes, { formerDistrict: true })}
        error={errors.commune}
        required
      />
    </fieldset>
  );
};

/** Who is in the team, the awards won and the links to it. */
const ProjectTeam: FC<ProjectFormProps> = ({ ctx, values, errors }) => {
  const { t } = ctx;
  const opt = t('form.optional');
  const labels = labelsOf(t);
  return (
    <fieldset>
      <legend>{t('projects.form.team')}</legend>
      <TextArea
        name="members"
        label={labels.members ?? ''}
        hint={t('projects.field.membersHint')}
        value={formValue(values, 'members')}
        error={errors.members}
        optionalText={opt}
        rows={3}
      />
      <TextArea
        name="awards"
        label={labels.awards ?? ''}
        hint={t('projects.field.awardsHint')}
        value={formValue(values, 'awards')}
        error={errors.awards}
        optionalText={opt}
        rows={2}
      />
      <TextArea
        name="links"
        label={labels.links ?? ''}
        hint={t('projects.field.linksHint')}
        value={formValue(values, 'links')}
        error={errors.links}
        optionalText={opt}
        rows={2}
      />
    </fieldset>
  );
};

export const ProjectFormPage: FC<ProjectFormProps> = (p) => {
  const { ctx, title, action, cancelHref, values, errors } = p;
  const { t } = ctx;
  const labels = labelsOf(t);
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <ErrorSummary t={t} errors={errors} labels={labels} />
      <PostForm action={action} csrfToken={ctx.csrfToken} class="form">
        <ProjectBasics {...p} />
        {p.walkIn && <WalkInFounderPart {...p} />}
        <ProjectTeam {...p} />
        <Checkboxes
          name="needs"
          label={labels.needs ?? ''}
          values={formValues(values, 'needs')}
          options={optionsOf(t, 'project.need', supportNeeds)}
          error={errors.needs}
        />
        <fieldset>
          <legend>{t('projects.form.publish')}</legend>
          <Checkbox
            name="consentToPublish"
            label={t('projects.field.consent')}
            checked={formValue(values, 'consentToPublish') === 'on'}
            error={errors.consentToPublish}
          />
          <Checkbox
            name="isPublic"
            label={t('projects.field.isPublic')}
            hint={ctx.actor && !isStaff(ctx.actor) ? t('projects.field.isPublicHint') : undefined}
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
