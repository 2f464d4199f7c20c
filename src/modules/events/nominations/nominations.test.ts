import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '#kernel/auth/roles.ts';
import { mailOutbox } from '#kernel/mail/mail.sql.ts';
import { createProject } from '#modules/projects/index.ts';
import { ledgerEntries } from '#modules/support/index.ts';
import { createUser } from '#seed/factories.ts';
import { TestBrowser } from '#src/testing/browser.ts';
import { type TestRuntime, testRuntime } from '#src/testing/runtime.ts';
import { nomination } from '../events.sql.ts';
import { createExternalEvent, nominate } from './nominations.service.ts';

// Two officers nominating projects to one national event, or recording one nomination's results,
// at the same moment. Each command locks what it decides on: on PostgreSQL (TEST_DATABASE_URL) the
// second waits for the first; on PGlite the two are serialised. A project is nominated once, with
// one ledger line and one mail per team member, and nobody's results are silently overwritten.

let rt: TestRuntime;
const password = 'mat-khau-de-cu';
let lan: Actor;
let tuan: Actor;
const projects: Record<'mien' | 'na' | 'hoi', string> = {} as never;

async function newProject(founder: Actor, name: string): Promise<string> {
  const p = await createProject({
    db: rt.db,
    actor: founder,
    input: {
      name,
      summary: `${name} làm thủ công tại xã.`,
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
  return p.id;
}

async function signedIn(email: string) {
  const b = new TestBrowser(rt.app);
  await b.signIn(email, password);
  return b;
}

async function nationalEvent(title: string) {
  return createExternalEvent({
    db: rt.db,
    actor: lan,
    input: {
      kind: 'event',
      title,
      organiser: 'Bộ Khoa học và Công nghệ',
      place: 'Hà Nội',
      startsOn: '2026-12-18',
      endsOn: '2026-12-20',
      description: '',
      url: '',
    },
  });
}

const nominationsOf = (externalEventId: string) =>
  rt.db.select().from(nomination).where(eq(nomination.externalEventId, externalEventId));

const mailsAbout = async (to: string, title: string) =>
  (await rt.db.select().from(mailOutbox).where(eq(mailOutbox.to, to))).filter((m) => m.subject.includes(title));

beforeAll(async () => {
  rt = await testRuntime();
  lan = await createUser(rt.deps, { name: 'Hoàng Thị Lan', email: 'lan@de-cu.vn', password, role: 'officer' });
  tuan = await createUser(rt.deps, { name: 'Lương Văn Tuấn', email: 'tuan@de-cu.vn', password, role: 'officer' });
  const founders = await Promise.all(
    ['mien', 'na', 'hoi'].map((k) =>
      createUser(rt.deps, { name: `Tác giả ${k}`, email: `${k}@de-cu.vn`, password, role: 'founder' }),
    ),
  );
  projects.mien = await newProject(founders[0] as Actor, 'Miến dong Bình Gia');
  projects.na = await newProject(founders[1] as Actor, 'Na sạch Chi Lăng');
  projects.hoi = await newProject(founders[2] as Actor, 'Hoa hồi Văn Quan');
});
afterAll(() => rt.close());

describe('two officers nominate to one event at once', () => {
  it('the same project: nominated once, one ledger line, its team mailed once', async () => {
    const ext = await nationalEvent('Techfest quốc gia 2026');
    const nominateAs = (actor: Actor, message: string) =>
      nominate({ deps: rt.deps, actor, slug: ext.slug, input: { projects: [projects.mien], message } });
    const results = await Promise.all([
      nominateAs(lan, 'Mời nhóm mang miến dong tới khu trưng bày của tỉnh.'),
      nominateAs(tuan, 'Đề nghị nhóm chuẩn bị hồ sơ tham gia Techfest.'),
    ]);
    // One of them nominated it; the other was told it was nominated already.
    expect(results.map((r) => r.created).sort()).toEqual([0, 1]);
    expect(results.map((r) => r.skipped).sort()).toEqual([0, 1]);
    const rows = await nominationsOf(ext.id);
    expect(rows.map((n) => n.projectId)).toEqual([projects.mien]);
    expect(await ledgerEntries(rt.db, { sourceKind: 'nomination', sourceId: rows[0]?.id })).toHaveLength(1);
    const mails = await mailsAbout('mien@de-cu.vn', 'Techfest quốc gia 2026');
    expect(mails).toHaveLength(1);
    expect(mails[0]?.text).toContain(rows[0]?.message);
  });

  it('lists that overlap, sent from the page: every project nominated once, each team mailed once', async () => {
    const ext = await nationalEvent('Ngày hội Khởi nghiệp quốc gia 2026');
    const [a, b] = await Promise.all([signedIn('lan@de-cu.vn'), signedIn('tuan@de-cu.vn')]);
    const sent = await Promise.all([
      a.post(`/su-kien-ngoai/${ext.slug}/de-cu`, {
        projects: [projects.mien, projects.na],
        message: 'Mời nhóm tham gia Ngày hội.',
      }),
      b.post(`/su-kien-ngoai/${ext.slug}/de-cu`, {
        projects: [projects.na, projects.hoi],
        message: 'Mời nhóm tham gia Ngày hội.',
      }),
    ]);
    expect(sent.map((r) => r.status)).toEqual([303, 303]);
    const rows = await nominationsOf(ext.id);
    expect(rows.map((n) => n.projectId).sort()).toEqual([projects.mien, projects.na, projects.hoi].sort());
    for (const to of ['mien@de-cu.vn', 'na@de-cu.vn', 'hoi@de-cu.vn'])
      expect(await mailsAbout(to, 'Ngày hội Khởi nghiệp quốc gia 2026')).toHaveLength(1);
    const page = await (await a.get(`/su-kien-ngoai/${ext.slug}`)).text();
    expect(page.match(/Cập nhật tình trạng, kết quả/g)).toHaveLength(3);
  });
});

describe('two officers record one nomination’s results at once', () => {
  it('both from the same page: one is saved, the other is shown the new results (409), nothing mixed', async () => {
    const ext = await nationalEvent('Chợ phiên nông sản OCOP 2026');
    await nominate({ deps: rt.deps, actor: lan, slug: ext.slug, input: { projects: [projects.hoi], message: '' } });
    const [n] = await nominationsOf(ext.id);
    const path = `/su-kien-ngoai/${ext.slug}`;
    const [a, b] = await Promise.all([signedIn('lan@de-cu.vn'), signedIn('tuan@de-cu.vn')]);
    // Both open the page; the form says which version of the nomination it shows.
    const seen = /name="seen" value="([^"]+)"/.exec(await (await a.get(path)).text())?.[1] ?? '';
    expect(seen).not.toBe('');
    expect(/name="seen" value="([^"]+)"/.exec(await (await b.get(path)).text())?.[1]).toBe(seen);

    const attended = { status: 'attended', award: 'Giải Nhì', contacts: '6', notes: 'Gặp 3 nhà phân phối.', seen };
    const declined = { status: 'declined', notes: 'Nhóm bận mùa thu hoạch hồi.', seen };
    const sent = await Promise.all([
      a.post(`${path}/de-cu/${n?.id}`, attended),
      b.post(`${path}/de-cu/${n?.id}`, declined),
    ]);
    expect(sent.map((r) => r.status).sort()).toEqual([303, 409]);
    const refused = sent.find((r) => r.status === 409);
    const html = (await refused?.text()) ?? '';
    expect(html).toContain('vừa được người khác cập nhật trong lúc bạn đang xem');

    const won = sent[0]?.status === 303 ? attended : declined;
    const [after] = await rt.db
      .select()
      .from(nomination)
      .where(and(eq(nomination.externalEventId, ext.id), eq(nomination.id, n?.id ?? '')));
    expect([after?.status, after?.award, after?.notes]).toEqual([
      won.status,
      won === attended ? 'Giải Nhì' : '',
      won.notes,
    ]);
    const ledger = await ledgerEntries(rt.db, { sourceKind: 'nomination', sourceId: n?.id });
    expect(ledger).toHaveLength(1);
    expect(ledger[0]?.status).toBe(won === attended ? 'done' : 'cancelled');
    // The refused officer's page shows the version now stored: saving it again applies.
    const fresh = /name="seen" value="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(fresh).not.toBe(seen);
    const loser = sent[0]?.status === 303 ? b : a;
    const again = await loser.post(`${path}/de-cu/${n?.id}`, {
      ...(won === attended ? declined : attended),
      seen: fresh,
    });
    expect(again.status).toBe(303);
  });
});
