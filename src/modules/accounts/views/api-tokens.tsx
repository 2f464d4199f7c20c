import type { FC } from 'hono/jsx';
import type { ApiTokenView } from '#kernel/auth/api-tokens.ts';
import type { FieldErrors } from '#kernel/http/validation.ts';
import { formatDateTime } from '#kernel/i18n/index.ts';
import type { PageContext } from '#kernel/ui/context.ts';
import { Button, ErrorSummary, Input, PostForm, Select } from '#kernel/ui/form.tsx';
import { Layout } from '#kernel/ui/layout.tsx';
import { typed } from './form-state.ts';

export interface ApiTokensProps {
  ctx: PageContext;
  tokens: ApiTokenView[];
  values?: Record<string, string | string[]>;
  errors?: FieldErrors;
}

/** The account page's API tokens: the list with a revoke button each, and the form for a new one. */
export const ApiTokensSection: FC<ApiTokensProps> = ({ ctx, tokens, values = {}, errors = {} }) => {
  const { t } = ctx;
  const labels = { name: t('accounts.token.name'), scope: t('accounts.token.scope') };
  return (
    <section aria-labelledby="account-tokens" id="ma-api">
      <h2 id="account-tokens">{t('accounts.token.title')}</h2>
      <p>
        {t('accounts.token.lead')} <a href="/api/v1/docs">{t('accounts.token.docs')}</a>
      </p>
      {tokens.length === 0 ? (
        <p>{t('accounts.token.none')}</p>
      ) : (
        <ul class="token-list">
          {tokens.map((k) => (
            <li>
              <strong>{k.name}</strong> <code>{k.prefix}…</code> · {t(`accounts.token.scope.${k.scope}`)}
              <br />
              {t('accounts.token.created', { at: formatDateTime(k.createdAt) })} ·{' '}
              {k.lastUsedAt
                ? t('accounts.token.lastUsed', { at: formatDateTime(k.lastUsedAt) })
                : t('accounts.token.neverUsed')}
              {k.revokedAt ? (
                <>
                  {' '}
                  · <strong>{t('accounts.token.revoked', { at: formatDateTime(k.revokedAt) })}</strong>
                </>
              ) : (
                <PostForm action={`/tai-khoan/ma-api/${k.id}/thu-hoi`} csrfToken={ctx.csrfToken}>
                  <Button kind="warning">{t('accounts.token.revoke', { name: k.name })}</Button>
                </PostForm>
              )}
            </li>
          ))}
        </ul>
      )}
      <h3>{t('accounts.token.new')}</h3>
      <ErrorSummary t={t} errors={errors} labels={labels} scope="token" />
      <PostForm action="/tai-khoan/ma-api" csrfToken={ctx.csrfToken}>
        <Input
          name="name"
          scope="token"
          label={labels.name}
          hint={t('accounts.token.nameHint')}
          value={typed(values, 'name')}
          error={errors.name}
          maxlength={100}
          required
        />
        <Select
          name="scope"
          scope="token"
          label={labels.scope}
          value={typed(values, 'scope') || 'read'}
          error={errors.scope}
          options={[
            { value: 'read', label: t('accounts.token.scope.read') },
            { value: 'write', label: t('accounts.token.scope.write') },
          ]}
          required
        />
        <Button>{t('accounts.token.create')}</Button>
      </PostForm>
    </section>
  );
};

/** The new token, shown this once. */
export const NewApiTokenPage: FC<{ ctx: PageContext; name: string; token: string }> = ({ ctx, name, token }) => {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('accounts.token.shownTitle')}>
      <div class="narrow">
        <h1>{t('accounts.token.shownTitle')}</h1>
        <p class="lead">{t('accounts.token.shownLead', { name })}</p>
        <p>
          <label for="new-token">{t('accounts.token.value')}</label>
          <input id="new-token" type="text" readonly value={token} class="token-value" />
        </p>
        <p>{t('accounts.token.howTo')}</p>
        <pre>
          <code>{`curl -H "Authorization: Bearer ${token}" ${'/api/v1/projects'}`}</code>
        </pre>
        <p>
          <a href="/tai-khoan#ma-api">{t('accounts.token.back')}</a>
        </p>
      </div>
    </Layout>
  );
};
