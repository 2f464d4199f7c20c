import { and, count, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '#kernel/auth/roles.ts';
import { todayInVietnam } from '#kernel/i18n/index.ts';
import { mailOutbox } from '#kernel/mail/mail.sql.ts';
import { ledgerEntries } from '#modules/support/index.ts';
import { createUser, publishedProject } from '#seed/factories.ts';
import { TestBrowser } from '#src/testing/browser.ts';
import { type TestRuntime, testRuntime } from '#src/testing/runtime.ts';
import { createEvent } from './calendar/events.service.ts';
import { EventInput, RegistrationInput } from './events.schemas.ts';
import { event, registration } from './events.sql.ts';
import { register, sendReminders } from './registrations/registrations.service.ts';

let rt: TestRuntime;
const password = 'mat-khau-su-kien';
let officer: Actor;
let founder: Actor;
let projectId: string;

/** yyyy-MM-dd, `days` from today. */
/** A day counted from today in Vietnam (the server's calendar day), as yyyy-mm-dd. */
const day = (days: number) => todayInVietnam(new Date(Date.now() + days * 86_400_000));
const vn = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

const eventForm = (over: Record<string, string> = {}) => ({
  kind: 'course',
  title: 'Tập huấn xây dựng thương hiệu cho sản phẩm OCOP',
  description: 'Khóa tập huấn hai buổi cho tác giả, nhóm tác giả.',
  organiser: 'Sở Khoa học và Công nghệ tỉnh Lạng Sơn',
  partners: 'Trung tâm Khởi nghiệp sáng tạo quốc gia',
  trainers: 'ThS. Hoàng Văn Thụ',
  venue: 'Hội trường khu làm việc chung',
  sessions: `${vn(day(10))} 08:00-11:30\n${vn(day(11))} 13:30-17:00`,
  capacity: '3',
  audience: 'public',
  questions: 'Bạn mong muốn học được gì?',
  certificatePercent: '80',
  published: 'on',
  ...over,
});

const person = (n: number, over: Record<string, string> = {}) => ({
  name: `Lục Thị Hoa ${n}`,
  phone: `09${String(n).padStart(8, '0')}`,
  email: `hoa${n}@vi-du.vn`,
  commune: 'that-khe',
  organisation: 'Hợp tác xã Na sạch',
  organisationType: 'cooperative',
  sex: 'female',
  ethnicity: 'tay',
  birthYear: '1990',
  a0: 'Cách làm nhãn hàng hóa.',
  consent: 'on',
  ...over,
});

async function newEvent(over: Record<string, string> = {}) {
  const input = EventInput.parse(eventForm({ title: `Tập huấn ${Math.random().toString(36).slice(2, 8)}`, ...over }));
  return createEvent({ db: rt.db, actor: officer, input });
}

async function signedIn(email: string) {
  const b = new TestBrowser(rt.app);
  await b.signIn(email, password);
  return b;
}

const statusesOf = async (eventId: string) =>
  rt.db
    .select({ status: registration.status, number: registration.number, name: registration.name })
    .from(registration)
    .where(eq(registration.eventId, eventId))
    .orderBy(registration.number);

beforeAll(async () => {
  rt = await testRuntime();
  officer = await createUser(rt.deps, {
    name: 'Hoàng Thị Thu Hà',
    email: 'canbo@su-kien.vn',
    password,
    role: 'officer',
  });
  founder = await createUser(rt.deps, {
    name: 'Nông Thị Thu Hằng',
    email: 'tacgia@su-kien.vn',
    password,
    role: 'founder',
  });
  await createUser(rt.deps, { name: 'Vi Văn Bình', email: 'khac@su-kien.vn', password, role: 'founder' });
  const p = await publishedProject(rt.deps, {
    actor: founder,
    input: {
      name: 'Miến dong Hội Hoan',
      summary: 'Miến dong làm thủ công từ củ dong riềng trồng tại xã.',
      description: '',
      type: 'product',
      field: 'food',
      stage: 'market',
      commune: 'that-khe',
      members: [],
      needs: [],
      awards: [],
      links: [],
      consentToPublish: true,
      isPublic: true,
    },
  });
  projectId = p.id;
});
afterAll(() => rt.close());

describe('creating an event', () => {
  it('an officer creates a two-session course; it is on the public calendar with its page', async () => {
    const b = await signedIn('canbo@su-kien.vn');
    const res = await b.post('/su-kien/moi', eventForm());
    expect(res.status).toBe(303);
    const path = res.headers.get('location') ?? '';
    expect(path).toBe('/su-kien/tap-huan-xay-dung-thuong-hieu-cho-san-pham-ocop');
    const page = await (await new TestBrowser(rt.app).get(path)).text();
    expect(page).toContain('Tập huấn xây dựng thương hiệu cho sản phẩm OCOP');
    expect(page).toContain('Hội trường khu làm việc chung');
    expect(page).toContain('Còn 3 chỗ');
    expect(page).toContain('7 giờ'); // 3.5 h + 3.5 h
    const calendar = await (await new TestBrowser(rt.app).get('/su-kien')).text();
    expect(calendar).toContain(path);
  });

  it('bad input: 422, Vietnamese messages, what was typed kept, nothing stored', async () => {
    const b = await signedIn('canbo@su-kien.vn');
    const [before] = await rt.db.select({ n: count() }).from(event);
    const res = await b.post(
      '/su-kien/moi',
      eventForm({
        title: 'Ab',
        capacity: 'nhiều',
        sessions: '31/02/2026 08:00-07:00',
        kind: '<script>alert(1)</script>',
      }),
    );
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Có vấn đề cần sửa');
    expect(html).toContain('Cần ít nhất 5 ký tự.');
    expect(html).toContain('Nhập số chỗ từ 1 đến 10.000.');
    expect(html).toContain('Mỗi dòng một buổi');
    expect(html).toContain('Khóa tập huấn hai buổi'); // the description typed is still there
    expect(html).not.toContain('<script>alert(1)</script>');
    const [after] = await rt.db.select({ n: count() }).from(event);
    expect(after?.n).toBe(before?.n);
  });

  it('an empty, huge or garbled form is a 422, never a 500', async () => {
    const b = await signedIn('canbo@su-kien.vn');
    expect((await b.post('/su-kien/moi', {})).status).toBe(422);
    expect((await b.post('/su-kien/moi', eventForm({ title: 'x'.repeat(100_000) }))).status).toBe(422);
    const garbled = await b.post('/su-kien/moi', eventForm({ title: 'Táº­p huáº¥n Ä‘á»•i má»›i' }));
    expect(garbled.status).toBe(422);
    expect(await garbled.text()).toContain('bàn phím tiếng Việt');
  });

  it('founders, experts and anonymous visitors cannot create events', async () => {
    expect((await (await signedIn('tacgia@su-kien.vn')).post('/su-kien/moi', eventForm())).status).toBe(403);
    expect((await new TestBrowser(rt.app).get('/su-kien/moi')).status).toBe(303);
  });

  it('the same title in the same year: a warning that links the first and keeps the input; "Vẫn tạo" creates it', async () => {
    const b = await signedIn('canbo@su-kien.vn');
    const form = eventForm({ title: 'Ngày hội Khởi nghiệp ĐMST của tỉnh', description: 'Lần thứ nhất trong năm.' });
    const first = await b.post('/su-kien/moi', form);
    expect(first.status).toBe(303);
    const firstPath = first.headers.get('location') ?? '';
    const [before] = await rt.db.select({ n: count() }).from(event);
    const again = await b.post('/su-kien/moi', {
      ...form,
      title: 'ngày hội khởi nghiệp ĐMST của tỉnh',
      description: 'Một buổi khác, cùng tên.',
    });
    expect(again.status).toBe(422);
    const html = await again.text();
    expect(html).toContain('Đã có một sự kiện cùng tên trong năm');
    expect(html).toContain(`href="${firstPath}"`);
    expect(html).toContain('name="confirmDuplicate"');
    expect(html).toContain('Một buổi khác, cùng tên.');
    const [after] = await rt.db.select({ n: count() }).from(event);
    expect(after?.n).toBe(before?.n);
    const confirmed = await b.post('/su-kien/moi', { ...form, confirmDuplicate: 'on' });
    expect(confirmed.status).toBe(303);
    expect(confirmed.headers.get('location')).toBe(`${firstPath}-2`);
  });

  it('the public sees only published public events; drafts and invitation-only events are 404 to them', async () => {
    const draft = await newEvent({ title: 'Hội thảo nội bộ bản nháp', published: '' });
    const invited = await newEvent({ title: 'Tọa đàm theo thư mời', audience: 'invited' });
    const anon = new TestBrowser(rt.app);
    const calendar = await (await anon.get('/su-kien')).text();
    expect(calendar).not.toContain('Hội thảo nội bộ bản nháp');
    expect(calendar).not.toContain('Tọa đàm theo thư mời');
    expect((await anon.get(`/su-kien/${draft.slug}`)).status).toBe(404);
    expect((await anon.get(`/su-kien/${invited.slug}`)).status).toBe(404);
    const api = (await (await anon.get('/api/v1/events')).json()) as { items: { slug: string }[] };
    expect(api.items.map((i) => i.slug)).not.toContain(draft.slug);
    expect(api.items.map((i) => i.slug)).not.toContain(invited.slug);
    expect((await anon.get(`/api/v1/events/${draft.id}`)).status).toBe(404);
    const staff = await signedIn('canbo@su-kien.vn');
    expect((await staff.get(`/su-kien/${draft.slug}`)).status).toBe(200);
  });
});

describe('registering', () => {
  it('someone without an account registers, gets a ticket page with a code and QR, and an e-mail', async () => {
    const e = await newEvent();
    const b = new TestBrowser(rt.app);
    const res = await b.post(`/su-kien/${e.slug}/dang-ky`, person(1));
    expect(res.status).toBe(303);
    const ticket = res.headers.get('location') ?? '';
    expect(ticket).toMatch(/^\/ve\/[A-Za-z0-9_-]{32}$/);
    const html = await (await b.get(ticket)).text();
    expect(html).toContain('Lục Thị Hoa 1');
    expect(html).toContain('Đã có chỗ');
    expect(html).toContain('<svg');
    const [row] = await rt.db.select().from(registration).where(eq(registration.email, 'hoa1@vi-du.vn'));
    expect(row?.answers).toEqual(['Cách làm nhãn hàng hóa.']);
    const mails = await rt.db.select().from(mailOutbox).where(eq(mailOutbox.to, 'hoa1@vi-du.vn'));
    expect(mails.map((m) => m.subject)).toContain(`Xác nhận đăng ký: ${e.title}`);
    expect(mails[0]?.text).toContain(ticket);
  });

  it('bad input: 422 with Vietnamese messages and nothing stored', async () => {
    const e = await newEvent();
    const b = new TestBrowser(rt.app);
    const res = await b.post(
      `/su-kien/${e.slug}/dang-ky`,
      person(2, {
        phone: '123',
        birthYear: 'năm ngoái',
        sex: 'x',
        consent: '',
        commune: 'khong-co-xa-nay',
        name: '<script>alert(1)</script>',
      }),
    );
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Nhập số điện thoại Việt Nam');
    expect(html).toContain('Nhập năm sinh 4 chữ số');
    expect(html).toContain('Bạn cần đồng ý để hoàn tất đăng ký.');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>alert(1)</script>');
    const bad = await b.post(`/su-kien/${e.slug}/dang-ky`, person(2, { commune: 'khong-co-xa-nay' }));
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('Vui lòng chọn một giá trị trong danh sách.');
    expect((await b.post(`/su-kien/${e.slug}/dang-ky`, {})).status).toBe(422);
    expect((await b.post(`/su-kien/${e.slug}/dang-ky`, person(2, { a0: 'x'.repeat(50_000) }))).status).toBe(422);
    const [n] = await rt.db.select({ n: count() }).from(registration).where(eq(registration.eventId, e.id));
    expect(n?.n).toBe(0);
  });

  it('the same e-mail cannot take two seats', async () => {
    const e = await newEvent();
    const b = new TestBrowser(rt.app);
    expect((await b.post(`/su-kien/${e.slug}/dang-ky`, person(3))).status).toBe(303);
    const again = await b.post(`/su-kien/${e.slug}/dang-ky`, person(3, { name: 'Người khác' }));
    expect(again.status).toBe(422);
    expect(await again.text()).toContain('đã đăng ký sự kiện này rồi');
  });

  it('capacity is never exceeded: 20 people registering at once for 3 seats → 3 seats, 17 on the waitlist in order', async () => {
    const e = await newEvent({ capacity: '3' });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        register({ deps: rt.deps, actor: null, slug: e.slug, input: RegistrationInput.parse(person(100 + i)) }),
      ),
    );
    const rows = await statusesOf(e.id);
    expect(rows.filter((r) => r.status === 'confirmed')).toHaveLength(3);
    expect(rows.filter((r) => r.status === 'waitlisted')).toHaveLength(17);
    // The first three to get the lock have the seats: everyone after them waits, in order.
    const firstWaiting = rows.findIndex((r) => r.status === 'waitlisted');
    expect(rows.slice(firstWaiting).every((r) => r.status === 'waitlisted')).toBe(true);
    expect(results.filter((r) => r.registration.status === 'confirmed')).toHaveLength(3);
  });

  it('the same holds through the site: 20 simultaneous form posts for 3 seats', async () => {
    const e = await newEvent({ capacity: '3' });
    const browsers = await Promise.all(
      Array.from({ length: 20 }, async () => {
        const b = new TestBrowser(rt.app);
        await b.csrfToken();
        return b;
      }),
    );
    const responses = await Promise.all(browsers.map((b, i) => b.post(`/su-kien/${e.slug}/dang-ky`, person(200 + i))));
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(303));
    const rows = await statusesOf(e.id);
    expect(rows.filter((r) => r.status === 'confirmed')).toHaveLength(3);
    expect(rows.filter((r) => r.status === 'waitlisted')).toHaveLength(17);
  });

  it('a cancelled seat goes to the first on the waitlist, who is told by e-mail', async () => {
    const e = await newEvent({ capacity: '2' });
    const b = new TestBrowser(rt.app);
    const tickets: string[] = [];
    for (const n of [301, 302, 303, 304])
      tickets.push((await b.post(`/su-kien/${e.slug}/dang-ky`, person(n))).headers.get('location') ?? '');
    expect((await statusesOf(e.id)).map((r) => r.status)).toEqual([
      'confirmed',
      'confirmed',
      'waitlisted',
      'waitlisted',
    ]);
    const waiting = await (await b.get(tickets[2] ?? '')).text();
    expect(waiting).toContain('thứ 1 trong danh sách chờ');

    const res = await b.post(`${tickets[0]}/huy`);
    expect(res.status).toBe(303);
    expect((await statusesOf(e.id)).map((r) => r.status)).toEqual([
      'cancelled',
      'confirmed',
      'confirmed',
      'waitlisted',
    ]);
    const mails = await rt.db.select().from(mailOutbox).where(eq(mailOutbox.to, 'hoa303@vi-du.vn'));
    expect(mails.map((m) => m.subject)).toContain(`Bạn đã có chỗ: ${e.title}`);
    // Cancelling twice frees nothing more.
    await b.post(`${tickets[0]}/huy`);
    expect((await statusesOf(e.id)).map((r) => r.status)).toEqual([
      'cancelled',
      'confirmed',
      'confirmed',
      'waitlisted',
    ]);
  });

  it('raising the capacity takes people off the waitlist', async () => {
    const e = await newEvent({ capacity: '1', title: 'Hội thảo tăng chỗ' });
    const b = new TestBrowser(rt.app);
    for (const n of [401, 402, 403]) await b.post(`/su-kien/${e.slug}/dang-ky`, person(n));
    const staff = await signedIn('canbo@su-kien.vn');
    const res = await staff.post(`/su-kien/${e.slug}/sua`, eventForm({ title: 'Hội thảo tăng chỗ', capacity: '2' }));
    expect(res.status).toBe(303);
    expect((await statusesOf(e.id)).map((r) => r.status)).toEqual(['confirmed', 'confirmed', 'waitlisted']);
  });

  it('founders-only events ask anonymous visitors to sign in, and refuse partners', async () => {
    const e = await newEvent({ audience: 'founders' });
    const anon = await new TestBrowser(rt.app).get(`/su-kien/${e.slug}/dang-ky`);
    expect(anon.status).toBe(303);
    expect(anon.headers.get('location')).toContain('/dang-nhap');
    const f = await signedIn('tacgia@su-kien.vn');
    expect((await f.get(`/su-kien/${e.slug}/dang-ky`)).status).toBe(200);
  });

  it('a participant sees only their own registrations, on the site and in the API', async () => {
    const e = await newEvent();
    const f = await signedIn('tacgia@su-kien.vn');
    expect(
      (await f.post(`/su-kien/${e.slug}/dang-ky`, person(5, { name: 'Nông Thị Thu Hằng', email: 'tacgia@su-kien.vn' })))
        .status,
    ).toBe(303);
    await new TestBrowser(rt.app).post(`/su-kien/${e.slug}/dang-ky`, person(6));
    const mine = await (await f.get('/su-kien/cua-toi')).text();
    expect(mine).toContain(e.title);
    const other = await signedIn('khac@su-kien.vn');
    expect(await (await other.get('/su-kien/cua-toi')).text()).not.toContain(e.title);
    const api = (await (await f.get('/api/v1/registrations')).json()) as { items: { event: { slug: string } }[] };
    expect(api.items.map((i) => i.event.slug)).toEqual([e.slug]);
    expect(((await (await other.get('/api/v1/registrations')).json()) as { items: unknown[] }).items).toEqual([]);
    expect((await new TestBrowser(rt.app).get('/api/v1/registrations')).status).toBe(401);
    // The registrations list and its export are for staff only.
    expect((await f.get(`/su-kien/${e.slug}/nguoi-dang-ky`)).status).toBe(403);
    expect((await f.get(`/su-kien/${e.slug}/nguoi-dang-ky.xlsx`)).status).toBe(403);
  });
});

