import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Db } from '#kernel/db/client.ts';
import { rows } from '#kernel/db/rows.ts';
import { projectLabels } from '#modules/projects/index.ts';
import { support } from './support.sql.ts';
import { type SourceKind, supportKinds } from './support.taxonomy.ts';

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
 * read of the ledger: the period's entries (an index-only scan of `support_period`, which holds
 * kind, project and dates) are added up once per project — its entries, and its entries of each
 * kind as columns — so one hash of the period's few ten thousand projects gives every split: a
 * kind's projects are those with a non-zero column, a commune's and a field's are the projects
 * joined to their labels. Entries by quarter count the entries that started in the period (an
 * index range). No distinct count ever sorts the period's rows.
 */
export async function ledgerSummary(db: Db, { from, to }: { from: string; to: string }): Promise<LedgerSummary> {
  const column = (i: number) => sql.raw(`k${i}`);
  const perKind = sql.join(
    supportKinds.map((kind, i) => sql`count(*) FILTER (WHERE ${support.kind} = ${kind}) AS ${column(i)}`),
    sql`, `,
  );
  const kindValues = sql.join(
    supportKinds.map((kind, i) => sql`(${kind}, ${column(i)})`),
    sql`, `,
  );
  const summary = sql`WITH per_project AS (
          SELECT ${support.projectId} AS project_id, count(*) AS n, ${perKind}
          FROM ${support} WHERE ${underWay(from, to)} GROUP BY ${support.projectId}),
        labelled AS (
          SELECT per_project.n, ${projectLabels.communeSlug} AS commune, ${projectLabels.field} AS field
          FROM per_project JOIN ${projectLabels} ON ${projectLabels.id} = per_project.project_id)
        SELECT 'all' AS dim, NULL AS key, coalesce(sum(n), 0)::int AS entries, count(project_id)::int AS projects
        FROM per_project
        UNION ALL
        SELECT 'kind', k.kind, sum(k.n)::int, (count(*) FILTER (WHERE k.n > 0 AND project_id IS NOT NULL))::int
        FROM per_project CROSS JOIN LATERAL (VALUES ${kindValues}) AS k(kind, n)
        GROUP BY k.kind HAVING sum(k.n) > 0
        UNION ALL
        SELECT 'commune', commune, sum(n)::int, count(*)::int FROM labelled GROUP BY commune
        UNION ALL
        SELECT 'field', field, sum(n)::int, count(*)::int FROM labelled GROUP BY field
        UNION ALL
        SELECT 'quarter', extract(year FROM ${support.startedOn})::int || '-' || extract(quarter FROM ${support.startedOn})::int, count(*)::int, 0
        FROM ${support} WHERE ${support.status} <> 'cancelled' AND ${support.startedOn} BETWEEN ${from} AND ${to} GROUP BY 2`;
  // The period's projects are hashed in memory: a little more than the default work_mem keeps a
  // province's year off the disk (PostgreSQL's default would spill it in batches).
  const found = await db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL work_mem = '32MB'`);
    return rows<{ dim: string; key: string | null; entries: number; projects: number }>(tx, summary);
  });
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
