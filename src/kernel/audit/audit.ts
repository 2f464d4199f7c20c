import type { Db } from '#kernel/db/client.ts';
import { auditLog } from './audit.sql.ts';

export interface AuditEntry {
  actorId: string | null;
  action: string;
  entity: string;
  entityId?: string | null;
  data?: Record<string, unknown>;
  ip?: string | null;
}

/**
 * Appends one line to the audit log; call it in the same transaction as the write it records.
 * @example await audit(tx, { actorId: actor.id, action: 'project.create', entity: 'project', entityId: id })
 */
export async function audit(db: Db, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    actorId: entry.actorId,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId ?? null,
    data: entry.data ?? null,
    ip: entry.ip ?? null,
  });
}
