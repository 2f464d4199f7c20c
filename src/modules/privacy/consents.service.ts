import { and, desc, eq, isNull } from 'drizzle-orm';
import { audit } from '#kernel/audit/audit.ts';
import type { Actor } from '#kernel/auth/roles.ts';
import type { Db } from '#kernel/db/client.ts';
import { isUuid } from '#kernel/db/keys.ts';
import { AppError } from '#kernel/http/errors.ts';
import { currentNoticeVersion } from './notice.service.ts';
import type { ImportConsentInput } from './privacy.schemas.ts';
import { consent } from './privacy.sql.ts';
import { type ConsentPurpose, type ConsentSource, optionalPurposes } from './privacy.taxonomy.ts';

export type Consent = typeof consent.$inferSelect;

/**
 * Records the consents a person just gave (ticked boxes only: an unticked optional box records
 * nothing), with the notice version in force. Call it in the transaction of the sign-up or
 * registration it belongs to.
 * @example await recordConsents(tx, { userId, purposes: ['service'], source: 'sign_up' })
 */
export async function recordConsents(
  db: Db,
  {
    userId,
    purposes,
    source,
    sourceId = null,
  }: { userId: string | null; purposes: ConsentPurpose[]; source: ConsentSource; sourceId?: string | null },
): Promise<void> {
  if (purposes.length === 0) return;
  const noticeVersion = await currentNoticeVersion(db);
  await db.insert(consent).values(
    purposes.map((purpose) => ({
      userId,
      purpose,
      source,
      sourceId,
      noticeVersion,
      // A registration without an account keeps its consent as a statement tied to the seat.
      statement: userId ? '' : `${source}:${sourceId ?? ''}`,
    })),
  );
}

/**
 * Records, for the people of an imported file, what the officer stated: that they consented or
 * the legal ground that needs no consent. One row for the file (its import id).
 */
export async function recordImportBasis(
  db: Db,
  { actor, importId, input }: { actor: Actor; importId: string; input: ImportConsentInput },
): Promise<void> {
  await db.insert(consent).values({
    userId: null,
    purpose: 'service',
    basis: input.basis,
    source: 'import',
    sourceId: importId,
    recordedBy: actor.id,
    statement: input.statement,
    noticeVersion: await currentNoticeVersion(db),
  });
}

/** An account's consents, newest first, withdrawn ones included. */
export async function consentsOf(db: Db, userId: string): Promise<Consent[]> {
  return db.select().from(consent).where(eq(consent.userId, userId)).orderBy(desc(consent.givenAt));
}

/** Gives an optional consent from the account page (e.g. news by e-mail after having said no). */
export async function giveConsent({ db, actor, purpose }: { db: Db; actor: Actor; purpose: ConsentPurpose }) {
  if (!optionalPurposes.includes(purpose)) throw new AppError('bad_request');
  await db.transaction(async (tx) => {
    const [live] = await tx
      .select({ id: consent.id })
      .from(consent)
      .where(and(eq(consent.userId, actor.id), eq(consent.purpose, purpose), isNull(consent.withdrawnAt)));
    if (live) return;
    await recordConsents(tx, { userId: actor.id, purposes: [purpose], source: 'account' });
    await audit(tx, { actorId: actor.id, action: 'privacy.consent_give', entity: 'consent', data: { purpose } });
  });
}

/**
 * Withdraws one of the person's own optional consents. A required one (the service itself) is
 * withdrawn by deleting the account or filing a request, never by a button that would leave the
 * account in use without a ground: 400.
 */
export async function withdrawConsent({ db, actor, id }: { db: Db; actor: Actor; id: string }) {
  if (!isUuid(id)) throw new AppError('not_found', 'privacy.consent.notFound');
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(consent)
      .where(and(eq(consent.id, id), eq(consent.userId, actor.id)))
      .for('update');
    if (!row) throw new AppError('not_found', 'privacy.consent.notFound');
    if (!optionalPurposes.includes(row.purpose as ConsentPurpose))
      throw new AppError('bad_request', 'privacy.consent.required');
    if (row.withdrawnAt) return;
    await tx.update(consent).set({ withdrawnAt: new Date() }).where(eq(consent.id, id));
    await audit(tx, {
      actorId: actor.id,
      action: 'privacy.consent_withdraw',
      entity: 'consent',
      entityId: id,
      data: { purpose: row.purpose },
    });
  });
}

/** Withdraws every live consent of an account (its deletion, or a withdrawal request carried out). */
export async function withdrawAll(db: Db, userId: string): Promise<void> {
  await db
    .update(consent)
    .set({ withdrawnAt: new Date() })
    .where(and(eq(consent.userId, userId), isNull(consent.withdrawnAt)));
}
