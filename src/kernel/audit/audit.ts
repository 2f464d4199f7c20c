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

/** Appends many lines at once (an import of thousands of rows): as `audit`, one statement per few thousand. */
export async function auditMany(db: Db, entries: AuditEntry[]): Promise<void> {
  for (let i = 0; i < entries.length; i += 5000)
    await db.insert(auditLog).values(
      entries.slice(i, i + 5000).map((entry) => ({
        actorId: entry.actorId,
        action: entry.action,
        entity: entry.entity,
        entityId: entry.entityId ?? null,
        data: entry.data ?? null,
        ip: entry.ip ?? null,
      })),
    );
}

/** The action of a line saying a signed-in person was refused a page or a command. */
export const accessDenied = 'access.denied';

export interface Denial {
  /** The signed-in person, or null for an anonymous caller of the API. */
  actorId: string | null;
  method: string;
  /** The path only: a query string's values may hold what the person typed. */
  path: string;
  /** What they were answered: 401, 403, or 404 on a staff page. */
  status: number;
  ip?: string | null;
}

/**
 * Records that someone was refused (403, 404 on a staff page, 401/403 from the API), on its own
 * (never in the transaction that was refused, which is rolled back). At most one line per person
 * (an anonymous caller: per address) and path a minute, so someone reloading a closed page, or a
 * script, cannot flood the log: the check and the insert are one statement.
 * @example await auditDenied(db, { actorId: actor.id, method: 'GET', path: '/quan-tri/nhat-ky', status: 403, ip })
 */
export async function auditDenied(db: Db, d: Denial): Promise<void> {
  const data = JSON.stringify({ method: d.method, path: d.path, status: d.status });
  const ip = d.ip ?? null;
  const same = d.actorId === null ? sql`actor_id IS NULL AND ip = ${ip}` : sql`actor_id = ${d.actorId}`;
  await db.execute(sql`
    INSERT INTO audit_log (actor_id, action, entity, entity_id, data, ip)
    SELECT ${d.actorId}::text, ${accessDenied}::text, '', NULL, ${data}::jsonb, ${ip}::text
    WHERE NOT EXISTS (
      SELECT 1 FROM audit_log
      WHERE ${same} AND action = ${accessDenied} AND data->>'path' = ${d.path}
        AND at > now() - interval '1 minute'
    )`);
}
