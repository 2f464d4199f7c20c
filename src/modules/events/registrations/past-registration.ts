import { and, eq, ne, or, type SQL } from 'drizzle-orm';
import { audit } from '#kernel/audit/audit.ts';
import { type Actor, isStaff } from '#kernel/auth/roles.ts';
import type { Db } from '#kernel/db/client.ts';
import { AppError } from '#kernel/http/errors.ts';
import { todayInVietnam } from '#kernel/i18n/index.ts';
import { findOrCreatePerson } from '#modules/people/index.ts';
import { findProject } from '#modules/projects/index.ts';
import { markPresent, sessionOf, sessionStart } from '../attendance/attendance.service.ts';
import { getEvent } from '../calendar/events.service.ts';
import type { PastRegistrationInput } from '../events.schemas.ts';
import { registration } from '../events.sql.ts';
import { assertCommune, seatColumns } from './registrations.service.ts';
import { lockEvent } from './seats.ts';

/**
 * An officer records someone who came to an event that has ended (a course of 2021 typed from its
 * paper sheet): a confirmed seat, whatever the capacity said, dated at the event's first session,
 * linked at once to the person in the people registry (same phone or e-mail, same person) and, if
 * named, to a project; the sessions ticked are checked in, dated at each session. Nobody is
 * e-mailed. Founders cannot: for them the event has ended.
 * @example await recordPastRegistration({ db, actor: officer, slug: 'tap-huan-2021', input })
 */
export async function recordPastRegistration({
  db,
  actor,
  slug,
  input,
  today = todayInVietnam(),
}: {
  db: Db;
  actor: Actor;
  slug: string;
  input: PastRegistrationInput;
  today?: string;
}) {
  if (!isStaff(actor)) throw new AppError('forbidden');
  const e = await getEvent({ db, actor, slug });
  if (e.endsOn >= today) throw new AppError('conflict', 'events.past.notEnded');
  await assertCommune(db, input.commune);
  const project = input.project ? await findProject(db, input.project) : null;
  if (input.project && !project)
    throw new AppError('validation', 'errors.validation', { project: 'events.v.projectUnknown' });
  const attended = [...new Set(input.sessions)].map((id) => sessionOf(e, id));
  const first = e.sessions[0];
  if (!first) throw new AppError('not_found', 'events.notFound');

  return db.transaction(async (tx) => {
    await lockEvent(tx, e.id);
    const p = await findOrCreatePerson(tx, {
      fullName: input.name,
      phone: input.phone,
      email: input.email,
      sex: input.sex,
      birthYear: input.birthYear,
      ethnicity: input.ethnicity,
      communeSlug: input.commune ?? null,
    });
    const same: SQL[] = [eq(registration.personId, p.id)];
    if (input.email) same.push(eq(registration.email, input.email));
    if (input.phone) same.push(eq(registration.phone, input.phone));
    const [dup] = await tx
      .select({ id: registration.id })
      .from(registration)
      .where(and(eq(registration.eventId, e.id), ne(registration.status, 'cancelled'), or(...same)));
    if (dup)
      throw new AppError('validation', 'errors.validation', {
        [input.phone ? 'phone' : 'email']: 'events.past.duplicate',
      });
    const [row] = await tx
      .insert(registration)
      .values({
        eventId: e.id,
        projectId: project?.id ?? null,
        personId: p.id,
        status: 'confirmed',
        ...seatColumns(input),
        // Typed by an officer from the Department's own records, as for a walk-in.
        consent: true,
        createdAt: sessionStart(first),
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    await audit(tx, {
      actorId: actor.id,
      action: 'event.register_past',
      entity: 'event_registration',
      entityId: row.id,
      data: { eventId: e.id, sessions: attended.length },
    });
    for (const s of attended) await markPresent(tx, actor, e, s, [row], 'list', today);
    return { registration: row, event: e, sessions: attended };
  });
}
