import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { audit } from '#kernel/audit/audit.ts';
import type { Actor } from '#kernel/auth/roles.ts';
import type { Db } from '#kernel/db/client.ts';
import type { AppDeps } from '#kernel/http/context.ts';
import { AppError } from '#kernel/http/errors.ts';
import { createAdmin, hasAdmin } from '#modules/accounts/index.ts';
import type { ProfileInput, SecurityInput, SetupInput } from './setup.schemas.ts';
import { departmentProfile, setupToken } from './setup.sql.ts';

export type DepartmentProfile = typeof departmentProfile.$inferSelect;

/** The path of the one-time setup page for a token. */
export const setupPath = (token: string) => `/cai-dat/${token}`;

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

// What every request asks (is there an admin? the Department's name), remembered per database:
// an admin, once there, stays; the profile is forgotten when it is saved.
const adminKnown = new WeakSet<Db>();
const profiles = new WeakMap<Db, DepartmentProfile | null>();

/** True once an administrator exists; then the setup is over for good. */
export async function setupDone(db: Db): Promise<boolean> {
  if (adminKnown.has(db)) return true;
  const done = await hasAdmin(db);
  if (done) adminKnown.add(db);
  return done;
}

/** The Department's profile, or null before setup (or on a site set up before profiles existed). */
export async function getProfile(db: Db): Promise<DepartmentProfile | null> {
  const known = profiles.get(db);
  if (known !== undefined) return known;
  const [row] = await db.select().from(departmentProfile).where(eq(departmentProfile.id, 1));
  profiles.set(db, row ?? null);
  return row ?? null;
}

/**
 * On a site without an administrator, makes a new one-time setup token (256 random bits; only
 * its hash is kept, replacing any earlier one) and gives it; null once an administrator exists.
 * @example const token = await issueSetupToken(db); if (token) logger.warn(`open ${baseUrl}${setupPath(token)}`)
 */
export async function issueSetupToken(db: Db): Promise<string | null> {
  if (await setupDone(db)) return null;
  const token = randomBytes(32).toString('base64url');
  await db
    .insert(setupToken)
    .values({ id: 1, tokenHash: hashOf(token) })
    .onConflictDoUpdate({ target: setupToken.id, set: { tokenHash: hashOf(token), createdAt: new Date() } });
  return token;
}

/**
 * Checks a setup address's token: `not_found` when it is wrong, already used, or an
 * administrator exists (then the setup address is gone for good).
 * @throws AppError not_found
 */
export async function checkSetupToken(db: Db, token: string): Promise<void> {
  if (await setupDone(db)) throw new AppError('not_found');
  const [row] = await db.select({ tokenHash: setupToken.tokenHash }).from(setupToken).where(eq(setupToken.id, 1));
  const given = Buffer.from(hashOf(token));
  if (!row || !timingSafeEqual(Buffer.from(row.tokenHash), given)) throw new AppError('not_found');
}

async function saveProfile(db: Db, input: ProfileInput, by: string | null): Promise<DepartmentProfile> {
  const values = {
    name: input.name,
    unit: input.unit,
    address: input.address,
    phone: input.phone,
    email: input.email,
    baseUrl: input.baseUrl,
    updatedBy: by,
    updatedAt: new Date(),
  };
  const [row] = await db
    .insert(departmentProfile)
    .values({ id: 1, ...values })
    .onConflictDoUpdate({ target: departmentProfile.id, set: values })
    .returning();
  if (!row) throw new Error('department profile not saved');
  return row;
}

/**
 * The first run: with a right token, creates the first administrator and the Department's
 * profile, and uses the token up. Two tries racing with the same token: one wins, the other is 404.
 * @example const admin = await completeSetup({ db, auth, token, input, ip })
 * @throws AppError not_found | validation (errors.emailTaken)
 */
export async function completeSetup({
  db,
  auth,
  token,
  input,
  ip,
}: Pick<AppDeps, 'db' | 'auth'> & { token: string; input: SetupInput; ip: string | null }): Promise<Actor> {
  await checkSetupToken(db, token);
  // Take the token first, so only one request can go on with it; give it back if the admin is refused.
  const claimed = await db
    .delete(setupToken)
    .where(eq(setupToken.tokenHash, hashOf(token)))
    .returning();
  if (claimed.length === 0) throw new AppError('not_found');
  let admin: Actor;
  try {
    admin = await createAdmin({
      db,
      auth,
      input: { name: input.adminName, email: input.adminEmail, password: input.password },
      via: 'setup',
      ip,
      firstOnly: true,
    });
  } catch (error) {
    await db
      .insert(setupToken)
      .values({ id: 1, tokenHash: hashOf(token) })
      .onConflictDoNothing();
    throw error;
  }
  adminKnown.add(db);
  await db.transaction(async (tx) => {
    await saveProfile(tx, input, admin.id);
    await audit(tx, {
      actorId: admin.id,
      action: 'setup.complete',
      entity: 'department_profile',
      entityId: '1',
      data: { name: input.name, baseUrl: input.baseUrl },
      ip,
    });
  });
  profiles.delete(db);
  return admin;
}

/**
 * An administrator changes the Department's profile; the change is in the audit log.
 * @throws AppError forbidden
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
  ip: string | null;
}): Promise<DepartmentProfile> {
  if (actor.role !== 'admin') throw new AppError('forbidden');
  const before = await getProfile(db);
  const row = await db.transaction(async (tx) => {
    const saved = await saveProfile(tx, input, actor.id);
    const changed = Object.fromEntries(
      (Object.keys(input) as (keyof ProfileInput)[])
        .filter((k) => before?.[k] !== input[k])
        .map((k) => [k, { from: before?.[k] ?? null, to: input[k] }]),
    );
    await audit(tx, {
      actorId: actor.id,
      action: 'setup.profile_update',
      entity: 'department_profile',
      entityId: '1',
      data: changed,
      ip,
    });
    return saved;
  });
  profiles.set(db, row);
  return row;
}

/**
 * An administrator requires (or stops requiring) two-step sign-in for officers and admins; the
 * change is in the audit log.
 * @throws AppError forbidden
 */
export async function updateSecurity({
  db,
  actor,
  input,
  ip,
}: {
  db: Db;
  actor: Actor;
  input: SecurityInput;
  ip: string | null;
}): Promise<void> {
  if (actor.role !== 'admin') throw new AppError('forbidden');
  const values = { requireStaffTwoFactor: input.requireStaffTwoFactor, updatedBy: actor.id, updatedAt: new Date() };
  await db.transaction(async (tx) => {
    // A site set up before profiles existed has no row yet: it gets one with an empty name.
    await tx
      .insert(departmentProfile)
      .values({ id: 1, name: '', ...values })
      .onConflictDoUpdate({ target: departmentProfile.id, set: values });
    await audit(tx, {
      actorId: actor.id,
      action: 'setup.security_update',
      entity: 'department_profile',
      entityId: '1',
      data: { requireStaffTwoFactor: input.requireStaffTwoFactor },
      ip,
    });
  });
  profiles.delete(db);
}
