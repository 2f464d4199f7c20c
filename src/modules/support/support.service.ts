import { and, count, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { audit, auditMany } from '#kernel/audit/audit.ts';
import { type Actor, isStaff } from '#kernel/auth/roles.ts';
import type { Db } from '#kernel/db/client.ts';
import { AppError } from '#kernel/http/errors.ts';
import type { Page } from '#kernel/http/pagination.ts';
import { projectIdsWhere, projectLabels } from '#modules/projects/index.ts';
import type { SupportFilters } from './support.schemas.ts';
import { type SupportFigures, support } from './support.sql.ts';
import type { ProviderKind, SourceKind, SupportKind, SupportStatus } from './support.taxonomy.ts';

export type SupportEntry = typeof support.$inferSelect;

/**
 * What a module hands the ledger: the beneficiary (a project, a person or both), what was given,
 * when. `source` makes recording idempotent: same kind of record and id, same row.
 */
export interface NewSupport {
  projectId?: string | null;
  personId?: string | null;
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
  source?: { kind: SourceKind; id: string };
}

/**
 * The one way support enters the ledger. Modules call it inside their own transaction after
 * they have checked who may give the support; recording the same source again updates the row.
 * @example await recordSupport({ db: tx, actor, input: { projectId, kind: 'consulting', … , source: { kind: 'engagement', id: engagement.id } } })
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
  if (!input.projectId && !input.personId) throw new Error('recordSupport: a project or a person is needed');
  const values = {
    projectId: input.projectId ?? null,
    personId: input.personId ?? null,
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
    sourceKind: input.source?.kind ?? 'manual',
    sourceId: input.source?.id ?? null,
    recordedBy: actor?.id ?? null,
  };
  const [row] = input.source
    ? await db
        .insert(support)
        .values(values)
        .onConflictDoUpdate({
          target: [support.sourceKind, support.sourceId],
          targetWhere: sql`${support.sourceId} IS NOT NULL`,
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
    data: { projectId: input.projectId ?? null, personId: input.personId ?? null, kind: input.kind },
  });
  return row;
}

/** The columns of a ledger row a batch writes, as in `recordSupport`. */
function rowOf(actor: Actor | null, input: NewSupport & { source: { kind: SourceKind; id: string } }) {
  return {
    projectId: input.projectId ?? null,
    personId: input.personId ?? null,
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
    sourceKind: input.source.kind,
    sourceId: input.source.id,
    recordedBy: actor?.id ?? null,
  };
}

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * Many entries at once, each with its source (an import of thousands of check-ins): as
 * `recordSupport` for each (same source, same row, updated), in a few statements.
 * @example await recordSupports({ db: tx, actor, inputs: seats.map((s) => ({ …, source: { kind: 'event_seat', id: s.id } })) })
 */
export async function recordSupports({
  db,
  actor,
  inputs,
}: {
  db: Db;
  actor: Actor | null;
  inputs: (NewSupport & { source: { kind: SourceKind; id: string } })[];
}): Promise<void> {
  if (inputs.some((i) => !i.projectId && !i.personId))
    throw new Error('recordSupports: a project or a person is needed');
  // The last entry for a source wins, as if they had been recorded one after another.
  const bySource = new Map(inputs.map((i) => [`${i.source.kind}:${i.source.id}`, rowOf(actor, i)]));
  const values = [...bySource.values()];
  if (values.length === 0) return;
  const first = values[0] as ReturnType<typeof rowOf>;
  const set = Object.fromEntries(Object.keys(first).map((k) => [k, sql.raw(`excluded.${snake(k)}`)])) as Record<
    string,
    SQL
  >;
  const size = Math.floor(30_000 / Object.keys(first).length);
  for (let i = 0; i < values.length; i += size) {
    const rows = await db
      .insert(support)
      .values(values.slice(i, i + size))
      .onConflictDoUpdate({
        target: [support.sourceKind, support.sourceId],
        targetWhere: sql`${support.sourceId} IS NOT NULL`,
        set: { ...set, updatedAt: new Date() },
      })
      .returning({ id: support.id, projectId: support.projectId, personId: support.personId, kind: support.kind });
    await auditMany(
      db,
      rows.map((row) => ({
        actorId: actor?.id ?? null,
        action: 'support.record',
        entity: 'support',
        entityId: row.id,
        data: { projectId: row.projectId, personId: row.personId, kind: row.kind },
      })),
    );
  }
}

/**
 * Takes out of the ledger the entries of records that are being removed (an import undone): only
 * entries that came from these records, never one typed by hand.
 */
export async function forgetSupport(db: Db, kind: SourceKind, sourceIds: string[]): Promise<number> {
  if (sourceIds.length === 0) return 0;
  const gone = await db
    .delete(support)
    .where(and(eq(support.sourceKind, kind), inArray(support.sourceId, sourceIds)))
    .returning({ id: support.id });
  return gone.length;
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
  if (filters.q?.trim()) where.push(sql`${support.projectId} in ${projectIdsWhere({ q: filters.q })}`);
  const condition = where.length ? and(...where) : undefined;
  // Counting the whole ledger (a million entries) was most of the page's cost: count up to a cap,
  // as the directory does; the page then says "more than 1,000".
  const matching = db
    .select({ one: sql`1` })
    .from(support)
    .where(condition)
    .limit(LEDGER_COUNT_CAP + 1)
    .as('matching');
  const [total] = await db.select({ n: count() }).from(matching);
  const items: LedgerRow[] = await db
    .select({
      id: support.id,
      kind: support.kind,
      title: support.title,
      providerName: support.providerName,
      providerKind: support.providerKind,
      startedOn: support.startedOn,
      status: support.status,
      projectName: sql<string>`coalesce(${projectLabels.name}, '')`,
      projectSlug: sql<string>`coalesce(${projectLabels.slug}, '')`,
    })
    .from(support)
    .leftJoin(projectLabels, eq(projectLabels.id, support.projectId))
    .where(condition)
    .orderBy(desc(support.startedOn), desc(support.createdAt))
    .limit(page.perPage)
    .offset(page.offset);
  const n = total?.n ?? 0;
  return { items, total: Math.min(n, LEDGER_COUNT_CAP), more: n > LEDGER_COUNT_CAP };
}

/** The ledger list counts its entries up to this many. */
export const LEDGER_COUNT_CAP = 1_000;

/** How many ledger entries there are (home page figure). */
export async function supportCount(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(support).where(sql`${support.status} <> 'cancelled'`);
  return row?.n ?? 0;
}

/** The support a person received (seats, and entries naming them), newest first: the person's page. */
export async function supportForPerson(db: Db, personId: string) {
  return db
    .select({
      id: support.id,
      kind: support.kind,
      title: support.title,
      providerName: support.providerName,
      startedOn: support.startedOn,
      endedOn: support.endedOn,
      status: support.status,
      projectName: projectLabels.name,
      projectSlug: projectLabels.slug,
    })
    .from(support)
    .leftJoin(projectLabels, eq(projectLabels.id, support.projectId))
    .where(eq(support.personId, personId))
    .orderBy(desc(support.startedOn), desc(support.createdAt));
}

/** A ledger entry as reports read it: beneficiary, dates, source and figures. */
export interface LedgerFact {
  id: string;
  kind: string;
  status: string;
  title: string;
  providerName: string;
  startedOn: string;
  endedOn: string | null;
  projectId: string | null;
  projectName: string | null;
  projectSlug: string | null;
  personId: string | null;
  sourceKind: string;
  sourceId: string | null;
  figures: SupportFigures;
}

/**
 * The ledger entries of a period, for reports. `on` says which day must fall in the period: the
 * day the support started, the day it ended (a contract signed), or any day of it (an engagement
 * over its sessions). Cancelled entries are left out.
 */
export async function ledgerFacts(
  db: Db,
  {
    from,
    to,
    kinds,
    sourceKinds,
    on = 'any',
    status,
  }: {
    from: string;
    to: string;
    kinds?: SupportKind[];
    sourceKinds?: SourceKind[];
    on?: 'start' | 'end' | 'any';
    status?: SupportStatus;
  },
): Promise<LedgerFact[]> {
  const where: SQL[] = [sql`${support.status} <> 'cancelled'`];
  if (kinds?.length) where.push(inArray(support.kind, kinds));
  if (sourceKinds?.length) where.push(inArray(support.sourceKind, sourceKinds));
  if (status) where.push(eq(support.status, status));
  if (on === 'start') where.push(sql`${support.startedOn} BETWEEN ${from} AND ${to}`);
  else if (on === 'end') where.push(sql`${support.endedOn} BETWEEN ${from} AND ${to}`);
  else where.push(sql`${support.startedOn} <= ${to} AND coalesce(${support.endedOn}, ${support.startedOn}) >= ${from}`);
  return db
    .select({
      id: support.id,
      kind: support.kind,
      status: support.status,
      title: support.title,
      providerName: support.providerName,
      startedOn: support.startedOn,
      endedOn: support.endedOn,
      projectId: support.projectId,
      projectName: projectLabels.name,
      projectSlug: projectLabels.slug,
      personId: support.personId,
      sourceKind: support.sourceKind,
      sourceId: support.sourceId,
      figures: support.figures,
    })
    .from(support)
    .leftJoin(projectLabels, eq(projectLabels.id, support.projectId))
    .where(and(...where))
    .orderBy(support.startedOn, support.createdAt);
}
