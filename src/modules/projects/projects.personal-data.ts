import { sql } from 'drizzle-orm';
import type { Db } from '#kernel/db/client.ts';
import { type PersonalDataPart, personalPart } from '#kernel/personal-data.ts';

/** The projects an account is a member of (or created), with its place in each team. */
export async function personalDataOf(db: Db, userId: string): Promise<PersonalDataPart[]> {
  return [
    await personalPart(
      db,
      'projects.personalData.projects',
      sql`SELECT p.name AS "project", p.slug AS "slug", m.name AS "nameInTeam", m.role AS "role",
                 (p.created_by = ${userId}) AS "createdByMe"
          FROM project p LEFT JOIN project_member m ON m.project_id = p.id AND m.user_id = ${userId}
          WHERE m.user_id = ${userId} OR p.created_by = ${userId}
          ORDER BY p.name`,
    ),
  ];
}
