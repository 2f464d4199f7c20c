import type { FC } from 'hono/jsx';
import { Button, ErrorSummary, Input, PostForm } from '#kernel/ui/form.tsx';
import { Layout } from '#kernel/ui/layout.tsx';
import { type FormPageProps, typed } from './form-state.ts';

/** Where the form posts back to, keeping `?next=` so the person lands where they were going. */
export function signInAction(next: string | undefined): string {
  return next ? `/dang-nhap?next=${encodeURIComponent(next)}` : '/dang-nhap';
}

export const SignInPage: FC<FormPageProps & { next?: string }> = ({ ctx, values, errors = {}, next }) => {
  const { t } = ctx;
  const labels = { email: t('auth.field.email'), password: t('auth.field.password') };
  return (
    <Layout ctx={ctx} title={t('auth.signIn.title')}>
      <div class="narrow">
        <h1>{t('auth.signIn.title')}</h1>
        <p class="lead">{t('accounts.signIn.lead')}</p>
        <ErrorSummary t={t} errors={errors} labels={labels} />
        <PostForm action={signInAction(next)} csrfToken={ctx.csrfToken}>
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
            name="password"
            type="password"
            label={labels.password}
            error={errors.password}
            autocomplete="current-password"
            required
          />
          <Button>{t('auth.signIn.submit')}</Button>
        </PostForm>
        <p>
          <a href="/quen-mat-khau">{t('auth.signIn.forgot')}</a>
        </p>
        <p>
          {t('auth.signIn.noAccount')} <a href="/dang-ky">{t('nav.signUp')}</a>
        </p>
      </div>
    </Layout>
  );
};
