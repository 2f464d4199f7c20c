import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { audit, auditMany } from '#kernel/audit/audit.ts';
import { user } from '#kernel/auth/auth.sql.ts';
import { type Actor, isStaff } from '#kernel/auth/roles.ts';
import type { Db } from '#kernel/db/client.ts';
import { referencesTo, unreferenced } from '#kernel/db/references.ts';
import { AppError } from '#kernel/http/errors.ts';
import { fold } from '#kernel/search/fold.ts';
import type { ExpertInput } from './experts.schemas.ts';
import { freeSlugFrom, titles } from './experts.service.ts';
import { expertProfile } from './experts.sql.ts';

// Experts brought in from a Department's list (the imports module). An expert is an account
// (role expert) and its profile: the import makes the account without a password, so nobody can
// sign in with it until the expert sets one ("Quên mật khẩu"), and the profile private until an
// officer publishes it. The phone and e-mail stay on the account, seen by staff only, as for any
// expert. Found again by name (titles left aside) or by the account's e-mail.

const titleWords =
  /^(?:(?:gs|pgs|ts|tskh|ths|ks|bs|ds|cn|ncs|ls|luat su|ky su|thac si|tien si|nghe nhan)(?:\.\s*|\s+))+/;

/** A name as compared: without titles ("TS.", "ThS."), case, diacritics or extra spaces. */
export const expertNameKey = (name: string) =>
  fold(name.normalize('NFC'))
    .replace(/[^a-z0-9.]+/g, ' ')
    .trim()
    .replace(titleWords, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** The expert of this name (titles aside), or the expert account of this e-mail, if there is one. */
export async function expertIdByName(db: Db, name: string, email = ''): Promise<string | null> {
  const key = expertNameKey(name);
  const last = key.split(' ').pop() ?? key;
  const found = await db
    .select({ id: expertProfile.userId, name: expertProfile.name })
    .from(expertProfile)
    .where(sql`${expertProfile.nameSearch} LIKE ${`%${last.replace(/[%_\\]/g, '')}%`}`);
  const same = found.find((f) => expertNameKey(f.name) === key);
  if (same) return same.id;
  if (!email) return null;
  const [byMail] = await db
    .select({ id: expertProfile.userId })
    .from(expertProfile)
    .innerJoin(user, eq(user.id, expertProfile.userId))
    .where(eq(user.email, email.toLowerCase()));
  return byMail?.id ?? null;
}

/**
 * Which of these e-mails already belong to an account: `expert` when it is an expert with a
 * profile (the row finds it), `other` when it is anyone else's (the row cannot take it).
 */
export async function expertEmailsTaken(db: Db, emails: string[]): Promise<Map<string, 'expert' | 'other'>> {
  const wanted = [...new Set(emails.map((e) => e.trim().toLowerCase()).filter(Boolean))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ email: user.email, profile: expertProfile.userId })
    .from(user)
    .leftJoin(expertProfile, eq(expertProfile.userId, user.id))
    .where(inArray(user.email, wanted));
  return new Map(rows.map((r) => [r.email, r.profile ? 'expert' : 'other']));
}

/**
 * Creates an expert from a list row (the caller's transaction): an account without a password,
 * role expert, holding the phone and e-mail, and its private profile.
 */
export async function enterImportedExpert(
  tx: Db,
  actor: Actor,
  input: ExpertInput,
  contact: { email: string; phone: string },
): Promise<{ id: string; slug: string }> {
  if (!isStaff(actor)) throw new AppError('forbidden');
  const id = randomUUID();
  await tx.insert(user).values({
    id,
    name:
      input.name
        .replace(titles, '')
        .replace(/^(?:[A-Za-z]{1,4}\.)+\s*/, '')
        .trim() || input.name,
    email: contact.email.toLowerCase(),
    phone: contact.phone || null,
    role: 'expert',
    emailVerified: false,
  });
  const slug = await freeSlugFrom(tx, input.name);
  await tx.insert(expertProfile).values({
    userId: id,
    slug,
    name: input.name,
    headline: input.headline,
    organisation: input.organisation,
    bio: input.bio,
    specialties: input.specialties,
    fields: input.fields,
    communes: input.communes,
    anywhere: input.anywhere,
    isPublic: input.isPublic,
  });
  await audit(tx, {
    actorId: actor.id,
    action: 'expert.create',
    entity: 'expert_profile',
    entityId: id,
    data: { imported: true },
  });
  return { id, slug };
}

/**
 * Removes experts an import created when nothing was done with them since: no sign-in (no
 * password set, no session), nothing else pointing at the account; the others stay.
 */
export async function removeImportedExperts(tx: Db, actor: Actor, ids: string[]): Promise<number> {
  if (!isStaff(actor)) throw new AppError('forbidden');
  const list = ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  if (list.length === 0) return 0;
  // Its own profile does not keep an account; a password (account) or a session does.
  const refs = await referencesTo(tx, 'user', { except: ['expert_profile'] });
  const gone = await tx
    .delete(user)
    .where(and(inArray(user.id, list), eq(user.role, 'expert'), ...unreferenced(refs, user.id)))
    .returning({ id: user.id });
  await auditMany(
    tx,
    gone.map((g) => ({
      actorId: actor.id,
      action: 'expert.remove_imported',
      entity: 'expert_profile',
      entityId: g.id,
    })),
  );
  return gone.length;
}
