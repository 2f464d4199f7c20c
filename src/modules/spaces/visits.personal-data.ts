import { asc, eq } from 'drizzle-orm';
import type { Db } from '#kernel/db/client.ts';
import { type PersonalDataPart, personalPart } from '#kernel/personal-data.ts';
import { visit } from './visits.sql.ts';

/** The visits an account checked in to the coworking space with. */
export async function visitsPersonalDataOf(db: Db, userId: string): Promise<PersonalDataPart[]> {
  return [
    personalPart(
      'visits.personalData.visits',
      await db
        .select({ visitedOn: visit.visitedOn, purpose: visit.purpose, note: visit.note, arrivedAt: visit.arrivedAt })
        .from(visit)
        .where(eq(visit.userId, userId))
        .orderBy(asc(visit.arrivedAt)),
    ),
  ];
}
