import { type Context, Hono } from 'hono';
import { allow, requireActor } from '#kernel/auth/access.ts';
import type { AppEnv } from '#kernel/http/context.ts';
import { toCsv } from '#kernel/http/csv.ts';
import { AppError } from '#kernel/http/errors.ts';
import { redirectWithFlash, safeNext } from '#kernel/http/flash.ts';
import { formErrors, formValue, readForm } from '#kernel/http/forms.ts';
import { clientIp } from '#kernel/http/rate-limit.ts';
import { pageContext, render } from '#kernel/http/render.tsx';
import { fieldErrors } from '#kernel/http/validation.ts';
import { toXlsx, xlsxType } from '#kernel/http/xlsx.ts';
import { timeZone, todayInVietnam } from '#kernel/i18n/index.ts';
import { labelOf } from '#kernel/ui/labels.ts';
import { AuditQuery, DisableInput, InviteInput, invitableRoles, RoleInput, UserListQuery } from './accounts.schemas.ts';
import {
  auditChoices,
  auditExportCap,
  changeRole,
  exportAudit,
  getUser,
  inviteUser,
  listAudit,
  listHeld,
  listOutbox,
  listUsers,
  resendMail,
  setDisabled,
} from './accounts.service.ts';
import { hasTwoFactor, resetTwoFactor } from './two-factor.ts';
import { AuditPage, auditDetails } from './views/admin-audit.tsx';
import { InvitePage } from './views/admin-invite.tsx';
import { OutboxPage } from './views/admin-outbox.tsx';
import { UserPage } from './views/admin-user.tsx';
import { UsersPage } from './views/admin-users.tsx';

/** Accounts, invitations, the mail outbox and the audit log: admins only, each route guarded. */
export const adminPages = new Hono<AppEnv>();

/** An instant in Vietnam's time to the second, as a spreadsheet sorts it: 2026-03-05 14:07:09. */
const exportTimeFormat = new Intl.DateTimeFormat('sv-SE', {
  timeZone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});
const exportTime = (d: Date) => exportTimeFormat.format(d);

const admin = allow('admin');
const usersPath = '/quan-tri/tai-khoan';
const auditPath = '/quan-tri/nhat-ky';

/** Back to the list as it was (search, filter, page) or to the person's page, never anywhere else. */
function backToList(back: string, id: string): string {
  const path = safeNext(back, usersPath);
  const ok =
    path === usersPath || path.startsWith(`${usersPath}?`) || path === `${usersPath}/${encodeURIComponent(id)}`;
  return ok ? path : usersPath;
}

adminPages.get(usersPath, admin, async (c) => {
  const query = UserListQuery.parse(c.req.query());
  const [{ rows, info }, held] = await Promise.all([listUsers(c.var.deps.db, query), listHeld(c.var.deps.db)]);
  return render(
    c,
    <UsersPage ctx={pageContext(c)} rows={rows} held={held} info={info} query={{ q: query.q, role: query.role }} />,
  );
});

adminPages.get(`${usersPath}/:id`, admin, async (c) => {
  const row = await getUser(c.var.deps.db, c.req.param('id'));
  const twoFactorOn = await hasTwoFactor(c.var.deps.db, row.id);
  return render(c, <UserPage ctx={pageContext(c)} row={row} twoFactorOn={twoFactorOn} />);
});

adminPages.post(`${usersPath}/:id/hai-buoc/tat`, admin, async (c) => {
  const id = c.req.param('id');
  const { name } = await resetTwoFactor({ db: c.var.deps.db, actor: requireActor(c), userId: id, ip: clientIp(c) });
  return redirectWithFlash(c, `${usersPath}/${encodeURIComponent(id)}`, 'admin.users.twoFactorReset', { name });
});

adminPages.post(`${usersPath}/:id/vai-tro`, admin, async (c) => {
  const form = await readForm(c, RoleInput);
  if (!form.ok) throw new AppError('validation');
  const { name } = await changeRole({
    db: c.var.deps.db,
    actor: requireActor(c),
    userId: c.req.param('id'),
    input: form.data,
    ip: clientIp(c),
  });
  return redirectWithFlash(
    c,
    backToList(formValue(form.values, 'back'), c.req.param('id')),
    'admin.users.roleChanged',
    { name },
  );
});

adminPages.post(`${usersPath}/:id/khoa`, admin, async (c) => {
  const form = await readForm(c, DisableInput);
  if (!form.ok) throw new AppError('validation');
  const { name, disabled } = await setDisabled({
    db: c.var.deps.db,
    actor: requireActor(c),
    userId: c.req.param('id'),
    input: form.data,
    ip: clientIp(c),
  });
  return redirectWithFlash(
    c,
    backToList(formValue(form.values, 'back'), c.req.param('id')),
    disabled ? 'admin.users.disabledDone' : 'admin.users.enabledDone',
    { name },
  );
});

adminPages.get('/quan-tri/moi', admin, (c) => render(c, <InvitePage ctx={pageContext(c)} roles={invitableRoles} />));

