import { asc, eq } from 'drizzle-orm';
import type { Db } from '#kernel/db/client.ts';
import { type PersonalDataPart, personalPart } from '#kernel/personal-data.ts';
import { booking, room } from './spaces.sql.ts';

/** The bookings an account made. */
export async function personalDataOf(db: Db, userId: string): Promise<PersonalDataPart[]> {
  return [
    personalPart(
      'spaces.personalData.bookings',
      await db
        .select({
          room: room.name,
          purpose: booking.purpose,
          startsAt: booking.startsAt,
          endsAt: booking.endsAt,
          status: booking.status,
          reason: booking.reason,
          createdAt: booking.createdAt,
        })
        .from(booking)
        .innerJoin(room, eq(room.id, booking.roomId))
        .where(eq(booking.bookedBy, userId))
        .orderBy(asc(booking.startsAt)),
    ),
  ];
}
