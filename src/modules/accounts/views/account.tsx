import type { FC } from 'hono/jsx';
import type { Role } from '#kernel/auth/roles.ts';
import { Button, ErrorSummary, Input, PostForm } from '#kernel/ui/form.tsx';
import { Layout } from '#kernel/ui/layout.tsx';
import { ConsentList } from '#modules/privacy/index.ts';
import { type ApiTokensProps, ApiTokensSection } from './api-tokens.tsx';
import { type FormPageProps, typed } from './form-state.ts';

export interface AccountProps extends FormPageProps {
  account: { name: string; email: string; phone: string | null; role: Role };
  tokens: ApiTokensProps['tokens'];
  /** The person's consents (given and withdrawn), from the privacy module. */
  consents: Parameters<typeof ConsentList>[0]['consents'];
  /** A refused new-token form: what was typed and what is wrong. */
  tokenForm?: Pick<ApiTokensProps, 'values' | 'errors'>;
}

/** The person's own account: what it is, their name and phone to change, the way to a new password. */
export const AccountPage: FC<AccountProps> = ({ ctx, account, tokens, consents, tokenForm, values, errors = {} }) => {
  const { t } = ctx;
  const labels = { name: t('auth.field.name'), phone: t('auth.field.phone') };
  const shown = values ?? { name: account.name, phone: account.phone ?? '' };
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
        <section aria-labelledby="account-edit">
          <h2 id="account-edit">{t('accounts.profile.title')}</h2>
          <ErrorSummary t={t} errors={errors} labels={labels} />
          <PostForm action="/tai-khoan" csrfToken={ctx.csrfToken}>
            <Input
              name="name"
              label={labels.name}
              value={typed(shown, 'name')}
              error={errors.name}
              autocomplete="name"
              maxlength={100}
              required
            />
            <Input
              name="phone"
              type="tel"
              inputmode="tel"
              label={labels.phone}
              hint={t('accounts.field.phoneHint')}
              value={typed(shown, 'phone')}
              error={errors.phone}
              optionalText={t('form.optional')}
              autocomplete="tel"
              maxlength={20}
            />
            <Button>{t('accounts.profile.submit')}</Button>
          </PostForm>
        </section>
        <ApiTokensSection ctx={ctx} tokens={tokens} {...tokenForm} />
        <section aria-labelledby="account-security">
          <h2 id="account-security">{t('accounts.account.security')}</h2>
          <p>
            <a href="/tai-khoan/mat-khau">{t('auth.change.title')}</a>
          </p>
          {(account.role === 'officer' || account.role === 'admin') && (
            <p>
              <a href="/tai-khoan/hai-buoc">{t('accounts.twoFactor.manage')}</a>
            </p>
          )}
        </section>
        <section aria-labelledby="account-data">
          <h2 id="account-data">{t('accounts.personalData.title')}</h2>
          <p>{t('accounts.personalData.lead')}</p>
          <ul>
            <li>
              <a href="/tai-khoan/du-lieu.xlsx" download>
                {t('accounts.personalData.xlsx')}
              </a>
            </li>
            <li>
              <a href="/tai-khoan/du-lieu.json" download>
                {t('accounts.personalData.json')}
              </a>
            </li>
          </ul>
          <p>
            <a href="/tai-khoan/quyen-du-lieu">{t('privacy.rights.link')}</a>
          </p>
        </section>
        <ConsentList ctx={ctx} consents={consents} />
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
