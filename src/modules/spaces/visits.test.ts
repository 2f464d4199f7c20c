import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '#kernel/db/rows.ts';
import { translator } from '#kernel/i18n/index.ts';
import { createProject } from '#modules/projects/index.ts';
import { indicators, Period } from '#modules/reports/index.ts';
import { createUser } from '#seed/factories.ts';
import { TestBrowser } from '#src/testing/browser.ts';
import { hostileBody, hostileForm } from '#src/testing/hostile.ts';
import { type TestRuntime, testRuntime } from '#src/testing/runtime.ts';
import { checkIn, recordVisit, visitFigures } from './index.ts';

// A visit to the coworking space is a person-level ledger entry; a walk-in asking for support
// becomes a request the officer completes; the check-in at the door takes anything a stranger
// types without a 5xx, and never shows a walk-in's phone to anyone but staff.

let rt: TestRuntime;
const password = 'mat-khau-luot-den';
beforeAll(async () => {
  rt = await testRuntime();
});
afterAll(async () => {
  await rt?.close();
});

let n = 0;
async function people() {
  const k = `${Date.now().toString(36)}${n++}`;
  const officer = await createUser(rt.deps, {
    name: 'Hoàng Thu Hà',
    email: `cb.${k}@ld.vn`,
    role: 'officer',
    password,
  });
  const founder = await createUser(rt.deps, { name: 'Lộc Thị Hoa', email: `tg.${k}@ld.vn`, role: 'founder', password });
  return { officer, founder, k };
}

