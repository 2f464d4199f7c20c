import { and, arrayOverlaps, desc, eq, isNull, or, type SQL, sql } from 'drizzle-orm';
import { user } from '#kernel/auth/auth.sql.ts';
import type { Db } from '#kernel/db/client.ts';
import { expertProfile } from './experts.sql.ts';

// Read models for other modules: what they may know of an expert, without the experts' table.

/** What an expert knows and where they work: what matching compares with a project's needs. */
export interface ExpertSkills {
  /** The expert's account. */
  userId: string;
  name: string;
  slug: string;
  specialties: string[];
  fields: string[];
  communes: string[];
  anywhere: boolean;
  /** The headline, then the start of the bio: the words that say what the expert does. */
  about: string;
}

const about = (chars: number) =>
  sql<string>`left(${expertProfile.headline} || ' ' || ${expertProfile.bio}, ${chars}::int)`;

const skillColumns = (chars: number) => ({
  userId: expertProfile.userId,
  name: expertProfile.name,
  slug: expertProfile.slug,
  specialties: expertProfile.specialties,
  fields: expertProfile.fields,
  communes: expertProfile.communes,
  anywhere: expertProfile.anywhere,
  about: about(chars),
});

/**
 * Active experts (not banned) with one of these specialties or fields, the most recently updated
 * first: the pool matching ranks.
 * @example const pool = await expertsWithSkills(db, { specialties: ['food_safety'], fields: ['food'] }, 200)
 */
export async function expertsWithSkills(
  db: Db,
  wanted: { specialties: readonly string[]; fields: readonly string[] },
  limit: number,
  aboutChars = 400,
): Promise<ExpertSkills[]> {
  const could: SQL[] = [];
  if (wanted.specialties.length) could.push(arrayOverlaps(expertProfile.specialties, [...wanted.specialties]));
  if (wanted.fields.length) could.push(arrayOverlaps(expertProfile.fields, [...wanted.fields]));
  if (could.length === 0) return [];
  return db
    .select(skillColumns(aboutChars))
    .from(expertProfile)
    .innerJoin(user, eq(user.id, expertProfile.userId))
    .where(and(eq(user.role, 'expert'), or(isNull(user.banned), eq(user.banned, false)), or(...could)))
    .orderBy(desc(expertProfile.updatedAt))
    .limit(limit);
}

/** One expert's skills by their account, with the whole bio; null when they have no profile. */
export async function expertSkills(db: Db, userId: string): Promise<ExpertSkills | null> {
  const [row] = await db.select(skillColumns(100_000)).from(expertProfile).where(eq(expertProfile.userId, userId));
  return row ?? null;
}
