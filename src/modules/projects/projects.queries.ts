import { type AnyColumn, and, arrayOverlaps, asc, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { QueryBuilder } from 'drizzle-orm/pg-core';
import { user } from '#kernel/auth/auth.sql.ts';
import type { Actor, Role } from '#kernel/auth/roles.ts';
import type { Db } from '#kernel/db/client.ts';
import { isUuid } from '#kernel/db/keys.ts';
import { matches } from '#kernel/search/search.ts';
import { project, projectMember } from './projects.sql.ts';

// Read models for other modules: what they may know of a project, without its tables.

/** The roles that may register a project (and so ask for help for one). */
export const projectCreatorRoles = ['founder', 'officer', 'admin'] as const satisfies readonly Role[];

/** Whether this person may register a project. */
export function mayCreateProject(actor: Actor | null | undefined): boolean {
  return !!actor && (projectCreatorRoles as readonly string[]).includes(actor.role);
}

/** What another module shows of a project: its names, place, case officer and needs. */
export interface ProjectSummary {
  id: string;
  slug: string;
  name: string;
  summary: string;
  field: string;
  stage: string;
  needs: string[];
  communeSlug: string | null;
  caseOfficerId: string | null;
  isPublic: boolean;
}

const summaryColumns = {
  id: project.id,
  slug: project.slug,
  name: project.name,
  summary: project.summary,
  field: project.field,
  stage: project.stage,
  needs: project.needs,
  communeSlug: project.communeSlug,
  caseOfficerId: project.caseOfficerId,
  isPublic: project.isPublic,
};

/**
 * Projects by id, for a list another module shows (no access check: the caller decides what its
 * viewer may see, as it already holds the ids).
 * @example const projects = await projectSummaries(db, rows.map((r) => r.projectId))
 */
export async function projectSummaries(
  db: Db,
  ids: readonly (string | null | undefined)[],
): Promise<Map<string, ProjectSummary>> {
  const wanted = [...new Set(ids.filter((id): id is string => isUuid(id)))];
  if (wanted.length === 0) return new Map();
  const rows = await db.select(summaryColumns).from(project).where(inArray(project.id, wanted));
  return new Map(rows.map((r) => [r.id, r]));
}

/** One project by id or by slug (whichever the caller was given), or null. No access check. */
export async function findProject(db: Db, idOrSlug: string): Promise<ProjectSummary | null> {
  if (!idOrSlug) return null;
  const [row] = await db
    .select(summaryColumns)
    .from(project)
    .where(isUuid(idOrSlug) ? eq(project.id, idOrSlug) : eq(project.slug, idOrSlug));
  return row ?? null;
}

/** One project by id with its description: what an expert working for it reads. No access check. */
export async function projectBrief(db: Db, id: string): Promise<(ProjectSummary & { description: string }) | null> {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select({ ...summaryColumns, description: project.description })
    .from(project)
    .where(eq(project.id, id));
  return row ?? null;
}

/**
 * Projects that declare one of these needs or work in one of these fields, the most recently
 * updated first: the projects matching compares with what an expert or a partner offers.
 */
export async function projectsNeeding(
  db: Db,
  wanted: { needs: readonly string[]; fields: readonly string[]; publicOnly: boolean },
  limit: number,
): Promise<ProjectSummary[]> {
  const could: SQL[] = [];
  if (wanted.needs.length) could.push(arrayOverlaps(project.needs, [...wanted.needs]));
  if (wanted.fields.length) could.push(inArray(project.field, [...wanted.fields]));
  if (could.length === 0) return [];
  return db
    .select(summaryColumns)
    .from(project)
    .where(and(or(...could), wanted.publicOnly ? eq(project.isPublic, true) : undefined))
    .orderBy(desc(project.updatedAt))
    .limit(limit);
}

/** Public projects' addresses and when they last changed, newest first: for the sitemap. */
export async function publicProjectDates(db: Db, limit: number): Promise<{ slug: string; updatedAt: Date }[]> {
  if (limit <= 0) return [];
  return db
    .select({ slug: project.slug, updatedAt: project.updatedAt })
    .from(project)
    .where(eq(project.isPublic, true))
    .orderBy(desc(project.updatedAt))
    .limit(limit);
}

/** Whether this account is in the project's team. */
export async function isMember(db: Db, { projectId, userId }: { projectId: string; userId: string }): Promise<boolean> {
  if (!isUuid(projectId)) return false;
  const [row] = await db
    .select({ id: projectMember.id })
    .from(projectMember)
    .where(and(eq(projectMember.projectId, projectId), eq(projectMember.userId, userId)))
    .limit(1);
  return !!row;
}

/** The projects whose team this account is in, by name: what a founder may act for. */
export async function projectsOf(db: Db, userId: string): Promise<{ id: string; slug: string; name: string }[]> {
  return db
    .select({ id: project.id, slug: project.slug, name: project.name })
    .from(projectMember)
    .innerJoin(project, eq(project.id, projectMember.projectId))
    .where(eq(projectMember.userId, userId))
    .orderBy(asc(project.name));
}

/**
 * The team of a project in its order: names as the project lists them, and the account, its
 * name and e-mail for those who have one.
 */
export async function teamOf(
  db: Db,
  projectId: string,
): Promise<
  { userId: string | null; name: string; accountName: string | null; email: string | null; role: 'lead' | 'member' }[]
> {
  if (!isUuid(projectId)) return [];
  return db
    .select({
      userId: projectMember.userId,
      name: projectMember.name,
      accountName: user.name,
      email: user.email,
      role: projectMember.role,
    })
    .from(projectMember)
    .leftJoin(user, eq(user.id, projectMember.userId))
    .where(eq(projectMember.projectId, projectId))
    .orderBy(asc(projectMember.position));
}

/** Which projects a filter of another module's list may keep. */
export interface ProjectScope {
  /** Words in the project's name or summary, accents ignored. */
  q?: string;
  commune?: string;
  field?: string;
  publicOnly?: boolean;
  /** Projects whose team this account is in. */
  memberId?: string;
}

/**
 * The ids of the projects a filter keeps, as a subquery for another module's `WHERE … IN`: the
 * other module filters by a project's name or commune without reading the projects table itself.
 * @example where.push(sql`${product.projectId} in ${projectIdsWhere({ commune: 'that-khe' })}`)
 */
export function projectIdsWhere(scope: ProjectScope): SQL {
  const where: SQL[] = [];
  if (scope.q?.trim()) where.push(matches(project.searchText, scope.q));
  if (scope.commune) where.push(eq(project.communeSlug, scope.commune));
  if (scope.field) where.push(eq(project.field, scope.field));
  if (scope.publicOnly) where.push(eq(project.isPublic, true));
  if (scope.memberId)
    where.push(
      sql`${project.id} in (select ${projectMember.projectId} from ${projectMember} where ${projectMember.userId} = ${scope.memberId})`,
    );
  return sql`(select ${project.id} from ${project}${where.length ? sql` where ${and(...where)}` : sql``})`;
}

/**
 * A project's name for another module's row, as a subquery: lets that module sort its rows by
 * their project's name in SQL without reading the projects table itself.
 * @example db.select({ name: product.name, projectName: projectNameOf(product.projectId) }).from(product).orderBy(projectNameOf(product.projectId))
 */
export function projectNameOf(projectId: AnyColumn | SQL): SQL<string> {
  return sql<string>`(select ${project.name} from ${project} where ${project.id} = ${projectId})`;
}

/**
 * Each project's id, name, address, field and commune, as a subquery another module may left-join to
 * name or group its rows (the database inlines it: as fast as joining the table, which stays the
 * projects module's own).
 * @example db.select({ name: projectLabels.name }).from(support).leftJoin(projectLabels, eq(projectLabels.id, support.projectId))
 */
export const projectLabels = new QueryBuilder({ casing: 'snake_case' })
  .select({
    id: project.id,
    name: project.name,
    slug: project.slug,
    field: project.field,
    communeSlug: project.communeSlug,
  })
  .from(project)
  .as('project_label');
