import { and, asc, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '#kernel/audit/audit.sql.ts';
import { user } from '#kernel/auth/auth.sql.ts';
import { translator } from '#kernel/i18n/index.ts';
import { saveOwnProfile } from '#modules/experts/index.ts';
import { createPartner } from '#modules/partners/index.ts';
import { indicators } from '#modules/reports/index.ts';
import { createUser } from '#seed/factories.ts';
import { TestBrowser } from '#src/testing/browser.ts';
import { type TestRuntime, testRuntime } from '#src/testing/runtime.ts';

// A staff script brings in past consulting through the JSON API with a personal token: projects
// with their teams, engagements, their sessions, their close. The token is made on the account
// page, acts with its owner's role of the moment, and every call is in the audit log.

let rt: TestRuntime;
const password = 'mat-khau-api-token';
const ids = { expert: '', expertSlug: '', partnerId: '', partnerSlug: '' };
const tokens = { officer: '', founder: '', reader: '' };

async function as(email: string) {
  const b = new TestBrowser(rt.app);
  await b.signIn(email, password);
  return b;
}

/** A new token made the way a person makes one: on the account page, read from the page shown once. */
async function newToken(b: TestBrowser, name: string, scope: 'read' | 'write') {
  const res = await b.post('/tai-khoan/ma-api', { name, scope });
  expect(res.status).toBe(200);
  const token = /kn_[A-Za-z0-9_-]{43}/.exec(await res.text())?.[0];
  if (!token) throw new Error('no token on the page');
  return token;
}

/** A script's call: the token in the Authorization header, no cookie, no CSRF token. */
function call(token: string, method: string, path: string, body?: unknown) {
  return rt.app.request(path, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function consultedIn2022() {
  const consulted = indicators.find((i) => i.id === 'du-an-duoc-tu-van');
  if (!consulted) throw new Error('no such indicator');
  return (await consulted.compute(rt.db, { from: '2022-01-01', to: '2022-12-31' }, translator('vi'))).value;
}

const project = (n: number) => ({
  name: `Dự án nhập bằng API số ${n}`,
  summary: 'Một dự án được tư vấn năm 2022, nhập từ danh sách Excel.',
  type: 'product',
  field: 'food',
  stage: 'prototype',
  commune: 'that-khe',
  members: ['Nông Văn Tài', 'founder@api.vn'],
  needs: ['consulting_ip', 'consulting_standards'],
  awards: ['2021 - Giải Ba cuộc thi KNĐMST tỉnh'],
  consentToPublish: true,
  isPublic: true,
});

beforeAll(async () => {
  rt = await testRuntime();
  const officer = await createUser(rt.deps, {
    name: 'Hoàng Minh Đức',
    email: 'officer@api.vn',
    password,
    role: 'officer',
  });
  await createUser(rt.deps, { name: 'Hoàng Thị Nhung', email: 'founder@api.vn', password, role: 'founder' });
  const expert = await createUser(rt.deps, { name: 'Đỗ Văn Hải', email: 'expert@api.vn', password, role: 'expert' });
  await saveOwnProfile({
    db: rt.db,
    actor: expert,
    input: {
      name: 'Luật sư Đỗ Văn Hải',
      headline: 'Tư vấn đăng ký nhãn hiệu',
      organisation: '',
      bio: '',
      specialties: ['trademark_ip'],
      fields: [],
      communes: [],
      anywhere: true,
      isPublic: true,
    },
  });
  ids.expert = expert.id;
  const partner = await createPartner({
    db: rt.db,
    actor: officer,
    input: {
      name: 'Siêu thị Bắc Tôm',
      slug: '',
      kind: 'distributor',
      summary: 'Chuỗi siêu thị thực phẩm sạch ở Hà Nội.',
      description: '',
      offers: [],
      fields: [],
      communes: [],
      anywhere: true,
      address: '',
      website: '',
      contactName: '',
      contactPhone: '',
      contactEmail: 'lienhe@bactom.vn',
      isPublic: true,
    },
  });
  ids.partnerId = partner.id;
  ids.partnerSlug = partner.slug;
  const experts = (await (await rt.app.request('/api/v1/experts')).json()) as { items: { id: string; slug: string }[] };
  ids.expertSlug = experts.items.find((e) => e.id === expert.id)?.slug ?? '';
  tokens.officer = await newToken(await as('officer@api.vn'), 'Nhập dự án 2022', 'write');
  tokens.founder = await newToken(await as('founder@api.vn'), 'Đọc dự án của tôi', 'write');
  tokens.reader = await newToken(await as('officer@api.vn'), 'Chỉ đọc báo cáo', 'read');
});
afterAll(() => rt.close());

describe('API tokens and staff writes', () => {
  it('the account page lists a token by name and scope, never the token itself', async () => {
    const html = await (await (await as('officer@api.vn')).get('/tai-khoan')).text();
    expect(html).toContain('Nhập dự án 2022');
    expect(html).toContain('Đọc và ghi');
    expect(html).toContain('Chỉ đọc');
    expect(html).not.toContain(tokens.officer);
    expect(html).toContain(tokens.officer.slice(0, 7));
  });

  it('a nameless token is refused at the field, with what was typed kept', async () => {
    const res = await (await as('officer@api.vn')).post('/tai-khoan/ma-api', { name: '', scope: 'admin' });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('error-summary');
    expect(html).toContain('f-name-token');
  });

  it('a staff script creates 5 projects with their consulting, and the report counts 5 more consulted projects', async () => {
    const before = await consultedIn2022();
    for (let n = 1; n <= 5; n++) {
      const created = await call(tokens.officer, 'POST', '/api/v1/projects', project(n));
      expect(created.status).toBe(201);
      const p = (await created.json()) as { id: string; slug: string };
      const engaged = await call(tokens.officer, 'POST', '/api/v1/engagements', {
        // by account id for some, by profile slug for the others; the project by id or slug
        expert: n % 2 ? ids.expert : ids.expertSlug,
        project: n % 2 ? p.id : p.slug,
        topic: 'Đăng ký nhãn hiệu và công bố tiêu chuẩn',
        brief: 'Tư vấn năm 2022, nhập lại từ sổ theo dõi.',
        acceptedOn: '2022-03-01',
      });
      expect(engaged.status).toBe(201);
      const e = (await engaged.json()) as { id: string; status: string };
      expect(e.status).toBe('active');
      for (const heldOn of ['2022-03-10', '2022-04-12']) {
        const logged = await call(tokens.officer, 'POST', `/api/v1/engagements/${e.id}/sessions`, {
          heldOn,
          hours: 2,
          summary: 'Rà soát hồ sơ nhãn hiệu và mẫu nhãn sản phẩm.',
        });
        expect(logged.status).toBe(201);
      }
      const closed = await call(tokens.officer, 'POST', `/api/v1/engagements/${e.id}/close`, {
        outcome: 'Hồ sơ nhãn hiệu đã nộp và được tiếp nhận.',
      });
      expect(closed.status).toBe(200);
      const detail = (await (await call(tokens.officer, 'GET', `/api/v1/engagements/${e.id}`)).json()) as {
        status: string;
        hours: number;
        sessions: number;
      };
      expect(detail).toMatchObject({ status: 'closed', hours: 4, sessions: 2 });
    }
    expect(await consultedIn2022()).toBe(before + 5);
  });

  it('a project is read back with its team, updated by id or by slug, and a request takes its id', async () => {
    const created = (await (await call(tokens.officer, 'POST', '/api/v1/projects', project(6))).json()) as {
      id: string;
      slug: string;
    };
    const read = (await (await call(tokens.officer, 'GET', `/api/v1/projects/${created.id}`)).json()) as {
      members: { name: string }[];
    };
    expect(read.members.map((m) => m.name)).toEqual(['Nông Văn Tài', 'Hoàng Thị Nhung']);
    const byId = await call(tokens.officer, 'PUT', `/api/v1/projects/${created.id}`, {
      ...project(6),
      stage: 'market',
      members: ['Nông Văn Tài'],
    });
    expect(byId.status).toBe(200);
    const bySlug = await call(tokens.officer, 'PUT', `/api/v1/projects/${created.slug}`, {
      ...project(6),
      name: 'Dự án nhập bằng API đã đổi tên',
    });
    expect(bySlug.status).toBe(200);
    const saved = (await bySlug.json()) as { id: string; slug: string };
    expect(saved.id).toBe(created.id);
    expect(saved.slug).not.toBe(created.slug);
    const filed = await call(tokens.officer, 'POST', '/api/v1/requests', {
      project: created.id,
      needs: ['consulting_ip'],
      body: 'Nhờ Sở giới thiệu chuyên gia về nhãn hiệu cho dự án này.',
      urgency: 'normal',
    });
    expect(filed.status).toBe(201);
    const introduced = await call(tokens.officer, 'POST', '/api/v1/introductions', {
      partner: ids.partnerSlug,
      project: created.id,
      message: 'Sản phẩm đã có tự công bố và mã vạch, muốn vào chuỗi siêu thị.',
    });
    expect(introduced.status).toBe(201);
    const byIds = await call(tokens.officer, 'POST', '/api/v1/introductions', {
      partner: ids.partnerId,
      project: saved.slug,
      message: 'Giới thiệu lần hai, theo mã của đối tác.',
    });
    expect(byIds.status).toBe(201);
  });

  it("a founder's token reads but cannot do staff writes; a read-only token cannot write", async () => {
    expect((await call(tokens.founder, 'GET', '/api/v1/projects')).status).toBe(200);
    expect((await call(tokens.founder, 'POST', '/api/v1/projects', project(7))).status).toBe(403);
    expect((await call(tokens.founder, 'POST', '/api/v1/engagements', {})).status).toBe(403);
    expect((await call(tokens.reader, 'GET', '/api/v1/reports?from=2022-01-01&to=2022-12-31')).status).toBe(200);
    expect((await call(tokens.reader, 'POST', '/api/v1/projects', project(8))).status).toBe(403);
  });

  it('a token acts with its owner’s role of the moment, and a bearer call ignores the cookie', async () => {
    const b = await as('officer@api.vn');
    // With an officer's cookie, the founder's token is still the founder.
    const mixed = await b.request('/api/v1/projects', {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.founder}`, 'content-type': 'application/json' },
      body: JSON.stringify(project(9)),
    });
    expect(mixed.status).toBe(403);
    // A cookie call still needs its CSRF token.
    const cookieOnly = await b.request('/api/v1/projects', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(project(9)),
    });
    expect(cookieOnly.status).toBe(403);
    const demoted = await newToken(b, 'Sẽ mất quyền', 'write');
    await rt.db.update(user).set({ role: 'founder' }).where(eq(user.email, 'officer@api.vn'));
    try {
      expect((await call(demoted, 'POST', '/api/v1/projects', project(10))).status).toBe(403);
    } finally {
      await rt.db.update(user).set({ role: 'officer' }).where(eq(user.email, 'officer@api.vn'));
    }
    expect((await call(demoted, 'POST', '/api/v1/engagements', {})).status).toBe(422);
  });

  it('a revoked token, an unknown one and a malformed one get 401; the page says when it was last used', async () => {
    const b = await as('officer@api.vn');
    const token = await newToken(b, 'Thu hồi ngay', 'write');
    expect((await call(token, 'GET', '/api/v1/engagements')).status).toBe(200);
    const html = await (await b.get('/tai-khoan')).text();
    const id = /\/tai-khoan\/ma-api\/([0-9a-f-]{36})\/thu-hoi"[^>]*>(?:(?!<\/form>).)*Thu hồi mã “Thu hồi ngay”/s.exec(
      html,
    )?.[1];
    expect(id).toBeTruthy();
    expect(html).toContain('dùng lần cuối lúc');
    const revoked = await b.post(`/tai-khoan/ma-api/${id}/thu-hoi`);
    expect(revoked.status).toBe(303);
    const res = await call(token, 'GET', '/api/v1/engagements');
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unauthenticated');
    expect((await call(token, 'POST', '/api/v1/projects', project(11))).status).toBe(401);
    expect((await call(`kn_${'x'.repeat(43)}`, 'GET', '/api/v1/projects')).status).toBe(401);
    expect((await call('not a token', 'GET', '/api/v1/projects')).status).toBe(401);
    // Someone else's token cannot be revoked by id: not theirs, 404.
    expect((await (await as('founder@api.vn')).post(`/tai-khoan/ma-api/${id}/thu-hoi`)).status).toBe(404);
  });

  it('every call with a token is in the audit log, with method and path', async () => {
    const [before] = await rt.db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, 'api_token.use'));
    await call(tokens.reader, 'GET', '/api/v1/projects?q=bi-mat');
    const lines = await rt.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'api_token.use'), eq(auditLog.entity, 'api_token')))
      .orderBy(asc(auditLog.id));
    expect(lines.length).toBe((before?.n ?? 0) + 1);
    expect(lines.at(-1)?.data).toEqual({ method: 'GET', path: '/api/v1/projects' });
  });

  it('a bearer token is for the API only: pages ignore it', async () => {
    const res = await rt.app.request('/tai-khoan', { headers: { authorization: `Bearer ${tokens.officer}` } });
    expect(res.status).toBe(303);
  });

  it('300+ bad inputs on the new endpoints: 4xx with a message, never a 5xx', async () => {
    const created = (await (await call(tokens.officer, 'POST', '/api/v1/projects', project(12))).json()) as {
      id: string;
    };
    const engaged = (await (
      await call(tokens.officer, 'POST', '/api/v1/engagements', {
        expert: ids.expert,
        project: created.id,
        topic: 'Công bố tiêu chuẩn cơ sở',
        acceptedOn: '2022-05-01',
      })
    ).json()) as { id: string };
    const badValues: unknown[] = [
      null,
      42,
      -1,
      -0.5,
      1e308,
      true,
      [],
      {},
      ['a', 1],
      '',
      ' ',
      'a\u0000b',
      '\u0000',
      'x'.repeat(20_000),
      '2022-02-30',
      '2022-13-01',
      '0000-00-00',
      '9999-12-31',
      '<script>alert(1)</script>',
      "' OR 1=1 --",
      'Ã¡Ã',
      '00000000-0000-0000-0000-000000000000',
      created.id,
      engaged.id,
      ids.partnerId,
      ids.expert,
    ];
    const targets: { method: string; path: string; valid: Record<string, unknown> }[] = [
      { method: 'POST', path: '/api/v1/projects', valid: project(13) },
      { method: 'PUT', path: `/api/v1/projects/${created.id}`, valid: project(12) },
      {
        method: 'POST',
        path: '/api/v1/engagements',
        valid: { expert: ids.expert, project: created.id, topic: 'Chủ đề tư vấn', acceptedOn: '2022-05-01' },
      },
      {
        method: 'POST',
        path: `/api/v1/engagements/${engaged.id}/sessions`,
        valid: { heldOn: '2022-05-02', hours: 1.5, summary: 'Một buổi làm việc đầy đủ.' },
      },
      { method: 'POST', path: `/api/v1/engagements/${engaged.id}/close`, valid: { outcome: 'Đã xong việc tư vấn.' } },
      {
        method: 'POST',
        path: '/api/v1/introductions',
        valid: { partner: ids.partnerId, project: created.id, message: 'Lời giới thiệu đủ dài.' },
      },
    ];
    const odd = [
      ...[
        created.id,
        engaged.id,
        ids.partnerId,
        '00000000-0000-0000-0000-000000000000',
        'x'.repeat(5000),
        '%00',
        '-1',
      ].flatMap((id) => [
        { method: 'PUT', path: `/api/v1/projects/${encodeURIComponent(id)}`, body: project(14) as unknown },
        { method: 'POST', path: `/api/v1/engagements/${encodeURIComponent(id)}/sessions`, body: targets[3]?.valid },
        { method: 'POST', path: `/api/v1/engagements/${encodeURIComponent(id)}/close`, body: targets[4]?.valid },
      ]),
      ...targets.flatMap((x) => [
        { method: x.method, path: x.path, body: 'not json' as unknown },
        { method: x.method, path: x.path, body: '{"name":' as unknown },
        { method: x.method, path: x.path, body: [] as unknown },
        { method: x.method, path: x.path, body: null as unknown },
      ]),
    ];
    const statuses: number[] = [];
    let sent = 0;
    for (const target of targets)
      for (const field of Object.keys({ ...target.valid, brief: '', nextSteps: '', members: [], links: [] }))
        for (const value of badValues) {
          const res = await call(tokens.officer, target.method, target.path, { ...target.valid, [field]: value });
          sent++;
          statuses.push(res.status);
          if (res.status >= 500)
            throw new Error(`${target.method} ${target.path} ${field}=${String(value)}: ${res.status}`);
        }
    for (const o of odd) {
      const res = await call(tokens.officer, o.method, o.path, o.body);
      sent++;
      statuses.push(res.status);
      if (res.status >= 500) throw new Error(`${o.method} ${o.path}: ${res.status}`);
    }
    expect(sent).toBeGreaterThanOrEqual(300);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(statuses.filter((s) => s === 422).length).toBeGreaterThan(100);
    // Three hundred calls, each audited: a slow machine's PostgreSQL needs more than the default 30 s.
  }, 180_000);
});
