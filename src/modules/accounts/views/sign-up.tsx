import type { FC } from 'hono/jsx';
import type { PageContext } from '#kernel/ui/context.ts';
import { Button, Checkbox, ErrorSummary, Input, PostForm } from '#kernel/ui/form.tsx';
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
    consentService: t('privacy.signUp.service', { notice: t('privacy.nav.notice').toLowerCase() }),
    consentNews: t('privacy.signUp.news'),
  };
  const action = next ? `/dang-ky?next=${encodeURIComponent(next)}` : '/dang-ky';
  return (
    <Layout ctx={ctx} title={t('auth.signUp.title')}>
      <div class="narrow">
        <h1>{t('auth.signUp.title')}</h1>
        <p class="lead">{t('auth.signUp.lead')}</p>
        <ErrorSummary t={t} errors={errors} labels={{ ...labels, consentService: t('privacy.consent.title') }} />
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
          <fieldset>
            <legend>{t('privacy.consent.title')}</legend>
            <p>
              <a href="/quyen-rieng-tu">{t('privacy.nav.notice')}</a>
            </p>
            {/* Never ticked before the person ticks it; kept ticked when the form comes back with an error. */}
            <Checkbox
              name="consentService"
              label={labels.consentService}
              checked={typed(values, 'consentService') === 'on'}
              error={errors.consentService}
              required
            />
            <Checkbox name="consentNews" label={labels.consentNews} checked={typed(values, 'consentNews') === 'on'} />
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

/** Where every sign-up lands, new e-mail or not: the same words, so the answer tells nothing. */
export const SignUpSentPage: FC<{ ctx: PageContext }> = ({ ctx }) => {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('accounts.signUp.sentTitle')}>
      <div class="narrow">
        <h1>{t('accounts.signUp.sentTitle')}</h1>
        <p class="lead">{t('accounts.signUp.sentLead')}</p>
        <p>{t('accounts.signUp.sentHint')}</p>
        <p>
          {t('auth.signUp.haveAccount')} <a href="/dang-nhap">{t('nav.signIn')}</a>
        </p>
      </div>
    </Layout>
  );
};

/** The page a sign-up mail's link opens: the chosen password confirms the e-mail and signs in. */
export const ConfirmSignUpPage: FC<FormPageProps & { action: string; email: string }> = ({
  ctx,
  errors = {},
  action,
  email,
}) => {
  const { t } = ctx;
  const labels = { password: t('auth.field.password') };
  return (
    <Layout ctx={ctx} title={t('accounts.signUp.confirmTitle')}>
      <div class="narrow">
        <h1>{t('accounts.signUp.confirmTitle')}</h1>
        <p class="lead">{t('accounts.signUp.confirmLead', { email })}</p>
        <ErrorSummary t={t} errors={errors} labels={labels} />
        <PostForm action={action} csrfToken={ctx.csrfToken}>
          <Input
            name="password"
            type="password"
            label={labels.password}
            error={errors.password}
            autocomplete="current-password"
            maxlength={128}
            required
          />
          <Button>{t('accounts.signUp.confirmSubmit')}</Button>
        </PostForm>
      </div>
    </Layout>
  );
};

/** A sign-up link that is unknown, used or expired. */
export const SignUpLinkInvalidPage: FC<{ ctx: PageContext }> = ({ ctx }) => {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('accounts.reset.invalidTitle')}>
      <div class="narrow">
        <h1>{t('accounts.reset.invalidTitle')}</h1>
        <p class="lead">{t('accounts.signUp.linkInvalid')}</p>
        <p>
          <a class="button button-primary" href="/dang-nhap">
            {t('nav.signIn')}
          </a>{' '}
          <a href="/quen-mat-khau">{t('auth.signIn.forgot')}</a>
        </p>
      </div>
    </Layout>
  );
};
