import { eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '#kernel/db/rows.ts';
import { AppError } from '#kernel/http/errors.ts';
import { mailOutbox } from '#kernel/mail/mail.sql.ts';
import { createProject } from '#modules/projects/index.ts';
import { createUser } from '#seed/factories.ts';
import { TestBrowser } from '#src/testing/browser.ts';
import { hostileBody, hostileForm } from '#src/testing/hostile.ts';
import { type TestRuntime, testRuntime } from '#src/testing/runtime.ts';
import { cancelBooking, createBooking, decideBooking, personalDataOf, rescheduleBooking, saveRoom } from './index.ts';

// A room cannot be double-booked whatever arrives at once: the database refuses the overlap, and
// the person refused reads which booking holds the room and when it is free that day.

let rt: TestRuntime;
const password = 'mat-khau-khong-gian';
beforeAll(async () => {
  rt = await testRuntime();
});
afterAll(async () => {
  await rt?.close();
});

async function setting(needsApproval = true) {
  const n = Math.random().toString(36).slice(2, 8);
  const officer = await createUser(rt.deps, {
    name: 'Hoàng Thị Thu Hà',
    email: `canbo.${n}@kg.vn`,
    role: 'officer',
    password,
  });
  const founder = await createUser(rt.deps, {
    name: 'Lộc Thị Hoa',
    email: `tacgia.${n}@kg.vn`,
    role: 'founder',
    password,
  });
  const other = await createUser(rt.deps, { name: 'Vi Văn Nam', email: `khac.${n}@kg.vn`, role: 'founder', password });
  const project = await createProject({
    db: rt.db,
    actor: founder,
    input: {
      name: `Miến dong Bình Gia ${n}`,
      summary: 'Miến dong thủ công đóng gói.',
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
      name: `Phòng họp ${n}`,
      kind: 'meeting_room',
      capacity: 12,
      description: '',
      needsApproval,
      maxDays: 3,
      active: true,
    },
  });
  return { officer, founder, other, project, room };
}

const ledgerOf = (bookingId: string) =>
  rows<{ status: string; started_on: string; ended_on: string; kind: string }>(
    rt.db,
    sql`select status, started_on::text, ended_on::text, kind from support where source_kind = 'booking' and source_id = ${bookingId}`,
  );

describe('bookings', () => {
  it('50 attempts at one slot at once: exactly one succeeds, the others are told what holds the room and when it is free', async () => {
    const { founder, project, room } = await setting();
    const attempt = () =>
      createBooking({
        db: rt.db,
        actor: founder,
        roomSlug: room.slug,
        baseUrl: 'http://localhost',
        input: {
          project: project.id,
          mode: 'hours',
          date: '2031-03-04',
          startTime: '09:00',
          endTime: '11:00',
          purpose: 'Họp nhóm dự án',
        },
      });
    const results = await Promise.allSettled(Array.from({ length: 50 }, attempt));
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(49);
    for (const l of lost) {
      expect(l.reason).toBeInstanceOf(AppError);
      expect(l.reason).toMatchObject({ code: 'validation', messageKey: 'spaces.error.overlap' });
      expect(l.reason.params).toMatchObject({
        from: '09:00 04/03/2031',
        to: '11:00 04/03/2031',
        free: '00:00–09:00, 11:00–24:00',
      });
    }
  });

  it('50 booking forms posted at one slot at once: one 303, 49 × 422 with the message, no 5xx', async () => {
    const { founder, project, room } = await setting();
    const b = new TestBrowser(rt.app);
    await b.signIn(founder.email, password);
    const form = {
      project: project.id,
      mode: 'hours',
      date: '2031-03-05',
      startTime: '13:30',
      endTime: '15:00',
      purpose: 'Họp nhóm dự án',
    };
    const responses = await Promise.all(
      Array.from({ length: 50 }, () => b.post(`/khong-gian/${room.slug}/dat-cho`, form)),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 303)).toHaveLength(1);
    expect(statuses.filter((s) => s === 422)).toHaveLength(49);
    const refused = responses.find((r) => r.status === 422);
    expect(await refused?.text()).toContain('Giờ còn trống ngày 05/03/2031: 00:00–13:30, 15:00–24:00');
  });

  it('the booking form refuses an overlap with 422 and a Vietnamese message naming the booking and the free times', async () => {
    const { founder, project, room } = await setting();
    const b = new TestBrowser(rt.app);
    await b.signIn(founder.email, password);
    const form = {
      project: project.id,
      mode: 'hours',
      date: '2031-05-06',
      startTime: '14:00',
      endTime: '16:00',
      purpose: 'Gặp đối tác',
    };
    const first = await b.post(`/khong-gian/${room.slug}/dat-cho`, form);
    expect(first.status).toBe(303);
    const again = await b.post(`/khong-gian/${room.slug}/dat-cho`, { ...form, startTime: '15:00', endTime: '17:00' });
    expect(again.status).toBe(422);
    const html = await again.text();
    expect(html).toContain('Phòng đã có lượt đặt từ 14:00 06/05/2031 đến 16:00 06/05/2031 (Chờ duyệt)');
    expect(html).toContain('Giờ còn trống ngày 06/05/2031: 00:00–14:00, 16:00–24:00');
    expect(html).toContain('Gặp đối tác');
    // Bad input is refused without a 5xx: reversed times, an impossible day, a stranger's project, too many days.
    for (const bad of [
      { ...form, startTime: '17:00', endTime: '15:00' },
      { ...form, date: '2022-02-30' },
      { ...form, project: '00000000-0000-0000-0000-000000000000' },
      { ...form, mode: 'days', date: '2031-01-01', endDate: '2041-01-01' },
      { ...form, mode: 'days', date: '2031-01-10', endDate: '2031-01-01' },
      { ...form, startTime: '25:00' },
      { ...form, mode: 'weeks' },
    ]) {
      const res = await b.post(`/khong-gian/${room.slug}/dat-cho`, bad);
      expect(res.status, JSON.stringify(bad)).toBe(422);
    }
  });

  it('a founder cannot book for a project that is not theirs', async () => {
    const { other, project, room } = await setting();
    await expect(
      createBooking({
        db: rt.db,
        actor: other,
        roomSlug: room.slug,
        baseUrl: 'http://localhost',
        input: { project: project.id, mode: 'days', date: '2031-07-01', purpose: 'Không phải dự án của tôi' },
      }),
    ).rejects.toMatchObject({ code: 'validation', messageKey: 'spaces.error.project' });
  });

  it('approval makes one ledger entry over the booking; cancelling marks it cancelled and frees the room; the booker is told each time', async () => {
    const { officer, founder, project, room } = await setting();
    const input = {
      project: project.id,
      mode: 'days' as const,
      date: '2031-08-10',
      endDate: '2031-08-12',
      purpose: 'Khóa tập huấn ba ngày',
    };
    const booked = await createBooking({
      db: rt.db,
      actor: founder,
      roomSlug: room.slug,
      baseUrl: 'http://localhost',
      input,
    });
    expect(booked.status).toBe('requested');
    expect(await ledgerOf(booked.id)).toHaveLength(0);
    await decideBooking({
      db: rt.db,
      actor: officer,
      id: booked.id,
      approve: true,
      reason: '',
      baseUrl: 'http://localhost',
    });
    await decideBooking({
      db: rt.db,
      actor: officer,
      id: booked.id,
      approve: true,
      reason: '',
      baseUrl: 'http://localhost',
    }).catch((e) => expect(e).toMatchObject({ code: 'conflict' }));
    expect(await ledgerOf(booked.id)).toEqual([
      { status: 'planned', started_on: '2031-08-10', ended_on: '2031-08-12', kind: 'space' },
    ]);
    // A booking of whole days is named by its days; that day has no free time left.
    await expect(
      createBooking({
        db: rt.db,
        actor: founder,
        roomSlug: room.slug,
        baseUrl: 'http://localhost',
        input: {
          ...input,
          mode: 'hours',
          date: '2031-08-11',
          endDate: undefined,
          startTime: '09:00',
          endTime: '10:00',
        },
      }),
    ).rejects.toMatchObject({
      params: { from: '10/08/2031', to: '12/08/2031', status: 'Đã duyệt', free: 'không còn giờ trống' },
    });
    await cancelBooking({ db: rt.db, actor: founder, id: booked.id, reason: 'Đổi lịch', baseUrl: 'http://localhost' });
    expect(await ledgerOf(booked.id)).toEqual([
      { status: 'cancelled', started_on: '2031-08-10', ended_on: '2031-08-12', kind: 'space' },
    ]);
    const mails = await rt.db.select().from(mailOutbox).where(eq(mailOutbox.to, founder.email));
    expect(mails.map((m) => m.subject)).toEqual(
      expect.arrayContaining([`Đã nhận yêu cầu đặt ${room.name}`, `Đã duyệt: ${room.name}`, `Đã hủy: ${room.name}`]),
    );
    // The booking is part of the booker's data download.
    const [part] = await personalDataOf(rt.db, founder.id);
    expect(part?.rows).toEqual([
      expect.objectContaining({ room: room.name, purpose: 'Khóa tập huấn ba ngày', status: 'cancelled' }),
    ]);
    // The room is free again: the same days can be booked.
    const again = await createBooking({
      db: rt.db,
      actor: founder,
      roomSlug: room.slug,
      baseUrl: 'http://localhost',
      input,
    });
    expect(again.status).toBe('requested');
  });

  it('a refusal needs a reason; a room without approval confirms at once and records the ledger entry', async () => {
    const { officer, founder, project, room } = await setting(false);
    const b = await createBooking({
      db: rt.db,
      actor: founder,
      roomSlug: room.slug,
      baseUrl: 'http://localhost',
      input: {
        project: project.id,
        mode: 'hours',
        date: '2031-09-03',
        startTime: '08:00',
        endTime: '10:30',
        purpose: 'Làm việc nhóm',
      },
    });
    expect(b.status).toBe('approved');
    expect(await ledgerOf(b.id)).toHaveLength(1);
    const ob = new TestBrowser(rt.app);
    await ob.signIn(officer.email, password);
    const res = await ob.post(`/dat-cho/${b.id}/duyet`, { decision: 'refuse', reason: '' });
    expect([409, 422]).toContain(res.status);
  });
});

