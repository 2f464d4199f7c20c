import { Hono } from 'hono';
import { requireActor, signedIn } from '#kernel/auth/access.ts';
import { createApiToken, listApiTokens, revokeApiToken } from '#kernel/auth/api-tokens.ts';
import type { AppEnv } from '#kernel/http/context.ts';
import { passCookies } from '#kernel/http/cookies.ts';
import { AppError } from '#kernel/http/errors.ts';
import { redirectWithFlash, safeNext } from '#kernel/http/flash.ts';
import { formErrors, readForm } from '#kernel/http/forms.ts';
import { pageContext, render } from '#kernel/http/render.tsx';
import { consentsOf } from '#modules/privacy/index.ts';
import { requestInfo } from './accounts.http.ts';
import {
  ApiTokenInput,
  ChangePasswordInput,
  ConfirmSignUpInput,
  ForgotPasswordInput,
  ProfileInput,
  ResetPasswordInput,
  SignInInput,
  SignUpInput,
} from './accounts.schemas.ts';
import {
  changePassword,
  confirmSignUp,
  confirmSignUpPath,
  getAccount,
  requestPasswordReset,
  resetLinkOwner,
  resetPassword,
  signIn,
  signOut,
  signUp,
  signUpLinkOwner,
  signUpSentPath,
  updateProfile,
} from './accounts.service.ts';
import { askForCode } from './two-factor.pages.tsx';
import { AccountPage, ChangePasswordPage } from './views/account.tsx';
import { NewApiTokenPage } from './views/api-tokens.tsx';
import { ForgotPasswordPage, ResetLinkInvalidPage, ResetPasswordPage } from './views/password-reset.tsx';
import { SignInPage } from './views/sign-in.tsx';
import { ConfirmSignUpPage, SignUpLinkInvalidPage, SignUpPage, SignUpSentPage } from './views/sign-up.tsx';

/** Sign in, sign up, sign out, forgotten and changed passwords, and the person's own account. */
export const accountsPages = new Hono<AppEnv>();

/** Statuses a refused sign-in is shown with; anything else is not the form's business. */
const signInRefusals = { validation: 422, forbidden: 403, too_many_requests: 429 } as const;

accountsPages.get('/dang-nhap', (c) => {
  const next = c.req.query('next');
  if (c.var.actor) return c.redirect(safeNext(next), 303);
  return render(c, <SignInPage ctx={pageContext(c)} next={next} />);
});

accountsPages.post('/dang-nhap', async (c) => {
  const next = c.req.query('next');
  const form = await readForm(c, SignInInput);
  if (!form.ok)
    return render(c, <SignInPage ctx={pageContext(c)} values={form.values} errors={form.errors} next={next} />, 422);
  try {
    const { actor, cookies, twoFactorToken } = await signIn({
      ...c.var.deps,
      input: form.data,
      request: requestInfo(c),
    });
    if (twoFactorToken) return askForCode(c, twoFactorToken, next);
    passCookies(c, cookies);
    return redirectWithFlash(c, safeNext(next), 'auth.signIn.welcome', { name: actor.name });
  } catch (error) {
    if (!(error instanceof AppError) || !(error.code in signInRefusals)) throw error;
    const status = signInRefusals[error.code as keyof typeof signInRefusals];
    return render(
      c,
      <SignInPage ctx={pageContext(c)} values={form.values} errors={formErrors(c, error)} next={next} />,
      status,
    );
  }
});

accountsPages.get('/dang-ky', (c) => {
  const next = c.req.query('next');
  if (c.var.actor) return c.redirect(safeNext(next), 303);
  return render(c, <SignUpPage ctx={pageContext(c)} next={next} />);
});

accountsPages.post('/dang-ky', async (c) => {
  const next = c.req.query('next');
  const form = await readForm(c, SignUpInput);
  if (!form.ok)
    return render(c, <SignUpPage ctx={pageContext(c)} values={form.values} errors={form.errors} next={next} />, 422);
  try {
    const { token } = await signUp({
      ...c.var.deps,
      input: form.data,
      request: requestInfo(c),
      next: next ? safeNext(next, '/du-an/moi') : undefined,
    });
    if (token) {
      // No mail server: the account is finished here, with the password just typed.
      const { cookies } = await confirmSignUp({
        ...c.var.deps,
        token,
        password: form.data.password,
        request: requestInfo(c),
      });
      passCookies(c, cookies);
      return redirectWithFlash(c, safeNext(next, '/du-an/moi'), 'auth.signUp.done');
    }
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'too_many_requests') throw error;
    return render(
      c,
      <SignUpPage ctx={pageContext(c)} values={form.values} errors={formErrors(c, error)} next={next} />,
      429,
    );
  }
  // The same answer whether the e-mail was new or had an account: the mail box tells the rest.
  return c.redirect(signUpSentPath, 303);
});

