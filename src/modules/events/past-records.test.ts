import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '#kernel/auth/roles.ts';
import { todayInVietnam, translator } from '#kernel/i18n/index.ts';
import { createProject } from '#modules/projects/index.ts';
import { buildReport } from '#modules/reports/index.ts';
import { ledgerEntries } from '#modules/support/index.ts';
import { createUser } from '#seed/factories.ts';
import { TestBrowser } from '#src/testing/browser.ts';
import { type TestRuntime, testRuntime } from '#src/testing/runtime.ts';
import { checkInEveryone } from './attendance/attendance.service.ts';
import { createEvent, getEvent } from './calendar/events.service.ts';
import { EventInput, PastRegistrationInput, RegistrationInput } from './events.schemas.ts';
import { attendance, registration } from './events.sql.ts';
import { recordPastRegistration } from './registrations/past-registration.ts';
import { register } from './registrations/registrations.service.ts';

// A Department goes live with its past courses (2021–2022) and records who came, afterwards.

let rt: TestRuntime;
const password = 'mat-khau-khoa-cu';
let officer: Actor;
let founder: Actor;
let projectId: string;
const t = translator('vi');

/** A day counted from today in Vietnam (the server's calendar day), as yyyy-mm-dd. */
const day = (days: number) => todayInVietnam(new Date(Date.now() + days * 86_400_000));
const vn = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

async function newEvent(sessions: string, capacity = '30') {
  const input = EventInput.parse({
    kind: 'course',
    title: `Tập huấn kỹ năng ${Math.random().toString(36).slice(2, 8)}`,
    organiser: 'Sở Khoa học và Công nghệ tỉnh Lạng Sơn',
    venue: 'Hội trường Sở',
    sessions,
    capacity,
    audience: 'public',
    published: 'on',
  });
  const { slug } = await createEvent({ db: rt.db, actor: officer, input });
  return getEvent({ db: rt.db, actor: officer, slug });
}

const course2021 = () => newEvent('10/06/2021 08:00-11:30\n11/06/2021 13:30-17:00');

const participant = (over: Record<string, string | string[]> = {}) => ({
  name: 'Hoàng Văn Sơn',
  phone: '0912 777 001',
  email: '',
  organisationType: 'cooperative',
  sex: 'male',
  ethnicity: 'nung',
  birthYear: '1985',
  ...over,
});

async function signedIn(email: string) {
  const b = new TestBrowser(rt.app);
  await b.signIn(email, password);
  return b;
}

const trainedIn = async (from: string, to: string) => {
  const report = await buildReport({ db: rt.db, actor: officer, period: { from, to }, t, evidence: true });
  return report.lines.find((l) => l.indicator.id === 'nguoi-duoc-dao-tao')?.figure;
};

