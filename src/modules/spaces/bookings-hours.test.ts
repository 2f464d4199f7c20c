import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '#kernel/db/rows.ts';
import { AppError } from '#kernel/http/errors.ts';
import { createProject } from '#modules/projects/index.ts';
import { createUser } from '#seed/factories.ts';
import { TestBrowser } from '#src/testing/browser.ts';
import { hostileJson } from '#src/testing/hostile.ts';
import { type TestRuntime, testRuntime } from '#src/testing/runtime.ts';
import { holidaysOf, lunarToSolar } from './hours-opening.ts';
import { createBooking, saveRoom } from './index.ts';

// Opening hours, closed days and holidays refuse a booking with a message saying why; a weekly
// series is booked whole or not at all; calendars, feeds and occupancy read the same bookings.

let rt: TestRuntime;
const password = 'mat-khau-gio-mo-cua';
beforeAll(async () => {
  rt = await testRuntime();
});
afterAll(async () => {
  await rt?.close();
});

async function setting(extra: Parameters<typeof saveRoom>[0]['input'] extends infer I ? Partial<I> : never = {}) {
  const n = Math.random().toString(36).slice(2, 8);
  const officer = await createUser(rt.deps, {
    name: 'Hoàng Thu Hà',
    email: `cb.${n}@kg.vn`,
    role: 'officer',
    password,
  });
  const founder = await createUser(rt.deps, { name: 'Lộc Hoa', email: `tg.${n}@kg.vn`, role: 'founder', password });
  const project = await createProject({
    db: rt.db,
    actor: founder,
    input: {
      name: `Trà hoa vàng ${n}`,
      summary: 'Trà hoa vàng Bình Liêu.',
      description: '',
      type: 'product',
      field: 'food',
      stage: 'market',
      commune: 'binh-gia',
      members: [],
      needs: ['space'],
      awards: [],
      links: [],
      consentToPublish: true,
      isPublic: true,
    },
  });
  const room = await saveRoom({
    db: rt.db,
    actor: officer,
    input: {
      name: `Phòng làm việc ${n}`,
      kind: 'workroom',
      capacity: 20,
      description: '',
      needsApproval: false,
      maxDays: 14,
      active: true,
      weeklyHours: [0, 1, 2, 3, 4, 5, 6].map((i) => (i < 5 ? { from: '07:30', to: '17:00' } : null)),
      closedDays: [{ day: '2031-12-24', note: 'Bảo trì điện' }],
      ...extra,
    },
  });
  const book = (input: Record<string, string | string[]>, actor = founder) =>
    createBooking({
      db: rt.db,
      actor,
      roomSlug: room.slug,
      baseUrl: 'http://localhost',
      input: { project: project.id, mode: 'hours', purpose: 'Làm việc nhóm', date: '', ...input } as never,
    });
  return { officer, founder, project, room, book };
}

async function refusal(p: Promise<unknown>): Promise<string> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  const e = error as AppError;
  expect(e.code).toBe('validation');
  const { translator } = await import('#kernel/i18n/index.ts');
  return translator('vi')(e.messageKey, e.params);
}

describe('public holidays', () => {
  it('Tết follows the Vietnamese lunar calendar (UTC+7), which differs from the Chinese one in some years', () => {
    expect(lunarToSolar(1, 1, 2022)).toBe('2022-02-01');
    expect(lunarToSolar(1, 1, 2007)).toBe('2007-02-17');
    expect(lunarToSolar(1, 1, 1985)).toBe('1985-01-21');
    const y2022 = holidaysOf(2022);
    for (const d of ['2022-01-31', '2022-02-01', '2022-02-04']) expect(y2022.get(d)).toBe('tet');
    expect(y2022.get('2022-04-10')).toBe('hungKings');
    expect(y2022.get('2022-09-02')).toBe('national');
    expect(y2022.get('2022-06-20')).toBeUndefined();
  });
});

