import type { FC } from 'hono/jsx';
import { roles } from '#kernel/auth/roles.ts';
import { formatDate } from '#kernel/i18n/index.ts';
import { Badge, KeyFacts } from '#kernel/ui/components.tsx';
import type { PageContext } from '#kernel/ui/context.ts';
import { Button, PostForm, Select } from '#kernel/ui/form.tsx';
import { optionsOf } from '#kernel/ui/labels.ts';
import { Layout } from '#kernel/ui/layout.tsx';
import type { UserListRow } from './admin-users.tsx';

/**
 * One account: who it is, then changing the role and locking, each explained, on a page of their
 * own rather than as a form and a red button on every row of the list.
 */
export const UserPage: FC<{ ctx: PageContext; row: UserListRow; twoFactorOn: boolean }> = ({
  ctx,
  row,
  twoFactorOn,
}) => {
  const { t } = ctx;
  const self = row.id === ctx.actor?.id;
  const path = `/quan-tri/tai-khoan/${encodeURIComponent(row.id)}`;
  return (
    <Layout ctx={ctx} title={row.name}>
      <nav class="breadcrumbs" aria-label="breadcrumb">
        <a href="/quan-tri/tai-khoan">{t('admin.users.title')}</a>
      </nav>
      <h1>{row.name}</h1>
      <KeyFacts
        label={t('admin.users.summary')}
        facts={[
          { label: t('admin.users.email'), value: row.email },
          { label: t('admin.users.role'), value: t(`role.${row.role}`) },
          {
            label: t('admin.users.status'),
            value: row.disabled ? <Badge tone="danger">{t('admin.users.disabled')}</Badge> : t('admin.users.active'),
          },
          { label: t('admin.users.created'), value: formatDate(row.createdAt) },
          {
            label: t('accounts.twoFactor.title'),
            value: twoFactorOn ? t('admin.users.twoFactorOn') : t('accounts.twoFactor.statusOff'),
          },
        ]}
      />
      {self ? (
        <p>{t('admin.users.selfNote')}</p>
      ) : (
        <>
          <h2>{t('admin.users.changeRole')}</h2>
          <PostForm action={`${path}/vai-tro`} csrfToken={ctx.csrfToken} class="form">
            <input type="hidden" name="back" value={path} />
            <Select
              name="role"
              label={t('accounts.users.newRole')}
              hint={t('admin.users.roleHint')}
              value={row.role}
              options={optionsOf(t, 'role', roles)}
            />
            <Button kind="secondary">{t('admin.users.changeRole')}</Button>
          </PostForm>
          <h2>{row.disabled ? t('admin.users.enable') : t('admin.users.disable')}</h2>
          <p>{row.disabled ? t('admin.users.enableHint') : t('admin.users.disableHint')}</p>
          <PostForm action={`${path}/khoa`} csrfToken={ctx.csrfToken}>
            <input type="hidden" name="back" value={path} />
            {row.disabled ? (
              <Button kind="secondary" name="disabled" value="false">
                {t('admin.users.enable')}
              </Button>
            ) : (
              <Button kind="warning" name="disabled" value="true">
                {t('admin.users.disable')}
              </Button>
            )}
          </PostForm>
          {twoFactorOn && (
            <>
              <h2>{t('admin.users.twoFactorResetTitle')}</h2>
              <p>{t('admin.users.twoFactorResetHint')}</p>
              <PostForm action={`${path}/hai-buoc/tat`} csrfToken={ctx.csrfToken}>
                <Button kind="warning">{t('admin.users.twoFactorResetTitle')}</Button>
              </PostForm>
            </>
          )}
        </>
      )}
    </Layout>
  );
};
