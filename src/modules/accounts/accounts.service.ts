import { randomBytes, randomUUID } from 'node:crypto';
import type { APIError } from 'better-auth/api';
import { and, count, desc, eq, gt, gte, inArray, like, or, type SQL, sql } from 'drizzle-orm';
import { auditLog } from '#kernel/audit/audit.sql.ts';
import { audit } from '#kernel/audit/audit.ts';
import { session, signInFailure, user, verification } from '#kernel/auth/auth.sql.ts';
import { resetPasswordPath } from '#kernel/auth/auth.ts';
import { heldKeys, takeAttempt } from '#kernel/auth/limits.ts';
import { type Actor, isRole, type Role } from '#kernel/auth/roles.ts';
import type { Db } from '#kernel/db/client.ts';
import { isUuid } from '#kernel/db/keys.ts';
import { rows as rawRows } from '#kernel/db/rows.ts';
import type { AppDeps } from '#kernel/http/context.ts';
import { AppError } from '#kernel/http/errors.ts';
import { type PageInfo, pageFrom, pageInfo } from '#kernel/http/pagination.ts';
import { translator } from '#kernel/i18n/index.ts';
import { mailOutbox } from '#kernel/mail/mail.sql.ts';
import { type Mailer, queueMail, requeueMail } from '#kernel/mail/mailer.ts';
import { matches } from '#kernel/search/search.ts';
import { recordConsents } from '#modules/privacy/index.ts';
import type {
  AuditQuery,
  ChangePasswordInput,
  DisableInput,
  ForgotPasswordInput,
  InviteInput,
  ProfileInput,
  ResetPasswordInput,
  RoleInput,
  SignInInput,
  SignUpInput,
  UserListQuery,
} from './accounts.schemas.ts';
import { checkCode, dropHeldSignIn, hasTwoFactor, heldSignIn, holdSignIn } from './two-factor.ts';

type AuthDeps = Pick<AppDeps, 'db' | 'auth'>;

/** Where a request came from, as far as the audit log and the throttle need to know. */
export interface RequestInfo {
  /** The request's headers, handed to better-auth (cookies, user agent). */
  headers: Headers;
  ip: string;
}

/** What a sign-in, sign-up or password change gives back: the browser's new cookies. */
export interface SessionResult {
  actor: Actor;
  cookies: string[];
  /**
   * Set when the account has two-step sign-in on: no cookies yet, the session waits on the server
   * for a code; this token (for the browser's `kn_2fa` cookie) names the wait.
   */
  twoFactorToken?: string;
}

export const signInLimits = { perEmail: 5, perIp: 20, windowMinutes: 15 } as const;
/**
 * Mails one e-mail address may be sent from the signed-out forms in 15 minutes, whatever address
 * asks (each form also limits the asking address): changing addresses cannot flood one person.
 */
export const mailLimits = { perEmail: 3, windowMinutes: 15 } as const;

/** Counts a signed-out form's mail to this e-mail; past the limit, refused with 429. */
async function limitMailsTo(db: Db, form: 'sign-up' | 'reset', email: string) {
  const key = `${form}-email:${email}`;
  if (!(await takeAttempt(db, { key, limit: mailLimits.perEmail, windowMinutes: mailLimits.windowMinutes })))
    throw new AppError('too_many_requests');
}
const inviteDays = 7;

// ————— better-auth calls —————

interface AuthOutcome {
  ok: boolean;
  status: number;
  code: string | undefined;
  cookies: string[];
  body: unknown;
}

/**
 * Runs one `(await auth()).api.*` call made with `asResponse: true`. better-auth answers an error
 * either with an error Response or by throwing APIError; both become one outcome here.
 */
async function callAuth(run: () => Promise<Response>): Promise<AuthOutcome> {
  try {
    const res = await run();
    const body: unknown = await res
      .clone()
      .json()
      .catch(() => null);
    const code = res.ok ? undefined : codeOf(body);
    return { ok: res.ok, status: res.status, code, cookies: res.headers.getSetCookie(), body };
  } catch (error) {
    const apiError = await asApiError(error);
    if (!apiError) throw error;
    return { ok: false, status: apiError.statusCode, code: codeOf(apiError.body), cookies: [], body: apiError.body };
  }
}

/** better-auth's own error type, without loading better-auth before it is needed. */
async function asApiError(error: unknown): Promise<APIError | null> {
  const { APIError } = await import('better-auth/api');
  return error instanceof APIError ? error : null;
}

function codeOf(body: unknown): string | undefined {
  return body && typeof body === 'object' && 'code' in body && typeof body.code === 'string' ? body.code : undefined;
}

function toActor(u: { id: string; name: string; email: string; role?: string | null }): Actor {
  return { id: u.id, name: u.name, email: u.email, role: isRole(u.role) ? u.role : 'founder' };
}

// ————— sign-in throttle —————

/** True when this e-mail or this address has failed too often in the last 15 minutes. */
export async function isThrottled(db: Db, { email, ip }: { email: string; ip: string }): Promise<boolean> {
  const { byEmail, byIp } = await recentFailures(db, { email, ip });
  return byEmail >= signInLimits.perEmail || byIp >= signInLimits.perIp;
}