beforeAll(async () => {
  rt = await testRuntime();
  officer = await createUser(rt.deps, { name: 'Lăng Thị Mai', email: 'canbo@khoa-cu.vn', password, role: 'officer' });
  founder = await createUser(rt.deps, { name: 'Hà Văn Tú', email: 'tacgia@khoa-cu.vn', password, role: 'founder' });
  const p = await createProject({
    db: rt.db,
    actor: founder,
    input: {
      name: 'Hồi Văn Quan',
      summary: 'Tinh dầu hồi chưng cất tại huyện Văn Quan.',
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

describe('recording who came to an ended course', () => {
  it('an officer back-dates a registration and check-in into a 2021 course; the 2021 report counts the person', async () => {
    const e = await course2021();
    const [s1, s2] = e.sessions;
    const staff = await signedIn('canbo@khoa-cu.vn');
    // The ordinary registration form leads staff to the form for ended events.
    const asked = await staff.get(`/su-kien/${e.slug}/dang-ky`);
    expect(asked.status).toBe(303);
    expect(asked.headers.get('location')).toBe(`/su-kien/${e.slug}/ghi-nhan`);
    expect(await (await staff.get(`/su-kien/${e.slug}`)).text()).toContain('Ghi nhận người đã tham dự');
    const form = await staff.get(`/su-kien/${e.slug}/ghi-nhan`);
    expect(form.status).toBe(200);
    expect(await form.text()).toContain('Buổi 2: 11/06/2021, 13:30–17:00');

    const res = await staff.post(
      `/su-kien/${e.slug}/ghi-nhan`,
      participant({ project: 'http://localhost/du-an/hoi-van-quan', sessions: [s1?.id ?? ''] }),
    );
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/su-kien/${e.slug}/nguoi-dang-ky`);
    const list = await (await staff.get(`/su-kien/${e.slug}/nguoi-dang-ky`)).text();
    expect(list).toContain('Đã ghi nhận Hoàng Văn Sơn; có mặt: Buổi 1 (10/06/2021).');

    const [r] = await rt.db.select().from(registration).where(eq(registration.eventId, e.id));
    expect(r?.status).toBe('confirmed');
    expect(r?.personId).toBeTruthy();
    expect(r?.projectId).toBe(projectId);
    expect(r?.createdAt.toISOString()).toBe('2021-06-10T01:00:00.000Z'); // 08:00 in Vietnam
    const [a] = await rt.db
      .select()
      .from(attendance)
      .where(eq(attendance.registrationId, r?.id ?? ''));
    expect(a?.sessionId).toBe(s1?.id);
    expect(a?.checkedInAt.toISOString()).toBe('2021-06-10T01:00:00.000Z');
    const [entry] = await ledgerEntries(rt.db, { sourceKind: 'event_seat', sourceId: r?.id ?? '' });
    expect(entry?.startedOn).toBe('2021-06-10');
    expect(entry?.projectId).toBe(projectId);

    // The report of 2021 counts them; the report of this year does not.
    const in2021 = await trainedIn('2021-01-01', '2021-12-31');
    expect(in2021?.evidence?.map((x) => x.label)).toContain('Hoàng Văn Sơn');
    const thisYear = await trainedIn(`${day(0).slice(0, 4)}-01-01`, `${day(0).slice(0, 4)}-12-31`);
    expect(thisYear?.evidence?.map((x) => x.label) ?? []).not.toContain('Hoàng Văn Sơn');

    // Checking them in later to the second session, from the check-in page, is dated on that session too.
    expect(
      (await staff.post(`/su-kien/${e.slug}/diem-danh`, { session: s2?.id ?? '', ids: [r?.id ?? ''] })).status,
    ).toBe(303);
    const [second] = await rt.db
      .select()
      .from(attendance)
      .where(and(eq(attendance.registrationId, r?.id ?? ''), eq(attendance.sessionId, s2?.id ?? '')));
    expect(second?.checkedInAt.toISOString()).toBe('2021-06-11T06:30:00.000Z');
  });

  it('the same phone, written another way, is the same person; a phone or an e-mail is required', async () => {
    const e = await course2021();
    const staff = await signedIn('canbo@khoa-cu.vn');
    const first = await staff.post(
      `/su-kien/${e.slug}/ghi-nhan`,
      participant({ name: 'Lộc Thị Đào', phone: '0912777002' }),
    );
    expect(first.status).toBe(303);
    const again = await staff.post(
      `/su-kien/${e.slug}/ghi-nhan`,
      participant({ name: 'Lộc Thị Đào', phone: '+84 912 777 002' }),
    );
    expect(again.status).toBe(422);
    expect(await again.text()).toContain('đã có trong danh sách của sự kiện');
    const none = await staff.post(`/su-kien/${e.slug}/ghi-nhan`, participant({ name: 'Vy Văn Khánh', phone: '' }));
    expect(none.status).toBe(422);
    const html = await none.text();
    expect(html).toContain('Nhập số điện thoại hoặc email của người tham dự');
    expect(html).toContain('Vy Văn Khánh'); // what was typed is kept
    const unknown = await staff.post(
      `/su-kien/${e.slug}/ghi-nhan`,
      participant({ name: 'Vy Văn Khánh', phone: '0912777003', project: 'khong-co-du-an-nay' }),
    );
    expect(unknown.status).toBe(422);
    expect(await unknown.text()).toContain('Không tìm thấy dự án này');
    // Recorded in the same course elsewhere (another event) the person is the same in the registry.
    const other = await course2021();
    await staff.post(`/su-kien/${other.slug}/ghi-nhan`, participant({ name: 'Lộc T. Đào', phone: '84912777002' }));
    const people = await rt.db
      .select({ personId: registration.personId })
      .from(registration)
      .where(eq(registration.phone, '0912777002'));
    expect(people).toHaveLength(2);
    expect(people[0]?.personId).toBe(people[1]?.personId);
  });

  it('a founder is still refused: “Sự kiện đã kết thúc”', async () => {
    const e = await course2021();
    const f = await signedIn('tacgia@khoa-cu.vn');
    const res = await f.post(`/su-kien/${e.slug}/dang-ky`, { name: 'Hà Văn Tú' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/su-kien/${e.slug}`);
    expect(await (await f.get(`/su-kien/${e.slug}`)).text()).toContain('Sự kiện đã kết thúc.');
    expect((await f.get(`/su-kien/${e.slug}/ghi-nhan`)).status).toBe(403);
    expect((await f.post(`/su-kien/${e.slug}/ghi-nhan`, participant())).status).toBe(403);
    await expect(
      recordPastRegistration({
        db: rt.db,
        actor: founder,
        slug: e.slug,
        input: PastRegistrationInput.parse(participant()),
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    expect(await rt.db.select().from(registration).where(eq(registration.eventId, e.id))).toHaveLength(0);
  });

  it('an event that has not ended sends staff to the ordinary form', async () => {
    const e = await newEvent(`${vn(day(5))} 08:00-11:00`);
    const staff = await signedIn('canbo@khoa-cu.vn');
    const res = await staff.get(`/su-kien/${e.slug}/ghi-nhan`);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/su-kien/${e.slug}/dang-ky`);
  });
});

describe('check-in: which session, and everyone at once', () => {
  it('the check-in page of an ended event asks for a session, then names it', async () => {
    const e = await course2021();
    const staff = await signedIn('canbo@khoa-cu.vn');
    await staff.post(`/su-kien/${e.slug}/ghi-nhan`, participant({ phone: '0912777010' }));
    const page = await (await staff.get(`/su-kien/${e.slug}/diem-danh`)).text();
    expect(page).toContain('Chọn buổi điểm danh');
    expect(page).toContain('— Chọn buổi —');
    expect(page).not.toContain('Điểm danh theo danh sách'); // nothing to tick before a session is chosen
    expect(page).not.toContain('Điểm danh tất cả');
    const s2 = e.sessions[1]?.id ?? '';
    const chosen = await (await staff.get(`/su-kien/${e.slug}/diem-danh?buoi=${s2}`)).text();
    expect(chosen).toContain('<h1>Điểm danh Buổi 2 (11/06/2021)</h1>');
    expect(chosen).toContain('Đã có mặt 0/1 người.');
    expect(chosen).toContain('Chưa điểm danh');
    expect(chosen).toContain('Điểm danh tất cả (1 người)');
  });

  it('an event running today opens on today’s session', async () => {
    const e = await newEvent(`${vn(day(-1))} 08:00-11:00\n${vn(day(0))} 08:00-11:00\n${vn(day(1))} 08:00-11:00`);
    const staff = await signedIn('canbo@khoa-cu.vn');
    const page = await (await staff.get(`/su-kien/${e.slug}/diem-danh`)).text();
    expect(page).toContain(`<h1>Điểm danh Buổi 2 (${vn(day(0))})</h1>`);
  });

  it('tick all checks in exactly the people with a seat, for the chosen session only', async () => {
    const e = await newEvent(`${vn(day(3))} 08:00-11:00\n${vn(day(4))} 08:00-11:00`, '2');
    const other = await newEvent(`${vn(day(3))} 08:00-11:00`);
    const deps = rt.deps;
    const person = (n: number) =>
      RegistrationInput.parse({
        name: `Chu Thị Lan ${n}`,
        phone: `09127770${20 + n}`,
        email: `lan${n}@khoa-cu.vn`,
        organisationType: 'individual',
        sex: 'female',
        ethnicity: 'tay',
        birthYear: '1992',
        consent: 'on',
      });
    const seats: (typeof registration.$inferSelect)[] = [];
    for (const n of [1, 2, 3])
      seats.push((await register({ deps, actor: null, slug: e.slug, input: person(n) })).registration);
    await register({ deps, actor: null, slug: other.slug, input: person(4) });
    expect(seats.map((s) => s.status)).toEqual(['confirmed', 'confirmed', 'waitlisted']);
    const [s1, s2] = e.sessions;

    const staff = await signedIn('canbo@khoa-cu.vn');
    const res = await staff.post(`/su-kien/${e.slug}/diem-danh/tat-ca`, { session: s2?.id ?? '' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/su-kien/${e.slug}/diem-danh?buoi=${s2?.id}`);
    const page = await (await staff.get(res.headers.get('location') ?? '')).text();
    expect(page).toContain(`Đã điểm danh tất cả cho Buổi 2 (${vn(day(4))}): thêm 2 người, 2/2 người có mặt.`);
    expect(page).toContain('Đã có mặt 2/2 người.');
    expect(page.match(/>Có mặt</g)).toHaveLength(2);
    expect(page).toContain('Mọi người đã đăng ký đều đã được điểm danh ở buổi này.');

    const ticked = await rt.db.select().from(attendance);
    const here = ticked.filter((a) => a.sessionId === s2?.id).map((a) => a.registrationId);
    expect(here.sort()).toEqual([seats[0]?.id, seats[1]?.id].sort());
    expect(ticked.filter((a) => a.sessionId === s1?.id)).toHaveLength(0);
    expect(ticked.some((a) => a.registrationId === seats[2]?.id)).toBe(false); // the waitlisted person

    // Again: nobody new, nothing twice.
    const again = await checkInEveryone({ db: rt.db, actor: officer, slug: e.slug, input: { session: s2?.id ?? '' } });
    expect(again.added).toBe(0);
    expect(
      await rt.db
        .select()
        .from(attendance)
        .where(eq(attendance.sessionId, s2?.id ?? '')),
    ).toHaveLength(2);
    // A session that is not the event's is a 422, and founders cannot.
    expect((await staff.post(`/su-kien/${e.slug}/diem-danh/tat-ca`, { session: 'khong-phai' })).status).toBe(422);
    const f = await signedIn('tacgia@khoa-cu.vn');
    expect((await f.post(`/su-kien/${e.slug}/diem-danh/tat-ca`, { session: s1?.id ?? '' })).status).toBe(403);
  });
});
