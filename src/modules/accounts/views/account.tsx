import type { FC } from 'hono/jsx';
import type { Role } from '#kernel/auth/roles.ts';
import type { PageContext } from '#kernel/ui/context.ts';
import { Button, ErrorSummary, Input, PostForm } from '#kernel/ui/form.tsx';
import { Layout } from '#kernel/ui/layout.tsx';
import type { FormPageProps } from './form-state.ts';

export interface AccountProps {
  ctx: PageContext;
  account: { name: string; email: string; phone: string | null; role: Role };
}

export const AccountPage: FC<AccountProps> = ({ ctx, account }) => {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('auth.account.title')}>
      <div class="narrow">
        <h1>{t('auth.account.title')}</h1>
        <section aria-labelledby="account-details">
          <h2 id="account-details">{t('accounts.account.details')}</h2>
          <dl class="facts">
            <dt>{t('auth.field.name')}</dt>
            <dd>{account.name}</dd>
            <dt>{t('auth.field.email')}</dt>
            <dd>{account.email}</dd>
            <dt>{t('auth.field.phone')}</dt>
            <dd>{account.phone ?? t('accounts.account.none')}</dd>
            <dt>{t('auth.account.role')}</dt>
            <dd>{t(`role.${account.role}`)}</dd>
          </dl>
        </section>
        <section aria-labelledby="account-security">
          <h2 id="account-security">{t('accounts.account.security')}</h2>
          <p>
            <a href="/tai-khoan/mat-khau">{t('auth.change.title')}</a>
          </p>
        </section>
      </div>
    </Layout>
  );
};

export const ChangePasswordPage: FC<FormPageProps> = ({ ctx, errors = {} }) => {
  const { t } = ctx;
  const labels = {
    currentPassword: t('auth.field.currentPassword'),
    newPassword: t('auth.field.newPassword'),
    newPasswordConfirm: t('auth.field.passwordConfirm'),
  };
  return (
    <Layout ctx={ctx} title={t('auth.change.title')}>
      <div class="narrow">
        <h1>{t('auth.change.title')}</h1>
        <p class="lead">{t('accounts.change.lead')}</p>
        <ErrorSummary t={t} errors={errors} labels={labels} />
        <PostForm action="/tai-khoan/mat-khau" csrfToken={ctx.csrfToken}>
          <Input
            name="currentPassword"
            type="password"
            label={labels.currentPassword}
            error={errors.currentPassword}
            autocomplete="current-password"
            maxlength={128}
            required
          />
          <Input
            name="newPassword"
            type="password"
            label={labels.newPassword}
            hint={t('auth.field.passwordHint')}
            error={errors.newPassword}
            autocomplete="new-password"
            maxlength={128}
            required
          />
          <Input
            name="newPasswordConfirm"
            type="password"
            label={labels.newPasswordConfirm}
            error={errors.newPasswordConfirm}
            autocomplete="new-password"
            maxlength={128}
            required
          />
          <Button>{t('auth.change.submit')}</Button>
        </PostForm>
        <p>
          <a href="/tai-khoan">{t('auth.account.title')}</a>
        </p>
      </div>
    </Layout>
  );
};