async function recentFailures(db: Db, { email, ip }: { email: string; ip: string }) {
  const since = sql`now() - make_interval(mins => ${signInLimits.windowMinutes})`;
  const [row] = await db
    .select({
      byEmail: sql<number>`count(*) filter (where ${signInFailure.email} = ${email})`.mapWith(Number),
      byIp: sql<number>`count(*) filter (where ${signInFailure.ip} = ${ip})`.mapWith(Number),
    })
    .from(signInFailure)
    .where(and(or(eq(signInFailure.email, email), eq(signInFailure.ip, ip)), gte(signInFailure.at, since)));
  return { byEmail: row?.byEmail ?? 0, byIp: row?.byIp ?? 0 };
}

/** How long a successful sign-in makes its address known to the account. */
const knownAddressDays = 180;

/**
 * True when the account with this e-mail signed in successfully from this address in the last
 * 180 days (the audit log's sign-in lines carry the address the site believed, never better-auth's
 * reading of X-Forwarded-For).
 */
export async function isKnownAddress(db: Db, { email, ip }: { email: string; ip: string }): Promise<boolean> {
  const [row] = await db
    .select({ id: auditLog.id })
    .from(auditLog)
    .innerJoin(user, and(eq(auditLog.entity, 'user'), eq(auditLog.entityId, user.id)))
    .where(
      and(
        eq(user.email, email),
        eq(auditLog.action, 'auth.sign_in'),
        eq(auditLog.ip, ip),
        gte(auditLog.at, sql`now() - make_interval(days => ${knownAddressDays})`),
      ),
    )
    .limit(1);
  return Boolean(row);
}

/**
 * Counts this attempt as a failure before the password is checked, then counts: of many guesses
 * sent at once, each sees the ones written before it, so no more than the limit get through
 * (checking first and writing after let 100 parallel guesses all through). A refused attempt
 * takes its row back, so waiting out the window is enough; a right password clears the rows of
 * its e-mail and address. The per-e-mail limit does not hold at an address the account has
 * signed in from: guesses from elsewhere slow the account down, never lock its owner out.
 */
async function claimAttempt(db: Db, { email, ip }: { email: string; ip: string }) {
  const [row] = await db.insert(signInFailure).values({ email, ip }).returning({ id: signInFailure.id });
  const id = row?.id ?? 0;
  const { byEmail, byIp } = await recentFailures(db, { email, ip });
  const throttled =
    byIp > signInLimits.perIp || (byEmail > signInLimits.perEmail && !(await isKnownAddress(db, { email, ip })));
  if (throttled) await db.delete(signInFailure).where(eq(signInFailure.id, id));
  return { id, throttled };
}

/** What is held back: a form's name as the limits count it. */
export type HeldForm = 'sign-in' | 'sign-up' | 'reset' | 'inquiry' | 'request' | 'api-request';
export const heldForms: readonly HeldForm[] = ['sign-in', 'sign-up', 'reset', 'inquiry', 'request', 'api-request'];

/** One e-mail, address or account that has used up a limit, and when it may try again. */
export interface HeldRow {
  form: HeldForm;
  kind: 'email' | 'address' | 'account';
  /** The e-mail, the address, or the account's e-mail. */
  who: string;
  until: Date;
}

/**
 * E-mails, addresses and accounts that a limit holds back now, the latest to be freed first:
 * sign-in failures (5 an e-mail, 20 an address) and the forms that send mail or create accounts.
 */
export async function listHeld(db: Db): Promise<HeldRow[]> {
  const signIns = (column: 'email' | 'ip', limit: number) =>
    rawRows<{ who: string; until: string | Date }>(
      db,
      sql`
      SELECT who, at + make_interval(mins => ${signInLimits.windowMinutes}) AS until FROM (
        SELECT ${sql.raw(column)} AS who, at,
               count(*) OVER (PARTITION BY ${sql.raw(column)}) AS n,
               row_number() OVER (PARTITION BY ${sql.raw(column)} ORDER BY at) AS k
        FROM sign_in_failure
        WHERE at > now() - make_interval(mins => ${signInLimits.windowMinutes})
      ) failures
      WHERE n >= ${limit} AND k = n - ${limit} + 1`,
    );
  const [byEmail, byIp, forms] = await Promise.all([
    signIns('email', signInLimits.perEmail),
    signIns('ip', signInLimits.perIp),
    heldKeys(db),
  ]);
  const held: HeldRow[] = [
    ...byEmail.map((r) => ({ form: 'sign-in' as const, kind: 'email' as const, who: r.who, until: new Date(r.until) })),
    ...byIp.map((r) => ({ form: 'sign-in' as const, kind: 'address' as const, who: r.who, until: new Date(r.until) })),
  ];
  const accountIds: string[] = [];
  for (const { key, until } of forms) {
    // Keys are `<form>-email:<e-mail>`, `<form>:ip:<address>` or `<form>:u:<account id>`.
    const byMail = /^([a-z-]+)-email:(.+)$/.exec(key);
    const byWho = /^([a-z-]+):(ip|u):(.+)$/.exec(key);
    const form = (byMail?.[1] ?? byWho?.[1]) as HeldForm | undefined;
    if (!form || !heldForms.includes(form)) continue;
    if (byMail?.[2]) held.push({ form, kind: 'email', who: byMail[2], until });
    else if (byWho?.[3]) {
      const kind = byWho[2] === 'ip' ? 'address' : 'account';
      if (kind === 'account') accountIds.push(byWho[3]);
      held.push({ form, kind, who: byWho[3], until });
    }
  }
  if (accountIds.length) {
    const names = await db.select({ id: user.id, email: user.email }).from(user).where(inArray(user.id, accountIds));
    const emailOf = new Map(names.map((n) => [n.id, n.email]));
    for (const h of held) if (h.kind === 'account') h.who = emailOf.get(h.who) ?? h.who;
  }
  return held.sort((a, b) => b.until.getTime() - a.until.getTime());
}