describe('changing a booking', () => {
  it('staff move an approved booking: the same ledger row follows its dates; the booker may not; an overlap is refused', async () => {
    const { officer, founder, project, room } = await setting();
    const base = { db: rt.db, roomSlug: room.slug, baseUrl: 'http://localhost' };
    const first = await createBooking({
      ...base,
      actor: founder,
      input: {
        project: project.id,
        mode: 'days',
        date: '2031-12-01',
        endDate: '2031-12-02',
        purpose: 'Tập huấn hai ngày',
      },
    });
    await decideBooking({ ...base, actor: officer, id: first.id, approve: true, reason: '' });
    const second = await createBooking({
      ...base,
      actor: founder,
      input: { project: project.id, mode: 'days', date: '2031-12-10', purpose: 'Gặp nhà đầu tư' },
    });
    const { id: supportId } = (
      await rows<{ id: string }>(
        rt.db,
        sql`select id from support where source_kind = 'booking' and source_id = ${first.id}`,
      )
    )[0] ?? { id: '' };
    await expect(
      rescheduleBooking({ ...base, actor: founder, id: first.id, input: { mode: 'days', date: '2031-12-03' } }),
    ).rejects.toMatchObject({ code: 'conflict', messageKey: 'spaces.error.approvedFixed' });
    await expect(
      rescheduleBooking({
        ...base,
        actor: officer,
        id: first.id,
        input: { mode: 'days', date: '2031-12-09', endDate: '2031-12-10' },
      }),
    ).rejects.toMatchObject({ messageKey: 'spaces.error.overlap', params: { from: '10/12/2031', to: '10/12/2031' } });
    await rescheduleBooking({
      ...base,
      actor: officer,
      id: first.id,
      input: { mode: 'days', date: '2031-12-04', endDate: '2031-12-06' },
    });
    expect(await ledgerOf(first.id)).toEqual([
      { status: 'planned', started_on: '2031-12-04', ended_on: '2031-12-06', kind: 'space' },
    ]);
    const after = await rows<{ id: string }>(
      rt.db,
      sql`select id from support where source_kind = 'booking' and source_id = ${first.id}`,
    );
    expect(after.map((r) => r.id)).toEqual([supportId]);
    // The booker moves a booking still awaiting approval, through the form on its page.
    const b = new TestBrowser(rt.app);
    await b.signIn(founder.email, password);
    const page = await (await b.get(`/dat-cho/${second.id}`)).text();
    expect(page).toContain('Đổi thời gian');
    const moved = await b.post(`/dat-cho/${second.id}/doi-gio`, {
      mode: 'hours',
      date: '2031-12-11',
      startTime: '08:00',
      endTime: '11:00',
    });
    expect(moved.status).toBe(303);
    const clash = await b.post(`/dat-cho/${second.id}/doi-gio`, { mode: 'days', date: '2031-12-05' });
    expect(clash.status).toBe(422);
    expect(await clash.text()).toContain('Phòng đã có lượt đặt từ 04/12/2031 đến 06/12/2031 (Đã duyệt)');
  });
});

