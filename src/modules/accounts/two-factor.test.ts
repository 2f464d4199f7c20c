import { and, eq } from 'drizzle-orm';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '#kernel/audit/audit.sql.ts';
import { signInFailure, user } from '#kernel/auth/auth.sql.ts';
import type { Role } from '#kernel/auth/roles.ts';
import { createUser, defaultPassword } from '#seed/factories.ts';
import { TestBrowser } from '#src/testing/browser.ts';
import { type TestRuntime, testRuntime } from '#src/testing/runtime.ts';
import { twoFactor } from './two-factor.sql.ts';

let rt: TestRuntime;
beforeAll(async () => {
  rt = await testRuntime();
});
afterAll(async () => {
  await rt?.close();
});

let seq = 0;
const uniqueEmail = (label: string) => `${label}.2fa.${++seq}@vidu.vn`;

/**
 * The code an authenticator app shows for this secret now, or `steps` × 30 s later (a code is
 * taken once, so a second use in the same half-minute takes the next one, within the drift allowed).
 */
const codeFor = (secret: string, steps = 0) =>
  TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: Date.now() + steps * 30_000 });
/** A 6-digit code the app is not showing (any step but the current one and its neighbours). */
const wrongCodeFor = (secret: string) => {
  const near = [-30_000, 0, 30_000].map((d) =>
    TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: Date.now() + d }),
  );
  for (let n = 0; ; n++) {
    const code = String(n).padStart(6, '0');
    if (!near.includes(code)) return code;
  }
};

async function staffMember(role: Role = 'officer') {
  const email = uniqueEmail(role);
  await createUser(rt.deps, { name: 'Lê Văn Bình', email, role });
  const b = new TestBrowser(rt.app);
  await b.get('/dang-nhap');
  await b.signIn(email, defaultPassword);
  return { email, b };
}

/** Turns two-step on through the pages; gives the secret and the backup codes shown. */
async function turnOn(b: TestBrowser) {
  const page = await (await b.get('/tai-khoan/hai-buoc')).text();
  const secret = page.match(/data-secret="([A-Z2-7]+)"/)?.[1] ?? '';
  const res = await b.post('/tai-khoan/hai-buoc', { code: codeFor(secret) });
  expect(res.status).toBe(200);
  const codes = [...(await res.text()).matchAll(/<code>([0-9A-F]{5}-[0-9A-F]{5})<\/code>/g)].map((m) => m[1] ?? '');
  return { secret, codes };
}

async function signInAgain(email: string) {
  const b = new TestBrowser(rt.app);
  await b.get('/dang-nhap');
  const res = await b.post('/dang-nhap', { email, password: defaultPassword });
  return { b, res };
}

describe('turning two-step sign-in on', () => {
  it('shows a QR code and the secret as text, and turns on with a code from the app', async () => {
    const { b } = await staffMember();
    const page = await (await b.get('/tai-khoan/hai-buoc')).text();
    expect(page).toContain('<svg');
    expect(page).toMatch(/data-secret="[A-Z2-7]{32}"/);
    const { codes } = await turnOn(b);
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    const after = await (await b.get('/tai-khoan/hai-buoc')).text();
    expect(after).toContain('Còn 10 mã dự phòng chưa dùng.');
    expect(after).not.toContain('<svg');
  });

  it('keeps only hashes of the backup codes', async () => {
    const { email, b } = await staffMember('admin');
    const { codes } = await turnOn(b);
    const rows = await rt.db.select({ codes: twoFactor.backupCodes }).from(twoFactor);
    const stored = rows.flatMap((r) => r.codes).join(' ');
    for (const code of codes) expect(stored).not.toContain(code);
    expect(email).toBeTruthy();
  });

  it('refuses a wrong code with 422 and a Vietnamese message', async () => {
    const { b } = await staffMember();
    const page = await (await b.get('/tai-khoan/hai-buoc')).text();
    const secret = page.match(/data-secret="([A-Z2-7]+)"/)?.[1] ?? '';
    const res = await b.post('/tai-khoan/hai-buoc', { code: wrongCodeFor(secret) });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Mã xác thực không đúng hoặc đã hết hạn.');
    // The same secret is offered again: the app already holds it.
    expect(html).toContain(`data-secret="${secret}"`);
    expect((await b.get('/tai-khoan/hai-buoc')).status).toBe(200);
  });

  it('is for staff only: a founder gets 403', async () => {
    const email = uniqueEmail('founder');
    await createUser(rt.deps, { name: 'Phạm Thu Hà', email, role: 'founder' });
    const b = new TestBrowser(rt.app);
    await b.get('/dang-nhap');
    await b.signIn(email, defaultPassword);
    expect((await b.get('/tai-khoan/hai-buoc')).status).toBe(403);
  });
});

