import { sql } from 'drizzle-orm';
import type { Db } from '#kernel/db/client.ts';
import { type PersonalDataPart, personalPart } from '#kernel/personal-data.ts';

/** The requests an account filed, and what it wrote on requests. */
export async function personalDataOf(db: Db, userId: string): Promise<PersonalDataPart[]> {
  return [
    await personalPart(
      db,
      'requests.personalData.requests',
      sql`SELECT r.number AS "number", r.needs AS "needs", r.body AS "body", r.urgency AS "urgency",
                 r.status AS "status", r.contact_name AS "contactName", r.contact_phone AS "contactPhone",
                 r.contact_email AS "contactEmail", r.outcome AS "outcome", r.created_at AS "createdAt",
                 r.closed_at AS "closedAt"
          FROM support_request r
          WHERE r.requester_id = ${userId}
          ORDER BY r.number`,
    ),
    await personalPart(
      db,
      'requests.personalData.messages',
      sql`SELECT r.number AS "request", ev.type AS "type", ev.body AS "body", ev.created_at AS "at"
          FROM request_event ev JOIN support_request r ON r.id = ev.request_id
          WHERE ev.actor_id = ${userId}
          ORDER BY ev.created_at`,
    ),
  ];
}
