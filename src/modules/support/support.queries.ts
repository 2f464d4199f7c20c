import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Db } from '#kernel/db/client.ts';
import { isUuid } from '#kernel/db/keys.ts';
import { support } from './support.sql.ts';
import type { SourceKind } from './support.taxonomy.ts';

// Read models for other modules: the ledger's entries, without its table.

/** Which entries of the ledger to read; every condition given must hold. */
export interface LedgerScope {
  projectId?: string;
  kind?: string | readonly string[];
  /** What the entry stands for ('event_seat', 'introduction', 'import', …) or several of them. */
  sourceKind?: SourceKind | readonly SourceKind[];
  /** The row of that module the entry stands for. */
  sourceId?: string;
}

/**
 * Entries of the ledger, oldest first: what a module recorded through `recordSupport`, as a
 * report, a check or a test reads it back.
 * @example const [entry] = await ledgerEntries(db, { sourceKind: 'event_seat', sourceId: registrationId })
 */
export async function ledgerEntries(db: Db, scope: LedgerScope): Promise<(typeof support.$inferSelect)[]> {
  const where: SQL[] = [];
  if (scope.projectId !== undefined) {
    if (!isUuid(scope.projectId)) return [];
    where.push(eq(support.projectId, scope.projectId));
  }
  if (typeof scope.kind === 'string') where.push(eq(support.kind, scope.kind));
  else if (scope.kind) where.push(inArray(support.kind, [...scope.kind]));
  if (typeof scope.sourceKind === 'string') where.push(eq(support.sourceKind, scope.sourceKind));
  else if (scope.sourceKind) where.push(inArray(support.sourceKind, [...scope.sourceKind]));
  if (scope.sourceId !== undefined) where.push(eq(support.sourceId, scope.sourceId));
  return db
    .select()
    .from(support)
    .where(and(...where))
    .orderBy(asc(support.createdAt), asc(support.id));
}
