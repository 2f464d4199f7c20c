import { and, count, desc, eq, type SQL, sql } from 'drizzle-orm';
import { audit } from '#kernel/audit/audit.ts';
import { type Actor, isStaff } from '#kernel/auth/roles.ts';
import type { Db } from '#kernel/db/client.ts';
import { AppError } from '#kernel/http/errors.ts';
import type { Page } from '#kernel/http/pagination.ts';
import { matches } from '#kernel/search/search.ts';
import { project } from '#modules/projects/index.ts';
import type { SupportFilters } from './support.schemas.ts';
import { type SupportFigures, support } from './support.sql.ts';
import type { ProviderKind, SupportKind, SupportStatus } from './support.taxonomy.ts';

export type SupportEntry = typeof support.$inferSelect;

/** What a module hands the ledger. `source` makes recording idempotent: same source, same row. */
export interface NewSupport {
  projectId: string;
  kind: SupportKind;
  title: string;
  providerKind: ProviderKind;
  providerName: string;
  providerUserId?: string | null;
  startedOn: string;
  endedOn?: string | null;
  status: SupportStatus;
  outcome?: string;
  figures?: SupportFigures;
  evidenceLinks?: string[];
  source?: { module: string; id: string };
}

/**
 * The one way support enters the ledger. Modules call it inside their own transaction after
 * they have checked who may give the support; recording the same source again updates the row.
 * @example await recordSupport({ db: tx, actor, input: { projectId, kind: 'consulting', … , source: { module: 'experts', id: engagement.id } } })
 */
export async function recordSupport({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: Actor | null;
  input: NewSupport;
}): Promise<SupportEntry> {
  const values = {
    projectId: input.projectId,
    kind: input.kind,
    title: input.title,
    providerKind: input.providerKind,
    providerName: input.providerName,
    providerUserId: input.providerUserId ?? null,
    startedOn: input.startedOn,
    endedOn: input.endedOn ?? null,
    status: input.status,
    outcome: input.outcome ?? '',
    figures: input.figures ?? {},
    evidenceLinks: input.evidenceLinks ?? [],
    sourceModule: input.source?.module ?? 'support',
    sourceId: input.source?.id ?? null,
    recordedBy: actor?.id ?? null,
  };
  const [row] = input.source
    ? await db
        .insert(support)
        .values(values)
        .onConflictDoUpdate({
          target: [support.sourceModule, support.sourceId],
          set: { ...values, updatedAt: new Date() },
        })
        .returning()
    : await db.insert(support).values(values).returning();
  if (!row) throw new Error('support insert returned nothing');
  await audit(db, {
    actorId: actor?.id ?? null,
    action: 'support.record',
    entity: 'support',
    entityId: row.id,
    data: { projectId: input.projectId, kind: input.kind },
  });
  return row;
}

/** Support given outside the system, typed in by staff. */
export async function recordManualSupport({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: Actor;
  input: Omit<NewSupport, 'source'>;
}) {
  if (!isStaff(actor)) throw new AppError('forbidden');
  return db.transaction((tx) => recordSupport({ db: tx, actor, input }));
}

/** A project's support, newest first: its timeline. */
export async function timelineFor(db: Db, projectId: string): Promise<SupportEntry[]> {
  return db
    .select()
    .from(support)
    .where(eq(support.projectId, projectId))
    .orderBy(desc(support.startedOn), desc(support.createdAt));
}

export interface LedgerRow {
  id: string;
  kind: string;
  title: string;
  providerName: string;
  providerKind: string;
  startedOn: string;
  status: string;
  projectName: string;
  projectSlug: string;
}

/** The ledger for staff, filtered by kind, year and project name. */
export async function listSupport({
  db,
  actor,
  filters,
  page,
}: {
  db: Db;
  actor: Actor;
  filters: SupportFilters;
  page: Page;
}) {
  if (!isStaff(actor)) throw new AppError('forbidden');
  const where: SQL[] = [];
  if (filters.kind) where.push(eq(support.kind, filters.kind));
  if (filters.year)
    where.push(
      sql`${support.startedOn} >= ${`${filters.year}-01-01`} AND ${support.startedOn} <= ${`${filters.year}-12-31`}`,
    );
  if (filters.q?.trim()) where.push(matches(project.searchText, filters.q));
  const condition = where.length ? and(...where) : undefined;
  const [total] = await db
    .select({ n: count() })
    .from(support)
    .innerJoin(project, eq(project.id, support.projectId))
    .where(condition);
  const items: LedgerRow[] = await db
    .select({
      id: support.id,
      kind: support.kind,
      title: support.title,
      providerName: support.providerName,
      providerKind: support.providerKind,
      startedOn: support.startedOn,
      status: support.status,
      projectName: project.name,
      projectSlug: project.slug,
    })
    .from(support)
    .innerJoin(project, eq(project.id, support.projectId))
    .where(condition)
    .orderBy(desc(support.startedOn), desc(support.createdAt))
    .limit(page.perPage)
    .offset(page.offset);
  return { items, total: total?.n ?? 0 };
}

/** How many ledger entries there are (home page figure). */
export async function supportCount(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(support).where(sql`${support.status} <> 'cancelled'`);
  return row?.n ?? 0;
}
