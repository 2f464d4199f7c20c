import type { Context } from 'hono';
import { Hono } from 'hono';
import { deleteCookie, getCookie } from 'hono/cookie';
import { allow, requireActor } from '#kernel/auth/access.ts';
import type { AppEnv } from '#kernel/http/context.ts';
import { passCookies, setSiteCookie } from '#kernel/http/cookies.ts';
import { AppError } from '#kernel/http/errors.ts';
import { redirectWithFlash, safeNext } from '#kernel/http/flash.ts';
import { formErrors, readForm } from '#kernel/http/forms.ts';
import { pageContext, render } from '#kernel/http/render.tsx';
import type { FieldErrors } from '#kernel/http/validation.ts';
import { requestInfo } from './accounts.http.ts';
import { TwoFactorCodeInput, TwoFactorOffInput } from './accounts.schemas.ts';
import { finishTwoFactorSignIn } from './accounts.service.ts';
import { disableTwoFactor, enableTwoFactor, heldSignIn, twoFactorState } from './two-factor.ts';
import { BackupCodesPage, TwoFactorPage, TwoFactorSignInPage } from './views/two-factor.tsx';

/** The browser's half of a sign-in waiting for its code (the server keeps the rest). */
export const pendingCookie = 'kn_2fa';
const pendingPath = '/dang-nhap';

/** Where the code page is, keeping `?next=`. */
export const twoFactorSignInPath = (next?: string) =>
  `/dang-nhap/hai-buoc${next ? `?next=${encodeURIComponent(next)}` : ''}`;
/** A staff member's own two-step page. */
export const twoFactorPath = '/tai-khoan/hai-buoc';

/** After the right password: the browser keeps the wait's token and is sent to the code page. */
export function askForCode(c: Context<AppEnv>, token: string, next: string | undefined): Response {
  setSiteCookie(c, pendingCookie, token, { path: pendingPath, maxAge: 600 });
  return c.redirect(twoFactorSignInPath(next), 303);
}

/** Two-step sign-in: the code page after the password, and a staff member's set-up page. */
export const twoFactorPages = new Hono<AppEnv>();

/** Statuses a refused code is shown with. */
const codeRefusals = { validation: 422, too_many_requests: 429 } as const;

const startAgain = (c: Context<AppEnv>) => {
  deleteCookie(c, pendingCookie, { path: pendingPath });
  return redirectWithFlash(c, '/dang-nhap', 'accounts.twoFactor.expired', undefined, 'info');
};

twoFactorPages.get('/dang-nhap/hai-buoc', async (c) => {
  const next = c.req.query('next');
  if (c.var.actor) return c.redirect(safeNext(next), 303);
  if (!(await heldSignIn(c.var.deps.db, getCookie(c, pendingCookie) ?? ''))) return startAgain(c);
  return render(c, <TwoFactorSignInPage ctx={pageContext(c)} action={twoFactorSignInPath(next)} />);
});

twoFactorPages.post('/dang-nhap/hai-buoc', async (c) => {
  const next = c.req.query('next');
  const page = (errors: FieldErrors, status: 422 | 429) =>
    render(c, <TwoFactorSignInPage ctx={pageContext(c)} action={twoFactorSignInPath(next)} errors={errors} />, status);
  const form = await readForm(c, TwoFactorCodeInput);
  if (!form.ok) return page(form.errors, 422);
  try {
    const { actor, cookies } = await finishTwoFactorSignIn({
      db: c.var.deps.db,
      token: getCookie(c, pendingCookie) ?? '',
      code: form.data.code,
      request: requestInfo(c),
    });
    deleteCookie(c, pendingCookie, { path: pendingPath });
    passCookies(c, cookies);
    return redirectWithFlash(c, safeNext(next), 'auth.signIn.welcome', { name: actor.name });
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') return startAgain(c);
    if (!(error instanceof AppError) || !(error.code in codeRefusals)) throw error;
    return page(formErrors(c, error), codeRefusals[error.code as keyof typeof codeRefusals]);
  }
});

const staff = allow('officer', 'admin');

async function setUpPage(c: Context<AppEnv>, errors?: FieldErrors, status: 200 | 422 | 429 = 200) {
  const state = await twoFactorState(c.var.deps.db, requireActor(c));
  const qrSvg = state.on
    ? undefined
    : await (await import('qrcode')).toString(state.uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  return render(c, <TwoFactorPage ctx={pageContext(c)} state={state} qrSvg={qrSvg} errors={errors} />, status);
}

twoFactorPages.get(twoFactorPath, staff, (c) => setUpPage(c));

twoFactorPages.post(twoFactorPath, staff, async (c) => {
  const form = await readForm(c, TwoFactorCodeInput);
  if (!form.ok) return setUpPage(c, form.errors, 422);
  try {
    const codes = await enableTwoFactor({
      db: c.var.deps.db,
      actor: requireActor(c),
      code: form.data.code,
      ip: requestInfo(c).ip,
    });
    // Shown this once, in this response: only their hashes are kept.
    return render(c, <BackupCodesPage ctx={pageContext(c)} codes={codes} />);
  } catch (error) {
    if (error instanceof AppError && error.code === 'conflict')
      return redirectWithFlash(c, twoFactorPath, 'accounts.twoFactor.alreadyOn', undefined, 'info');
    if (!(error instanceof AppError) || !(error.code in codeRefusals)) throw error;
    return setUpPage(c, formErrors(c, error), codeRefusals[error.code as keyof typeof codeRefusals]);
  }
});

twoFactorPages.post(`${twoFactorPath}/tat`, staff, async (c) => {
  const form = await readForm(c, TwoFactorOffInput);
  if (!form.ok) return setUpPage(c, form.errors, 422);
  try {
    await disableTwoFactor({
      ...c.var.deps,
      actor: requireActor(c),
      password: form.data.password,
      code: form.data.code,
      ip: requestInfo(c).ip,
    });
  } catch (error) {
    if (!(error instanceof AppError) || !(error.code in codeRefusals)) throw error;
    return setUpPage(c, formErrors(c, error), codeRefusals[error.code as keyof typeof codeRefusals]);
  }
  return redirectWithFlash(c, '/tai-khoan', 'accounts.twoFactor.disabled');
});
