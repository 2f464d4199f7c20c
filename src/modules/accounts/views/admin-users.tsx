import type { FC } from 'hono/jsx';
import { type Role, roles } from '#kernel/auth/roles.ts';
import type { PageInfo } from '#kernel/http/pagination.ts';
import { formatDate, formatDateTime } from '#kernel/i18n/index.ts';
import { Badge, type Column, EmptyState, FilterForm, Pagination, ResultCount, Table } from '#kernel/ui/components.tsx';
import type { PageContext } from '#kernel/ui/context.ts';
import { Select } from '#kernel/ui/form.tsx';
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

/** An e-mail, address or account a limit holds back now. */
export interface HeldListRow {
  form: 'sign-in' | 'sign-up' | 'reset' | 'inquiry' | 'request' | 'api-request';
  kind: 'email' | 'address' | 'account';
  who: string;
  until: Date;
}

export interface UsersPageProps {
  ctx: PageContext;
  rows: UserListRow[];
  /** What the sign-in and mail limits hold back now. */
  held: HeldListRow[];
  info: PageInfo;
  /** The list's query string as given, for the filter form and the page links. */
  query: { q?: string; role?: string };
}

export const UsersPage: FC<UsersPageProps> = ({ ctx, rows, held, info, query }) => {
  const { t } = ctx;
  const filtered = Boolean(query.q || query.role);
  const columns: Column<UserListRow>[] = [
    {
      label: t('auth.field.name'),
      primary: true,
      cell: (r) => (
        <>
          <a href={`/quan-tri/tai-khoan/${encodeURIComponent(r.id)}`}>{r.name}</a>
          <span class="summary">{r.email}</span>
        </>
      ),
    },
    {
      label: t('admin.users.role'),
      cell: (r) => (
        <>
          {t(`role.${r.role}`)}
          {r.id === ctx.actor?.id && (
            <>
              {' '}
              <Badge tone="info">{t('accounts.users.you')}</Badge>
            </>
          )}
        </>
      ),
    },
    {
      label: t('admin.users.status'),
      cell: (r) => (r.disabled ? <Badge tone="danger">{t('admin.users.disabled')}</Badge> : t('admin.users.active')),
    },
    { label: t('admin.users.email'), cell: (r) => r.email, phone: 'hide' },
    { label: t('admin.users.created'), cell: (r) => formatDate(r.createdAt), phone: 'hide' },
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
      <FilterForm
        t={t}
        action="/quan-tri/tai-khoan"
        label={t('accounts.users.filters')}
        search={{ label: t('admin.users.search'), value: query.q }}
        active={query.role ? 1 : 0}
        clearHref="/quan-tri/tai-khoan"
      >
        <Select
          name="role"
          label={t('admin.users.role')}
          value={query.role ?? ''}
          placeholder={t('accounts.users.allRoles')}
          options={optionsOf(t, 'role', roles)}
        />
      </FilterForm>
      {rows.length === 0 ? (
        <EmptyState title={filtered ? t('list.noResults') : t('list.empty')} />
      ) : (
        <>
          <ResultCount t={t} lang={ctx.lang} total={info.total} />
          <Table caption={t('accounts.users.caption')} columns={columns} rows={rows} />
          <Pagination t={t} lang={ctx.lang} info={info} path="/quan-tri/tai-khoan" query={query} />
        </>
      )}
      <HeldSection ctx={ctx} held={held} />
    </Layout>
  );
};

/** E-mails, addresses and accounts held back by the limits now, and when each may try again. */
const HeldSection: FC<{ ctx: PageContext; held: HeldListRow[] }> = ({ ctx, held }) => {
  const { t } = ctx;
  const columns: Column<HeldListRow>[] = [
    {
      label: t('accounts.held.who'),
      primary: true,
      cell: (h) => (
        <>
          {h.who} <span class="summary">{t(`accounts.held.kind.${h.kind}`)}</span>
        </>
      ),
    },
    { label: t('accounts.held.form'), cell: (h) => t(`accounts.held.form.${h.form}`) },
    { label: t('accounts.held.until'), cell: (h) => formatDateTime(h.until) },
  ];
  return (
    <section aria-labelledby="held-heading">
      <h2 id="held-heading">{t('accounts.held.title')}</h2>
      <p class="muted">{t('accounts.held.lead')}</p>
      {held.length === 0 ? (
        <p>{t('accounts.held.none')}</p>
      ) : (
        <Table caption={t('accounts.held.title')} columns={columns} rows={held} />
      )}
    </section>
  );
};
