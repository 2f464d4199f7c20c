import { asc, eq } from 'drizzle-orm';
import type { Db } from '#kernel/db/client.ts';
import { type PersonalDataPart, personalPart } from '#kernel/personal-data.ts';
import { requestEvent, supportRequest } from './requests.sql.ts';

/** The requests an account filed, and what it wrote on requests. */
export async function personalDataOf(db: Db, userId: string): Promise<PersonalDataPart[]> {
  return [
    personalPart(
      'requests.personalData.requests',
      await db
        .select({
          number: supportRequest.number,
          needs: supportRequest.needs,
          body: supportRequest.body,
          urgency: supportRequest.urgency,
          status: supportRequest.status,
          contactName: supportRequest.contactName,
          contactPhone: supportRequest.contactPhone,
          contactEmail: supportRequest.contactEmail,
          outcome: supportRequest.outcome,
          createdAt: supportRequest.createdAt,
          closedAt: supportRequest.closedAt,
        })
        .from(supportRequest)
        .where(eq(supportRequest.requesterId, userId))
        .orderBy(asc(supportRequest.number)),
    ),
    personalPart(
      'requests.personalData.messages',
      await db
        .select({
          request: supportRequest.number,
          type: requestEvent.type,
          body: requestEvent.body,
          at: requestEvent.createdAt,
        })
        .from(requestEvent)
        .innerJoin(supportRequest, eq(supportRequest.id, requestEvent.requestId))
        .where(eq(requestEvent.actorId, userId))
        .orderBy(asc(requestEvent.createdAt)),
    ),
  ];
}
