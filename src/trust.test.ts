import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '#kernel/db/rows.ts';
import type { AppEnv } from '#kernel/http/context.ts';
import { safeNext } from '#kernel/http/flash.ts';
import { clientIp } from '#kernel/http/rate-limit.ts';
import { createUser, defaultPassword } from '#seed/factories.ts';
import { TestBrowser } from '#src/testing/browser.ts';
import {
  type HostileSubmission,
  hostileBody,
  hostileForm,
  hostileJson,
  hostileQuery,
  hostileRun,
  hostileRuns,
} from '#src/testing/hostile.ts';
import { type TestRuntime, testRuntime } from '#src/testing/runtime.ts';

// What a hostile visitor tries first: guessing in parallel, picking their own address, sending
// people to another site through `?next=`, and input no form would send.

let rt: TestRuntime;
/** The address the owner of an account signs in from, as the test runtime's proxy reports it. */
const office = '203.0.113.10';
beforeAll(async () => {
  rt = await testRuntime();
});
afterAll(async () => {
  await rt?.close();
});

async function browser(): Promise<TestBrowser> {
  const b = new TestBrowser(rt.app);
  await b.get('/dang-nhap');
  return b;
}

describe('sign-in guesses', () => {
  it('100 wrong passwords sent at once for one account: at most 5 are tried, the rest are refused with 429', async () => {
    const email = 'doan.van.an@vidu.vn';
    await createUser(rt.deps, { name: 'Đoàn Văn An', email, role: 'officer' });
    // The owner has signed in before from the office's address.
    const before = new TestBrowser(rt.app, office);
    await before.get('/dang-nhap');
    await before.signIn(email, defaultPassword);

    const b = await browser();
    const token = await b.csrfToken();
    const statuses = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        b
          .request('/dang-nhap', {
            method: 'POST',
            body: new URLSearchParams({ _csrf: token, email, password: `sai-mat-khau-${i}` }),
            headers: {
              'content-type': 'application/x-www-form-urlencoded',
              // from many addresses, so that only the per-account limit can stop them
              'x-forwarded-for': `198.51.100.${i % 250}, 10.0.0.1`,
            },
          })
          .then((r) => r.status),
      ),
    );
    const tried = statuses.filter((s) => s === 422).length;
    expect(statuses.filter((s) => s !== 422 && s !== 429)).toEqual([]);
    expect(tried).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(95);

    // Right after, the owner signs in from the address they used before …
    const owner = new TestBrowser(rt.app, office);
    await owner.get('/dang-nhap');
    expect((await owner.post('/dang-nhap', { email, password: defaultPassword })).status).toBe(303);
    // … while from an address the account never used, once 5 guesses failed, even the right password waits.
    const stranger = new TestBrowser(rt.app, '198.51.100.77');
    await stranger.get('/dang-nhap');
    const res = await stranger.post('/dang-nhap', { email, password: defaultPassword });
    expect(res.status).toBe(tried >= 5 ? 429 : 303);
  });

  it('rotating X-Forwarded-For from a peer that is not a trusted proxy changes nothing: the 21st guess from it waits', async () => {
    const untrusted = await testRuntime({ trustedProxies: '' });
    try {
      const b = new TestBrowser(untrusted.app);
      await b.get('/dang-nhap');
      const statuses: number[] = [];
      for (let i = 0; i < 22; i++) {
        const res = await b.request('/dang-nhap', {
          method: 'POST',
          body: new URLSearchParams({ _csrf: await b.csrfToken(), email: `ai.${i}@vidu.vn`, password: 'sai' }),
          headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': `203.0.113.${i}` },
        });
        statuses.push(res.status);
      }
      // 22 e-mails, 22 claimed addresses: one real address, so its limit of 20 holds.
      expect(statuses.slice(0, 20).every((s) => s === 422)).toBe(true);
      expect(statuses.slice(20)).toEqual([429, 429]);
    } finally {
      await untrusted.close();
    }
  });
});

describe('the client address', () => {
  function appTrusting(trusted: string[]) {
    const app = new Hono<AppEnv>();
    app.use(async (c, next) => {
      c.set('deps', { config: { TRUSTED_PROXIES: trusted } } as unknown as AppEnv['Variables']['deps']);
      await next();
    });
    app.get('/', (c) => c.text(clientIp(c)));
    return app;
  }
  const ask = async (app: Hono<AppEnv>, forwarded?: string) =>
    (await app.request('/', { headers: forwarded ? { 'x-forwarded-for': forwarded } : {} })).text();

  it('ignores X-Forwarded-For from a peer that is not a trusted proxy: rotating it changes nothing', async () => {
    const app = appTrusting([]);
    expect(await ask(app, '203.0.113.1')).toBe('local');
    expect(await ask(app, '203.0.113.2')).toBe('local');
  });

  it('behind trusted proxies takes the last hop that is not one of them, not what the client wrote first', async () => {
    const app = appTrusting(['local', '10.0.0.1']);
    expect(await ask(app, '6.6.6.6, 203.0.113.7, 10.0.0.1')).toBe('203.0.113.7');
    expect(await ask(app, '203.0.113.7')).toBe('203.0.113.7');
    expect(await ask(app)).toBe('local');
  });
});

