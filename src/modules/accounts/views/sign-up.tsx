import type { FC } from 'hono/jsx';
import { Button, ErrorSummary, Input, PostForm } from '#kernel/ui/form.tsx';
import { Layout } from '#kernel/ui/layout.tsx';
import { type FormPageProps, typed } from './form-state.ts';

export const SignUpPage: FC<FormPageProps & { next?: string }> = ({ ctx, values, errors = {}, next }) => {
  const { t } = ctx;
  const labels = {
    name: t('auth.field.name'),
    email: t('auth.field.email'),
    phone: t('auth.field.phone'),
    password: t('auth.field.password'),
    passwordConfirm: t('auth.field.passwordConfirm'),
  };
  const action = next ? `/dang-ky?next=${encodeURIComponent(next)}` : '/dang-ky';
  return (
    <Layout ctx={ctx} title={t('auth.signUp.title')}>
      <div class="narrow">
        <h1>{t('auth.signUp.title')}</h1>
        <p class="lead">{t('auth.signUp.lead')}</p>
        <ErrorSummary t={t} errors={errors} labels={labels} />
        <PostForm action={action} csrfToken={ctx.csrfToken}>
          <fieldset>
            <legend>{t('accounts.signUp.aboutYou')}</legend>
            <Input
              name="name"
              label={labels.name}
              value={typed(values, 'name')}
              error={errors.name}
              autocomplete="name"
              maxlength={100}
              required
            />
            <Input
              name="email"
              type="email"
              label={labels.email}
              value={typed(values, 'email')}
              error={errors.email}
              autocomplete="email"
              inputmode="email"
              maxlength={254}
              required
            />
            <Input
              name="phone"
              type="tel"
              label={labels.phone}
              hint={t('accounts.field.phoneHint')}
              optionalText={t('form.optional')}
              value={typed(values, 'phone')}
              error={errors.phone}
              autocomplete="tel"
              inputmode="tel"
              maxlength={20}
            />
          </fieldset>
          <fieldset>
            <legend>{t('accounts.signUp.passwordLegend')}</legend>
            <Input
              name="password"
              type="password"
              label={labels.password}
              hint={t('auth.field.passwordHint')}
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
          <Button>{t('auth.signUp.submit')}</Button>
        </PostForm>
        <p>
          {t('auth.signUp.haveAccount')} <a href="/dang-nhap">{t('nav.signIn')}</a>
        </p>
      </div>
    </Layout>
  );
};
