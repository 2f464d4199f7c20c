import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '#kernel/auth/roles.ts';
import { todayInVietnam } from '#kernel/i18n/index.ts';
import { createUser } from '#seed/factories.ts';
import { type TestRuntime, testRuntime } from '#src/testing/runtime.ts';
import { EventInput, RegistrationInput } from '../events.schemas.ts';
import { register } from '../registrations/registrations.service.ts';
import { createEvent } from './events.service.ts';

// What the calendar and the API say about seats is what the registrations hold: a full event with
// people waiting is full, not "1 seat left"; an event with free seats shows how many.

let rt: TestRuntime;
let officer: Actor;

/** A day counted from today in Vietnam (the server's calendar day), as yyyy-mm-dd. */
const day = (days: number) => todayInVietnam(new Date(Date.now() + days * 86_400_000));
const vn = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

async function eventWith(title: string, capacity: number, registrants: number) {
  const e = await createEvent({
    db: rt.db,
    actor: officer,
    input: EventInput.parse({
      kind: 'course',
      title,
      description: 'Khóa tập huấn cho tác giả, nhóm tác giả.',
      organiser: 'Sở Khoa học và Công nghệ tỉnh Lạng Sơn',
      venue: 'Hội trường khu làm việc chung',
      sessions: `${vn(day(20))} 08:00-11:30`,
      capacity: String(capacity),
      audience: 'public',
      certificatePercent: '80',
      published: 'on',
    }),
  });
  const tag = Math.random().toString(36).slice(2, 8);
  for (let n = 1; n <= registrants; n++)
    await register({
      deps: rt.deps,
      actor: null,
      slug: e.slug,
      input: RegistrationInput.parse({
        name: `Lục Thị Hoa ${n}`,
        phone: `09${String(n).padStart(8, '0')}`,
        email: `hoa${n}.${tag}@vi-du.vn`,
        commune: 'that-khe',
        organisation: 'Hợp tác xã Na sạch',
        organisationType: 'cooperative',
        sex: 'female',
        ethnicity: 'tay',
        birthYear: '1990',
        consent: 'on',
      }),
    });
  return e;
}

/** The calendar card of one event: its list item on /su-kien. */
async function calendarCard(title: string): Promise<string> {
  const html = await (await rt.app.request('/su-kien')).text();
  const card = html.split('<li').find((li) => li.includes(title));
  if (!card) throw new Error(`no calendar card for ${title}`);
  return card.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}

interface ApiEvent {
  id: string;
  title: string;
  capacity: number;
  seatsTaken: number;
  waitlisted?: number;
}

async function fromApi(title: string): Promise<ApiEvent> {
  const { items } = (await (await rt.app.request('/api/v1/events')).json()) as { items: ApiEvent[] };
  const found = items.find((e) => e.title === title);
  if (!found) throw new Error(`${title} not in the API`);
  return found;
}

beforeAll(async () => {
  rt = await testRuntime();
  officer = await createUser(rt.deps, { name: 'Hoàng Thị Thu Hà', email: 'canbo@cho-ngoi.vn', role: 'officer' });
});
afterAll(() => rt.close());

describe('seats on the calendar and in the API', () => {
  it('a full event with people waiting: every seat taken, shown as full, the waitlist counted', async () => {
    const title = 'Tập huấn đăng ký nhãn hiệu tập thể';
    await eventWith(title, 3, 7);
    const listed = await fromApi(title);
    expect([listed.capacity, listed.seatsTaken]).toEqual([3, 3]);
    const detail = (await (await rt.app.request(`/api/v1/events/${listed.id}`)).json()) as ApiEvent;
    expect([detail.seatsTaken, detail.waitlisted]).toEqual([3, 4]);
    const card = await calendarCard(title);
    expect(card).toContain('Đã hết chỗ');
    expect(card).not.toMatch(/Còn \d+ chỗ/);
  });

  it('an event with free seats: the seats taken and the seats left are the true ones', async () => {
    const title = 'Hội thảo bán hàng trên sàn thương mại điện tử';
    await eventWith(title, 5, 2);
    expect((await fromApi(title)).seatsTaken).toBe(2);
    const card = await calendarCard(title);
    expect(card).toContain('Còn 3 chỗ');
    expect(card).not.toContain('Đã hết chỗ');
  });
});