accountsPages.get('/dang-ky/kiem-tra-email', (c) => render(c, <SignUpSentPage ctx={pageContext(c)} />));

/** The sign-up link's page, its form posting back to itself with the place to go next. */
function confirmAction(token: string, next: string | undefined) {
  return `${confirmSignUpPath(token)}${next ? `?next=${encodeURIComponent(next)}` : ''}`;
}

accountsPages.get('/dang-ky/xac-nhan/:token', async (c) => {
  const token = c.req.param('token');
  const owner = await signUpLinkOwner(c.var.deps.db, token);
  if (!owner) return render(c, <SignUpLinkInvalidPage ctx={pageContext(c)} />, 404);
  c.header('Referrer-Policy', 'no-referrer');
  return render(
    c,
    <ConfirmSignUpPage ctx={pageContext(c)} action={confirmAction(token, c.req.query('next'))} email={owner.email} />,
  );
});

accountsPages.post('/dang-ky/xac-nhan/:token', async (c) => {
  const token = c.req.param('token');
  const next = c.req.query('next');
  const owner = await signUpLinkOwner(c.var.deps.db, token);
  if (!owner) return render(c, <SignUpLinkInvalidPage ctx={pageContext(c)} />, 404);
  const again = (errors: Record<string, string>, status: 403 | 422 | 429) =>
    render(
      c,
      <ConfirmSignUpPage
        ctx={pageContext(c)}
        action={confirmAction(token, next)}
        email={owner.email}
        errors={errors}
      />,
      status,
    );
  const form = await readForm(c, ConfirmSignUpInput);
  if (!form.ok) return again(form.errors, 422);
  try {
    const { cookies } = await confirmSignUp({
      ...c.var.deps,
      token,
      password: form.data.password,
      request: requestInfo(c),
    });
    passCookies(c, cookies);
  } catch (error) {
    if (!(error instanceof AppError) || !(error.code in signInRefusals)) throw error;
    return again(formErrors(c, error), signInRefusals[error.code as keyof typeof signInRefusals]);
  }
  // A new founder's next step is their project, unless they came from somewhere to return to.
  return redirectWithFlash(c, safeNext(next, '/du-an/moi'), 'auth.signUp.done');
});

accountsPages.post('/dang-xuat', async (c) => {
  const cookies = await signOut({ ...c.var.deps, actor: c.var.actor, request: requestInfo(c) });
  passCookies(c, cookies);
  return redirectWithFlash(c, '/', 'auth.signOut.done', undefined, 'info');
});

accountsPages.get('/quen-mat-khau', (c) => render(c, <ForgotPasswordPage ctx={pageContext(c)} />));

accountsPages.post('/quen-mat-khau', async (c) => {
  const form = await readForm(c, ForgotPasswordInput);
  if (!form.ok)
    return render(c, <ForgotPasswordPage ctx={pageContext(c)} values={form.values} errors={form.errors} />, 422);
  try {
    await requestPasswordReset({ ...c.var.deps, input: form.data, request: requestInfo(c) });
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'too_many_requests') throw error;
    return render(
      c,
      <ForgotPasswordPage ctx={pageContext(c)} values={form.values} errors={formErrors(c, error)} />,
      429,
    );
  }
  return redirectWithFlash(c, '/quen-mat-khau', 'auth.forgot.sent', undefined, 'info');
});

accountsPages.get('/dat-lai-mat-khau/:token', async (c) => {
  const token = c.req.param('token');
  const owner = await resetLinkOwner({ ...c.var.deps, token });
  if (!owner) return render(c, <ResetLinkInvalidPage ctx={pageContext(c)} />, 404);
  return render(
    c,
    <ResetPasswordPage
      ctx={pageContext(c)}
      token={token}
      email={owner.email}
      name={owner.name}
      invitation={owner.invitation}
    />,
  );
});