adminPages.post('/quan-tri/moi', admin, async (c) => {
  const form = await readForm(c, InviteInput);
  const page = (errors: Record<string, string>) =>
    render(c, <InvitePage ctx={pageContext(c)} roles={invitableRoles} values={form.values} errors={errors} />, 422);
  if (!form.ok) return page(form.errors);
  try {
    await inviteUser({ ...c.var.deps, actor: requireActor(c), input: form.data, ip: clientIp(c) });
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'validation') throw error;
    return page(formErrors(c, error));
  }
  return redirectWithFlash(c, usersPath, 'admin.invite.done', { email: form.data.email });
});

adminPages.get('/quan-tri/hop-thu', admin, async (c) => {
  const failedOnly = c.req.query('trang-thai') === 'loi';
  const { rows, info, failed } = await listOutbox(c.var.deps.db, c.req.query('page'), { failedOnly });
  return render(c, <OutboxPage ctx={pageContext(c)} rows={rows} info={info} failed={failed} failedOnly={failedOnly} />);
});

adminPages.post('/quan-tri/hop-thu/:id/gui-lai', admin, async (c) => {
  const { db, mailer } = c.var.deps;
  await resendMail({ db, actor: requireActor(c), id: c.req.param('id'), mailer });
  return redirectWithFlash(c, '/quan-tri/hop-thu?trang-thai=loi', 'admin.outbox.resent');
});

/** The audit log's filters from the query string, or the page saying what is wrong with them (422). */
async function auditQuery(c: Context<AppEnv>) {
  const raw = c.req.query();
  const parsed = AuditQuery.safeParse(raw);
  if (parsed.success) return { ok: true as const, query: parsed.data };
  const pick = (k: string) => (typeof raw[k] === 'string' ? raw[k] : undefined);
  const values = {
    actor: pick('actor'),
    action: pick('action'),
    entity: pick('entity'),
    from: pick('from'),
    to: pick('to'),
    text: pick('text'),
  };
  const choices = await auditChoices(c.var.deps.db);
  return {
    ok: false as const,
    page: render(
      c,
      <AuditPage
        ctx={pageContext(c)}
        rows={[]}
        info={null}
        values={values}
        errors={fieldErrors(parsed.error, c.var.t)}
        {...choices}
        exportCap={auditExportCap}
      />,
      422,
    ),
  };
}

adminPages.get(auditPath, admin, async (c) => {
  const read = await auditQuery(c);
  if (!read.ok) return read.page;
  const { page, ...filters } = read.query;
  const { db } = c.var.deps;
  const [{ rows, info }, choices] = await Promise.all([listAudit(db, filters, page), auditChoices(db)]);
  return render(
    c,
    <AuditPage
      ctx={pageContext(c)}
      rows={rows}
      info={info}
      values={filters}
      errors={{}}
      {...choices}
      exportCap={auditExportCap}
    />,
  );
});

/** The filtered log's header and rows, as both exports write them (newest first, at most `auditExportCap`). */
async function auditTable(c: Context<AppEnv>, filters: Omit<AuditQuery, 'page'>) {
  const { t } = c.var;
  const rows = await exportAudit(c.var.deps.db, filters);
  return {
    header: [
      t('admin.audit.at'),
      t('admin.audit.actor'),
      t('accounts.audit.col.email'),
      t('admin.audit.action'),
      t('accounts.audit.col.actionCode'),
      t('accounts.audit.filter.entity'),
      t('accounts.audit.col.entityId'),
      t('accounts.audit.details'),
      t('accounts.audit.ip'),
    ],
    rows: rows.map((r) => [
      exportTime(r.at),
      r.actorName ?? r.actorId ?? t('admin.audit.system'),
      r.actorEmail,
      labelOf(t, 'audit', r.action),
      r.action,
      r.entity,
      r.entityId,
      auditDetails(r.data),
      r.ip,
    ]),
  };
}

/** The filtered log as CSV (UTF-8 with BOM for Excel), the newest lines first, at most `auditExportCap`. */
adminPages.get(`${auditPath}.csv`, admin, async (c) => {
  const read = await auditQuery(c);
  if (!read.ok) return read.page;
  const { page: _page, ...filters } = read.query;
  const { header, rows } = await auditTable(c, filters);
  c.header('Content-Type', 'text/csv; charset=utf-8');
  c.header('Content-Disposition', `attachment; filename="nhat-ky-${todayInVietnam()}.csv"`);
  return c.body(toCsv(header, rows));
});

/** The same lines as an Excel workbook (.xlsx), one sheet. */
adminPages.get(`${auditPath}.xlsx`, admin, async (c) => {
  const read = await auditQuery(c);
  if (!read.ok) return read.page;
  const { page: _page, ...filters } = read.query;
  const { header, rows } = await auditTable(c, filters);
  const body = await toXlsx([{ name: c.var.t('accounts.audit.sheet'), header, rows }]);
  c.header('Content-Type', xlsxType);
  c.header('Content-Disposition', `attachment; filename="nhat-ky-${todayInVietnam()}.xlsx"`);
  return c.body(body as Uint8Array<ArrayBuffer>);
});
