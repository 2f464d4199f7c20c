import { and, desc, lte } from 'drizzle-orm';
import { audit } from '#kernel/audit/audit.ts';
import type { Actor } from '#kernel/auth/roles.ts';
import type { Db } from '#kernel/db/client.ts';
import { AppError } from '#kernel/http/errors.ts';
import { todayInVietnam } from '#kernel/i18n/index.ts';
import type { NoticeInput } from './privacy.schemas.ts';
import { privacyNotice } from './privacy.sql.ts';

export type Notice = typeof privacyNotice.$inferSelect;

/** Every version of the notice, newest effective date first. */
export async function listNotices(db: Db): Promise<Notice[]> {
  return db.select().from(privacyNotice).orderBy(desc(privacyNotice.effectiveOn), desc(privacyNotice.publishedAt));
}

/** The version in force today (Vietnam's today): the newest whose effective date has come; null when none. */
export async function currentNotice(db: Db, today = todayInVietnam()): Promise<Notice | null> {
  const [row] = await db
    .select()
    .from(privacyNotice)
    .where(and(lte(privacyNotice.effectiveOn, today)))
    .orderBy(desc(privacyNotice.effectiveOn), desc(privacyNotice.publishedAt))
    .limit(1);
  return row ?? null;
}

/** The version string consents given now refer to, or null when no notice is published yet. */
export async function currentNoticeVersion(db: Db): Promise<string | null> {
  return (await currentNotice(db))?.version ?? null;
}

/**
 * Publishes a new version of the notice. Versions are kept as published: a version already used
 * is refused (409 on the form), never overwritten.
 */
export async function publishNotice({ db, actor, input }: { db: Db; actor: Actor; input: NoticeInput }) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(privacyNotice)
      .values({ ...input, publishedBy: actor.id })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new AppError('validation', 'errors.validation', { version: 'privacy.v.versionTaken' });
    await audit(tx, {
      actorId: actor.id,
      action: 'privacy.notice_publish',
      entity: 'privacy_notice',
      entityId: row.id,
      data: { version: row.version, effectiveOn: row.effectiveOn },
    });
    return row;
  });
}
