import type { FC } from 'hono/jsx';
import type { PageContext } from '#kernel/ui/context.ts';
import { Button, ErrorSummary, Input, PostForm } from '#kernel/ui/form.tsx';
import { Layout } from '#kernel/ui/layout.tsx';
import { type FormPageProps, typed } from './form-state.ts';

export const ForgotPasswordPage: FC<FormPageProps> = ({ ctx, values, errors = {} }) => {
  const { t } = ctx;
  const labels = { email: t('auth.field.email') };
  return (
    <Layout ctx={ctx} title={t('auth.forgot.title')}>
      <div class="narrow">
        <h1>{t('auth.forgot.title')}</h1>
        <p class="lead">{t('auth.forgot.lead')}</p>
        <ErrorSummary t={t} errors={errors} labels={labels} />
        <PostForm action="/quen-mat-khau" csrfToken={ctx.csrfToken}>
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
          <Button>{t('auth.forgot.submit')}</Button>
        </PostForm>
        <p>
          <a href="/dang-nhap">{t('accounts.forgot.backToSignIn')}</a>
        </p>
      </div>
    </Layout>
  );
};

/**
 * The form behind a reset or invitation link; `email` says whose account it is. An invitation
 * reads as creating one's account (choosing a password for the first time), not as changing it.
 */
export const ResetPasswordPage: FC<
  FormPageProps & { token: string; email: string; name: string; invitation: boolean }
> = ({ ctx, errors = {}, token, email, name, invitation }) => {
  const { t } = ctx;
  const labels = {
    password: invitation ? t('auth.field.password') : t('auth.field.newPassword'),
    passwordConfirm: t('auth.field.passwordConfirm'),
  };
  const title = invitation ? t('accounts.invitation.title') : t('auth.reset.title');
  return (
    <Layout ctx={ctx} title={title}>
      <div class="narrow">
        <h1>{title}</h1>
        <p class="lead">
          {invitation ? t('accounts.invitation.lead', { name, email }) : t('accounts.reset.lead', { email })}
        </p>
        <ErrorSummary t={t} errors={errors} labels={labels} />
        <PostForm action={`/dat-lai-mat-khau/${encodeURIComponent(token)}`} csrfToken={ctx.csrfToken}>
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
          <Button>{invitation ? t('accounts.invitation.submit') : t('auth.reset.submit')}</Button>
        </PostForm>
      </div>
    </Layout>
  );
};

/** A reset link that is unknown, used or expired: say so, and offer a new one. */
export const ResetLinkInvalidPage: FC<{ ctx: PageContext }> = ({ ctx }) => {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('accounts.reset.invalidTitle')}>
      <div class="narrow">
        <h1>{t('accounts.reset.invalidTitle')}</h1>
        <p class="lead">{t('errors.resetTokenInvalid')}</p>
        <p>
          <a class="button button-primary" href="/quen-mat-khau">
            {t('accounts.reset.requestNew')}
          </a>
        </p>
      </div>
    </Layout>
  );
};