describe('attendance, certificates, the ledger', () => {
  it('check-in by code and by list, certificates by rule (≥ 80 % of sessions), verification, reissue', async () => {
    const e = await newEvent({ capacity: '5' });
    const anon = new TestBrowser(rt.app);
    const ticket = async (n: number) => {
      const res = await anon.post(`/su-kien/${e.slug}/dang-ky`, person(n));
      const [row] = await rt.db
        .select()
        .from(registration)
        .where(and(eq(registration.eventId, e.id), eq(registration.email, `hoa${n}@vi-du.vn`)));
      return { path: res.headers.get('location') ?? '', row: row as typeof registration.$inferSelect };
    };
    const both = await ticket(501);
    const once = await ticket(502);
    const staff = await signedIn('canbo@su-kien.vn');
    const sheet = await (await staff.get(`/su-kien/${e.slug}/diem-danh`)).text();
    const sessionIds = [...sheet.matchAll(/<option value="([0-9a-f-]{36})"/g)].map((m) => m[1] ?? '');
    expect(sessionIds).toHaveLength(2);

    // Scanning the QR opens the page with the person ready to confirm.
    const scanned = await (
      await staff.get(`/su-kien/${e.slug}/diem-danh?buoi=${sessionIds[0]}&ma=${both.row.code}`)
    ).text();
    expect(scanned).toContain('Lục Thị Hoa 501');
    expect(scanned).toContain('Xác nhận có mặt');

    // The code as printed (with a hyphen, lower case) works.
    const typed = `${both.row.code.slice(0, 4)}-${both.row.code.slice(4)}`.toLowerCase();
    const res = await staff.post(`/su-kien/${e.slug}/diem-danh`, { session: sessionIds[0] ?? '', code: typed });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/su-kien/${e.slug}/diem-danh?buoi=${sessionIds[0]}`);
    expect(
      (await staff.post(`/su-kien/${e.slug}/diem-danh`, { session: sessionIds[0] ?? '', ids: [once.row.id] })).status,
    ).toBe(303);
    expect(
      (await staff.post(`/su-kien/${e.slug}/diem-danh`, { session: sessionIds[1] ?? '', code: both.row.code })).status,
    ).toBe(303);

    const unknown = await staff.post(`/su-kien/${e.slug}/diem-danh`, {
      session: sessionIds[1] ?? '',
      code: 'ZZZZ-ZZZZ',
    });
    expect(unknown.status).toBe(422);
    expect(await unknown.text()).toContain('Không có người đăng ký nào với mã này');
    expect(
      (await staff.post(`/su-kien/${e.slug}/diem-danh`, { session: 'not-a-session', code: both.row.code })).status,
    ).toBe(422);
    expect(
      (
        await staff.post(`/su-kien/${e.slug}/diem-danh`, {
          session: sessionIds[1] ?? '',
          ids: ['<script>', "'; DROP TABLE event;--"],
        })
      ).status,
    ).toBe(303);

    // A walk-in is registered and checked in at once.
    const walkIn = await staff.post(`/su-kien/${e.slug}/khach-vang-lai`, {
      ...person(503, { email: '' }),
      session: sessionIds[1] ?? '',
    });
    expect(walkIn.status).toBe(303);
    const badWalkIn = await staff.post(`/su-kien/${e.slug}/khach-vang-lai`, { session: sessionIds[1] ?? '', name: '' });
    expect(badWalkIn.status).toBe(422);

    // 2/2 sessions: a certificate; 1/2 (50 %) and the walk-in (1/2): none.
    expect((await staff.post(`/su-kien/${e.slug}/chung-nhan`)).status).toBe(303);
    const results = await (await staff.get(`/su-kien/${e.slug}/ket-qua`)).text();
    expect(results).toContain('Đủ điều kiện: 1 người; đã cấp: 1.');
    expect(results).toContain('<strong>3</strong> người tham dự');
    // The holder can be given a new certificate from the results page.
    expect(results).toContain('Cấp lại chứng nhận (khi sửa họ tên hoặc làm mất)');
    expect(results).toMatch(/\/chung-nhan\/[0-9a-f-]{36}\/cap-lai/);

    const own = await (await anon.get(both.path)).text();
    const code = /\/chung-nhan\/([A-Z0-9]{10})/.exec(own)?.[1] ?? '';
    expect(code).not.toBe('');
    expect(await (await anon.get(once.path)).text()).not.toContain('/chung-nhan/');
    const verify = await anon.get(`/chung-nhan/${code}`);
    expect(verify.status).toBe(200);
    const verified = await verify.text();
    expect(verified).toContain('Giấy chứng nhận hợp lệ');
    expect(verified).toContain('Lục Thị Hoa 501');
    expect(verified).toContain('2/2 buổi, 7 giờ');
    const typedCode = await anon.get(`/chung-nhan?ma=${code.slice(0, 5)}-${code.slice(5).toLowerCase()}`);
    expect(await typedCode.text()).toContain('Giấy chứng nhận hợp lệ');
    expect((await anon.get('/chung-nhan/KHONGCOMA99')).status).toBe(404);

    const pdf = await anon.get(`${both.path}/chung-nhan.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    expect((await anon.get(`${once.path}/chung-nhan.pdf`)).status).toBe(404);

    // Reissued: a new code; the old one says it was replaced and points to the new one.
    expect((await staff.post(`/su-kien/${e.slug}/chung-nhan/${both.row.id}/cap-lai`)).status).toBe(303);
    const old = await (await anon.get(`/chung-nhan/${code}`)).text();
    expect(old).toContain('đã được thay bằng bản cấp lại');
    expect((await staff.post(`/su-kien/${e.slug}/chung-nhan/${once.row.id}/cap-lai`)).status).toBe(409);
  });

  it('a certificate of a seat taken by an account opens for that account and staff only, never by its link alone', async () => {
    const e = await newEvent({ sessions: `${vn(day(10))} 08:00-11:30` });
    const f = await signedIn('tacgia@su-kien.vn');
    const taken = await f.post(`/su-kien/${e.slug}/dang-ky`, person(601));
    expect(taken.status).toBe(303);
    const path = taken.headers.get('location') ?? '';
    const [row] = await rt.db.select().from(registration).where(eq(registration.eventId, e.id));
    const staff = await signedIn('canbo@su-kien.vn');
    const sheet = await (await staff.get(`/su-kien/${e.slug}/diem-danh`)).text();
    const sessionId = /<option value="([0-9a-f-]{36})"/.exec(sheet)?.[1] ?? '';
    expect(
      (await staff.post(`/su-kien/${e.slug}/diem-danh`, { session: sessionId, code: row?.code ?? '' })).status,
    ).toBe(303);
    expect((await staff.post(`/su-kien/${e.slug}/chung-nhan`)).status).toBe(303);

    const pdf = `${path}/chung-nhan.pdf`;
    const mine = await f.get(pdf);
    expect(mine.status).toBe(200);
    expect(mine.headers.get('content-type')).toBe('application/pdf');
    expect(mine.headers.get('content-security-policy')).toContain('sandbox');
    expect(mine.headers.get('cache-control')).toContain('no-store');
    expect((await staff.get(pdf)).status).toBe(200);
    // The link leaked: a visitor is asked to sign in, another account is told there is nothing here.
    const leaked = await new TestBrowser(rt.app).get(pdf);
    expect(leaked.status).toBe(303);
    expect(leaked.headers.get('location')).toContain('/dang-nhap?next=');
    expect((await (await signedIn('khac@su-kien.vn')).get(pdf)).status).toBe(404);

    // The public check shows what proves the certificate, and none of the holder's details.
    const code = /\/chung-nhan\/([A-Z0-9]{10})/.exec(await (await f.get(path)).text())?.[1] ?? '';
    const verified = await (await new TestBrowser(rt.app).get(`/chung-nhan/${code}`)).text();
    expect(verified).toContain('Giấy chứng nhận hợp lệ');
    expect(verified).toContain('Lục Thị Hoa 601');
    expect(verified).toContain(e.title);
    expect(verified).toContain('Sở Khoa học và Công nghệ tỉnh Lạng Sơn');
    for (const detail of [
      'hoa601@vi-du.vn',
      '0900000601',
      'tacgia@su-kien.vn',
      'Hợp tác xã Na sạch',
      '1990',
      row?.token ?? '',
      row?.code ?? '',
    ])
      expect(verified).not.toContain(detail);
  });

  it('an attended seat of a founder linked to a project is a training entry on the project’s timeline', async () => {
    const e = await newEvent({ title: 'Tập huấn sở hữu trí tuệ cho tác giả' });
    const f = await signedIn('tacgia@su-kien.vn');
    // Someone else's project cannot be chosen.
    const other = await (await signedIn('khac@su-kien.vn')).post(
      `/su-kien/${e.slug}/dang-ky`,
      person(7, { project: projectId }),
    );
    expect(other.status).toBe(422);
    const res = await f.post(
      `/su-kien/${e.slug}/dang-ky`,
      person(8, { name: 'Nông Thị Thu Hằng', email: 'tacgia@su-kien.vn', project: projectId }),
    );
    expect(res.status).toBe(303);
    const [r] = await rt.db
      .select()
      .from(registration)
      .where(and(eq(registration.eventId, e.id), eq(registration.userId, founder.id)));
    expect(r?.projectId).toBe(projectId);
    const before = await ledgerEntries(rt.db, { sourceId: r?.id ?? '' });
    expect(before).toHaveLength(0); // registered is not attended

    const staff = await signedIn('canbo@su-kien.vn');
    const [s1, s2] = [
      ...(await (await staff.get(`/su-kien/${e.slug}/diem-danh`)).text()).matchAll(/<option value="([0-9a-f-]{36})"/g),
    ].map((m) => m[1]);
    await staff.post(`/su-kien/${e.slug}/diem-danh`, { session: s1 ?? '', code: r?.code ?? '' });
    await staff.post(`/su-kien/${e.slug}/diem-danh`, { session: s2 ?? '', code: r?.code ?? '' });
    const entries = await ledgerEntries(rt.db, { sourceKind: 'event_seat', sourceId: r?.id ?? '' });
    expect(entries).toHaveLength(1); // recorded again at the second check-in, never twice
    expect(entries[0]?.kind).toBe('training');
    expect(entries[0]?.projectId).toBe(projectId);
    expect(entries[0]?.figures.hours).toBe(7);
    const timeline = await (await new TestBrowser(rt.app).get('/du-an/mien-dong-hoi-hoan')).text();
    expect(timeline).toContain('Tập huấn sở hữu trí tuệ cho tác giả');
  });

  it('feedback after attending; a bad rating is a 422', async () => {
    const e = await newEvent({ sessions: `${vn(day(0))} 08:00-11:00\n${vn(day(1))} 08:00-11:00` });
    const anon = new TestBrowser(rt.app);
    const path = (await anon.post(`/su-kien/${e.slug}/dang-ky`, person(9))).headers.get('location') ?? '';
    expect((await anon.post(`${path}/gop-y`, { rating: '5' })).status).toBe(409); // not there yet
    const [r] = await rt.db.select().from(registration).where(eq(registration.eventId, e.id));
    const staff = await signedIn('canbo@su-kien.vn');
    const first =
      /<option value="([0-9a-f-]{36})"/.exec(await (await staff.get(`/su-kien/${e.slug}/diem-danh`)).text())?.[1] ?? '';
    await staff.post(`/su-kien/${e.slug}/diem-danh`, { session: first, code: r?.code ?? '' });
    const bad = await anon.post(`${path}/gop-y`, { rating: '9', comments: 'Rất bổ ích' });
    expect(bad.status).toBe(422);
    const badHtml = await bad.text();
    expect(badHtml).toContain('Vui lòng chọn mức đánh giá từ 1 đến 5.');
    expect(badHtml).toContain('Rất bổ ích');
    expect(
      (await anon.post(`${path}/gop-y`, { rating: '4', comments: 'Rất bổ ích, mong có thêm buổi thực hành.' })).status,
    ).toBe(303);
    const results = await (await staff.get(`/su-kien/${e.slug}/ket-qua`)).text();
    expect(results).toContain('1 góp ý, điểm trung bình 4/5.');
    expect(results).toContain('mong có thêm buổi thực hành');
  });
});

