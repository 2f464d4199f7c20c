import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import { Secret, TOTP } from 'otpauth';
import { audit } from '#kernel/audit/audit.ts';
import { account, user, verification } from '#kernel/auth/auth.sql.ts';
import type { AuthLoader } from '#kernel/auth/auth.ts';
import { takeAttempt } from '#kernel/auth/limits.ts';
import { type Actor, isStaff } from '#kernel/auth/roles.ts';
import type { Db } from '#kernel/db/client.ts';
import { AppError } from '#kernel/http/errors.ts';
import { twoFactor } from './two-factor.sql.ts';

// Two-step sign-in for staff: a TOTP authenticator (RFC 6238, 6 digits, 30 s) and ten one-time
// backup codes. The codes are checked here with `otpauth`, not with better-auth's twoFactor plugin:
// see docs/decisions/0035-staff-two-factor.md.

const issuer = 'Kết Nối';
const backupCount = 10;
/** Code attempts per account in 15 minutes, whatever the address (6 digits must not be guessable). */
export const codeLimit = { limit: 10, windowMinutes: 15 } as const;
/** How long the code page waits after the right password. */
const pendingMinutes = 10;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const totpOf = (secret: string, label: string) =>
  new TOTP({ issuer, label, algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) });

/** A code as typed: digits and letters only (spaces and dashes dropped), upper-cased. */
export const normaliseCode = (code: string) => code.replace(/[\s-]/g, '').toUpperCase();

/** True when the account has confirmed an authenticator. */
export async function hasTwoFactor(db: Db, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ userId: twoFactor.userId })
    .from(twoFactor)
    .where(and(eq(twoFactor.userId, userId), isNotNull(twoFactor.enabledAt)));
  return Boolean(row);
}

/** What the two-step page shows an account. */
export type TwoFactorState =
  | { on: true; enabledAt: Date; backupLeft: number }
  | { on: false; secret: string; uri: string };

/**
 * The account's two-step state; when it is off, a set-up is begun (or the begun one shown again):
 * a new secret is kept unconfirmed until a code from it is typed.
 * @throws AppError forbidden for anyone but officers and admins
 */
export async function twoFactorState(db: Db, actor: Actor): Promise<TwoFactorState> {
  if (!isStaff(actor)) throw new AppError('forbidden');
  const [row] = await db.select().from(twoFactor).where(eq(twoFactor.userId, actor.id));
  if (row?.enabledAt) return { on: true, enabledAt: row.enabledAt, backupLeft: row.backupCodes.length };
  let secret = row?.secret;
  if (!secret) {
    secret = new Secret({ size: 20 }).base32;
    await db.insert(twoFactor).values({ userId: actor.id, secret }).onConflictDoNothing();
    const [kept] = await db.select({ secret: twoFactor.secret }).from(twoFactor).where(eq(twoFactor.userId, actor.id));
    secret = kept?.secret ?? secret;
  }
  return { on: false, secret, uri: totpOf(secret, actor.email).toString() };
}

/**
 * The 30-second step a 6-digit code belongs to (one step of clock drift either way), or null
 * when it is not the secret's code now.
 */
function totpStep(secret: string, label: string, code: string): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpOf(secret, label).validate({ token: code, window: 1 });
  return delta === null ? null : Math.floor(Date.now() / 30_000) + delta;
}

function newBackupCodes(): string[] {
  return Array.from({ length: backupCount }, () => {
    const s = randomBytes(5).toString('hex').toUpperCase();
    return `${s.slice(0, 5)}-${s.slice(5)}`;
  });
}

/** Counts one code attempt against the account; past the limit, 429. */
async function countCodeAttempt(db: Db, userId: string) {
  if (!(await takeAttempt(db, { key: `sign-in:u:${userId}`, ...codeLimit }))) throw new AppError('too_many_requests');
}

const wrongCode = () => new AppError('validation', 'errors.validation', { code: 'accounts.twoFactor.wrongCode' });

/**
 * Turns two-step sign-in on with a code from the authenticator set up on the page; gives the
 * backup codes, shown once (only their hashes are kept).
 * @throws AppError forbidden | validation (wrong code) | too_many_requests
 */
export async function enableTwoFactor({
  db,
  actor,
  code,
  ip,
}: {
  db: Db;
  actor: Actor;
  code: string;
  ip: string | null;
}): Promise<string[]> {
  if (!isStaff(actor)) throw new AppError('forbidden');
  const [row] = await db.select().from(twoFactor).where(eq(twoFactor.userId, actor.id));
  if (row?.enabledAt) throw new AppError('conflict', 'accounts.twoFactor.alreadyOn');
  await countCodeAttempt(db, actor.id);
  const step = row ? totpStep(row.secret, actor.email, normaliseCode(code)) : null;
  if (step === null) throw wrongCode();
  const codes = newBackupCodes();
  await db.transaction(async (tx) => {
    await tx
      .update(twoFactor)
      .set({ enabledAt: new Date(), backupCodes: codes.map((c) => sha256(normaliseCode(c))), lastStep: step })
      .where(eq(twoFactor.userId, actor.id));
    await audit(tx, { actorId: actor.id, action: 'auth.two_factor_on', entity: 'user', entityId: actor.id, ip });
  });
  return codes;
}

/** True when the password is the account's own (better-auth's hash, checked in-process). */
async function passwordMatches(db: Db, auth: AuthLoader, userId: string, password: string): Promise<boolean> {
  const [row] = await db
    .select({ hash: account.password })
    .from(account)
    .where(and(eq(account.userId, userId), eq(account.providerId, 'credential')));
  if (!row?.hash) return false;
  const ctx = await (await auth()).$context;
  return ctx.password.verify({ hash: row.hash, password });
}

