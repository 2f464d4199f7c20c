import { sql } from 'drizzle-orm';
import type { Db } from '#kernel/db/client.ts';
import { type PersonalDataPart, personalPart } from '#kernel/personal-data.ts';

/** An account's seats at events (what they typed), the sessions they attended, their certificates. */
export async function personalDataOf(db: Db, userId: string): Promise<PersonalDataPart[]> {
  return [
    await personalPart(
      db,
      'events.personalData.registrations',
      sql`SELECT e.title AS "event", e.starts_on AS "startsOn", r.status AS "status", r.name AS "name",
                 r.phone AS "phone", r.email AS "email", r.commune_slug AS "commune",
                 r.organisation AS "organisation", r.organisation_type AS "organisationType", r.sex AS "sex",
                 r.ethnicity AS "ethnicity", r.birth_year AS "birthYear", r.answers AS "answers",
                 r.consent AS "consent", r.code AS "code", r.created_at AS "registeredAt",
                 r.cancelled_at AS "cancelledAt"
          FROM event_registration r JOIN event e ON e.id = r.event_id
          WHERE r.user_id = ${userId}
          ORDER BY r.created_at`,
    ),
    await personalPart(
      db,
      'events.personalData.attendance',
      sql`SELECT e.title AS "event", s.day AS "day", s.start_time AS "startTime", a.method AS "method",
                 a.checked_in_at AS "checkedInAt"
          FROM event_attendance a
          JOIN event_registration r ON r.id = a.registration_id
          JOIN event_session s ON s.id = a.session_id
          JOIN event e ON e.id = r.event_id
          WHERE r.user_id = ${userId}
          ORDER BY a.checked_in_at`,
    ),
    await personalPart(
      db,
      'events.personalData.certificates',
      sql`SELECT e.title AS "event", c.code AS "code", c.holder_name AS "holderName",
                 c.sessions_attended AS "sessionsAttended", c.hours AS "hours", c.issued_at AS "issuedAt",
                 c.replaced_at AS "replacedAt"
          FROM event_certificate c
          JOIN event_registration r ON r.id = c.registration_id
          JOIN event e ON e.id = r.event_id
          WHERE r.user_id = ${userId}
          ORDER BY c.issued_at`,
    ),
  ];
}