describe('pages', () => {
  it('staff add a room; everyone sees it and its week calendar with previous and next week', async () => {
    const { officer, founder, project, room } = await setting();
    const ob = new TestBrowser(rt.app);
    await ob.signIn(officer.email, password);
    const bad = await ob.post('/khong-gian/moi', { name: 'Ph', kind: 'castle', capacity: '-3', maxDays: '0' });
    expect(bad.status).toBe(422);
    const made = await ob.post('/khong-gian/moi', {
      name: 'Góc đọc sách tầng 2',
      kind: 'library_corner',
      capacity: '8',
      maxDays: '1',
      description: 'Sách và tài liệu tra cứu.',
      active: 'on',
    });
    expect(made.status).toBe(303);
    const anon = new TestBrowser(rt.app);
    expect(await (await anon.get('/khong-gian')).text()).toContain('Góc đọc sách tầng 2');
    // Staff name the project by pasting its page's address.
    const forProject = await ob.post(`/khong-gian/${room.slug}/dat-cho`, {
      project: `https://ketnoi.example/du-an/${project.slug}?tab=1`,
      mode: 'days',
      date: '2031-10-20',
      purpose: 'Sở KHCN đặt cho dự án',
    });
    expect(forProject.status).toBe(303);
    await createBooking({
      db: rt.db,
      actor: founder,
      roomSlug: room.slug,
      baseUrl: 'http://localhost',
      input: {
        project: project.id,
        mode: 'hours',
        date: '2031-10-08',
        startTime: '13:00',
        endTime: '15:00',
        purpose: 'Họp riêng',
      },
    });
    const week = await anon.get(`/khong-gian/${room.slug}/lich?tuan=2031-10-08`);
    expect(week.status).toBe(200);
    const html = await week.text();
    expect(html).toContain('Thứ Tư 08/10/2031');
    expect(html).toContain('13:00–15:00');
    expect(html).not.toContain('Họp riêng');
    expect(html).toContain('?tuan=2031-09-29');
    expect(html).toContain('?tuan=2031-10-13');
    expect((await anon.get(`/khong-gian/${room.slug}/lich?tuan=2031-02-30`)).status).toBe(200);
    // The same week in JSON: when the room is held, never by whom for an anonymous caller.
    const json = await anon.get(`/api/v1/rooms/${room.slug}/week?day=2031-10-08`);
    expect(json.status).toBe(200);
    const body = (await json.json()) as {
      monday: string;
      days: { day: string; bookings: { from: string; project: string }[] }[];
    };
    expect(body.monday).toBe('2031-10-06');
    expect(body.days[2]?.bookings).toEqual([{ from: '13:00', to: '15:00', status: 'requested', project: '' }]);
    expect((await anon.get('/api/v1/rooms/khong-co/week')).status).toBe(404);
    expect((await anon.get(`/api/v1/rooms/${room.slug}/week?day=2031-02-30`)).status).toBe(200);
    expect((await anon.get(`/api/v1/rooms/${room.slug}/week?day=hom-nay`)).status).toBe(422);
    const list = (await (await anon.get('/api/v1/rooms')).json()) as { items: { slug: string }[] };
    expect(list.items.map((r) => r.slug)).toContain(room.slug);
  });
});

