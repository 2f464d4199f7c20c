import type { FC } from 'hono/jsx';
import { type Role, roles } from '#kernel/auth/roles.ts';
import type { PageInfo } from '#kernel/http/pagination.ts';
import { formatDate } from '#kernel/i18n/index.ts';
import { Badge, type Column, EmptyState, Pagination, Table } from '#kernel/ui/components.tsx';
import type { PageContext } from '#kernel/ui/context.ts';
import { Button, CsrfField, Input, Select } from '#kernel/ui/form.tsx';
import { optionsOf } from '#kernel/ui/labels.ts';
import { Layout } from '#kernel/ui/layout.tsx';

export interface UserListRow {
  id: string;
  name: string;
  email: string;
  role: Role;
  disabled: boolean;
  createdAt: Date;
}

export interface UsersPageProps {
  ctx: PageContext;
  rows: UserListRow[];
  info: PageInfo;
  /** The list's query string as given, for the filter form and the page links. */
  query: { q?: string; role?: string };
}

/** Changing a role and disabling are small forms in the row; each control gets its own id. */
const RowActions: FC<{ ctx: PageContext; row: UserListRow; back: string }> = ({ ctx, row, back }) => {
  const { t } = ctx;
  if (row.id === ctx.actor?.id) return <Badge tone="info">{t('accounts.users.you')}</Badge>;
  const selectId = `role-${row.id}`;
  return (
    <div class="row-actions">
      <form method="post" action={`/quan-tri/tai-khoan/${encodeURIComponent(row.id)}/vai-tro`} class="inline-form">
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="back" value={back} />
        <label for={selectId}>{t('accounts.users.newRole')}</label>
        <select id={selectId} name="role">
          {roles.map((r) => (
            <option value={r} selected={r === row.role}>
              {t(`role.${r}`)}
            </option>
          ))}
        </select>
        <Button kind="secondary">{t('admin.users.changeRole')}</Button>
      </form>
      <form method="post" action={`/quan-tri/tai-khoan/${encodeURIComponent(row.id)}/khoa`} class="inline-form">
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="back" value={back} />
        {row.disabled ? (
          <Button kind="secondary" name="disabled" value="false">
            {t('admin.users.enable')}
          </Button>
        ) : (
          <Button kind="warning" name="disabled" value="true">
            {t('admin.users.disable')}
          </Button>
        )}
      </form>
    </div>
  );
};

export const UsersPage: FC<UsersPageProps> = ({ ctx, rows, info, query }) => {
  const { t } = ctx;
  const filtered = Boolean(query.q || query.role);
  const columns: Column<UserListRow>[] = [
    {
      label: t('auth.field.name'),
      primary: true,
      cell: (r) => (
        <>
          <strong>{r.name}</strong>
          <br />
          <span class="muted">{r.email}</span>
        </>
      ),
    },
    { label: t('admin.users.role'), cell: (r) => t(`role.${r.role}`) },
    {
      label: t('admin.users.status'),
      cell: (r) =>
        r.disabled ? (
          <Badge tone="danger">{t('admin.users.disabled')}</Badge>
        ) : (
          <Badge tone="success">{t('admin.users.active')}</Badge>
        ),
    },
    { label: t('admin.users.created'), cell: (r) => formatDate(r.createdAt) },
    { label: t('admin.users.actions'), cell: (r) => <RowActions ctx={ctx} row={r} back={ctx.path} /> },
  ];
  return (
    <Layout ctx={ctx} title={t('admin.users.title')}>
      <h1>{t('admin.users.title')}</h1>
      <p class="lead list-lead">{t('accounts.users.lead')}</p>
      <p>
        <a class="button button-primary" href="/quan-tri/moi">
          {t('admin.invite.title')}
        </a>
      </p>
      <form method="get" action="/quan-tri/tai-khoan" class="filters" aria-label={t('accounts.users.filters')}>
        <Input name="q" type="search" label={t('admin.users.search')} value={query.q ?? ''} maxlength={100} />
        <Select
          name="role"
          label={t('admin.users.role')}
          value={query.role ?? ''}
          placeholder={t('accounts.users.allRoles')}
          options={optionsOf(t, 'role', roles)}
        />
        <div class="filter-actions">
          <Button kind="secondary">{t('form.filter')}</Button>
          {filtered && <a href="/quan-tri/tai-khoan">{t('form.clear')}</a>}
        </div>
      </form>
      {rows.length === 0 ? (
        <EmptyState title={filtered ? t('list.noResults') : t('list.empty')} />
      ) : (
        <>
          <Table caption={t('accounts.users.caption')} columns={columns} rows={rows} />
          <Pagination t={t} lang={ctx.lang} info={info} path="/quan-tri/tai-khoan" query={query} />
        </>
      )}
    </Layout>
  );
};