const uniquePhone = () => `09${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;

const ledgerOf = (visitId: string) =>
  rows<{ kind: string; person_id: string | null; project_id: string | null; started_on: string; status: string }>(
    rt.db,
    sql`select kind, person_id, project_id, started_on::text, status from support where source_kind = 'visit' and source_id = ${visitId}`,
  );

describe('a walk-in asking for support at the door', () => {
  it('is recorded as a person-level ledger entry, and the officer files the request prefilled from it', async () => {
    const { officer } = await people();
    const phone = uniquePhone();
    const door = new TestBrowser(rt.app, '203.0.113.20');
    const form = await door.get('/den-lam-viec');
    expect(form.status).toBe(200);
    const page = await form.text();
    expect(page).toContain('Đăng ký đến làm việc');
    expect(page).toContain('Xã Thất Khê');

    const res = await door.post('/den-lam-viec', {
      fullName: 'Nông Văn Dũng',
      phone: `${phone.slice(0, 4)} ${phone.slice(4, 7)} ${phone.slice(7)}`,
      commune: 'that-khe',
      purpose: 'support',
      note: 'Cần hỏi thủ tục đăng ký nhãn hiệu cho mật ong bạc hà của hợp tác xã.',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/den-lam-viec/cam-on?ho-tro=1');
    const thanks = await (await door.get('/den-lam-viec/cam-on?ho-tro=1')).text();
    expect(thanks).toContain('Cán bộ Sở sẽ gặp bạn');

    const [v] = await rows<{ id: string; person_id: string; channel: string; user_id: string | null }>(
      rt.db,
      sql`select v.id, v.person_id, v.channel, v.user_id from visit v join person p on p.id = v.person_id where p.phone = ${phone}`,
    );
    expect(v?.channel).toBe('self');
    expect(v?.user_id).toBeNull();
    const [entry] = await ledgerOf(v?.id ?? '');
    expect(entry).toMatchObject({ kind: 'space', person_id: v?.person_id, project_id: null, status: 'done' });

    // The desk: the officer sees today's visits with the visitor's name and a link to file the request.
    const desk = new TestBrowser(rt.app);
    await desk.signIn(officer.email, password);
    const list = await (await desk.get('/quan-ly/luot-den')).text();
    expect(list).toContain('Nông Văn Dũng');
    expect(list).toContain(`/quan-ly/luot-den/${v?.id}/yeu-cau`);

    const prefilled = await (await desk.get(`/quan-ly/luot-den/${v?.id}/yeu-cau`)).text();
    expect(prefilled).toContain('value="Nông Văn Dũng"');
    expect(prefilled).toContain(`value="${phone}"`);
    expect(prefilled).toContain('mật ong bạc hà');

    const missing = await desk.post(`/quan-ly/luot-den/${v?.id}/yeu-cau`, {
      contactName: 'Nông Văn Dũng',
      contactPhone: phone,
      commune: 'that-khe',
      body: 'ngắn',
      urgency: 'normal',
    });
    expect(missing.status).toBe(422);
    const again = await missing.text();
    expect(again).toContain('value="Nông Văn Dũng"');

    const filed = await desk.post(`/quan-ly/luot-den/${v?.id}/yeu-cau`, {
      contactName: 'Nông Văn Dũng',
      contactPhone: phone,
      commune: 'that-khe',
      needs: 'consulting_ip',
      body: 'Cần hỏi thủ tục đăng ký nhãn hiệu cho mật ong bạc hà của hợp tác xã.',
      urgency: 'normal',
    });
    expect(filed.status).toBe(303);
    const location = filed.headers.get('location') ?? '';
    expect(location).toMatch(/^\/yeu-cau\/\d+$/);
    const number = Number(location.split('/').pop());
    const [linked] = await rows<{ request_number: number }>(
      rt.db,
      sql`select request_number from visit where id = ${v?.id}`,
    );
    expect(linked?.request_number).toBe(number);
    expect(await (await desk.get(location)).text()).toContain('Nông Văn Dũng');
    // Filing twice is not possible: the link now leads to the request.
    const twice = await desk.get(`/quan-ly/luot-den/${v?.id}/yeu-cau`);
    expect(twice.status).toBe(303);
    expect(twice.headers.get('location')).toBe(location);
    const dup = await desk.post(`/quan-ly/luot-den/${v?.id}/yeu-cau`, {
      contactName: 'Nông Văn Dũng',
      contactPhone: phone,
      needs: 'consulting_ip',
      body: 'Cần hỏi thủ tục đăng ký nhãn hiệu cho mật ong bạc hà của hợp tác xã.',
      urgency: 'normal',
    });
    expect(dup.status).toBe(409);
  });

  it('knows a returning visitor by the phone, and keeps names and phones to staff', async () => {
    const { founder } = await people();
    const phone = uniquePhone();
    const door = new TestBrowser(rt.app, '203.0.113.21');
    for (const purpose of ['information', 'workroom']) {
      const res = await door.post('/den-lam-viec', { fullName: 'Hà Thị Lan', phone, purpose, note: '' });
      expect(res.status).toBe(303);
    }
    const [count] = await rows<{ visits: number; people: number }>(
      rt.db,
      sql`select count(*)::int as visits, count(distinct v.person_id)::int as people from visit v join person p on p.id = v.person_id where p.phone = ${phone}`,
    );
    expect(count).toEqual({ visits: 2, people: 1 });
    // Strangers and founders never reach the desk, the list or its exports.
    expect((await door.get('/quan-ly/luot-den')).status).toBe(303);
    expect((await door.get('/quan-ly/luot-den/tai-ve?dang=csv')).status).toBe(303);
    const f = new TestBrowser(rt.app);
    await f.signIn(founder.email, password);
    expect((await f.get('/quan-ly/luot-den')).status).toBe(403);
    expect((await f.get('/quan-ly/luot-den/tai-ve?dang=csv')).status).toBe(403);
  });

  it('a founder checking in to ask for support is sent on to the request form with their note', async () => {
    const { founder, k } = await people();
    const b = new TestBrowser(rt.app);
    await b.signIn(founder.email, password);
    // Without a project there is no request form for them yet: the officer meets them at the desk.
    const first = await b.post('/den-lam-viec', { purpose: 'support', note: '' });
    expect(first.headers.get('location')).toBe('/den-lam-viec/cam-on?ho-tro=1');
    await createProject({
      db: rt.db,
      actor: founder,
      input: {
        name: `Trà hoa vàng ${k}`,
        summary: 'Trà hoa vàng sấy khô.',
        description: '',
        type: 'product',
        field: 'food',
        stage: 'market',
        commune: 'binh-gia',
        members: [],
        needs: [],
        awards: [],
        links: [],
        consentToPublish: true,
        isPublic: false,
      },
    });
    const page = await (await b.get('/den-lam-viec')).text();
    expect(page).toContain('Lộc Thị Hoa');
    expect(page).not.toContain('name="phone"');
    const res = await b.post('/den-lam-viec', { purpose: 'support', note: 'Cần tư vấn bao bì' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(
      `/yeu-cau/moi?noi_dung=${encodeURIComponent('Cần tư vấn bao bì').replace(/%20/g, '+')}`,
    );
    const form = await (await b.get(res.headers.get('location') ?? '')).text();
    expect(form).toContain('Cần tư vấn bao bì');
    const [v] = await rows<{ purpose: string }>(rt.db, sql`select purpose from visit where user_id = ${founder.id}`);
    expect(v?.purpose).toBe('support');
    expect(page).toContain('Lộc Thị Hoa');
  });
});

describe('the desk list, its exports and the report', () => {
  it('lists a month with counts by day, exports CSV and Excel, and the report counts visits', async () => {
    const { officer } = await people();
    const phone = uniquePhone();
    const input = (visitedOn: string, purpose: 'meeting' | 'event') => ({
      fullName: 'Triệu Văn Minh',
      phone,
      email: '',
      commune: '',
      purpose,
      note: '=HYPERLINK("x")',
      visitedOn,
    });
    await recordVisit({ db: rt.db, actor: officer, input: input('2019-03-04', 'meeting') });
    await recordVisit({ db: rt.db, actor: officer, input: input('2019-03-04', 'event') });
    await recordVisit({ db: rt.db, actor: officer, input: input('2019-03-20', 'meeting') });
    await recordVisit({ db: rt.db, actor: officer, input: input('2019-04-02', 'meeting') });

    const desk = new TestBrowser(rt.app);
    await desk.signIn(officer.email, password);
    const month = await (await desk.get('/quan-ly/luot-den?thang=2019-03')).text();
    expect(month).toContain('3 lượt đến');
    expect(month).toContain('04/03/2019</a>: 2');
    const day = await (await desk.get('/quan-ly/luot-den?ngay=2019-04-02')).text();
    expect(day).toContain('1 lượt đến');
    // A day that does not exist is today's list, not an error.
    expect((await desk.get('/quan-ly/luot-den?ngay=2019-02-30')).status).toBe(200);

    const csv = await desk.get('/quan-ly/luot-den/tai-ve?thang=2019-03&dang=csv');
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const text = await csv.text();
    expect(text).toContain('Triệu Văn Minh');
    expect(text).toContain(phone);
    expect(text).toContain(`'=HYPERLINK`);
    expect(text.trim().split('\n')).toHaveLength(4);
    const xlsx = await desk.get('/quan-ly/luot-den/tai-ve?thang=2019-03&dang=xlsx');
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    expect((await xlsx.arrayBuffer()).byteLength).toBeGreaterThan(1000);

    const figures = await visitFigures(rt.db, '2019-03-01', '2019-04-30');
    expect(figures.visits).toBe(4);
    expect(figures.people).toBe(1);
    expect(figures.byMonth).toEqual([
      { key: '2019-03', count: 3 },
      { key: '2019-04', count: 1 },
    ]);
    const ledger = await rows<{ n: number }>(
      rt.db,
      sql`select count(*)::int as n from support where source_kind = 'visit' and started_on between '2019-03-01' and '2019-04-30'`,
    );
    expect(ledger[0]?.n).toBe(4);
    const indicator = indicators.find((i) => i.id === 'luot-den-lam-viec');
    const t = translator('vi');
    const figure = await indicator?.compute(rt.db, Period.parse({ from: '2019-03-01', to: '2019-04-30' }), t);
    expect(figure?.value).toBe(4);
    expect(figure?.breakdowns.find((b) => b.title === 'reports.breakdown.purpose')?.rows).toEqual([
      { label: 'Gặp gỡ, kết nối', count: 3 },
      { label: 'Dự sự kiện', count: 1 },
    ]);
  });

  it('a visit recorded by mistake is removed with its ledger entry; no visit can be dated tomorrow', async () => {
    const { officer } = await people();
    const v = await checkIn({
      db: rt.db,
      actor: null,
      input: { fullName: 'Khách thử', phone: uniquePhone(), commune: '', purpose: 'information', note: '' },
    });
    expect(await ledgerOf(v.id)).toHaveLength(1);
    const desk = new TestBrowser(rt.app);
    await desk.signIn(officer.email, password);
    const res = await desk.post(`/quan-ly/luot-den/${v.id}/xoa`);
    expect(res.status).toBe(303);
    expect(await ledgerOf(v.id)).toHaveLength(0);
    expect((await desk.post(`/quan-ly/luot-den/${v.id}/xoa`)).status).toBe(404);
    const future = await desk.post('/quan-ly/luot-den/moi', {
      fullName: 'Người đến sau',
      purpose: 'meeting',
      visitedOn: '2999-01-01',
    });
    expect(future.status).toBe(422);
    expect(await future.text()).toContain('Ngày đến không thể sau hôm nay');
  });
});

