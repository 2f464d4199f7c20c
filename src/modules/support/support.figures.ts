import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Db } from '#kernel/db/client.ts';
import { projectLabels } from '#modules/projects/index.ts';
import { support } from './support.sql.ts';
import type { SourceKind } from './support.taxonomy.ts';

/**
 * The ledger added up in the database, for reports over a whole province's years: only counts
 * leave SQL, never the rows (a year of a busy Department is a few hundred thousand entries).
 */

/** Entries and distinct projects of one group (a kind, a commune, a field); `key` null = not known. */
export interface LedgerGroup {
  key: string | null;
  entries: number;
  projects: number;
}

export interface LedgerSummary {
  entries: number;
  projects: number;
  /** Distinct people who received support in their own name. */
  people: number;
  byKind: LedgerGroup[];
  /** By the project's commune (entries for a person alone are left out). */
  byCommune: LedgerGroup[];
  /** By the project's field. */
  byField: LedgerGroup[];
}

/** Entries under way on some day of the period, cancelled ones left out. */
const underWay = (from: string, to: string): SQL =>
  sql`${support.status} <> 'cancelled' AND ${support.startedOn} <= ${to} AND coalesce(${support.endedOn}, ${support.startedOn}) >= ${from}`;

/**
 * The period's ledger by kind, by commune and by field in one pass (GROUPING SETS): entries and
 * distinct projects for each group and for the whole.
 */
export async function ledgerSummary(db: Db, { from, to }: { from: string; to: string }): Promise<LedgerSummary> {
  const grouped = await db
    .select({
      set: sql<number>`grouping(${support.kind}, ${projectLabels.communeSlug}, ${projectLabels.field})::int`,
      kind: support.kind,
      commune: projectLabels.communeSlug,
      field: projectLabels.field,
      entries: sql<number>`count(*)::int`,
      projects: sql<number>`count(DISTINCT ${support.projectId})::int`,
      people: sql<number>`count(DISTINCT ${support.personId})::int`,
    })
    .from(support)
    .leftJoin(projectLabels, eq(projectLabels.id, support.projectId))
    .where(underWay(from, to))
    .groupBy(sql`GROUPING SETS ((${support.kind}), (${projectLabels.communeSlug}), (${projectLabels.field}), ())`);
  // grouping() sets a bit for each column left out of the set: kind 4, commune 2, field 1.
  const groups = (set: number, key: (r: (typeof grouped)[number]) => string | null) =>
    grouped
      .filter((r) => r.set === set)
      .map((r) => ({ key: key(r), entries: Number(r.entries), projects: Number(r.projects) }))
      .sort((a, b) => b.entries - a.entries || (a.key ?? '').localeCompare(b.key ?? ''));
  const total = grouped.find((r) => r.set === 7);
  return {
    entries: Number(total?.entries ?? 0),
    projects: Number(total?.projects ?? 0),
    people: Number(total?.people ?? 0),
    byKind: groups(3, (r) => r.kind),
    // Entries for a person alone have no project, hence no commune: they are not a place's figure.
    byCommune: groups(5, (r) => r.commune).filter((g) => g.projects > 0),
    byField: groups(6, (r) => r.field).filter((g) => g.projects > 0),
  };
}

/** Entries that started in each quarter of the period, as `YYYY-Q` keys (`2022-1`). */
export async function ledgerByQuarter(db: Db, { from, to }: { from: string; to: string }) {
  const quarter = sql<string>`to_char(${support.startedOn}, 'YYYY-Q')`;
  const found = await db
    .select({ quarter, entries: sql<number>`count(*)::int` })
    .from(support)
    .where(and(sql`${support.status} <> 'cancelled'`, sql`${support.startedOn} BETWEEN ${from} AND ${to}`))
    .groupBy(quarter);
  return new Map(found.map((r) => [r.quarter, Number(r.entries)]));
}

/** One provider (an expert, a partner) of the period: the projects helped, the entries and hours. */
export interface ProviderFact {
  providerUserId: string | null;
  providerName: string;
  entries: number;
  projects: number;
  hours: number;
  firstDay: string;
}

/**
 * Providers of one kind of record in the period (engagements → experts, introductions →
 * partners), each once, with the hours the records carry.
 */
export async function providerFacts(
  db: Db,
  { from, to, sourceKind }: { from: string; to: string; sourceKind: SourceKind },
): Promise<ProviderFact[]> {
  const found = await db
    .select({
      providerUserId: support.providerUserId,
      providerName: support.providerName,
      entries: sql<number>`count(*)::int`,
      projects: sql<number>`count(DISTINCT ${support.projectId})::int`,
      hours: sql<string>`coalesce(sum((${support.figures}->>'hours')::numeric), 0)::text`,
      firstDay: sql<string>`min(${support.startedOn})::text`,
    })
    .from(support)
    .where(and(underWay(from, to), eq(support.sourceKind, sourceKind)))
    .groupBy(support.providerUserId, support.providerName)
    .orderBy(sql`min(${support.startedOn})`, support.providerName);
  return found.map((r) => ({
    ...r,
    entries: Number(r.entries),
    projects: Number(r.projects),
    hours: Number(r.hours),
  }));
}
