import type { FC } from 'hono/jsx';
import type { FormValues } from '#kernel/http/forms.ts';
import type { FieldErrors } from '#kernel/http/validation.ts';
import type { PageContext } from '#kernel/ui/context.ts';
import { Button, ErrorSummary, PostForm } from '#kernel/ui/form.tsx';
import { Layout } from '#kernel/ui/layout.tsx';
import { LocalhostWarning, ProfileFields, profileLabels } from './profile-form.tsx';

/** Admins: the Department's profile, to change later. */
export const SettingsPage: FC<{
  ctx: PageContext;
  values: FormValues;
  errors?: FieldErrors;
  localWarning: boolean;
}> = ({ ctx, values, errors = {}, localWarning }) => {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('setup.settings.title')}>
      <div class="narrow">
        <h1>{t('setup.settings.title')}</h1>
        <p class="lead">{t('setup.settings.lead')}</p>
        <LocalhostWarning t={t} show={localWarning} />
        <ErrorSummary t={t} errors={errors} labels={profileLabels(t)} />
        <PostForm action="/quan-tri/cai-dat" csrfToken={ctx.csrfToken}>
          <ProfileFields t={t} values={values} errors={errors} />
          <Button>{t('setup.settings.submit')}</Button>
        </PostForm>
      </div>
    </Layout>
  );
};
