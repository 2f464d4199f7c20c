import { desc, eq } from 'drizzle-orm';
import { audit } from '#kernel/audit/audit.ts';
import type { Actor } from '#kernel/auth/roles.ts';
import type { Db } from '#kernel/db/client.ts';
import { isUuid } from '#kernel/db/keys.ts';
import { AppError } from '#kernel/http/errors.ts';
import type { BreachInput } from './privacy.schemas.ts';
import { breach } from './privacy.sql.ts';
import { breachNotifyHours } from './privacy.taxonomy.ts';

export type Breach = typeof breach.$inferSelect;

/** When the authority must have been told: 72 hours after discovery. */
export const notifyBy = (b: Pick<Breach, 'discoveredAt'>) =>
  new Date(b.discoveredAt.getTime() + breachNotifyHours * 60 * 60_000);

/** A breach not yet notified past its 72 hours, or notified late. */
export const notifiedLate = (b: Pick<Breach, 'discoveredAt' | 'notifiedAt'>, now = new Date()) =>
  (b.notifiedAt ?? now).getTime() > notifyBy(b).getTime();

export async function listBreaches(db: Db): Promise<Breach[]> {
  return db.select().from(breach).orderBy(desc(breach.discoveredAt));
}

export async function getBreach(db: Db, id: string): Promise<Breach> {
  if (!isUuid(id)) throw new AppError('not_found', 'privacy.breach.notFound');
  const [row] = await db.select().from(breach).where(eq(breach.id, id));
  if (!row) throw new AppError('not_found', 'privacy.breach.notFound');
  return row;
}

/** Records a new breach, or saves changes to one (`id`): measures taken, the notification sent. */
export async function saveBreach({ db, actor, id, input }: { db: Db; actor: Actor; id?: string; input: BreachInput }) {
  return db.transaction(async (tx) => {
    const values = { ...input, recordedBy: actor.id, updatedAt: new Date() };
    const [row] = id
      ? await tx.update(breach).set(values).where(eq(breach.id, id)).returning()
      : await tx.insert(breach).values(values).returning();
    if (!row) throw new AppError('not_found', 'privacy.breach.notFound');
    await audit(tx, {
      actorId: actor.id,
      action: id ? 'privacy.breach_update' : 'privacy.breach_record',
      entity: 'breach',
      entityId: row.id,
      data: { notified: row.notifiedAt !== null },
    });
    return row;
  });
}