describe('the check-in form at the door takes anything', () => {
  it('300 hostile submissions and 40 wrong ones: never a 5xx, never a visit', async () => {
    const door = new TestBrowser(rt.app, '203.0.113.30');
    const fields = ['fullName', 'phone', 'commune', 'purpose', 'note'] as const;
    const statuses: number[] = [];
    const [before] = await rows<{ n: number }>(rt.db, sql`select count(*)::int as n from visit`);
    for (const submission of fc.sample(hostileForm(fields), { numRuns: 300, seed: 41 })) {
      const res = await door.request('/den-lam-viec', {
        method: 'POST',
        ...hostileBody(submission, await door.csrfToken()),
      });
      statuses.push(res.status);
    }
    const good = { fullName: 'Lò Văn Sáng', phone: '0912345678', commune: '', purpose: 'meeting', note: '' };
    const wrong: Record<string, string>[] = [];
    for (let i = 0; i < 8; i++)
      wrong.push(
        { ...good, purpose: ['', 'party', 'SUPPORT', 'support ', '1'][i % 5] ?? '' },
        { ...good, fullName: i % 2 ? '' : 'L' },
        { ...good, phone: ['', '12345', '09123', '+1 202 555 0100'][i % 4] ?? '' },
        { ...good, commune: ['khong-co', 'ha-noi', '../etc', 'x'.repeat(81)][i % 4] ?? '' },
        { ...good, note: 'x'.repeat(1001 + i) },
      );
    for (const form of wrong) statuses.push((await door.post('/den-lam-viec', form)).status);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(statuses.filter((s) => s === 303)).toEqual([]);
    const [after] = await rows<{ n: number }>(rt.db, sql`select count(*)::int as n from visit`);
    expect(after?.n).toBe(before?.n);
  }, 120_000);

  it('one address can record 30 check-ins in 15 minutes; the next is refused with 429', async () => {
    const door = new TestBrowser(rt.app, '203.0.113.31');
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++)
      statuses.push(
        (await door.post('/den-lam-viec', { fullName: `Khách ${i}`, phone: uniquePhone(), purpose: 'information' }))
          .status,
      );
    expect(statuses.slice(0, 30).every((s) => s === 303)).toBe(true);
    expect(statuses[30]).toBe(429);
    // Another address is not held up.
    const other = new TestBrowser(rt.app, '203.0.113.32');
    expect(
      (await other.post('/den-lam-viec', { fullName: 'Khách khác', phone: uniquePhone(), purpose: 'information' }))
        .status,
    ).toBe(303);
  }, 60_000);
});