// ————— the signed-out journeys —————

/**
 * Signs in with e-mail and password, refusing after too many recent failures.
 * @example const { actor, cookies } = await signIn({ db, auth, input, request })
 * @throws AppError too_many_requests | validation (errors.badCredentials) | forbidden (errors.accountDisabled)
 */
export async function signIn({
  db,
  auth,
  input,
  request,
  finishing = false,
}: AuthDeps & {
  input: SignInInput;
  request: RequestInfo;
  /** Set by confirmSignUp: the sign-up link is being opened, so a new account may sign in. */
  finishing?: boolean;
}): Promise<SessionResult> {
  const { email, password } = input;
  const { ip } = request;
  const attempt = await claimAttempt(db, { email, ip });
  if (attempt.throttled) {
    await audit(db, {
      actorId: null,
      action: 'auth.sign_in_failed',
      entity: 'user',
      data: { email, reason: 'throttled' },
      ip,
    });
    throw new AppError('too_many_requests');
  }
  const outcome = await callAuth(async () =>
    (await auth()).api.signInEmail({ body: { email, password }, headers: request.headers, asResponse: true }),
  );
  if (!outcome.ok) {
    const [known] = await db.select({ id: user.id }).from(user).where(eq(user.email, email));
    if (outcome.code === 'BANNED_USER') {
      await db.delete(signInFailure).where(eq(signInFailure.id, attempt.id));
      await audit(db, {
        actorId: null,
        action: 'auth.sign_in_failed',
        entity: 'user',
        entityId: known?.id,
        data: { email, reason: 'disabled' },
        ip,
      });
      throw new AppError('forbidden', 'errors.accountDisabled');
    }
    await audit(db, {
      actorId: null,
      action: 'auth.sign_in_failed',
      entity: 'user',
      entityId: known?.id,
      data: { email, reason: 'credentials' },
      ip,
    });
    throw new AppError('validation', 'errors.badCredentials');
  }
  const signedIn = (outcome.body as { user: { id: string; name: string; email: string; role?: string } }).user;
  // A new account signs in first through the link mailed to it (told only to whoever knows the password).
  if (!finishing && (await awaitsSignUpLink(db, signedIn.id))) {
    await db.delete(session).where(eq(session.userId, signedIn.id));
    throw new AppError('forbidden', 'accounts.signUp.confirmFirst');
  }
  // Two-step sign-in: the session is held back until the code; this password's attempt stays
  // counted, so guessing codes cannot be reset by typing the password again.
  if (await hasTwoFactor(db, signedIn.id)) {
    const actor = toActor(signedIn);
    const twoFactorToken = await holdSignIn(db, {
      userId: actor.id,
      email: actor.email,
      name: actor.name,
      role: actor.role,
      cookies: outcome.cookies,
    });
    return { actor, cookies: [], twoFactorToken };
  }
  // Only this address's failures are forgiven: guesses from elsewhere keep slowing the account.
  await db.delete(signInFailure).where(and(eq(signInFailure.email, email), eq(signInFailure.ip, ip)));
  await audit(db, { actorId: signedIn.id, action: 'auth.sign_in', entity: 'user', entityId: signedIn.id, ip });
  return { actor: toActor(signedIn), cookies: outcome.cookies };
}

/**
 * The second step of a sign-in with two-step on: a code from the authenticator or a backup code.
 * A wrong code counts as a failed sign-in (the same limits as wrong passwords) and toward the
 * account's code limit; the held session is handed over only for the right code.
 * @throws AppError not_found (no sign-in waiting) | validation (wrong code) | too_many_requests
 */
export async function finishTwoFactorSignIn({
  db,
  token,
  code,
  request,
}: {
  db: Db;
  token: string;
  code: string;
  request: RequestInfo;
}): Promise<SessionResult> {
  const held = await heldSignIn(db, token);
  if (!held) throw new AppError('not_found', 'accounts.twoFactor.expired');
  const { ip } = request;
  const attempt = await claimAttempt(db, { email: held.email, ip });
  const failed = (reason: string) =>
    audit(db, {
      actorId: null,
      action: 'auth.sign_in_failed',
      entity: 'user',
      entityId: held.userId,
      data: { email: held.email, reason },
      ip,
    });
  if (attempt.throttled) {
    await failed('throttled');
    throw new AppError('too_many_requests');
  }
  if (!(await checkCode(db, { userId: held.userId, email: held.email, code }))) {
    await failed('code');
    throw new AppError('validation', 'errors.validation', { code: 'accounts.twoFactor.wrongCode' });
  }
  // Two tabs sending the right code: one hands the session over, the other starts again.
  if (!(await dropHeldSignIn(db, token))) throw new AppError('not_found', 'accounts.twoFactor.expired');
  await db.delete(signInFailure).where(and(eq(signInFailure.email, held.email), eq(signInFailure.ip, ip)));
  await audit(db, { actorId: held.userId, action: 'auth.sign_in', entity: 'user', entityId: held.userId, ip });
  return { actor: toActor({ ...held, id: held.userId }), cookies: held.cookies };
}

