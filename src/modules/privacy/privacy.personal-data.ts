import { desc, eq } from 'drizzle-orm';
import type { Db } from '#kernel/db/client.ts';
import { type PersonalDataPart, personalPart } from '#kernel/personal-data.ts';
import { consent, dataRequest } from './privacy.sql.ts';

/** A person's consents (given and withdrawn, with the notice version) and their data requests. */
export async function personalDataOf(db: Db, userId: string): Promise<PersonalDataPart[]> {
  return [
    personalPart(
      'privacy.personalData.consents',
      await db
        .select({
          purpose: consent.purpose,
          basis: consent.basis,
          noticeVersion: consent.noticeVersion,
          source: consent.source,
          givenAt: consent.givenAt,
          withdrawnAt: consent.withdrawnAt,
        })
        .from(consent)
        .where(eq(consent.userId, userId))
        .orderBy(desc(consent.givenAt)),
    ),
    personalPart(
      'privacy.personalData.requests',
      await db
        .select({
          kind: dataRequest.kind,
          details: dataRequest.details,
          status: dataRequest.status,
          filedAt: dataRequest.filedAt,
          dueAt: dataRequest.dueAt,
          decidedAt: dataRequest.decidedAt,
          reason: dataRequest.reason,
        })
        .from(dataRequest)
        .where(eq(dataRequest.userId, userId))
        .orderBy(desc(dataRequest.filedAt)),
    ),
  ];
}
