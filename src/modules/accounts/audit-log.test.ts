import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '#kernel/audit/audit.sql.ts';
import type { Role } from '#kernel/auth/roles.ts';
import { createUser, defaultPassword } from '#seed/factories.ts';
import { TestBrowser } from '#src/testing/browser.ts';
import { type TestRuntime, testRuntime } from '#src/testing/runtime.ts';

let rt: TestRuntime;
beforeAll(async () => {
  rt = await testRuntime();
});
afterAll(async () => {
  await rt?.close();
});

let seq = 0;

async function signedIn(role: Role, name: string) {
  const email = `${role}.audit.${++seq}@vidu.vn`;
  const p = await createUser(rt.deps, { name, email, role });
  const b = new TestBrowser(rt.app);
  await b.get('/dang-nhap');
  await b.signIn(email, defaultPassword);
  return { p, b };
}

type Line = typeof auditLog.$inferInsert;
const line = (l: Partial<Line> & Pick<Line, 'action'>): Line => ({ entity: 'project', ...l });

const deniedOf = (actorId: string) =>
  rt.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.actorId, actorId), eq(auditLog.action, 'access.denied')));

describe('the audit log for admins', () => {
  it('filters by action, by Vietnam days and by who acted, and keeps the filters in the page links', async () => {
    const { p: actor } = await signedIn('officer', 'Đặng Văn Lọc');
    const { b } = await signedIn('admin', 'Quản Trị Lọc');
    await rt.db.insert(auditLog).values([
      // 03:00 on 11 March 2025 in Vietnam (still 10 March in UTC).
      line({ action: 'test.alpha', entityId: 'ALPHA-EARLY', at: new Date('2025-03-10T20:00:00Z'), actorId: actor.id }),
      // 01:00 on 12 March 2025 in Vietnam.
      line({ action: 'test.alpha', entityId: 'ALPHA-LATE', at: new Date('2025-03-11T18:00:00Z') }),
      line({ action: 'test.beta', entityId: 'BETA-ONE', at: new Date('2025-03-11T01:00:00Z'), actorId: actor.id }),
    ]);

    const byAction = await b.get('/quan-tri/nhat-ky?action=test.alpha');
    expect(byAction.status).toBe(200);
    const html = await byAction.text();
    expect(html).toContain('ALPHA-EARLY');
    expect(html).toContain('ALPHA-LATE');
    expect(html).not.toContain('BETA-ONE');
    // The select offers the actions that occur, in Vietnamese where a label exists.
    expect(html).toContain('<option value="test.alpha" selected="">test.alpha</option>');
    expect(html).toContain('<option value="auth.sign_in">Đăng nhập</option>');

    const byDay = await (await b.get('/quan-tri/nhat-ky?action=test.alpha&from=2025-03-11&to=2025-03-11')).text();
    expect(byDay).toContain('ALPHA-EARLY');
    expect(byDay).not.toContain('ALPHA-LATE');
    expect(byDay).toContain('value="2025-03-11"');

    const byActor = await (
      await b.get('/quan-tri/nhat-ky?actor=dang%20van%20loc&from=2025-03-01&to=2025-03-31')
    ).text();
    expect(byActor).toContain('ALPHA-EARLY');
    expect(byActor).toContain('BETA-ONE');
    expect(byActor).not.toContain('ALPHA-LATE');

    const byText = await (await b.get('/quan-tri/nhat-ky?text=beta-one')).text();
    expect(byText).toContain('BETA-ONE');
    expect(byText).not.toContain('ALPHA-EARLY');

    const none = await (await b.get('/quan-tri/nhat-ky?action=test.alpha&from=2030-01-01')).text();
    expect(none).toContain('Không có kết quả phù hợp');

    await rt.db
      .insert(auditLog)
      .values(Array.from({ length: 51 }, (_, i) => line({ action: 'test.many', entityId: `MANY-${i}` })));
    const first = await (await b.get('/quan-tri/nhat-ky?action=test.many&entity=project')).text();
    expect(first).toContain('href="/quan-tri/nhat-ky?action=test.many&amp;entity=project&amp;page=2"');
    // Newest first: the last line written heads the first page, the first one is on page 2.
    expect(first).toContain('MANY-50');
    expect(first).not.toContain('MANY-0<');
    const second = await (await b.get('/quan-tri/nhat-ky?action=test.many&entity=project&page=2')).text();
    expect(second).toContain('MANY-0');
  });

  it('refuses an impossible date or an end before the start with a sentence (422), keeping what was typed', async () => {
    const { b } = await signedIn('admin', 'Quản Trị Ngày');
    const bad = await b.get('/quan-tri/nhat-ky?from=2025-02-30&actor=Mai');
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toContain('Ngày này không có trên lịch. Hãy nhập một ngày có thật, dạng ngày/tháng/năm.');
    expect(html).toContain('value="2025-02-30"');
    expect(html).toContain('value="Mai"');

    const reversed = await b.get('/quan-tri/nhat-ky?from=2025-03-10&to=2025-03-01');
    expect(reversed.status).toBe(422);
    expect(await reversed.text()).toContain('“Đến ngày” không được trước “Từ ngày”.');

    const csv = await b.get('/quan-tri/nhat-ky.csv?to=2025-13-01');
    expect(csv.status).toBe(422);
    expect(await csv.text()).toContain('Ngày này không có trên lịch.');
  });

  it('exports the filtered lines as CSV with a BOM, neutralising values a spreadsheet would run', async () => {
    const { p: actor } = await signedIn('officer', 'Lê Thị Xuất');
    const { b } = await signedIn('admin', 'Quản Trị Xuất');
    await rt.db
      .insert(auditLog)
      .values([
        line({ action: 'test.csv', entityId: '=1+2', actorId: actor.id, data: { note: 'Thạch đen' } }),
        line({ action: 'test.csv', entityId: 'CSV-PLAIN', actorId: actor.id }),
        line({ action: 'test.other', entityId: 'CSV-OTHER' }),
      ]);
    const page = await (await b.get('/quan-tri/nhat-ky?action=test.csv')).text();
    expect(page).toContain('href="/quan-tri/nhat-ky.csv?action=test.csv"');
    expect(page).toContain('tối đa 50.000 dòng');

    const res = await b.get('/quan-tri/nhat-ky.csv?action=test.csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="nhat-ky-\d{4}-\d{2}-\d{2}\.csv"/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1);
    const rows = text.trim().split('\n');
    expect(rows[0]).toBe(
      'Thời gian,Người thực hiện,Email,Hành động,Mã hành động,Loại đối tượng,Mã đối tượng,Chi tiết,Địa chỉ IP',
    );
    expect(rows).toHaveLength(3);
    expect(text).toContain("'=1+2");
    expect(text).not.toMatch(/,=1\+2/);
    expect(text).toContain('CSV-PLAIN');
    expect(text).toContain('Lê Thị Xuất');
    expect(text).toContain('note: Thạch đen');
    expect(text).not.toContain('CSV-OTHER');
  });

  it('exports the same lines as an Excel workbook, formulas kept as text', async () => {
    const { p: actor } = await signedIn('officer', 'Trần Văn Sổ');
    const { b } = await signedIn('admin', 'Quản Trị Sổ');
    await rt.db
      .insert(auditLog)
      .values([
        line({ action: 'test.xlsx', entityId: '=HYPERLINK("x")', actorId: actor.id }),
        line({ action: 'test.xlsx', entityId: 'XLSX-PLAIN', actorId: actor.id }),
        line({ action: 'test.nope', entityId: 'XLSX-OTHER' }),
      ]);
    const page = await (await b.get('/quan-tri/nhat-ky?action=test.xlsx')).text();
    expect(page).toContain('href="/quan-tri/nhat-ky.xlsx?action=test.xlsx"');
    expect(page).toContain('Tải về (Excel)');
    const res = await b.get('/quan-tri/nhat-ky.xlsx?action=test.xlsx');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    expect(res.headers.get('content-disposition')).toMatch(/filename="nhat-ky-\d{4}-\d{2}-\d{2}\.xlsx"/);
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const sheet = book.getWorksheet('Nhật ký');
    const values = (n: number) => ((sheet?.getRow(n).values ?? []) as unknown[]).slice(1);
    expect(values(1)).toEqual([
      'Thời gian',
      'Người thực hiện',
      'Email',
      'Hành động',
      'Mã hành động',
      'Loại đối tượng',
      'Mã đối tượng',
      'Chi tiết',
      'Địa chỉ IP',
    ]);
    expect(sheet?.rowCount).toBe(3);
    const ids = [values(2)[6], values(3)[6]];
    expect(ids).toEqual(expect.arrayContaining(['XLSX-PLAIN', `'=HYPERLINK("x")`]));
    expect(values(2)[1]).toBe('Trần Văn Sổ');
    expect((await b.get('/quan-tri/nhat-ky.xlsx?from=2025-02-30')).status).toBe(422);
  });

  it('is closed to everyone but admins, the CSV too', async () => {
    for (const role of ['founder', 'officer', 'expert', 'partner'] as const) {
      const { b } = await signedIn(role, 'Người Ngoài');
      expect((await b.get('/quan-tri/nhat-ky')).status, role).toBe(403);
      expect((await b.get('/quan-tri/nhat-ky.csv')).status, role).toBe(403);
      expect((await b.get('/quan-tri/nhat-ky.xlsx')).status, role).toBe(403);
    }
    const anon = new TestBrowser(rt.app);
    const res = await anon.get('/quan-tri/nhat-ky.csv?action=x');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/dang-nhap?next=${encodeURIComponent('/quan-tri/nhat-ky.csv?action=x')}`);
  });
});

describe('denied accesses', () => {
  it('records a founder refused an officer page, once a minute per page, without the query string', async () => {
    const { p, b } = await signedIn('founder', 'Tò Mò Văn Thử');
    expect((await b.get('/quan-ly/nguoi?q=bi-mat')).status).toBe(403);
    const rows = await deniedOf(p.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      entity: '',
      entityId: null,
      data: { method: 'GET', path: '/quan-ly/nguoi', status: 403 },
    });
    expect(JSON.stringify(rows[0]?.data)).not.toContain('bi-mat');

    // Refused again within the minute: still one line for that page.
    expect((await b.get('/quan-ly/nguoi')).status).toBe(403);
    expect(await deniedOf(p.id)).toHaveLength(1);
    // Another page refused is another line; a refused form too.
    expect((await b.get('/quan-tri/nhat-ky')).status).toBe(403);
    expect((await b.post('/quan-tri/moi', { name: 'Ai Đó', email: 'ai.do@vidu.vn', role: 'admin' })).status).toBe(403);
    const after = await deniedOf(p.id);
    expect(after.map((r) => r.data)).toEqual(
      expect.arrayContaining([
        { method: 'GET', path: '/quan-ly/nguoi', status: 403 },
        { method: 'GET', path: '/quan-tri/nhat-ky', status: 403 },
        { method: 'POST', path: '/quan-tri/moi', status: 403 },
      ]),
    );
    expect(after).toHaveLength(3);

    // The admin finds it in the log, labelled in Vietnamese.
    const { b: admin } = await signedIn('admin', 'Quản Trị Xem');
    const html = await (await admin.get('/quan-tri/nhat-ky?action=access.denied&actor=to%20mo%20van%20thu')).text();
    expect(html).toContain('Bị từ chối truy cập');
    expect(html).toContain('path: /quan-ly/nguoi');
    expect(html).toContain('Tò Mò Văn Thử');
  });

  it('records a signed-in person answered 404 on a staff page, not on a public one', async () => {
    const { p, b } = await signedIn('officer', 'Dò Đường Văn Thử');
    expect((await b.get('/quan-tri/khong-co-trang-nay')).status).toBe(404);
    expect((await b.get('/du-an/khong-co-du-an-nay')).status).toBe(404);
    expect((await deniedOf(p.id)).map((r) => r.data)).toEqual([
      { method: 'GET', path: '/quan-tri/khong-co-trang-nay', status: 404 },
    ]);
  });

  it('records API refusals: 403 to a signed-in caller, 401 to an anonymous one (by address, once a minute)', async () => {
    const { p, b } = await signedIn('founder', 'Gọi Api Văn Thử');
    const token = await b.csrfToken();
    const listing = await b.request('/api/v1/products/00000000-0000-0000-0000-000000000000/listings', {
      method: 'POST',
      body: JSON.stringify({ platform: 'shopee', listedOn: '2026-01-01', status: 'listed' }),
      headers: { 'content-type': 'application/json', 'x-csrf-token': token },
    });
    expect(listing.status).toBe(403);
    expect((await deniedOf(p.id)).map((r) => r.data)).toEqual([
      { method: 'POST', path: '/api/v1/products/00000000-0000-0000-0000-000000000000/listings', status: 403 },
    ]);

    const anon = new TestBrowser(rt.app, '198.51.100.41');
    const path = '/api/v1/registrations';
    expect((await anon.get(path)).status).toBe(401);
    expect((await anon.get(path)).status).toBe(401);
    const lines = await rt.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'access.denied'), eq(auditLog.ip, '198.51.100.41')));
    expect(lines.map((l) => [l.actorId, l.data])).toEqual([[null, { method: 'GET', path, status: 401 }]]);
  });

  it('does not count a stale form (CSRF) or an anonymous visitor sent to sign in', async () => {
    const before = await rt.db.select().from(auditLog).where(eq(auditLog.action, 'access.denied'));
    const { p, b } = await signedIn('founder', 'Người Cũ');
    expect((await b.post('/tai-khoan/mat-khau', { currentPassword: 'x' }, { csrf: false })).status).toBe(403);
    expect(await deniedOf(p.id)).toHaveLength(0);
    const anon = new TestBrowser(rt.app);
    expect((await anon.get('/quan-ly/nguoi')).status).toBe(303);
    const after = await rt.db.select().from(auditLog).where(eq(auditLog.action, 'access.denied'));
    expect(after).toHaveLength(before.length);
  });
});