/** How long the link that finishes a sign-up works. */
const signUpLinkHours = 24;
const signUpIdentifier = (token: string) => `sign-up:${token}`;

/** Where a sign-up, whatever its outcome, sends the person: to their mail box. */
export const signUpSentPath = '/dang-ky/kiem-tra-email';
export const confirmSignUpPath = (token: string) => `/dang-ky/xac-nhan/${encodeURIComponent(token)}`;

/**
 * Starts a founder's account. The answer never says whether the e-mail already had one: a new
 * account gets a mail with the link that finishes it (and signs in); an e-mail that has an account
 * gets a mail telling its owner that someone tried, with links to sign in and to reset the
 * password. Either way the person is sent to check their mail.
 * @throws AppError too_many_requests after 3 sign-ups naming one e-mail in 15 minutes
 */
export async function signUp({
  db,
  auth,
  mailer,
  config,
  input,
  request,
  next,
}: Pick<AppDeps, 'db' | 'auth' | 'mailer' | 'config'> & {
  input: SignUpInput;
  request: RequestInfo;
  /** A path of this site to go to once the account is finished. */
  next?: string;
}): Promise<{ token?: string }> {
  await limitMailsTo(db, 'sign-up', input.email);
  const t = translator('vi');
  const tellOwner = async (id: string, name: string) => {
    await db.transaction(async (tx) => {
      await queueMail(tx, {
        to: input.email,
        subject: t('accounts.mail.signUpTaken.subject'),
        text: t('accounts.mail.signUpTaken.body', {
          name,
          signIn: `${config.BASE_URL}/dang-nhap`,
          reset: `${config.BASE_URL}/quen-mat-khau`,
        }),
      });
      await audit(tx, { actorId: null, action: 'auth.sign_up_taken', entity: 'user', entityId: id, ip: request.ip });
    });
    mailer.wake();
  };
  const [existing] = await db.select({ id: user.id, name: user.name }).from(user).where(eq(user.email, input.email));
  if (existing) {
    await tellOwner(existing.id, existing.name);
    return {};
  }
  const outcome = await callAuth(async () =>
    (await auth()).api.signUpEmail({
      body: { name: input.name, email: input.email, password: input.password },
      headers: request.headers,
      asResponse: true,
    }),
  );
  if (!outcome.ok) {
    // Two sign-ups racing for one e-mail: the second lands here, and is told like any other.
    if (outcome.code?.startsWith('USER_ALREADY_EXISTS')) {
      const [raced] = await db.select({ id: user.id, name: user.name }).from(user).where(eq(user.email, input.email));
      if (raced) {
        await tellOwner(raced.id, raced.name);
        return {};
      }
    }
    throw new AppError('bad_request');
  }
  const created = (outcome.body as { user: { id: string; name: string; email: string } }).user;
  const token = randomBytes(24).toString('base64url');
  const link = `${config.BASE_URL}${confirmSignUpPath(token)}${next ? `?next=${encodeURIComponent(next)}` : ''}`;
  await db.transaction(async (tx) => {
    // The role is set here, never taken from the form: whoever signs up is a founder.
    await tx
      .update(user)
      .set({ role: 'founder', phone: input.phone || null })
      .where(eq(user.id, created.id));
    await tx.insert(verification).values({
      id: randomUUID(),
      identifier: signUpIdentifier(token),
      value: created.id,
      expiresAt: sql`now() + make_interval(hours => ${signUpLinkHours})`,
    });
    await queueMail(tx, {
      to: input.email,
      subject: t('accounts.mail.signUp.subject'),
      text: t('accounts.mail.signUp.body', { name: input.name, url: link, hours: signUpLinkHours }),
    });
    await recordConsents(tx, {
      userId: created.id,
      purposes: input.consentNews ? ['service', 'news'] : ['service'],
      source: 'sign_up',
    });
    await audit(tx, {
      actorId: created.id,
      action: 'auth.sign_up',
      entity: 'user',
      entityId: created.id,
      data: { role: 'founder' },
      ip: request.ip,
    });
  });
  mailer.wake();
  // With no mail server (a trial install: mail is only kept for admins), no one could open the
  // link: the page finishes the account at once with it. Only there does sign-up tell new from known.
  return config.SMTP_URL ? {} : { token };
}

/** The account a sign-up link finishes, or null when the link is unknown, used or expired. */
export async function signUpLinkOwner(db: Db, token: string): Promise<{ id: string; email: string } | null> {
  if (!token || token.length > 200) return null;
  const [owner] = await db
    .select({ id: user.id, email: user.email })
    .from(verification)
    .innerJoin(user, eq(user.id, verification.value))
    .where(and(eq(verification.identifier, signUpIdentifier(token)), gt(verification.expiresAt, sql`now()`)));
  return owner ?? null;
}

