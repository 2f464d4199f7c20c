import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '#kernel/auth/roles.ts';
import { createUser, defaultPassword } from '#seed/factories.ts';
import { TestBrowser } from '#src/testing/browser.ts';
import { type TestRuntime, testRuntime } from '#src/testing/runtime.ts';

let rt: TestRuntime;
beforeAll(async () => {
  rt = await testRuntime();
});
afterAll(async () => {
  await rt?.close();
});

let seq = 0;
async function signedIn(role: Role) {
  const email = `${role}.bat-buoc.${++seq}@vidu.vn`;
  await createUser(rt.deps, { name: 'Trần Minh Đức', email, role });
  const b = new TestBrowser(rt.app);
  await b.get('/dang-nhap');
  await b.signIn(email, defaultPassword);
  return b;
}

describe('the settings page', () => {
  it('shows the two-step setting and the session limits of each role', async () => {
    const admin = await signedIn('admin');
    const html = await (await admin.get('/quan-tri/cai-dat')).text();
    expect(html).toContain('Bắt buộc xác thực hai bước cho cán bộ và quản trị');
    expect(html).toContain('Thời hạn phiên đăng nhập theo vai trò');
    // Admins: 30 minutes idle, 12 hours at most; founders: 7 days idle, 30 days at most.
    expect(html).toMatch(/Quản trị<\/th><td>30 phút<\/td><td>12 giờ<\/td>/);
    expect(html).toMatch(/<td>7 ngày<\/td><td>30 ngày<\/td>/);
  });
});

describe('two-step sign-in required for staff', () => {
  let admin: TestBrowser;
  beforeAll(async () => {
    admin = await signedIn('admin');
    const res = await admin.post('/quan-tri/cai-dat/bao-mat', { requireStaffTwoFactor: 'on' });
    expect(res.status).toBe(303);
  });

  it('sends a staff member without it to set it up before any page', async () => {
    const officer = await signedIn('officer');
    for (const path of ['/', '/tai-khoan', '/ho-tro']) {
      const res = await officer.get(path);
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe('/tai-khoan/hai-buoc');
    }
    const setUp = await officer.get('/tai-khoan/hai-buoc');
    expect(setUp.status).toBe(200);
    expect(await setUp.text()).toContain('Sở yêu cầu cán bộ và quản trị viên bật xác thực hai bước');
    // The admin who turned it on is held too, until their own is set up.
    expect((await admin.get('/quan-tri/cai-dat')).headers.get('location')).toBe('/tai-khoan/hai-buoc');
  });

  it('lets the staff member through once two-step sign-in is on', async () => {
    const officer = await signedIn('officer');
    const page = await (await officer.get('/tai-khoan/hai-buoc')).text();
    const secret = page.match(/data-secret="([A-Z2-7]+)"/)?.[1] ?? '';
    const on = await officer.post('/tai-khoan/hai-buoc', {
      code: TOTP.generate({ secret: Secret.fromBase32(secret) }),
    });
    expect(on.status).toBe(200);
    expect((await officer.get('/tai-khoan')).status).toBe(200);
  });

  it('leaves founders, experts and partners alone', async () => {
    for (const role of ['founder', 'expert', 'partner'] as const) {
      const b = await signedIn(role);
      expect((await b.get('/tai-khoan')).status).toBe(200);
    }
  });
});