describe('the QR poster', () => {
  it('is a printable page with the QR code of the check-in address, for staff', async () => {
    const { officer } = await people();
    const desk = new TestBrowser(rt.app);
    await desk.signIn(officer.email, password);
    const page = await (await desk.get('/quan-ly/luot-den/ap-phich')).text();
    expect(page).toContain('<svg');
    expect(page).toContain(`${rt.deps.config.BASE_URL}/den-lam-viec`);
  });
});

describe('the JSON API for visits', () => {
  it('staff list a period and record a visit; founders and strangers are refused; a bad period is 422', async () => {
    const { officer, founder } = await people();
    const desk = new TestBrowser(rt.app);
    await desk.signIn(officer.email, password);
    const phone = uniquePhone();
    const made = await desk.request('/api/v1/visits', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': await desk.csrfToken() },
      body: JSON.stringify({ fullName: 'Vi Thị Mận', phone, purpose: 'event', visitedOn: '2018-05-07' }),
    });
    expect(made.status).toBe(201);
    const list = await desk.get('/api/v1/visits?from=2018-05-01&to=2018-05-31');
    expect(list.status).toBe(200);
    const body = (await list.json()) as { items: { purpose: string; person: { fullName: string; phone: string } }[] };
    expect(
      body.items.some((v) => v.person.fullName === 'Vi Thị Mận' && v.person.phone === phone && v.purpose === 'event'),
    ).toBe(true);
    expect((await desk.get('/api/v1/visits?from=2018-05-31&to=2018-05-01')).status).toBe(422);
    expect((await desk.get('/api/v1/visits?from=2018-01-01&to=2020-01-01')).status).toBe(422);
    expect((await desk.get('/api/v1/visits?from=2018-02-30')).status).toBe(422);
    const wrong = await desk.request('/api/v1/visits', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': await desk.csrfToken() },
      body: JSON.stringify({ fullName: 'X', purpose: 'nap' }),
    });
    expect(wrong.status).toBe(422);
    const f = new TestBrowser(rt.app);
    await f.signIn(founder.email, password);
    expect((await f.get('/api/v1/visits')).status).toBe(403);
    expect((await new TestBrowser(rt.app).get('/api/v1/visits')).status).toBe(401);
  });
});