/** True while the account waits for its sign-up link to be opened. */
async function awaitsSignUpLink(db: Db, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: verification.id })
    .from(verification)
    .innerJoin(user, eq(user.id, verification.value))
    .where(and(eq(user.id, userId), eq(user.emailVerified, false), like(verification.identifier, 'sign-up:%')))
    .limit(1);
  return Boolean(row);
}

/** Ends every sign-up link of an account: the e-mail is proven. */
async function forgetSignUpLinks(db: Db, userId: string) {
  await db.delete(verification).where(and(eq(verification.value, userId), like(verification.identifier, 'sign-up:%')));
}

/**
 * Finishes a sign-up from the link mailed to the new founder: the password they chose signs
 * them in, which proves the e-mail is theirs.
 * @throws AppError not_found when the link is unknown, used or expired | what signIn throws
 */
export async function confirmSignUp({
  db,
  auth,
  token,
  password,
  request,
}: AuthDeps & { token: string; password: string; request: RequestInfo }): Promise<SessionResult> {
  const owner = await signUpLinkOwner(db, token);
  if (!owner) throw new AppError('not_found', 'accounts.signUp.linkInvalid');
  const result = await signIn({ db, auth, input: { email: owner.email, password }, request, finishing: true });
  await db.update(user).set({ emailVerified: true }).where(eq(user.id, owner.id));
  await forgetSignUpLinks(db, owner.id);
  return result;
}

/** Ends the current session; gives the cookies that clear it in the browser. */
export async function signOut({
  db,
  auth,
  actor,
  request,
}: AuthDeps & { actor: Actor | null; request: RequestInfo }): Promise<string[]> {
  const outcome = await callAuth(async () =>
    (await auth()).api.signOut({ headers: request.headers, asResponse: true }),
  );
  if (actor)
    await audit(db, { actorId: actor.id, action: 'auth.sign_out', entity: 'user', entityId: actor.id, ip: request.ip });
  return outcome.cookies;
}

/**
 * Sends a reset link when the e-mail has an account (the mail is written by kernel/auth); says
 * nothing either way, so the form cannot be used to learn who has an account.
 * @throws AppError too_many_requests after 3 requests for one e-mail in 15 minutes
 */
export async function requestPasswordReset({
  db,
  auth,
  input,
  request,
}: AuthDeps & { input: ForgotPasswordInput; request: RequestInfo }): Promise<void> {
  await limitMailsTo(db, 'reset', input.email);
  const [known] = await db.select({ id: user.id }).from(user).where(eq(user.email, input.email));
  // A new link replaces the older ones: only the last mail sent works.
  if (known) await forgetResetLinks(db, known.id);
  await (await auth()).api.requestPasswordReset({ body: { email: input.email } });
  await audit(db, {
    actorId: null,
    action: 'auth.password_reset_request',
    entity: 'user',
    entityId: known?.id,
    data: { email: input.email, known: Boolean(known) },
    ip: request.ip,
  });
}

/** Ends every reset (and invitation) link of an account. */
async function forgetResetLinks(db: Db, userId: string) {
  await db
    .delete(verification)
    .where(
      and(
        eq(verification.value, userId),
        or(like(verification.identifier, 'reset-password:%'), like(verification.identifier, `${invitationMark}%`)),
      ),
    );
}

/**
 * An invitation is a reset link (better-auth sets the password with it) plus a mark under the same
 * token, so that the page behind the link speaks of creating an account, not changing a password.
 */
const invitationMark = 'invitation:';

/** The account a reset (or invitation) link is for, or null when the link is unknown or expired. */
export async function resetLinkOwner({
  db,
  auth,
  token,
}: AuthDeps & { token: string }): Promise<{ id: string; email: string; name: string; invitation: boolean } | null> {
  if (!token || token.length > 200) return null;
  const ctx = await (await auth()).$context;
  const link = await ctx.internalAdapter.findVerificationValue(`reset-password:${token}`);
  if (!link || new Date(link.expiresAt) < new Date()) return null;
  const [owner] = await db
    .select({ id: user.id, email: user.email, name: user.name })
    .from(user)
    .where(eq(user.id, link.value));
  if (!owner) return null;
  const [mark] = await db
    .select({ id: verification.id })
    .from(verification)
    .where(and(eq(verification.identifier, `${invitationMark}${token}`), eq(verification.value, owner.id)));
  return { ...owner, invitation: Boolean(mark) };
}

/**
 * Sets a new password from a reset or invitation link; every session of the account ends.
 * @throws AppError validation (errors.resetTokenInvalid) when the link is unknown, used or expired
 */
export async function resetPassword({
  db,
  auth,
  token,
  input,
  request,
}: AuthDeps & { token: string; input: ResetPasswordInput; request: RequestInfo }): Promise<{ invitation: boolean }> {
  const owner = await resetLinkOwner({ db, auth, token });
  if (!owner) throw new AppError('validation', 'errors.resetTokenInvalid');
  try {
    await (await auth()).api.resetPassword({ body: { newPassword: input.password, token } });
  } catch (error) {
    // Used by someone else between our check and now (a double submit).
    if (await asApiError(error)) throw new AppError('validation', 'errors.resetTokenInvalid');
    throw error;
  }
  // Every other link of the account dies with this use; a sign-up waiting for its link is finished.
  await forgetResetLinks(db, owner.id);
  await forgetSignUpLinks(db, owner.id);
  // Opening the link proved the e-mail is theirs, and lifts a sign-in lock on it.
  await db.update(user).set({ emailVerified: true }).where(eq(user.id, owner.id));
  await db.delete(signInFailure).where(eq(signInFailure.email, owner.email));
  await audit(db, {
    actorId: owner.id,
    action: owner.invitation ? 'auth.invitation_accept' : 'auth.password_reset',
    entity: 'user',
    entityId: owner.id,
    ip: request.ip,
  });
  return { invitation: owner.invitation };
}

