import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Db } from '#kernel/db/client.ts';
import { isUuid } from '#kernel/db/keys.ts';
import { support } from './support.sql.ts';

// Read models for other modules: the ledger's entries, without its table.

/** Which entries of the ledger to read; every condition given must hold. */
export interface LedgerScope {
  projectId?: string;
  kind?: string | readonly string[];
  /** The module that recorded the entry ('events', 'partners', 'seed', …). */
  sourceModule?: string;
  /** The row of that module the entry stands for. */
  sourceId?: string;
}

/**
 * Entries of the ledger, oldest first: what a module recorded through `recordSupport`, as a
 * report, a check or a test reads it back.
 * @example const [entry] = await ledgerEntries(db, { sourceModule: 'events', sourceId: registrationId })
 */
export async function ledgerEntries(db: Db, scope: LedgerScope): Promise<(typeof support.$inferSelect)[]> {
  const where: SQL[] = [];
  if (scope.projectId !== undefined) {
    if (!isUuid(scope.projectId)) return [];
    where.push(eq(support.projectId, scope.projectId));
  }
  if (typeof scope.kind === 'string') where.push(eq(support.kind, scope.kind));
  else if (scope.kind) where.push(inArray(support.kind, [...scope.kind]));
  if (scope.sourceModule !== undefined) where.push(eq(support.sourceModule, scope.sourceModule));
  if (scope.sourceId !== undefined) where.push(eq(support.sourceId, scope.sourceId));
  return db
    .select()
    .from(support)
    .where(and(...where))
    .orderBy(asc(support.createdAt), asc(support.id));
}