describe('opening hours', () => {
  it('refuses a weekend, a holiday, a closed day and a time outside hours, saying why; a time within hours passes', async () => {
    const { book } = await setting();
    expect(await refusal(book({ date: '2031-12-06', startTime: '08:00', endTime: '09:00' }))).toContain(
      'không mở cửa Thứ Bảy',
    );
    expect(await refusal(book({ date: '2031-04-30', startTime: '08:00', endTime: '09:00' }))).toContain(
      'Ngày Giải phóng miền Nam',
    );
    expect(await refusal(book({ date: '2031-01-23', startTime: '08:00', endTime: '09:00' }))).toContain(
      'Tết Nguyên đán',
    );
    expect(await refusal(book({ date: '2031-12-24', startTime: '08:00', endTime: '09:00' }))).toContain('Bảo trì điện');
    expect(await refusal(book({ date: '2031-12-03', startTime: '06:00', endTime: '09:00' }))).toContain(
      'mở cửa từ 07:30 đến 17:00',
    );
    // Whole days over a weekend: refused on its first closed day.
    expect(await refusal(book({ mode: 'days', date: '2031-12-04', endDate: '2031-12-08' }))).toContain('06/12/2031');
    const ok = await book({ date: '2031-12-03', startTime: '07:30', endTime: '17:00' });
    expect(ok.status).toBe('approved');
  });

  it('a refused overlap names the free times within opening hours, less the buffer', async () => {
    const { book } = await setting({ bufferMinutes: 30 });
    await book({ date: '2031-12-10', startTime: '09:00', endTime: '11:00' });
    const message = await refusal(book({ date: '2031-12-10', startTime: '11:00', endTime: '12:00' }));
    expect(message).toContain('Giờ còn trống ngày 10/12/2031: 07:30–08:30, 11:30–17:00');
    expect(message).toContain('trống 30 phút');
    expect((await book({ date: '2031-12-10', startTime: '11:30', endTime: '12:00' })).status).toBe('approved');
  });

  it('a room for staff only refuses a founder', async () => {
    const { book, officer, project } = await setting({ bookers: [] });
    expect(await refusal(book({ date: '2031-12-03', startTime: '08:00', endTime: '09:00' }))).toContain(
      'không nhận đặt chỗ',
    );
    const byStaff = await book(
      { project: project.id, date: '2031-12-03', startTime: '08:00', endTime: '09:00' },
      officer,
    );
    expect(byStaff.status).toBe('approved');
  });
});

describe('weekly series', () => {
  it('one booking row per week until the day, less the days skipped; a taken or shut day refuses the whole series naming the days', async () => {
    const { book, room, officer, project } = await setting({ needsApproval: true });
    const weekly = { date: '2031-11-05', startTime: '14:00', endTime: '16:00', repeatUntil: '2031-12-31' };
    // 24/12 is a closed day: the series is refused, naming it, and nothing is booked.
    expect(await refusal(book(weekly))).toContain('24/12/2031');
    // 05/11 … 31/12 is 9 Wednesdays, less 19/11 and 24/12 skipped.
    const series = await book({ ...weekly, skip: ['2031-11-19', '2031-12-24'] });
    const [{ n } = { n: 0 }] = await rows<{ n: number }>(
      rt.db,
      sql`select count(*)::int as n from booking where room_id = ${room.id} and series_id is not null`,
    );
    expect(n).toBe(series.occurrences);
    expect(series.occurrences).toBe(7);
    expect(series.status).toBe('requested');
    // A second series meeting two of those days: refused whole, naming them.
    const message = await refusal(
      book(
        { project: project.id, date: '2031-11-26', startTime: '15:00', endTime: '17:00', repeatUntil: '2031-12-03' },
        officer,
      ),
    );
    expect(message).toContain('26/11/2031');
    expect(message).toContain('03/12/2031');
    const [{ n: after } = { n: 0 }] = await rows<{ n: number }>(
      rt.db,
      sql`select count(*)::int as n from booking where room_id = ${room.id}`,
    );
    expect(after).toBe(7);
  });
});

