import type { Db } from '#kernel/db/client.ts';
import { attendance, feedback, registration } from '../events.sql.ts';

// Records kept elsewhere, entered as they are: a past course's paper lists, the demo data. No
// seat is decided and no mail is sent; the ledger and certificates follow through
// `recordEventSupport` and `issueCertificates` as for any event.

export type RegistrationRecord = typeof registration.$inferInsert;
export type AttendanceRecord = typeof attendance.$inferInsert;
export type FeedbackRecord = typeof feedback.$inferInsert;

/** Enters registrations as they were written down; gives their ids in the same order. */
export async function importRegistrations(db: Db, rows: RegistrationRecord[]): Promise<{ id: string }[]> {
  if (rows.length === 0) return [];
  return db.insert(registration).values(rows).returning({ id: registration.id });
}

/** Enters who came to which session. */
export async function importAttendance(db: Db, rows: AttendanceRecord[]): Promise<void> {
  if (rows.length) await db.insert(attendance).values(rows);
}

/** Enters the participants' feedback forms. */
export async function importFeedback(db: Db, rows: FeedbackRecord[]): Promise<void> {
  if (rows.length) await db.insert(feedback).values(rows);
}
