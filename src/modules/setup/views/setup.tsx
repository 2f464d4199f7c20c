import type { FC } from 'hono/jsx';
import { type FormValues, formValue } from '#kernel/http/forms.ts';
import type { FieldErrors } from '#kernel/http/validation.ts';
import type { PageContext } from '#kernel/ui/context.ts';
import { Button, ErrorSummary, Input, PostForm } from '#kernel/ui/form.tsx';
import { Layout } from '#kernel/ui/layout.tsx';
import { LocalhostWarning, ProfileFields, profileLabels } from './profile-form.tsx';

export interface SetupPageProps {
  ctx: PageContext;
  action: string;
  values: FormValues;
  errors?: FieldErrors;
  localWarning: boolean;
}

/** The one-time first-run page: the first administrator, then the Department. */
export const SetupPage: FC<SetupPageProps> = ({ ctx, action, values, errors = {}, localWarning }) => {
  const { t } = ctx;
  const labels = {
    adminName: t('setup.field.adminName'),
    adminEmail: t('setup.field.adminEmail'),
    password: t('setup.field.password'),
    passwordConfirm: t('setup.field.passwordConfirm'),
    ...profileLabels(t),
  };
  return (
    <Layout ctx={ctx} title={t('setup.title')}>
      <div class="narrow">
        <h1>{t('setup.title')}</h1>
        <p class="lead">{t('setup.lead')}</p>
        <LocalhostWarning t={t} show={localWarning} />
        <ErrorSummary t={t} errors={errors} labels={labels} />
        <PostForm action={action} csrfToken={ctx.csrfToken}>
          <fieldset>
            <legend>{t('setup.admin.legend')}</legend>
            <Input
              name="adminName"
              label={labels.adminName}
              value={formValue(values, 'adminName')}
              error={errors.adminName}
              autocomplete="name"
              maxlength={100}
              required
            />
            <Input
              name="adminEmail"
              type="email"
              label={labels.adminEmail}
              value={formValue(values, 'adminEmail')}
              error={errors.adminEmail}
              autocomplete="email"
              inputmode="email"
              maxlength={254}
              required
            />
            <Input
              name="password"
              type="password"
              label={labels.password}
              hint={t('setup.field.passwordHint')}
              error={errors.password}
              autocomplete="new-password"
              maxlength={128}
              required
            />
            <Input
              name="passwordConfirm"
              type="password"
              label={labels.passwordConfirm}
              error={errors.passwordConfirm}
              autocomplete="new-password"
              maxlength={128}
              required
            />
          </fieldset>
          <ProfileFields t={t} values={values} errors={errors} />
          <Button>{t('setup.submit')}</Button>
        </PostForm>
      </div>
    </Layout>
  );
};