describe('signing in with two-step on', () => {
  it('asks for the code after the right password, and starts the session only after it', async () => {
    const { email, b: first } = await staffMember();
    const { secret } = await turnOn(first);
    const { b, res } = await signInAgain(email);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/dang-nhap/hai-buoc');
    expect(res.headers.getSetCookie().some((c) => c.includes('session_token'))).toBe(false);
    expect((await b.get('/tai-khoan')).status).toBe(303);
    const form = await b.get('/dang-nhap/hai-buoc');
    expect(form.status).toBe(200);
    expect(await form.text()).toContain('Nhập mã xác thực');
    const wrong = await b.post('/dang-nhap/hai-buoc', { code: wrongCodeFor(secret) });
    expect(wrong.status).toBe(422);
    expect(await wrong.text()).toContain('Mã xác thực không đúng');
    expect((await b.get('/tai-khoan')).status).toBe(303);
    const right = await b.post('/dang-nhap/hai-buoc', { code: codeFor(secret, 1) });
    expect(right.status).toBe(303);
    expect((await b.get('/tai-khoan')).status).toBe(200);
  });

  it('counts wrong codes as failed sign-ins and stops them at the limit', async () => {
    const { email, b: first } = await staffMember();
    const { secret } = await turnOn(first);
    const { b } = await signInAgain(email);
    const wrong = wrongCodeFor(secret);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await b.post('/dang-nhap/hai-buoc', { code: wrong })).status);
    expect(statuses[0]).toBe(422);
    expect(statuses.at(-1)).toBe(429);
    const failures = await rt.db.select().from(signInFailure).where(eq(signInFailure.email, email));
    expect(failures.length).toBeGreaterThan(0);
    // Even the right code waits out the limit.
    expect((await b.post('/dang-nhap/hai-buoc', { code: codeFor(secret) })).status).toBe(429);
  });

  it('takes a code once: the code that turned it on does not sign in', async () => {
    const { email, b: first } = await staffMember();
    const { secret } = await turnOn(first);
    const { b } = await signInAgain(email);
    const replayed = await b.post('/dang-nhap/hai-buoc', { code: codeFor(secret) });
    expect(replayed.status).toBe(422);
    expect((await b.get('/tai-khoan')).status).toBe(303);
  });

  it('takes a backup code once', async () => {
    const { email, b: first } = await staffMember();
    const { codes } = await turnOn(first);
    const backup = codes[0] ?? '';
    const one = await signInAgain(email);
    expect((await one.b.post('/dang-nhap/hai-buoc', { code: backup.toLowerCase() })).status).toBe(303);
    expect((await one.b.get('/tai-khoan')).status).toBe(200);
    expect(await (await one.b.get('/tai-khoan/hai-buoc')).text()).toContain('Còn 9 mã dự phòng chưa dùng.');
    const two = await signInAgain(email);
    expect((await two.b.post('/dang-nhap/hai-buoc', { code: backup })).status).toBe(422);
    expect((await two.b.get('/tai-khoan')).status).toBe(303);
  });

  it('sends a browser with no sign-in waiting back to the sign-in page', async () => {
    const b = new TestBrowser(rt.app);
    await b.get('/dang-nhap');
    const res = await b.get('/dang-nhap/hai-buoc');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/dang-nhap');
    expect((await b.post('/dang-nhap/hai-buoc', { code: '123456' })).headers.get('location')).toBe('/dang-nhap');
  });
});

describe('turning two-step sign-in off', () => {
  it('needs the password and a code', async () => {
    const { email, b } = await staffMember();
    const { secret } = await turnOn(b);
    const badPassword = await b.post('/tai-khoan/hai-buoc/tat', { password: 'sai-mat-khau', code: codeFor(secret) });
    expect(badPassword.status).toBe(422);
    const badCode = await b.post('/tai-khoan/hai-buoc/tat', { password: defaultPassword, code: wrongCodeFor(secret) });
    expect(badCode.status).toBe(422);
    expect(await badCode.text()).toContain('Mã xác thực không đúng');
    const off = await b.post('/tai-khoan/hai-buoc/tat', { password: defaultPassword, code: codeFor(secret, 1) });
    expect(off.status).toBe(303);
    const { res } = await signInAgain(email);
    expect(res.headers.get('location')).toBe('/');
  });
});

describe('an admin turning off a staff member’s two-step sign-in', () => {
  it('lets the officer sign in with the password alone, and is in the audit log', async () => {
    const { email, b } = await staffMember();
    await turnOn(b);
    const [row] = await rt.db.select({ id: user.id }).from(user).where(eq(user.email, email));
    const { b: admin } = await staffMember('admin');
    const page = await (await admin.get(`/quan-tri/tai-khoan/${row?.id}`)).text();
    expect(page).toContain('Tắt xác thực hai bước của người này');
    const res = await admin.post(`/quan-tri/tai-khoan/${row?.id}/hai-buoc/tat`);
    expect(res.status).toBe(303);
    const again = await signInAgain(email);
    expect(again.res.headers.get('location')).toBe('/');
    const [logged] = await rt.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'auth.two_factor_reset'), eq(auditLog.entityId, row?.id ?? '')));
    expect(logged).toBeDefined();
  });

  it('is for admins only', async () => {
    const { email, b } = await staffMember();
    await turnOn(b);
    const [row] = await rt.db.select({ id: user.id }).from(user).where(eq(user.email, email));
    const { b: officer } = await staffMember('officer');
    expect((await officer.post(`/quan-tri/tai-khoan/${row?.id}/hai-buoc/tat`)).status).toBe(403);
    expect((await signInAgain(email)).res.headers.get('location')).toBe('/dang-nhap/hai-buoc');
  });
});