/**
 * Checks a code for an account that has two-step on: a 6-digit code from the authenticator, or
 * a backup code (used up by this). Every attempt counts toward the account's code limit.
 * @throws AppError too_many_requests
 */
export async function checkCode(db: Db, { userId, email, code }: { userId: string; email: string; code: string }) {
  await countCodeAttempt(db, userId);
  const [row] = await db.select().from(twoFactor).where(eq(twoFactor.userId, userId));
  if (!row?.enabledAt) return false;
  const typed = normaliseCode(code);
  const step = totpStep(row.secret, email, typed);
  if (step !== null) {
    // A code is taken once: the step moves forward in the same statement that checks it.
    const taken = await db
      .update(twoFactor)
      .set({ lastStep: step })
      .where(and(eq(twoFactor.userId, userId), or(isNull(twoFactor.lastStep), lt(twoFactor.lastStep, step))))
      .returning({ userId: twoFactor.userId });
    return taken.length > 0;
  }
  if (!/^[0-9A-F]{10}$/.test(typed)) return false;
  const hash = sha256(typed);
  // Removing the hash in the same statement that finds it: two requests with one code, one wins.
  const used = await db
    .update(twoFactor)
    .set({ backupCodes: sql`array_remove(${twoFactor.backupCodes}, ${hash})` })
    .where(and(eq(twoFactor.userId, userId), sql`${hash} = any(${twoFactor.backupCodes})`))
    .returning({ userId: twoFactor.userId });
  return used.length > 0;
}

/**
 * Turns two-step sign-in off: the password and a current code (or a backup code) are both needed.
 * @throws AppError validation (wrong password or code) | too_many_requests
 */
export async function disableTwoFactor({
  db,
  auth,
  actor,
  password,
  code,
  ip,
}: {
  db: Db;
  auth: AuthLoader;
  actor: Actor;
  password: string;
  code: string;
  ip: string | null;
}): Promise<void> {
  if (!isStaff(actor)) throw new AppError('forbidden');
  const codeOk = await checkCode(db, { userId: actor.id, email: actor.email, code });
  const passwordOk = await passwordMatches(db, auth, actor.id, password);
  if (!codeOk || !passwordOk)
    throw new AppError('validation', 'errors.validation', {
      ...(passwordOk ? {} : { password: 'errors.wrongPassword' }),
      ...(codeOk ? {} : { code: 'accounts.twoFactor.wrongCode' }),
    });
  await db.transaction(async (tx) => {
    await tx.delete(twoFactor).where(eq(twoFactor.userId, actor.id));
    await audit(tx, { actorId: actor.id, action: 'auth.two_factor_off', entity: 'user', entityId: actor.id, ip });
  });
}

/**
 * An administrator turns off another staff member's two-step sign-in (a lost phone and lost backup
 * codes): they sign in with their password alone and set it up again. Logged in the audit log.
 * @throws AppError forbidden (not an admin, or their own account: that is done on their own page) | not_found
 */
export async function resetTwoFactor({
  db,
  actor,
  userId,
  ip,
}: {
  db: Db;
  actor: Actor;
  userId: string;
  ip: string | null;
}): Promise<{ name: string }> {
  if (actor.role !== 'admin' || actor.id === userId) throw new AppError('forbidden');
  const [person] = await db.select({ name: user.name }).from(user).where(eq(user.id, userId));
  if (!person) throw new AppError('not_found');
  await db.transaction(async (tx) => {
    const gone = await tx.delete(twoFactor).where(eq(twoFactor.userId, userId)).returning({ id: twoFactor.userId });
    if (gone.length > 0)
      await audit(tx, { actorId: actor.id, action: 'auth.two_factor_reset', entity: 'user', entityId: userId, ip });
  });
  return person;
}

// ————— the sign-in that waits for a code —————

/** A sign-in whose password was right, waiting for its code: the session better-auth made, held back. */
interface Pending {
  userId: string;
  email: string;
  name: string;
  role: string;
  cookies: string[];
}

const pendingIdentifier = (token: string) => `two-factor-sign-in:${sha256(token)}`;

/**
 * Holds a signed-in session back until its code comes: the browser gets only a random token
 * (its hash names the row); the session's own cookies stay on the server until then.
 */
export async function holdSignIn(db: Db, pending: Pending): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.insert(verification).values({
    id: crypto.randomUUID(),
    identifier: pendingIdentifier(token),
    value: JSON.stringify(pending),
    expiresAt: sql`now() + make_interval(mins => ${pendingMinutes})`,
  });
  return token;
}

/** The sign-in waiting for a code under this token, or null when there is none (or it expired). */
export async function heldSignIn(db: Db, token: string): Promise<Pending | null> {
  if (!token) return null;
  const [row] = await db
    .select({ value: verification.value })
    .from(verification)
    .where(and(eq(verification.identifier, pendingIdentifier(token)), gt(verification.expiresAt, sql`now()`)));
  if (!row) return null;
  try {
    return JSON.parse(row.value) as Pending;
  } catch {
    return null;
  }
}

/** Ends a held sign-in (used, or given up): its row goes and nobody can finish it. */
export async function dropHeldSignIn(db: Db, token: string): Promise<boolean> {
  const gone = await db
    .delete(verification)
    .where(eq(verification.identifier, pendingIdentifier(token)))
    .returning({ id: verification.id });
  return gone.length > 0;
}
