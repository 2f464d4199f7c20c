import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '#kernel/auth/roles.ts';
import { recordSupport, supportForPerson } from '#modules/support/index.ts';
import { createUser, defaultPassword } from '#seed/factories.ts';
import { TestBrowser } from '#src/testing/browser.ts';
import { type TestRuntime, testRuntime } from '#src/testing/runtime.ts';
import { findOrCreatePerson, getPerson, listPeople, mergePeople } from './people.service.ts';
import { person } from './people.sql.ts';

let rt: TestRuntime;
let officer: Actor;
beforeAll(async () => {
  rt = await testRuntime();
  officer = await createUser(rt.deps, { name: 'Cán bộ', email: 'canbo@people.vn', role: 'officer' });
  await createUser(rt.deps, { name: 'Tác giả', email: 'tacgia@people.vn' });
}, 300_000);
afterAll(() => rt.close());

describe('the people registry', () => {
  it('the same phone, however written, or the same e-mail is the same person; missing facts are filled in', async () => {
    const a = await rt.db.transaction((tx) =>
      findOrCreatePerson(tx, { fullName: 'Vi Thị Hồng Nhung', phone: '0912 345 678' }),
    );
    const b = await rt.db.transaction((tx) =>
      findOrCreatePerson(tx, {
        fullName: 'Vi Thi Hong Nhung',
        phone: '+84 912 345 678',
        email: 'Nhung@Vi-Du.vn',
        sex: 'female',
        birthYear: 1990,
      }),
    );
    const c = await rt.db.transaction((tx) => findOrCreatePerson(tx, { fullName: 'Hồng Nhung', phone: '84912345678' }));
    const d = await rt.db.transaction((tx) =>
      findOrCreatePerson(tx, { fullName: 'H. Nhung', email: 'nhung@vi-du.vn ' }),
    );
    expect(new Set([a.id, b.id, c.id, d.id]).size).toBe(1);
    const stored = await getPerson({ db: rt.db, actor: officer, id: a.id });
    expect(stored).toMatchObject({
      fullName: 'Vi Thị Hồng Nhung',
      phone: '0912345678',
      email: 'nhung@vi-du.vn',
      sex: 'female',
      birthYear: 1990,
    });
    const other = await rt.db.transaction((tx) => findOrCreatePerson(tx, { fullName: 'Vi Thị Hồng Nhung' }));
    expect(other.id).not.toBe(a.id);
  });

  it('merging moves the support to the person kept and leaves a pointer behind', async () => {
    const keep = await rt.db.transaction((tx) =>
      findOrCreatePerson(tx, { fullName: 'Nông Văn Thuận', phone: '0987000111' }),
    );
    const gone = await rt.db.transaction((tx) =>
      findOrCreatePerson(tx, {
        fullName: 'Nông Văn Thuận',
        phone: '0987000222',
        email: 'thuan@vi-du.vn',
        birthYear: 1985,
      }),
    );
    await recordSupport({
      db: rt.db,
      actor: officer,
      input: {
        personId: gone.id,
        kind: 'training',
        title: 'Tập huấn sở hữu trí tuệ',
        providerKind: 'organisation',
        providerName: 'Sở KHCN',
        startedOn: '2021-09-22',
        status: 'done',
        source: { kind: 'manual', id: 'people-test-1' },
      },
    });
    const merged = await mergePeople(rt.db, officer, keep.id, gone.id);
    expect(merged).toMatchObject({ phone: '0987000111', email: 'thuan@vi-du.vn', birthYear: 1985 });
    expect((await supportForPerson(rt.db, keep.id)).map((s) => s.title)).toEqual(['Tập huấn sở hữu trí tuệ']);
    expect(await supportForPerson(rt.db, gone.id)).toEqual([]);
    const [after] = await rt.db.select().from(person).where(eq(person.id, gone.id));
    expect(after?.mergedInto).toBe(keep.id);
    const { items } = await listPeople({
      db: rt.db,
      actor: officer,
      q: 'nong van thuan',
      page: { page: 1, perPage: 10, offset: 0 },
    });
    expect(items.map((p) => p.id)).toEqual([keep.id]);
    await expect(mergePeople(rt.db, officer, keep.id, gone.id)).rejects.toMatchObject({ code: 'conflict' });
  });

  it('staff find people and merge them through the pages; founders cannot see them', async () => {
    const staff = new TestBrowser(rt.app);
    await staff.signIn('canbo@people.vn', defaultPassword);
    const list = await (await staff.get('/quan-ly/nguoi?q=hong+nhung')).text();
    expect(list).toContain('Vi Thị Hồng Nhung');
    expect(await (await staff.get('/quan-ly/nguoi?q=khong+co+ai')).text()).toContain('Không có kết quả');
    const a = await rt.db.transaction((tx) =>
      findOrCreatePerson(tx, { fullName: 'Lăng Thị Mai', phone: '0911000001' }),
    );
    const b = await rt.db.transaction((tx) =>
      findOrCreatePerson(tx, { fullName: 'Lăng Thị Mai', phone: '0911000002' }),
    );
    const form = await (await staff.get(`/quan-ly/nguoi/${b.id}/gop`)).text();
    expect(form).toContain('0911000001');
    const unconfirmed = await staff.post(`/quan-ly/nguoi/${b.id}/gop`, { keep: a.id });
    expect(unconfirmed.status).toBe(422);
    expect(await unconfirmed.text()).toContain('Hãy đánh dấu ô xác nhận');
    const done = await staff.post(`/quan-ly/nguoi/${b.id}/gop`, { keep: a.id, confirm: 'on' });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe(`/quan-ly/nguoi/${a.id}`);
    const page = await (await staff.get(`/quan-ly/nguoi/${a.id}`)).text();
    expect(page).toContain('0911000001');
    const founder = new TestBrowser(rt.app);
    await founder.signIn('tacgia@people.vn', defaultPassword);
    expect((await founder.get('/quan-ly/nguoi')).status).toBe(403);
  });
});