describe('?next= stays on this site', () => {
  it.each([
    '//evil.example',
    '/\\evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    '/%0d%0aSet-Cookie:x'.replace('%0d%0a', '\r\n'),
    'https://evil.example',
    'javascript:alert(1)',
    '',
  ])('refuses %j', (next) => {
    expect(safeNext(next, '/')).toBe('/');
  });

  it('keeps a path of this site', () => {
    expect(safeNext('/du-an/mat-ong-rung-huu-lien?tab=1', '/')).toBe('/du-an/mat-ong-rung-huu-lien?tab=1');
  });

  it('the language switch with a tab before a second slash never leaves the site', async () => {
    const res = await rt.app.request('/ngon-ngu/en?next=/%09/evil.example');
    // The address guard refuses the tab outright; were it let through, safeNext would send home.
    expect(res.status).toBe(400);
    expect(res.headers.get('location')).toBeNull();
    const plain = await rt.app.request('/ngon-ngu/en?next=//evil.example');
    expect(plain.status).toBe(303);
    expect(plain.headers.get('location')).toBe('/');
  });
});

describe('open-redirect payloads never leave the site', () => {
  const payloads = [
    '/%09/evil.example',
    '/%5C/evil.example',
    '/%5Cevil.example',
    '//evil.example',
    '///evil.example',
    '%2F%2Fevil.example',
    'https://evil.example',
    'https:evil.example',
    'https:%2F%2Fevil.example',
    '/%0D%0ALocation:%20https://evil.example',
    '/%0d%0a/evil.example',
    'javascript:alert(1)',
    '/\\evil.example',
  ];
  /** The redirect, if any, stays on this host. */
  function staysHere(res: Response) {
    expect(res.status).toBeLessThan(500);
    const location = res.headers.get('location');
    if (location) expect(new URL(location, 'http://localhost').host).toBe('localhost');
  }

  it.each(payloads)('the language switch with next=%s', async (next) => {
    staysHere(await rt.app.request(`/ngon-ngu/en?next=${next}`));
  });

  it.each(payloads)('the sign-in page with next=%s', async (next) => {
    staysHere(await rt.app.request(`/dang-nhap?next=${next}`));
  });

  // Signing in is slow on purpose (the password hash): the five kinds the probes used.
  const kinds = [
    '/%09/evil.example',
    '/%5Cevil.example',
    '//evil.example',
    'https:evil.example',
    '/%0d%0a/evil.example',
  ];
  it.each(kinds)('signing in with next=%s (in the page address and in the form)', async (next) => {
    const email = `chuyen.huong.${kinds.indexOf(next)}@vidu.vn`;
    await createUser(rt.deps, { name: 'Chuyển Hướng', email, role: 'founder' });
    const b = await browser();
    const res = await b.request(`/dang-nhap?next=${next}`, {
      method: 'POST',
      body: `_csrf=${encodeURIComponent(await b.csrfToken())}&email=${encodeURIComponent(email)}&password=${encodeURIComponent(defaultPassword)}&next=${next}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    staysHere(res);
  });
});

describe('input no person types gets 400 and the usual page, never 500', () => {
  it.each(['/du-an?q=a%00b', '/tim-kiem?q=%00', '/san-pham?q=thach%E0%A4%A', '/su-kien?kind=%01', '/du-an%00'])(
    'GET %s',
    async (path) => {
      const res = await rt.app.request(path);
      expect(res.status).toBe(400);
      expect(await res.text()).toContain('Yêu cầu không hợp lệ');
    },
  );

  it('a form field with a NUL byte, and a multipart body without its boundary', async () => {
    const b = await browser();
    const token = await b.csrfToken();
    const nul = await b.request('/dang-nhap', {
      method: 'POST',
      body: new URLSearchParams({ _csrf: token, email: 'a\u0000@vidu.vn', password: 'x' }),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(nul.status).toBe(400);
    const noBoundary = await b.request('/dang-nhap', {
      method: 'POST',
      body: `--x\r\nContent-Disposition: form-data; name="email"\r\n\r\na@b.vn\r\n--x--\r\n`,
      headers: { 'content-type': 'multipart/form-data' },
    });
    expect(noBoundary.status).toBe(400);
  });

  it('an Origin header that is not an address is refused like another site (403), not a 500', async () => {
    const b = await browser();
    const res = await b.request('/dang-nhap', {
      method: 'POST',
      body: new URLSearchParams({ _csrf: await b.csrfToken(), email: 'a@vidu.vn', password: 'x' }),
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'not a url' },
    });
    expect(res.status).toBe(403);
  });

  it('a pasted paragraph with tabs and line breaks is still accepted', async () => {
    const b = await browser();
    const res = await b.post('/dang-nhap', { email: 'khong.co@vidu.vn', password: 'mot\tdong\r\nhai dong' });
    expect(res.status).toBe(422);
  });
});

describe('the flash message', () => {
  it('a message cookie this site did not sign is not shown', async () => {
    const planted = encodeURIComponent(JSON.stringify({ kind: 'error', text: 'Tài khoản bị khóa, gọi 0900 000 000' }));
    const res = await rt.app.request('/', { headers: { cookie: `kn_flash=${planted}` } });
    expect(res.status).toBe(200);
    expect(await res.text()).not.toContain('gọi 0900 000 000');
  });
});

describe('generated hostile input: never a 5xx, nothing half-saved', () => {
  const count = async (table: string) =>
    (await rows<{ n: number }>(rt.db, sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`))[0]?.n ?? 0;
  const audited = async (action: string) =>
    (await rows<{ n: number }>(rt.db, sql`SELECT count(*)::int AS n FROM audit_log WHERE action = ${action}`))[0]?.n ??
    0;
  /** Lifts a per-person form limit between inputs, so each one reaches the validation. */
  const liftLimits = () => rt.db.execute(sql`DELETE FROM verification WHERE identifier LIKE 'limit:%'`);

  async function staff(role: 'officer' | 'admin' = 'officer') {
    const email = `${role}.hostile.${Math.random().toString(36).slice(2)}@vidu.vn`;
    await createUser(rt.deps, { name: 'Cán Bộ Thử', email, role });
    const b = await browser();
    await b.signIn(email, defaultPassword);
    return b;
  }
  const post = (b: TestBrowser, path: string) => async (s: HostileSubmission) =>
    b.request(path, { method: 'POST', ...hostileBody(s, await b.csrfToken()) });

  it(`the sign-in form, ${hostileRuns} inputs from many addresses`, async () => {
    const b = await browser();
    let i = 0;
    const tally = await hostileRun(hostileForm(['email', 'password', 'next']), async (s) => {
      const { body, headers } = hostileBody(s, await b.csrfToken());
      return b.request('/dang-nhap', {
        method: 'POST',
        body,
        headers: { ...headers, 'x-forwarded-for': `192.0.2.${i++ % 250}` },
      });
    });
    expect(tally.statuses.get(422)).toBeGreaterThan(0);
  });

  it(`the new partner form (staff), ${hostileRuns} inputs: every 303 saved whole with its audit line, nothing else`, async () => {
    const b = await staff();
    const [partners, lines] = [await count('partner'), await audited('partner.create')];
    const tally = await hostileRun(
      hostileForm([
        'name',
        'slug',
        'kind',
        'summary',
        'description',
        'offers',
        'fields',
        'communes',
        'website',
        'contactPhone',
        'contactEmail',
        'isPublic',
      ]),
      post(b, '/doi-tac/moi'),
    );
    expect(await count('partner')).toBe(partners + tally.saved);
    expect(await audited('partner.create')).toBe(lines + tally.saved);
  });

  it(`the walk-in request form (staff), ${hostileRuns} inputs: every 303 saved whole, nothing else`, async () => {
    const b = await staff();
    const before = await count('support_request');
    const tally = await hostileRun(
      hostileForm(['contactName', 'contactPhone', 'contactEmail', 'commune', 'project', 'needs', 'body', 'urgency']),
      post(b, '/quan-ly/yeu-cau/moi'),
    );
    expect(await count('support_request')).toBe(before + tally.saved);
  });

  it(`the audit log's filters and the search, ${hostileRuns} query strings each`, async () => {
    const b = await staff('admin');
    await hostileRun(hostileQuery(['actor', 'action', 'entity', 'from', 'to', 'text', 'page']), (q) =>
      b.get(`/quan-tri/nhat-ky${q}`),
    );
    await hostileRun(hostileQuery(['q', 'field', 'commune', 'stage', 'page']), (q) => b.get(`/du-an${q}`));
    await hostileRun(hostileQuery(['q', 'kind']), (q) => b.get(`/tim-kiem${q}`));
  });

  it(`the API: ${hostileRuns} query strings to /api/v1/projects and JSON bodies to POST /api/v1/requests`, async () => {
    const b = await staff();
    await hostileRun(hostileQuery(['q', 'field', 'commune', 'stage', 'page', 'perPage']), (q) =>
      b.get(`/api/v1/projects${q}`),
    );
    const before = await count('support_request');
    const token = await b.csrfToken();
    const tally = await hostileRun(hostileJson(['project', 'needs', 'body', 'urgency']), async (json) => {
      await liftLimits();
      return b.request('/api/v1/requests', {
        method: 'POST',
        body: json,
        headers: { 'content-type': 'application/json', 'x-csrf-token': token },
      });
    });
    expect(await count('support_request')).toBe(before + tally.saved);
  });
});