accountsPages.post('/dat-lai-mat-khau/:token', async (c) => {
  const token = c.req.param('token');
  const owner = await resetLinkOwner({ ...c.var.deps, token });
  if (!owner) return render(c, <ResetLinkInvalidPage ctx={pageContext(c)} />, 404);
  const form = await readForm(c, ResetPasswordInput);
  if (!form.ok)
    return render(
      c,
      <ResetPasswordPage
        ctx={pageContext(c)}
        token={token}
        email={owner.email}
        name={owner.name}
        invitation={owner.invitation}
        errors={form.errors}
      />,
      422,
    );
  let invitation = false;
  try {
    ({ invitation } = await resetPassword({ ...c.var.deps, token, input: form.data, request: requestInfo(c) }));
  } catch (error) {
    if (error instanceof AppError && error.messageKey === 'errors.resetTokenInvalid')
      return render(c, <ResetLinkInvalidPage ctx={pageContext(c)} />, 404);
    throw error;
  }
  return redirectWithFlash(c, '/dang-nhap', invitation ? 'accounts.invitation.done' : 'auth.reset.done');
});

accountsPages.get('/tai-khoan', signedIn, async (c) => {
  const { id } = requireActor(c);
  const { db } = c.var.deps;
  return render(
    c,
    <AccountPage
      ctx={pageContext(c)}
      account={await getAccount(db, id)}
      tokens={await listApiTokens(db, id)}
      consents={await consentsOf(db, id)}
    />,
  );
});

accountsPages.post('/tai-khoan/ma-api', signedIn, async (c) => {
  const actor = requireActor(c);
  const { db } = c.var.deps;
  const form = await readForm(c, ApiTokenInput);
  if (!form.ok)
    return render(
      c,
      <AccountPage
        ctx={pageContext(c)}
        account={await getAccount(db, actor.id)}
        tokens={await listApiTokens(db, actor.id)}
        consents={await consentsOf(db, actor.id)}
        tokenForm={{ values: form.values, errors: form.errors }}
      />,
      422,
    );
  const { token } = await createApiToken(db, { actor, ...form.data, ip: requestInfo(c).ip });
  // Shown this once, in this response: it is never stored, so never redirected to or kept in a flash.
  return render(c, <NewApiTokenPage ctx={pageContext(c)} name={form.data.name} token={token} />);
});

accountsPages.post('/tai-khoan/ma-api/:id/thu-hoi', signedIn, async (c) => {
  await revokeApiToken(c.var.deps.db, { actor: requireActor(c), id: c.req.param('id'), ip: requestInfo(c).ip });
  return redirectWithFlash(c, '/tai-khoan#ma-api', 'accounts.token.revokedFlash');
});

accountsPages.post('/tai-khoan', signedIn, async (c) => {
  const actor = requireActor(c);
  const { db } = c.var.deps;
  const form = await readForm(c, ProfileInput);
  if (!form.ok)
    return render(
      c,
      <AccountPage
        ctx={pageContext(c)}
        account={await getAccount(db, actor.id)}
        tokens={await listApiTokens(db, actor.id)}
        consents={await consentsOf(db, actor.id)}
        values={form.values}
        errors={form.errors}
      />,
      422,
    );
  await updateProfile({ db, actor, input: form.data, ip: requestInfo(c).ip });
  return redirectWithFlash(c, '/tai-khoan', 'accounts.profile.saved');
});

accountsPages.get('/tai-khoan/mat-khau', signedIn, (c) => render(c, <ChangePasswordPage ctx={pageContext(c)} />));

accountsPages.post('/tai-khoan/mat-khau', signedIn, async (c) => {
  const actor = requireActor(c);
  const form = await readForm(c, ChangePasswordInput);
  if (!form.ok) return render(c, <ChangePasswordPage ctx={pageContext(c)} errors={form.errors} />, 422);
  try {
    const cookies = await changePassword({ ...c.var.deps, actor, input: form.data, request: requestInfo(c) });
    passCookies(c, cookies);
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'validation') throw error;
    return render(c, <ChangePasswordPage ctx={pageContext(c)} errors={formErrors(c, error)} />, 422);
  }
  return redirectWithFlash(c, '/tai-khoan', 'auth.change.done');
});
