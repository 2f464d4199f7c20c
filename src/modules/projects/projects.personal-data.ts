import { and, asc, eq, or, sql } from 'drizzle-orm';
import type { Db } from '#kernel/db/client.ts';
import { type PersonalDataPart, personalPart } from '#kernel/personal-data.ts';
import { project, projectMember } from './projects.sql.ts';

/** The projects an account is a member of (or created), with its place in each team. */
export async function personalDataOf(db: Db, userId: string): Promise<PersonalDataPart[]> {
  return [
    personalPart(
      'projects.personalData.projects',
      await db
        .select({
          project: project.name,
          slug: project.slug,
          nameInTeam: projectMember.name,
          role: projectMember.role,
          createdByMe: sql<boolean>`(${project.createdBy} = ${userId})`,
        })
        .from(project)
        .leftJoin(projectMember, and(eq(projectMember.projectId, project.id), eq(projectMember.userId, userId)))
        .where(or(eq(projectMember.userId, userId), eq(project.createdBy, userId)))
        .orderBy(asc(project.name)),
    ),
  ];
}
