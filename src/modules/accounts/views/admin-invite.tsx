import type { FC } from 'hono/jsx';
import { Button, ErrorSummary, Input, PostForm, Select } from '#kernel/ui/form.tsx';
import { optionsOf } from '#kernel/ui/labels.ts';
import { Layout } from '#kernel/ui/layout.tsx';
import { type FormPageProps, typed } from './form-state.ts';

export const InvitePage: FC<FormPageProps & { roles: readonly ('officer' | 'expert' | 'partner' | 'admin')[] }> = ({
  ctx,
  values,
  errors = {},
  roles,
}) => {
  const { t } = ctx;
  const labels = { name: t('auth.field.name'), email: t('auth.field.email'), role: t('admin.users.role') };
  return (
    <Layout ctx={ctx} title={t('admin.invite.title')}>
      <div class="narrow">
        <h1>{t('admin.invite.title')}</h1>
        <p class="lead">{t('admin.invite.lead')}</p>
        <ErrorSummary t={t} errors={errors} labels={labels} />
        <PostForm action="/quan-tri/moi" csrfToken={ctx.csrfToken}>
          <fieldset>
            <legend>{t('accounts.invite.details')}</legend>
            <Input
              name="name"
              label={labels.name}
              value={typed(values, 'name')}
              error={errors.name}
              autocomplete="off"
              maxlength={100}
              required
            />
            <Input
              name="email"
              type="email"
              label={labels.email}
              value={typed(values, 'email')}
              error={errors.email}
              autocomplete="off"
              inputmode="email"
              maxlength={254}
              required
            />
            <Select
              name="role"
              label={labels.role}
              hint={t('accounts.invite.roleHint')}
              value={typed(values, 'role')}
              error={errors.role}
              placeholder={t('form.choose')}
              options={optionsOf(t, 'role', roles)}
              required
            />
          </fieldset>
          <Button>{t('admin.invite.submit')}</Button>
        </PostForm>
        <p>
          <a href="/quan-tri/tai-khoan">{t('admin.users.title')}</a>
        </p>
      </div>
    </Layout>
  );
};