describe('calendars, feeds and occupancy', () => {
  it('day, week and month views, the whole space, the .ics feeds and the occupancy page show the same bookings', async () => {
    const { book, room, officer, founder } = await setting();
    const b = await book({ date: '2031-12-09', startTime: '08:00', endTime: '12:30' });
    const anon = new TestBrowser(rt.app);
    const day = await (await anon.get(`/khong-gian/${room.slug}/lich?xem=ngay&ngay=2031-12-09`)).text();
    expect(day).toContain('08:00–12:30');
    expect(day).toContain('Mở cửa 07:30–17:00');
    const month = await (await anon.get(`/khong-gian/${room.slug}/lich?xem=thang&thang=2031-12`)).text();
    expect(month).toContain('Xem ngày 09/12/2031: 1 lượt đặt');
    expect(month).toContain('Nghỉ'); // weekends and 24/12
    expect((await anon.get(`/khong-gian/${room.slug}/lich?xem=thang&thang=2031-13`)).status).toBe(200);
    const space = await (await anon.get('/khong-gian/lich?xem=ngay&ngay=2031-12-09')).text();
    expect(space).toContain(room.name);
    const ics = await anon.get(`/khong-gian/${room.slug}/lich.ics`);
    expect(ics.headers.get('content-type')).toContain('text/calendar');
    const fb = new TestBrowser(rt.app);
    await fb.signIn(founder.email, password);
    const list = await (await fb.get('/dat-cho')).text();
    const feed = list.match(/\/dat-cho\/lich\/[^"<]+\.ics/)?.[0] ?? '';
    expect(feed).not.toBe('');
    const mine = await (await anon.get(feed)).text();
    expect(mine).toContain('BEGIN:VEVENT');
    expect(mine).toContain('Làm việc nhóm');
    expect((await anon.get(feed.replace(/.{4}\.ics$/, 'AAAA.ics'))).status).toBe(404);
    const ob = new TestBrowser(rt.app);
    await ob.signIn(officer.email, password);
    const occupancy = await (await ob.get('/khong-gian/cong-suat?thang=2031-12')).text();
    expect(occupancy).toContain(room.name);
    const json = (await (await ob.get('/api/v1/occupancy?month=2031-12')).json()) as {
      rooms: { room: string; hoursBooked: number; hoursOpen: number }[];
    };
    const mineRow = json.rooms.find((r) => r.room === room.slug);
    // December 2031 has 23 weekdays; less the closed 24/12, 22 days of 9.5 hours.
    expect(mineRow?.hoursBooked).toBe(4.5);
    expect(mineRow?.hoursOpen).toBe(22 * 9.5);
    expect(b.status).toBe('approved');
  });
});

describe('the booking API', () => {
  it('books with JSON; 300 hostile bodies and wrong ones (reversed, 2022-02-30, ten years, other rooms) get no 5xx and book nothing', async () => {
    const { founder, project, room } = await setting();
    const b = new TestBrowser(rt.app);
    await b.signIn(founder.email, password);
    const token = await b.csrfToken();
    const post = (body: string) =>
      b.request(`/api/v1/rooms/${room.slug}/bookings`, {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json', 'x-csrf-token': token },
      });
    const statuses: number[] = [];
    const fields = ['project', 'mode', 'date', 'endDate', 'startTime', 'endTime', 'purpose', 'repeatUntil', 'skip'];
    for (const json of fc.sample(hostileJson(fields), { numRuns: 300, seed: 40 }))
      statuses.push((await post(json)).status);
    const good = {
      project: project.id,
      mode: 'hours',
      date: '2031-12-15',
      startTime: '08:00',
      endTime: '09:00',
      purpose: 'Họp nhóm',
    };
    const wrong = [
      { ...good, startTime: '12:00', endTime: '08:00' },
      { ...good, mode: 'days', endDate: '2031-12-01' },
      { ...good, date: '2022-02-30' },
      { ...good, mode: 'days', endDate: '2041-12-15' },
      { ...good, repeatUntil: '2041-12-15' },
      { ...good, repeatUntil: '2031-12-10' },
      { ...good, skip: '31/02/2031' },
      { ...good, project: room.id },
      { ...good, date: '2031-12-13' },
    ];
    for (const w of wrong) statuses.push((await post(JSON.stringify(w))).status);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(statuses.filter((s) => s === 201)).toEqual([]);
    const [{ n } = { n: 1 }] = await rows<{ n: number }>(
      rt.db,
      sql`select count(*)::int as n from booking where room_id = ${room.id}`,
    );
    expect(n).toBe(0);
    const ok = await post(JSON.stringify(good));
    expect(ok.status).toBe(201);
    const other = await b.request('/api/v1/rooms/khong-co/bookings', {
      method: 'POST',
      body: JSON.stringify(good),
      headers: { 'content-type': 'application/json', 'x-csrf-token': token },
    });
    expect(other.status).toBe(404);
  }, 120_000);
});
