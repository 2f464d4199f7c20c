import { sql } from 'drizzle-orm';
import type { Db } from '#kernel/db/client.ts';
import { type PersonalDataPart, personalPart } from '#kernel/personal-data.ts';

/** The bookings an account made. */
export async function personalDataOf(db: Db, userId: string): Promise<PersonalDataPart[]> {
  return [
    await personalPart(
      db,
      'spaces.personalData.bookings',
      sql`SELECT r.name AS "room", b.purpose AS "purpose", b.starts_at AS "startsAt", b.ends_at AS "endsAt",
                 b.status AS "status", b.reason AS "reason", b.created_at AS "createdAt"
          FROM booking b JOIN room r ON r.id = b.room_id
          WHERE b.booked_by = ${userId} ORDER BY b.starts_at`,
    ),
  ];
}