describe('bad input on the booking form', () => {
  it('300 hostile submissions and 60 wrong ones (reversed, impossible days, ten years, other ids): never a 5xx, never a booking', async () => {
    const { founder, project, room } = await setting();
    const b = new TestBrowser(rt.app);
    await b.signIn(founder.email, password);
    const path = `/khong-gian/${room.slug}/dat-cho`;
    const fields = ['project', 'mode', 'date', 'endDate', 'startTime', 'endTime', 'purpose'] as const;
    const statuses: number[] = [];
    for (const submission of fc.sample(hostileForm(fields), { numRuns: 300, seed: 36 })) {
      const res = await b.request(path, { method: 'POST', ...hostileBody(submission, await b.csrfToken()) });
      statuses.push(res.status);
    }
    const good = {
      project: project.id,
      mode: 'hours',
      date: '2031-11-03',
      startTime: '08:00',
      endTime: '09:00',
      purpose: 'Họp nhóm',
    };
    const wrong: Record<string, string>[] = [];
    for (let i = 0; i < 12; i++) {
      const day = `2031-11-${String(10 + i).padStart(2, '0')}`;
      wrong.push(
        { ...good, date: day, startTime: '12:00', endTime: '08:00' },
        { ...good, mode: 'days', date: day, endDate: `2031-10-${String(10 + i).padStart(2, '0')}` },
        { ...good, mode: 'days', date: day, endDate: `${2041 + i}-11-01` },
        { ...good, date: `2031-02-${29 + (i % 3)}` },
        { ...good, date: day, project: i % 2 ? room.id : crypto.randomUUID() },
      );
    }
    for (const form of wrong) statuses.push((await b.post(path, form)).status);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(statuses.filter((s) => s === 303)).toEqual([]);
    const [held] = await rows<{ n: number }>(
      rt.db,
      sql`select count(*)::int as n from booking where room_id = ${room.id}`,
    );
    expect(held?.n).toBe(0);
  }, 120_000);
});