/**
 * Changes the signed-in person's password; other sessions end and this one is renewed.
 * @throws AppError validation with `currentPassword: errors.wrongPassword`
 */
export async function changePassword({
  db,
  auth,
  actor,
  input,
  request,
}: AuthDeps & { actor: Actor; input: ChangePasswordInput; request: RequestInfo }): Promise<string[]> {
  const outcome = await callAuth(async () =>
    (await auth()).api.changePassword({
      body: { currentPassword: input.currentPassword, newPassword: input.newPassword, revokeOtherSessions: true },
      headers: request.headers,
      asResponse: true,
    }),
  );
  if (!outcome.ok) {
    if (outcome.status === 401) throw new AppError('unauthenticated');
    throw new AppError('validation', 'errors.validation', { currentPassword: 'errors.wrongPassword' });
  }
  await audit(db, {
    actorId: actor.id,
    action: 'auth.password_change',
    entity: 'user',
    entityId: actor.id,
    ip: request.ip,
  });
  return outcome.cookies;
}

export interface AccountView {
  id: string;
  name: string;
  email: string;
  phone: string | null;
  role: Role;
  createdAt: Date;
}

/** The signed-in person's own account, as the account page shows it. */
export async function getAccount(db: Db, userId: string): Promise<AccountView> {
  const [row] = await db
    .select({
      id: user.id,
      name: user.name,
      email: user.email,
      phone: user.phone,
      role: user.role,
      createdAt: user.createdAt,
    })
    .from(user)
    .where(eq(user.id, userId));
  if (!row) throw new AppError('not_found', 'errors.userNotFound');
  return { ...row, role: isRole(row.role) ? row.role : 'founder' };
}

/**
 * The signed-in person changes their own name and phone (stored as the people registry stores a
 * phone: digits, +84 written as 0). The audit log keeps which fields changed.
 */
export async function updateProfile({
  db,
  actor,
  input,
  ip,
}: {
  db: Db;
  actor: Actor;
  input: ProfileInput;
  ip?: string;
}): Promise<AccountView> {
  const before = await getAccount(db, actor.id);
  const phone = input.phone || null;
  const changed = [before.name !== input.name && 'name', before.phone !== phone && 'phone'].filter(Boolean);
  if (changed.length === 0) return before;
  await db.transaction(async (tx) => {
    await tx.update(user).set({ name: input.name, phone, updatedAt: new Date() }).where(eq(user.id, actor.id));
    await audit(tx, {
      actorId: actor.id,
      action: 'user.profile_update',
      entity: 'user',
      entityId: actor.id,
      data: { changed },
      ip,
    });
  });
  return { ...before, name: input.name, phone };
}

// ————— administration —————

export interface UserRow {
  id: string;
  name: string;
  email: string;
  role: Role;
  disabled: boolean;
  createdAt: Date;
}

/**
 * Users for the admin list: accent-insensitive search on name and e-mail, a role filter,
 * 20 a page, newest first.
 */
export async function listUsers(
  db: Db,
  query: UserListQuery,
  perPage = 20,
): Promise<{ rows: UserRow[]; info: PageInfo }> {
  const searchColumn = sql`lower(f_unaccent(${user.name} || ' ' || ${user.email}))`;
  const where = and(
    query.q ? matches(searchColumn, query.q) : undefined,
    query.role ? eq(user.role, query.role) : undefined,
  );
  const page = pageFrom(query.page, perPage);
  const [total] = await db.select({ n: count() }).from(user).where(where);
  const rows = await db
    .select({
      id: user.id,
      name: user.name,
      email: user.email,
      role: user.role,
      banned: user.banned,
      createdAt: user.createdAt,
    })
    .from(user)
    .where(where)
    .orderBy(desc(user.createdAt), user.id)
    .limit(page.perPage)
    .offset(page.offset);
  return {
    rows: rows.map(({ banned, ...r }) => ({
      ...r,
      role: isRole(r.role) ? r.role : 'founder',
      disabled: Boolean(banned),
    })),
    info: pageInfo(page, total?.n ?? 0),
  };
}

/** One account as the admin's page about it shows it. */
export async function getUser(db: Db, id: string): Promise<UserRow> {
  const [row] = await db
    .select({
      id: user.id,
      name: user.name,
      email: user.email,
      role: user.role,
      banned: user.banned,
      createdAt: user.createdAt,
    })
    .from(user)
    .where(eq(user.id, id));
  if (!row) throw new AppError('not_found', 'errors.userNotFound');
  const { banned, ...rest } = row;
  return { ...rest, role: isRole(rest.role) ? rest.role : 'founder', disabled: Boolean(banned) };
}

