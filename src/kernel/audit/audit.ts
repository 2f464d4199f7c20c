import { sql } from 'drizzle-orm';
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

/** The action of a line saying a signed-in person was refused a page or a command. */
export const accessDenied = 'access.denied';

export interface Denial {
  actorId: string;
  method: string;
  /** The path only: a query string's values may hold what the person typed. */
  path: string;
  ip?: string | null;
}

/**
 * Records that a signed-in person was refused (403), on its own (never in the transaction that
 * was refused, which is rolled back). At most one line per person and path a minute, so someone
 * reloading a closed page, or a script, cannot flood the log: the check and the insert are one
 * statement.
 * @example await auditDenied(db, { actorId: actor.id, method: 'GET', path: '/quan-tri/nhat-ky', ip })
 */
export async function auditDenied(db: Db, d: Denial): Promise<void> {
  const data = JSON.stringify({ method: d.method, path: d.path });
  await db.execute(sql`
    INSERT INTO audit_log (actor_id, action, entity, entity_id, data, ip)
    SELECT ${d.actorId}::text, ${accessDenied}::text, '', NULL, ${data}::jsonb, ${d.ip ?? null}::text
    WHERE NOT EXISTS (
      SELECT 1 FROM audit_log
      WHERE actor_id = ${d.actorId} AND action = ${accessDenied} AND data->>'path' = ${d.path}
        AND at > now() - interval '1 minute'
    )`);
}
