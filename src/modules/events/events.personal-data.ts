import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '#kernel/db/client.ts';
import { anonymisedName, type ErasedSubject, type PersonalDataPart, personalPart } from '#kernel/personal-data.ts';
import { attendance, certificate, event, eventSession, registration } from './events.sql.ts';

/** An account's seats at events (what they typed), the sessions they attended, their certificates. */
export async function personalDataOf(db: Db, userId: string): Promise<PersonalDataPart[]> {
  return [
    personalPart(
      'events.personalData.registrations',
      await db
        .select({
          event: event.title,
          startsOn: event.startsOn,
          status: registration.status,
          name: registration.name,
          phone: registration.phone,
          email: registration.email,
          commune: registration.communeSlug,
          organisation: registration.organisation,
          organisationType: registration.organisationType,
          sex: registration.sex,
          ethnicity: registration.ethnicity,
          birthYear: registration.birthYear,
          answers: registration.answers,
          consent: registration.consent,
          code: registration.code,
          registeredAt: registration.createdAt,
          cancelledAt: registration.cancelledAt,
        })
        .from(registration)
        .innerJoin(event, eq(event.id, registration.eventId))
        .where(eq(registration.userId, userId))
        .orderBy(asc(registration.createdAt)),
    ),
    personalPart(
      'events.personalData.attendance',
      await db
        .select({
          event: event.title,
          day: eventSession.day,
          startTime: eventSession.startTime,
          method: attendance.method,
          checkedInAt: attendance.checkedInAt,
        })
        .from(attendance)
        .innerJoin(registration, eq(registration.id, attendance.registrationId))
        .innerJoin(eventSession, eq(eventSession.id, attendance.sessionId))
        .innerJoin(event, eq(event.id, registration.eventId))
        .where(eq(registration.userId, userId))
        .orderBy(asc(attendance.checkedInAt)),
    ),
    personalPart(
      'events.personalData.certificates',
      await db
        .select({
          event: event.title,
          code: certificate.code,
          holderName: certificate.holderName,
          sessionsAttended: certificate.sessionsAttended,
          hours: certificate.hours,
          issuedAt: certificate.issuedAt,
          replacedAt: certificate.replacedAt,
        })
        .from(certificate)
        .innerJoin(registration, eq(registration.id, certificate.registrationId))
        .innerJoin(event, eq(event.id, registration.eventId))
        .where(eq(registration.userId, userId))
        .orderBy(asc(certificate.issuedAt)),
    ),
  ];
}

/**
 * Anonymises a deleted account's seats (its own, and those typed with its e-mail or phone) and
 * their certificates: name, phone, e-mail, organisation and answers go; the seat, its attendance
 * and the traits the reports count stay, so no figure changes.
 */
export async function anonymise(db: Db, subject: ErasedSubject): Promise<void> {
  const found = await db
    .select({ id: registration.id })
    .from(registration)
    .where(
      or(
        eq(registration.userId, subject.userId),
        subject.email ? and(sql`${registration.email} <> ''`, eq(registration.email, subject.email)) : undefined,
        subject.phone ? and(sql`${registration.phone} <> ''`, eq(registration.phone, subject.phone)) : undefined,
      ),
    );
  const ids = found.map((r) => r.id);
  if (ids.length === 0) return;
  await db
    .update(registration)
    .set({ name: anonymisedName, phone: '', email: '', organisation: '', answers: sql`'{}'::text[]` })
    .where(inArray(registration.id, ids));
  await db.update(certificate).set({ holderName: anonymisedName }).where(inArray(certificate.registrationId, ids));
}
