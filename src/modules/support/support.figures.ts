import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Db } from '#kernel/db/client.ts';
import { rows } from '#kernel/db/rows.ts';
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
  byKind: LedgerGroup[];
  /** By the project's commune (entries for a person alone are left out). */
  byCommune: LedgerGroup[];
  /** By the project's field. */
  byField: LedgerGroup[];
  /** Entries that started in each quarter of the period, keyed `YYYY-Q` (`2022-1`). */
  byQuarter: Map<string, number>;
}

/** Entries under way on some day of the period, cancelled ones left out. */
const underWay = (from: string, to: string): SQL =>
  sql`${support.status} <> 'cancelled' AND ${support.startedOn} <= ${to} AND coalesce(${support.endedOn}, ${support.startedOn}) >= ${from}`;

/**
 * The period's ledger by kind, by commune, by field and by quarter in one statement, from one
 * read of the ledger: the period's entries (kind, project, first day) are read once — an
 * index-only scan of `support_period`, which holds those columns — then counted per kind and
 * project (hashed), and those few pairs are added up four ways; no distinct count ever sorts the
 * period's rows.
 */
export async function ledgerSummary(db: Db, { from, to }: { from: string; to: string }): Promise<LedgerSummary> {
  const found = await rows<{ dim: string; key: string | null; entries: number; projects: number }>(
    db,
    sql`WITH period AS (
          SELECT ${support.kind} AS kind, ${support.projectId} AS project_id, ${support.startedOn} AS started_on
          FROM ${support} WHERE ${underWay(from, to)}),
        pairs AS (SELECT kind, project_id, count(*) AS n FROM period GROUP BY kind, project_id),
        per_project AS (
          SELECT pairs.project_id, sum(pairs.n) AS n, ${projectLabels.communeSlug} AS commune, ${projectLabels.field} AS field
          FROM pairs JOIN ${projectLabels} ON ${projectLabels.id} = pairs.project_id
          GROUP BY pairs.project_id, ${projectLabels.communeSlug}, ${projectLabels.field})
        SELECT 'all' AS dim, NULL AS key, coalesce(sum(n), 0)::int AS entries,
               (SELECT count(*) FROM per_project)::int AS projects FROM pairs
        UNION ALL
        SELECT 'kind', kind, sum(n)::int, count(project_id)::int FROM pairs GROUP BY kind
        UNION ALL
        SELECT 'commune', commune, sum(n)::int, count(*)::int FROM per_project GROUP BY commune
        UNION ALL
        SELECT 'field', field, sum(n)::int, count(*)::int FROM per_project GROUP BY field
        UNION ALL
        SELECT 'quarter', extract(year FROM started_on)::int || '-' || extract(quarter FROM started_on)::int, count(*)::int, 0
        FROM period WHERE started_on >= ${from} GROUP BY 2`,
  );
  const groups = (dim: string) =>
    found
      .filter((r) => r.dim === dim)
      .map((r) => ({ key: r.key, entries: Number(r.entries), projects: Number(r.projects) }))
      .sort((a, b) => b.entries - a.entries || (a.key ?? '').localeCompare(b.key ?? ''));
  const total = found.find((r) => r.dim === 'all');
  return {
    entries: Number(total?.entries ?? 0),
    projects: Number(total?.projects ?? 0),
    byKind: groups('kind'),
    byCommune: groups('commune'),
    byField: groups('field'),
    byQuarter: new Map(groups('quarter').map((g) => [g.key ?? '', g.entries])),
  };
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