async function findUser(db: Db, id: string) {
  const [row] = await db
    .select({ id: user.id, name: user.name, email: user.email, role: user.role, banned: user.banned })
    .from(user)
    .where(eq(user.id, id));
  if (!row) throw new AppError('not_found', 'errors.userNotFound');
  return row;
}

/**
 * An admin gives another person a new role (never their own: an admin cannot lock
 * themselves out, and some other admin keeps the keys).
 * @throws AppError forbidden (errors.ownRole) | not_found (errors.userNotFound)
 */
export async function changeRole({
  db,
  actor,
  userId,
  input,
  ip,
}: {
  db: Db;
  actor: Actor;
  userId: string;
  input: RoleInput;
  ip?: string;
}) {
  if (userId === actor.id) throw new AppError('forbidden', 'errors.ownRole');
  const target = await findUser(db, userId);
  if (target.role !== input.role) {
    await db.transaction(async (tx) => {
      await tx.update(user).set({ role: input.role, updatedAt: new Date() }).where(eq(user.id, userId));
      await audit(tx, {
        actorId: actor.id,
        action: 'user.role_change',
        entity: 'user',
        entityId: userId,
        data: { from: target.role, to: input.role },
        ip,
      });
    });
  }
  return { name: target.name, role: input.role };
}

/**
 * Disables (or enables again) another person's account. Disabling ends their sessions at once;
 * better-auth's admin plugin refuses their next sign-in.
 * @throws AppError forbidden (errors.ownRole) | not_found (errors.userNotFound)
 */
export async function setDisabled({
  db,
  actor,
  userId,
  input,
  ip,
}: {
  db: Db;
  actor: Actor;
  userId: string;
  input: DisableInput;
  ip?: string;
}) {
  if (userId === actor.id) throw new AppError('forbidden', 'errors.ownRole');
  const target = await findUser(db, userId);
  const disabled = input.disabled === undefined ? !target.banned : input.disabled === 'true';
  await db.transaction(async (tx) => {
    await tx
      .update(user)
      .set({ banned: disabled, banReason: null, banExpires: null, updatedAt: new Date() })
      .where(eq(user.id, userId));
    if (disabled) await tx.delete(session).where(eq(session.userId, userId));
    await audit(tx, {
      actorId: actor.id,
      action: disabled ? 'user.disable' : 'user.enable',
      entity: 'user',
      entityId: userId,
      ip,
    });
  });
  return { name: target.name, disabled };
}

/**
 * Creates an account for an officer, expert, partner or admin, and e-mails them a link
 * (valid 7 days) to choose their own password. Nobody ever sees the random first password.
 * @throws AppError validation with `email: errors.emailTaken`
 */
export async function inviteUser({
  db,
  auth,
  mailer,
  config,
  actor,
  input,
  ip,
}: Pick<AppDeps, 'db' | 'auth' | 'mailer' | 'config'> & {
  actor: Actor;
  /** An admin invites staff, experts and partners; an officer invites a walk-in founder to their project. */
  input: Omit<InviteInput, 'role'> & { role: InviteInput['role'] | 'founder' };
  ip?: string;
}): Promise<{
  id: string;
}> {
  const emailTaken = () => new AppError('validation', 'errors.validation', { email: 'errors.emailTaken' });
  const [existing] = await db.select({ id: user.id }).from(user).where(eq(user.email, input.email));
  if (existing) throw emailTaken();
  let created: { id: string };
  try {
    ({ user: created } = await (await auth()).api.createUser({
      // Our roles are not the admin plugin's typed pair (user/admin), so the role goes in `data`.
      body: {
        email: input.email,
        password: randomBytes(24).toString('base64url'),
        name: input.name,
        data: { role: input.role },
      },
    }));
  } catch (error) {
    if (codeOf((await asApiError(error))?.body)?.startsWith('USER_ALREADY_EXISTS')) throw emailTaken();
    throw error;
  }

  const token = randomBytes(24).toString('base64url');
  const ctx = await (await auth()).$context;
  const expiresAt = new Date(Date.now() + inviteDays * 86400_000);
  await ctx.internalAdapter.createVerificationValue({
    value: created.id,
    identifier: `reset-password:${token}`,
    expiresAt,
  });
  await ctx.internalAdapter.createVerificationValue({
    value: created.id,
    identifier: `${invitationMark}${token}`,
    expiresAt,
  });
  // The invitee's language is not known yet: the site's default, Vietnamese.
  const t = translator('vi');
  // The account is made by the auth library; the invitation and its audit line are one change.
  await db.transaction(async (tx) => {
    await queueMail(tx, {
      to: input.email,
      subject: t('auth.mail.invite.subject'),
      text: t('auth.mail.invite.body', {
        name: input.name,
        inviter: actor.name,
        role: t(`role.${input.role}`),
        url: `${config.BASE_URL}${resetPasswordPath(token)}`,
      }),
    });
    await audit(tx, {
      actorId: actor.id,
      action: 'user.invite',
      entity: 'user',
      entityId: created.id,
      data: { email: input.email, role: input.role },
      ip,
    });
  });
  mailer.wake();
  return { id: created.id };
}

export type OutboxRow = typeof mailOutbox.$inferSelect;

