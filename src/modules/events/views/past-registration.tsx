import type { FC } from 'hono/jsx';
import { type FormValues, formValue, formValues } from '#kernel/http/forms.ts';
import type { PageContext } from '#kernel/ui/context.ts';
import { Button, Checkboxes, ErrorSummary, Input, type Option, PostForm } from '#kernel/ui/form.tsx';
import { Layout } from '#kernel/ui/layout.tsx';
import type { EventDetail } from '../calendar/events.service.ts';
import { datesText, sessionName } from './parts.tsx';
import { PersonFields, personLabels } from './registration-form.tsx';

export interface PastRegistrationProps {
  ctx: PageContext;
  event: EventDetail;
  values: FormValues;
  errors: Record<string, string>;
  communes: Option[];
}

/** An officer adds someone who came to an event that has ended, with the sessions they attended. */
export const PastRegistrationPage: FC<PastRegistrationProps> = ({ ctx, event: e, values, errors, communes }) => {
  const { t } = ctx;
  const labels = { ...personLabels(t), project: t('events.past.project'), sessions: t('events.past.sessions') };
  const title = t('events.past.title');
  return (
    <Layout ctx={ctx} title={`${title} – ${e.title}`}>
      <nav class="breadcrumbs" aria-label="breadcrumb">
        <a href={`/su-kien/${e.slug}`}>{e.title}</a>
      </nav>
      <h1>{title}</h1>
      <p class="lead">
        {e.title} · {datesText(e.startsOn, e.endsOn)}
      </p>
      <p class="hint">{t('events.past.lead')}</p>
      <ErrorSummary t={t} errors={errors} labels={labels} />
      <PostForm action={`/su-kien/${e.slug}/ghi-nhan`} csrfToken={ctx.csrfToken} class="form">
        <fieldset>
          <legend>{t('events.past.who')}</legend>
          <PersonFields t={t} values={values} errors={errors} communes={communes} phoneOptional />
          <Input
            name="project"
            label={labels.project}
            hint={t('events.past.projectHint')}
            value={formValue(values, 'project')}
            error={errors.project}
            optionalText={t('form.optional')}
            maxlength={300}
          />
        </fieldset>
        <Checkboxes
          name="sessions"
          label={labels.sessions}
          hint={t('events.past.sessionsHint')}
          values={formValues(values, 'sessions')}
          options={e.sessions.map((s) => ({ value: s.id, label: sessionName(t, e.sessions, s, true) }))}
          error={errors.sessions}
        />
        <div class="form-actions">
          <Button>{t('events.past.submit')}</Button>
          <a href={`/su-kien/${e.slug}/nguoi-dang-ky`}>{t('form.cancel')}</a>
        </div>
      </PostForm>
    </Layout>
  );
};