describe('documents', () => {
  it('the .ics file has one entry per session at the right hour (UTC)', async () => {
    const e = await newEvent({ title: 'Hội thảo lịch', sessions: '15/07/2030 08:00-11:30\n16/07/2030 13:30-17:00' });
    const res = await new TestBrowser(rt.app).get(`/su-kien/${e.slug}/lich.ics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/calendar');
    const ics = await res.text();
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(ics).toContain('DTSTART:20300715T010000Z');
    expect(ics).toContain('DTEND:20300716T100000Z');
    expect(ics).toContain('SUMMARY:Hội thảo lịch (1/2)');
    expect(ics).toContain('LOCATION:Hội trường khu làm việc chung');
  });

  it('the xlsx export has Vietnamese headers, a column per session and the breakdowns', async () => {
    const e = await newEvent({ title: 'Tập huấn xuất Excel' });
    const anon = new TestBrowser(rt.app);
    await anon.post(`/su-kien/${e.slug}/dang-ky`, person(11));
    await anon.post(
      `/su-kien/${e.slug}/dang-ky`,
      person(12, { sex: 'male', ethnicity: 'nung', name: '=HYPERLINK("x")' }),
    );
    const staff = await signedIn('canbo@su-kien.vn');
    const res = await staff.get(`/su-kien/${e.slug}/nguoi-dang-ky.xlsx`);
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const sheet = book.getWorksheet('Danh sách');
    if (!sheet) throw new Error('no sheet "Danh sách"');
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 8)).toEqual([
      'STT',
      'Họ và tên',
      'Giới tính',
      'Dân tộc',
      'Năm sinh',
      'Xã, phường nơi sinh sống, làm việc',
      'Đơn vị công tác, cơ sở sản xuất',
      'Loại đơn vị',
    ]);
    expect(header).toContain(`Buổi 1 (${vn(day(10))})`);
    expect(header).toContain('Bạn mong muốn học được gì?');
    expect(sheet.getRow(2).getCell(3).value).toBe('Nữ');
    expect(sheet.getRow(3).getCell(2).value).toBe(`'=HYPERLINK("x")`);
    expect(book.getWorksheet('Thống kê')).toBeDefined();
  });
});

describe('reminders', () => {
  it('the day before, everyone with a seat gets one reminder, however often it runs', async () => {
    const e = await newEvent({ title: 'Tập huấn ngày mai', sessions: `${vn(day(1))} 08:00-11:00` });
    const anon = new TestBrowser(rt.app);
    await anon.post(`/su-kien/${e.slug}/dang-ky`, person(21));
    expect(await sendReminders(rt.deps, day(0))).toBe(1);
    expect(await sendReminders(rt.deps, day(0))).toBe(0);
    const mails = await rt.db.select().from(mailOutbox).where(eq(mailOutbox.to, 'hoa21@vi-du.vn'));
    expect(mails.filter((m) => m.subject === 'Nhắc lịch ngày mai: Tập huấn ngày mai')).toHaveLength(1);
  });
});

describe('nominations to external events', () => {
  it('an external event of the same title and year is a warning with a link; another year or "Vẫn tạo" is created', async () => {
    const staff = await signedIn('canbo@su-kien.vn');
    const national = {
      kind: 'event',
      title: 'Ngày hội Khởi nghiệp ĐMST quốc gia (bản thử trùng tên)',
      organiser: 'Bộ Khoa học và Công nghệ',
      place: 'Lai Châu',
      startsOn: '2022-08-18',
    };
    const first = await staff.post('/su-kien-ngoai/moi', national);
    expect(first.status).toBe(303);
    const firstPath = first.headers.get('location') ?? '';
    const again = await staff.post('/su-kien-ngoai/moi', { ...national, place: 'Hà Nội', startsOn: '2022-11-02' });
    expect(again.status).toBe(422);
    const html = await again.text();
    expect(html).toContain(`href="${firstPath}"`);
    expect(html).toContain('Vẫn tạo');
    expect(html).toContain('value="Hà Nội"');
    expect((await staff.post('/su-kien-ngoai/moi', { ...national, startsOn: '2023-08-18' })).status).toBe(303);
    const confirmed = await staff.post('/su-kien-ngoai/moi', { ...national, confirmDuplicate: 'on' });
    expect(confirmed.status).toBe(303);
    expect(confirmed.headers.get('location')).not.toBe(firstPath);
  });

  it('an officer records a national event, nominates projects with a message and records results; the ledger follows', async () => {
    const staff = await signedIn('canbo@su-kien.vn');
    const bad = await staff.post('/su-kien-ngoai/moi', {
      kind: 'event',
      title: 'Ngày',
      organiser: '',
      startsOn: '2022-08-20',
      endsOn: '2022-08-18',
    });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('Ngày kết thúc phải sau ngày bắt đầu.');
    const res = await staff.post('/su-kien-ngoai/moi', {
      kind: 'event',
      title: 'Ngày hội Khởi nghiệp đổi mới sáng tạo quốc gia 2022',
      organiser: 'Bộ Khoa học và Công nghệ',
      place: 'Lai Châu',
      startsOn: '2022-08-18',
      endsOn: '2022-08-20',
    });
    expect(res.status).toBe(303);
    const path = res.headers.get('location') ?? '';
    // Searching again keeps what was ticked and typed: the search is a button of the same form.
    const searched = await staff.post(`${path}/de-cu`, {
      intent: 'search',
      q: 'khong co du an nao ten nhu vay',
      projects: [projectId],
      message: 'Giữ lời nhắn này',
    });
    expect(searched.status).toBe(200);
    const kept = await searched.text();
    expect(kept).toMatch(new RegExp(`value="${projectId}" checked`));
    expect(kept).toContain('Giữ lời nhắn này');
    expect(kept).toContain('value="khong co du an nao ten nhu vay"');
    expect((await staff.post(`${path}/de-cu`, { message: 'Chúc mừng' })).status).toBe(422);
    expect((await staff.post(`${path}/de-cu`, { projects: 'not-a-uuid' })).status).toBe(422);
    const nominated = await staff.post(`${path}/de-cu`, {
      projects: [projectId],
      message: 'Mời nhóm mang sản phẩm tham gia khu trưng bày của tỉnh.',
    });
    expect(nominated.status).toBe(303);
    // The list counts the event's nominations.
    const list = await (await staff.get('/su-kien-ngoai')).text();
    expect(list).toMatch(
      /Ngày hội Khởi nghiệp đổi mới sáng tạo quốc gia 2022<\/a><\/td><td[^>]*>[^<]*<\/td><td[^>]*>1<\/td>/,
    );
    const mails = await rt.db.select().from(mailOutbox).where(eq(mailOutbox.to, 'tacgia@su-kien.vn'));
    expect(mails.some((m) => m.text.includes('khu trưng bày của tỉnh'))).toBe(true);

    const entries = () => ledgerEntries(rt.db, { projectId, kind: 'event_introduction' });
    expect((await entries()).map((s) => s.status)).toEqual(['planned']);
    const page = await (await staff.get(path)).text();
    const id = /\/de-cu\/([0-9a-f-]{36})/.exec(page)?.[1] ?? '';
    expect((await staff.post(`${path}/de-cu/${id}`, { status: 'flying', contacts: 'nhiều' })).status).toBe(422);
    const done = await staff.post(`${path}/de-cu/${id}`, {
      status: 'attended',
      award: 'Giải Khuyến khích',
      contacts: '4',
      notes: 'Gặp 2 nhà phân phối.',
    });
    expect(done.status).toBe(303);
    const after = await entries();
    expect(after).toHaveLength(1);
    expect(after[0]?.status).toBe('done');
    expect(after[0]?.outcome).toContain('Giải Khuyến khích');
    const timeline = await (await new TestBrowser(rt.app).get('/du-an/mien-dong-hoi-hoan')).text();
    expect(timeline).toContain('Ngày hội Khởi nghiệp đổi mới sáng tạo quốc gia 2022');

    const api = (await (await staff.get('/api/v1/nominations')).json()) as {
      items: { status: string; award: string }[];
    };
    expect(api.items).toEqual([expect.objectContaining({ status: 'attended', award: 'Giải Khuyến khích' })]);
    expect((await (await signedIn('tacgia@su-kien.vn')).get('/api/v1/nominations')).status).toBe(403);
    expect((await (await signedIn('tacgia@su-kien.vn')).get(path)).status).toBe(403);

    // Corrected dates: a wrong one is refused with the form kept; a right one is saved, and the ledger
    // line stays on the day of the nomination (made today, after the event: the day reports count it).
    const form = await (await staff.get(`${path}/sua`)).text();
    expect(form).toContain('value="2022-08-18"');
    const wrong = await staff.post(`${path}/sua`, {
      kind: 'event',
      title: 'Ngày hội Khởi nghiệp đổi mới sáng tạo quốc gia 2022',
      organiser: 'Bộ Khoa học và Công nghệ',
      startsOn: '2022-08-19',
      endsOn: '2022-08-01',
    });
    expect(wrong.status).toBe(422);
    expect(await wrong.text()).toContain('Ngày kết thúc phải sau ngày bắt đầu.');
    const fixed = await staff.post(`${path}/sua`, {
      kind: 'event',
      title: 'Ngày hội Khởi nghiệp đổi mới sáng tạo quốc gia 2022',
      organiser: 'Bộ Khoa học và Công nghệ',
      place: 'Lai Châu',
      startsOn: '2022-08-19',
      endsOn: '2022-08-21',
    });
    expect(fixed.status).toBe(303);
    const moved = await entries();
    expect(moved.map((s) => [s.startedOn, s.endedOn, s.status])).toEqual([
      [todayInVietnam(), todayInVietnam(), 'done'],
    ]);
  });
});