/** The mail outbox, newest first; `failed` shows only the mails that gave up, for an admin to send again. */
export async function listOutbox(
  db: Db,
  rawPage: string | undefined,
  { perPage = 20, failedOnly = false }: { perPage?: number; failedOnly?: boolean } = {},
): Promise<{ rows: OutboxRow[]; info: PageInfo; failed: number }> {
  const page = pageFrom(rawPage, perPage);
  const where = failedOnly ? eq(mailOutbox.status, 'failed') : undefined;
  const [[total], [failed]] = await Promise.all([
    db.select({ n: count() }).from(mailOutbox).where(where),
    db.select({ n: count() }).from(mailOutbox).where(eq(mailOutbox.status, 'failed')),
  ]);
  const rows = await db
    .select()
    .from(mailOutbox)
    .where(where)
    .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id))
    .limit(page.perPage)
    .offset(page.offset);
  return { rows, info: pageInfo(page, total?.n ?? 0), failed: failed?.n ?? 0 };
}

/** An admin sends a mail that failed again; the worker takes it at once. */
export async function resendMail({ db, actor, id, mailer }: { db: Db; actor: Actor; id: string; mailer: Mailer }) {
  if (actor.role !== 'admin') throw new AppError('forbidden');
  if (!isUuid(id) || !(await requeueMail(db, id))) throw new AppError('not_found');
  await audit(db, { actorId: actor.id, action: 'mail.resend', entity: 'mail_outbox', entityId: id });
  mailer.wake();
}

export interface AuditRow {
  id: number;
  at: Date;
  actorId: string | null;
  actorName: string | null;
  actorEmail: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  data: Record<string, unknown> | null;
  ip: string | null;
}

/** The audit log's filters once read: each one given narrows the lines. */
export type AuditFilters = Omit<AuditQuery, 'page'>;

/** The most lines one CSV export carries (the newest that match). */
export const auditExportCap = 50_000;

/** Vietnam keeps +07:00 all year: a day starts at its midnight there. */
const dayStarts = (day: string) => sql`(${day}::date::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')`;
const dayEnds = (day: string) => sql`((${day}::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')`;

function auditWhere(db: Db, f: AuditFilters): SQL | undefined {
  const people = sql`lower(f_unaccent(${user.name} || ' ' || ${user.email}))`;
  const words = sql`lower(f_unaccent(coalesce(${auditLog.entityId}, '') || ' ' || coalesce(${auditLog.data}::text, '') || ' ' || coalesce(${auditLog.ip}, '')))`;
  return and(
    f.actor
      ? inArray(auditLog.actorId, db.select({ id: user.id }).from(user).where(matches(people, f.actor)))
      : undefined,
    f.action ? eq(auditLog.action, f.action) : undefined,
    f.entity ? eq(auditLog.entity, f.entity) : undefined,
    f.from ? sql`${auditLog.at} >= ${dayStarts(f.from)}` : undefined,
    f.to ? sql`${auditLog.at} < ${dayEnds(f.to)}` : undefined,
    f.text ? matches(words, f.text) : undefined,
  );
}

function auditLines(db: Db, where: SQL | undefined) {
  return db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actorId: auditLog.actorId,
      actorName: user.name,
      actorEmail: user.email,
      action: auditLog.action,
      entity: auditLog.entity,
      entityId: auditLog.entityId,
      data: auditLog.data,
      ip: auditLog.ip,
    })
    .from(auditLog)
    .leftJoin(user, eq(user.id, auditLog.actorId))
    .where(where)
    .orderBy(desc(auditLog.id));
}

/** The audit log, newest first, with the name of whoever acted, narrowed by the filters given. */
export async function listAudit(
  db: Db,
  filters: AuditFilters,
  rawPage: string | undefined,
  perPage = 50,
): Promise<{ rows: AuditRow[]; info: PageInfo }> {
  const page = pageFrom(rawPage, perPage);
  const where = auditWhere(db, filters);
  const [total] = await db.select({ n: count() }).from(auditLog).where(where);
  const rows = await auditLines(db, where).limit(page.perPage).offset(page.offset);
  return { rows, info: pageInfo(page, total?.n ?? 0) };
}

/** The lines an export carries: the newest that match, at most `auditExportCap`. */
export async function exportAudit(db: Db, filters: AuditFilters): Promise<AuditRow[]> {
  return auditLines(db, auditWhere(db, filters)).limit(auditExportCap);
}

/** The actions and the kinds of item the log holds, for the filters' selects. */
export async function auditChoices(db: Db): Promise<{ actions: string[]; entities: string[] }> {
  const [actions, entities] = await Promise.all([
    db.selectDistinct({ v: auditLog.action }).from(auditLog).orderBy(auditLog.action),
    db
      .selectDistinct({ v: auditLog.entity })
      .from(auditLog)
      .where(sql`${auditLog.entity} <> ''`)
      .orderBy(auditLog.entity),
  ]);
  return { actions: actions.map((r) => r.v), entities: entities.map((r) => r.v) };
}

/**
 * Officers and admins, by name: the people a project can be given to as case officer.
 * @example const staff = await listStaff(db) // [{ id, name }]
 */
export async function listStaff(db: Db): Promise<{ id: string; name: string }[]> {
  return db
    .select({ id: user.id, name: user.name })
    .from(user)
    .where(and(inArray(user.role, ['officer', 'admin']), sql`coalesce(${user.banned}, false) = false`))
    .orderBy(user.name, user.id);
}
