import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppEnv } from '#kernel/http/context.ts';
import { safeNext } from '#kernel/http/flash.ts';
import { clientIp } from '#kernel/http/rate-limit.ts';
import { createUser, defaultPassword } from '#seed/factories.ts';
import { TestBrowser } from '#src/testing/browser.ts';
import { type TestRuntime, testRuntime } from '#src/testing/runtime.ts';

// What a hostile visitor tries first: guessing in parallel, picking their own address, sending
// people to another site through `?next=`, and input no form would send.

let rt: TestRuntime;
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
    // What was tried counts: after 5 failures even the right password waits; below that it signs in.
    const owner = await browser();
    const res = await owner.post('/dang-nhap', { email, password: defaultPassword });
    expect(res.status).toBe(tried >= 5 ? 429 : 303);
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
