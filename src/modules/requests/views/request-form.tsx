import type { FC } from 'hono/jsx';
import { type FormValues, formValue, formValues } from '#kernel/http/forms.ts';
import { EmptyState } from '#kernel/ui/components.tsx';
import type { PageContext } from '#kernel/ui/context.ts';
import {
  Button,
  Checkboxes,
  ErrorSummary,
  FileInput,
  Input,
  type Option,
  PostForm,
  Select,
  TextArea,
} from '#kernel/ui/form.tsx';
import { optionsOf } from '#kernel/ui/labels.ts';
import { Layout } from '#kernel/ui/layout.tsx';
import { supportNeeds } from '#modules/projects/index.ts';
import { maxNeeds, urgencies } from '../requests.taxonomy.ts';

export interface RequestFormProps {
  ctx: PageContext;
  /** A founder's own projects; for a walk-in, staff type a project's address instead. */
  projects: Option[];
  walkIn: boolean;
  communes: Option[];
  values: FormValues;
  errors: Record<string, string>;
}

const accept = 'application/pdf,image/jpeg,image/png,image/webp';

/** Who came to the desk or called, and where from: what the officer notes for a walk-in. */
const WalkInFields: FC<{
  ctx: PageContext;
  communes: Option[];
  values: FormValues;
  errors: Record<string, string>;
  labels: Record<string, string>;
}> = ({ ctx, communes, values, errors, labels }) => {
  const { t } = ctx;
  const opt = t('form.optional');
  return (
    <>
      <Input
        name="contactName"
        label={labels.contactName ?? ''}
        value={formValue(values, 'contactName')}
        error={errors.contactName}
        required
        maxlength={120}
        autocomplete="off"
      />
      <div class="row">
        <Input
          name="contactPhone"
          type="tel"
          inputmode="tel"
          label={labels.contactPhone ?? ''}
          value={formValue(values, 'contactPhone')}
          error={errors.contactPhone}
          optionalText={opt}
          maxlength={20}
        />
        <Input
          name="contactEmail"
          type="email"
          label={labels.contactEmail ?? ''}
          value={formValue(values, 'contactEmail')}
          error={errors.contactEmail}
          optionalText={opt}
          maxlength={254}
        />
      </div>
      <Select
        name="commune"
        label={labels.commune ?? ''}
        value={formValue(values, 'commune')}
        placeholder={t('form.choose')}
        options={communes}
        error={errors.commune}
        optionalText={opt}
      />
      <Input
        name="project"
        label={labels.project ?? ''}
        hint={t('requests.field.projectHint')}
        value={formValue(values, 'project')}
        error={errors.project}
        optionalText={opt}
        maxlength={120}
      />
    </>
  );
};

/** The one front door: a founder's request, or an officer's note of a visit or a call. */
export const RequestFormPage: FC<RequestFormProps> = ({ ctx, projects, walkIn, communes, values, errors }) => {
  const { t } = ctx;
  const opt = t('form.optional');
  const title = walkIn ? t('requests.walkIn.title') : t('requests.new.title');
  const labels: Record<string, string> = {
    contactName: t('requests.field.contactName'),
    contactPhone: t('requests.field.contactPhone'),
    contactEmail: t('requests.field.contactEmail'),
    commune: t('requests.field.commune'),
    project: t('requests.field.project'),
    needs: t('requests.field.needs'),
    body: t('requests.field.body'),
    urgency: t('requests.field.urgency'),
    files: t('requests.field.files'),
  };
  if (!walkIn && projects.length === 0) {
    return (
      <Layout ctx={ctx} title={title}>
        <h1>{title}</h1>
        <EmptyState title={t('requests.new.noProject')}>
          <a class="button" href="/du-an/moi">
            {t('requests.new.registerProject')}
          </a>
        </EmptyState>
      </Layout>
    );
  }
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p class="lead">{walkIn ? t('requests.walkIn.lead') : t('requests.new.lead')}</p>
      <ErrorSummary t={t} errors={errors} labels={labels} />
      <PostForm
        action={walkIn ? '/quan-ly/yeu-cau/moi' : '/yeu-cau/moi'}
        csrfToken={ctx.csrfToken}
        class="form"
        multipart={!walkIn}
      >
        {walkIn ? (
          <WalkInFields ctx={ctx} communes={communes} values={values} errors={errors} labels={labels} />
        ) : (
          <Select
            name="project"
            label={labels.project ?? ''}
            value={formValue(values, 'project') || (projects.length === 1 ? projects[0]?.value : '')}
            placeholder={t('form.choose')}
            options={projects}
            error={errors.project}
            required
          />
        )}
        <Checkboxes
          name="needs"
          label={labels.needs ?? ''}
          hint={t('requests.field.needsHint', { max: maxNeeds })}
          values={formValues(values, 'needs')}
          options={optionsOf(t, 'project.need', supportNeeds)}
          error={errors.needs}
        />
        <TextArea
          name="body"
          label={labels.body ?? ''}
          hint={t('requests.field.bodyHint')}
          value={formValue(values, 'body')}
          error={errors.body}
          required
          rows={6}
          maxlength={5000}
        />
        <Select
          name="urgency"
          label={labels.urgency ?? ''}
          value={formValue(values, 'urgency') || 'normal'}
          options={optionsOf(t, 'requests.urgency', urgencies)}
          error={errors.urgency}
          required
        />
        {!walkIn && (
          <FileInput
            name="files"
            label={labels.files ?? ''}
            hint={t('requests.field.filesHint')}
            accept={accept}
            multiple
            error={errors.files}
            values={values}
            t={t}
            optionalText={opt}
          />
        )}
        <div class="form-actions">
          <Button>{t('requests.submit')}</Button>
          <a href={walkIn ? '/quan-ly/yeu-cau' : '/yeu-cau'}>{t('form.cancel')}</a>
        </div>
      </PostForm>
    </Layout>
  );
};
