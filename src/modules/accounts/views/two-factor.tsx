import type { FC } from 'hono/jsx';
import { formatDate } from '#kernel/i18n/index.ts';
import { Button, ErrorSummary, Input, PostForm } from '#kernel/ui/form.tsx';
import { Layout } from '#kernel/ui/layout.tsx';
import type { TwoFactorState } from '../two-factor.ts';
import type { FormPageProps } from './form-state.ts';

/** The code field, the same on every two-step form: digits on phones, filled by the OS from the app. */
const CodeField: FC<FormPageProps & { hint?: boolean }> = ({ ctx, errors = {}, hint = true }) => (
  <Input
    name="code"
    label={ctx.t('accounts.twoFactor.code')}
    hint={hint ? ctx.t('accounts.twoFactor.codeHint') : undefined}
    error={errors.code}
    autocomplete="one-time-code"
    maxlength={20}
    required
  />
);

/**
 * A staff member's two-step page: when off, the QR code, the secret as text and the code that
 * confirms it; when on, how many backup codes are left and the form that turns it off.
 */
export const TwoFactorPage: FC<FormPageProps & { state: TwoFactorState; qrSvg?: string }> = ({
  ctx,
  state,
  qrSvg,
  errors = {},
}) => {
  const { t } = ctx;
  const labels = { code: t('accounts.twoFactor.code'), password: t('auth.field.password') };
  return (
    <Layout ctx={ctx} title={t('accounts.twoFactor.title')}>
      <div class="narrow">
        <h1>{t('accounts.twoFactor.title')}</h1>
        <p class="lead">{t('accounts.twoFactor.lead')}</p>
        <ErrorSummary t={t} errors={errors} labels={labels} />
        {state.on ? (
          <>
            <p>{t('accounts.twoFactor.statusOn', { date: formatDate(state.enabledAt) })}</p>
            <p>{t('accounts.twoFactor.backupLeft', { count: state.backupLeft })}</p>
            <section aria-labelledby="two-factor-off">
              <h2 id="two-factor-off">{t('accounts.twoFactor.offTitle')}</h2>
              <p>{t('accounts.twoFactor.offLead')}</p>
              <PostForm action="/tai-khoan/hai-buoc/tat" csrfToken={ctx.csrfToken}>
                <Input
                  name="password"
                  type="password"
                  label={labels.password}
                  error={errors.password}
                  autocomplete="current-password"
                  maxlength={128}
                  required
                />
                <CodeField ctx={ctx} errors={errors} />
                <Button>{t('accounts.twoFactor.disable')}</Button>
              </PostForm>
            </section>
          </>
        ) : (
          <>
            <p>{t('accounts.twoFactor.statusOff')}</p>
            <section aria-labelledby="two-factor-scan">
              <h2 id="two-factor-scan">{t('accounts.twoFactor.step1')}</h2>
              {qrSvg && (
                <div
                  class="qr"
                  role="img"
                  aria-label={t('accounts.twoFactor.qrAlt')}
                  dangerouslySetInnerHTML={{ __html: qrSvg }}
                />
              )}
              <p>{t('accounts.twoFactor.secretLabel')}</p>
              <p>
                <code class="secret" data-secret={state.secret}>
                  {state.secret.replace(/(.{4})/g, '$1 ').trim()}
                </code>
              </p>
            </section>
            <section aria-labelledby="two-factor-confirm">
              <h2 id="two-factor-confirm">{t('accounts.twoFactor.step2')}</h2>
              <PostForm action="/tai-khoan/hai-buoc" csrfToken={ctx.csrfToken}>
                <CodeField ctx={ctx} errors={errors} hint={false} />
                <Button>{t('accounts.twoFactor.enable')}</Button>
              </PostForm>
            </section>
          </>
        )}
        <p>
          <a href="/tai-khoan">{t('auth.account.title')}</a>
        </p>
      </div>
    </Layout>
  );
};

/** The backup codes, shown in the response that turned two-step on and never again. */
export const BackupCodesPage: FC<{ ctx: FormPageProps['ctx']; codes: string[] }> = ({ ctx, codes }) => {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('accounts.twoFactor.backupTitle')}>
      <div class="narrow">
        <h1>{t('accounts.twoFactor.backupTitle')}</h1>
        <p class="lead">{t('accounts.twoFactor.enabled')}</p>
        <p>{t('accounts.twoFactor.backupLead')}</p>
        <ul class="backup-codes">
          {codes.map((code) => (
            <li>
              <code>{code}</code>
            </li>
          ))}
        </ul>
        <p>
          <a href="/tai-khoan">{t('accounts.twoFactor.backupDone')}</a>
        </p>
      </div>
    </Layout>
  );
};

/** The second step of signing in: the code from the authenticator (or a backup code). */
export const TwoFactorSignInPage: FC<FormPageProps & { action: string }> = ({ ctx, errors = {}, action }) => {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('accounts.twoFactor.signInTitle')}>
      <div class="narrow">
        <h1>{t('accounts.twoFactor.signInTitle')}</h1>
        <p class="lead">{t('accounts.twoFactor.signInLead')}</p>
        <ErrorSummary t={t} errors={errors} labels={{ code: t('accounts.twoFactor.code') }} />
        <PostForm action={action} csrfToken={ctx.csrfToken}>
          <CodeField ctx={ctx} errors={errors} />
          <Button>{t('accounts.twoFactor.signInSubmit')}</Button>
        </PostForm>
        <p>
          <a href="/dang-nhap">{t('accounts.twoFactor.startOver')}</a>
        </p>
      </div>
    </Layout>
  );
};
