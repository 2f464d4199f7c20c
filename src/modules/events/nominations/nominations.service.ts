import { and, asc, desc, eq, getTableColumns, sql } from 'drizzle-orm';
import { audit } from '#kernel/audit/audit.ts';
import { user } from '#kernel/auth/auth.sql.ts';
import { type Actor, isStaff } from '#kernel/auth/roles.ts';
import type { Db } from '#kernel/db/client.ts';
import { isUuid } from '#kernel/db/keys.ts';
import { AppError } from '#kernel/http/errors.ts';
import { translator } from '#kernel/i18n/index.ts';
import { queueMail } from '#kernel/mail/mailer.ts';
import { slugify } from '#kernel/search/fold.ts';
import { projectNameOf, projectSummaries, teamOf } from '#modules/projects/index.ts';
import { recordSupport, type SupportStatus } from '#modules/support/index.ts';
import type { EventDeps } from '../calendar/events.service.ts';
import type { ExternalEventInput, NominateInput, NominationUpdate } from '../events.schemas.ts';
import { externalEvent, nomination } from '../events.sql.ts';
import type { NominationStatus } from '../events.taxonomy.ts';

export type ExternalEvent = typeof externalEvent.$inferSelect;
export type Nomination = typeof nomination.$inferSelect;

const ledgerT = translator('vi');

function staffOnly(actor: Actor | null): asserts actor is Actor {
  if (!isStaff(actor)) throw new AppError('forbidden');
}

async function uniqueSlug(db: Db, title: string): Promise<string> {
  const base = slugify(title, 70) || 'su-kien';
  const taken = await db
    .select({ slug: externalEvent.slug })
    .from(externalEvent)
    .where(sql`${externalEvent.slug} = ${base} OR ${externalEvent.slug} LIKE ${`${base}-%`}`);
  const others = new Set(taken.map((r) => r.slug));
  others.add('moi');
  if (!others.has(base)) return base;
  for (let i = 2; ; i++) if (!others.has(`${base}-${i}`)) return `${base}-${i}`;
}

/** An external event already recorded with the same title (letter case aside) in the same year, or null. */
export async function externalEventWithTitle(
  db: Db,
  title: string,
  day: string,
): Promise<{ slug: string; title: string; startsOn: string } | null> {
  const [row] = await db
    .select({ slug: externalEvent.slug, title: externalEvent.title, startsOn: externalEvent.startsOn })
    .from(externalEvent)
    .where(
      and(
        sql`lower(${externalEvent.title}) = lower(${title})`,
        sql`extract(year from ${externalEvent.startsOn}) = ${Number(day.slice(0, 4)) || 0}`,
      ),
    )
    .orderBy(asc(externalEvent.startsOn))
    .limit(1);
  return row ?? null;
}

/** An officer records a programme or event run by others. */
export async function createExternalEvent({ db, actor, input }: { db: Db; actor: Actor; input: ExternalEventInput }) {
  staffOnly(actor);
  return db.transaction(async (tx) => {
    const slug = await uniqueSlug(tx, input.title);
    const [created] = await tx
      .insert(externalEvent)
      .values({ ...input, endsOn: input.endsOn ?? null, slug, createdBy: actor.id })
      .returning();
    if (!created) throw new Error('insert returned nothing');
    await audit(tx, {
      actorId: actor.id,
      action: 'external_event.create',
      entity: 'external_event',
      entityId: created.id,
      data: { title: input.title },
    });
    return created;
  });
}

/** Corrects an external event (dates, place, title); its nominations' ledger lines follow. */
export async function updateExternalEvent({
  db,
  actor,
  slug,
  input,
}: {
  db: Db;
  actor: Actor;
  slug: string;
  input: ExternalEventInput;
}) {
  staffOnly(actor);
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(externalEvent)
      .set({ ...input, endsOn: input.endsOn ?? null })
      .where(eq(externalEvent.slug, slug))
      .returning();
    if (!updated) throw new AppError('not_found', 'events.external.notFound');
    // Locked in one order, so a nomination changed at the same moment is recorded as it ends up.
    const nominations = await tx
      .select()
      .from(nomination)
      .where(eq(nomination.externalEventId, updated.id))
      .orderBy(asc(nomination.id))
      .for('update');
    for (const n of nominations) await recordNomination(tx, actor, updated, n);
    await audit(tx, {
      actorId: actor.id,
      action: 'external_event.update',
      entity: 'external_event',
      entityId: updated.id,
      data: { title: input.title },
    });
    return updated;
  });
}

export interface ExternalEventItem extends ExternalEvent {
  nominations: number;
}

export async function listExternalEvents({ db, actor }: { db: Db; actor: Actor }): Promise<ExternalEventItem[]> {
  staffOnly(actor);
  return db
    .select({
      ...getTableColumns(externalEvent),
      // Qualified by hand: in a one-table select Drizzle writes columns without their table, and
      // inside this subquery a bare "id" would be the nomination's own.
      nominations: sql<number>`(SELECT count(*)::int FROM ${nomination} n WHERE n.external_event_id = ${externalEvent}.id)`,
    })
    .from(externalEvent)
    .orderBy(desc(externalEvent.startsOn), asc(externalEvent.title));
}

export interface NominationRow extends Nomination {
  projectName: string;
  projectSlug: string;
}

export interface ExternalEventDetail extends ExternalEvent {
  nominations: NominationRow[];
}

export async function getExternalEvent({
  db,
  actor,
  slug,
}: {
  db: Db;
  actor: Actor | null;
  slug: string;
}): Promise<ExternalEventDetail> {
  staffOnly(actor);
  const [row] = await db.select().from(externalEvent).where(eq(externalEvent.slug, slug));
  if (!row) throw new AppError('not_found', 'events.external.notFound');
  const nominations = await db
    .select()
    .from(nomination)
    .where(eq(nomination.externalEventId, row.id))
    .orderBy(asc(projectNameOf(nomination.projectId)));
  const projects = await projectSummaries(
    db,
    nominations.map((n) => n.projectId),
  );
  return {
    ...row,
    nominations: nominations.flatMap((n) => {
      const p = projects.get(n.projectId);
      return p ? [{ ...n, projectName: p.name, projectSlug: p.slug }] : [];
    }),
  };
}

const ledgerStatus: Record<NominationStatus, SupportStatus> = {
  invited: 'planned',
  accepted: 'planned',
  declined: 'cancelled',
  attended: 'done',
};

/** What the ledger says about a nomination: its state and results in one sentence or a few. */
function outcomeOf(n: Pick<Nomination, 'status' | 'award' | 'contract' | 'contacts' | 'notes'>): string {
  const parts = [ledgerT(`events.nomination.status.${n.status as NominationStatus}`)];
  if (n.award) parts.push(ledgerT('events.ledger.award', { award: n.award }));
  if (n.contract) parts.push(ledgerT('events.ledger.contract', { contract: n.contract }));
  if (n.contacts) parts.push(ledgerT('events.ledger.contacts', { count: n.contacts }));
  if (n.notes) parts.push(n.notes);
  return parts.join('. ');
}

/** Every nomination is a support entry (event introduction), recorded again at each change. */
async function recordNomination(tx: Db, actor: Actor, ext: ExternalEvent, n: Nomination) {
  const [by] = n.nominatedBy
    ? await tx.select({ id: user.id, name: user.name }).from(user).where(eq(user.id, n.nominatedBy))
    : [];
  await recordSupport({
    db: tx,
    actor,
    input: {
      projectId: n.projectId,
      kind: 'event_introduction',
      title: ledgerT('events.ledger.nomination', { title: ext.title }),
      providerKind: 'officer',
      providerName: by?.name ?? actor.name,
      providerUserId: by?.id ?? actor.id,
      // A nomination is support from the day it was made (the day reports count it) to the event's end.
      startedOn: n.nominatedOn,
      endedOn: [ext.endsOn ?? ext.startsOn, n.nominatedOn].sort().at(-1) ?? n.nominatedOn,
      status: ledgerStatus[n.status as NominationStatus] ?? 'planned',
      outcome: outcomeOf(n),
      source: { kind: 'nomination', id: n.id },
    },
  });
}

/**
 * The external event for a command, locked until its transaction ends: nominations to one event
 * are decided one after the other, each seeing the projects the one before nominated.
 */
async function lockExternalEvent(tx: Db, slug: string): Promise<ExternalEvent> {
  const [row] = await tx.select().from(externalEvent).where(eq(externalEvent.slug, slug)).for('update');
  if (!row) throw new AppError('not_found', 'events.external.notFound');
  return row;
}

/**
 * What a nomination form carries to say which version of the nomination its officer saw: the time
 * of its last change. A form sent from an older version is refused (`seen` in `NominationUpdate`).
 */
const nominationVersion = (n: Pick<Nomination, 'updatedAt'>) => n.updatedAt.toISOString();

/**
 * Nominates one or many projects to an external event with a message their teams receive by
 * e-mail. A project already nominated is left as it is. One transaction on the locked event: of
 * two officers nominating the same project at once, one nominates it (one ledger line, one mail
 * per team member) and the other's counts it as already nominated.
 */
export async function nominate({
  deps,
  actor,
  slug,
  input,
  on,
}: {
  deps: EventDeps;
  actor: Actor;
  slug: string;
  input: NominateInput;
  /** The day of the nomination (YYYY-MM-DD) when it is recorded later than it was made; today by default. */
  on?: string;
}) {
  staffOnly(actor);
  const { db } = deps;
  const created = await db.transaction(async (tx) => {
    const ext = await lockExternalEvent(tx, slug);
    const found = [...(await projectSummaries(tx, input.projects.filter(isUuid))).values()];
    if (found.length !== input.projects.length)
      throw new AppError('validation', 'errors.validation', { projects: 'v.choose' });
    const existing = await tx
      .select({ projectId: nomination.projectId })
      .from(nomination)
      .where(eq(nomination.externalEventId, ext.id));
    const already = new Set(existing.map((n) => n.projectId));
    const fresh = found.filter((p) => !already.has(p.id));
    if (fresh.length === 0) return { rows: [], found: found.length };
    // The unique (event, project) index is the last guard: a row already there is skipped, not doubled.
    const rows = await tx
      .insert(nomination)
      .values(
        fresh.map((p) => ({
          externalEventId: ext.id,
          projectId: p.id,
          status: 'invited',
          message: input.message,
          nominatedBy: actor.id,
          ...(on ? { nominatedOn: on } : {}),
        })),
      )
      .onConflictDoNothing()
      .returning();
    for (const n of rows) await recordNomination(tx, actor, ext, n);
    await audit(tx, {
      actorId: actor.id,
      action: 'nomination.create',
      entity: 'external_event',
      entityId: ext.id,
      data: { count: rows.length },
    });
    if (input.message) {
      // Each team member with an account hears of it, by the name of their account.
      for (const n of rows) {
        const projectName = fresh.find((p) => p.id === n.projectId)?.name ?? '';
        const team = await teamOf(tx, n.projectId);
        await queueMail(
          tx,
          team.flatMap((m) =>
            m.email
              ? [
                  {
                    to: m.email,
                    subject: ledgerT('events.mail.nominated.subject', { title: ext.title }),
                    text: ledgerT('events.mail.nominated.body', {
                      name: m.accountName ?? m.name,
                      project: projectName,
                      title: ext.title,
                      organiser: ext.organiser,
                      message: input.message,
                    }),
                  },
                ]
              : [],
          ),
        );
      }
    }
    return { rows, found: found.length };
  });
  deps.mailer.wake();
  return { created: created.rows.length, skipped: created.found - created.rows.length };
}

/**
 * Moves a nomination along (invited → accepted / declined → attended) and records its results.
 * One transaction on the locked nomination: of two officers saving it at once, the second waits;
 * if its form showed an older version (`seen`), it is refused with a conflict instead of
 * overwriting what the first recorded. Without `seen` (the demo data) the change applies to the
 * nomination as it now is.
 */
export async function updateNomination({
  db,
  actor,
  slug,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  slug: string;
  id: string;
  input: NominationUpdate;
}) {
  staffOnly(actor);
  return db.transaction(async (tx) => {
    const [ext] = await tx.select().from(externalEvent).where(eq(externalEvent.slug, slug));
    if (!ext) throw new AppError('not_found', 'events.external.notFound');
    const [current] = isUuid(id)
      ? await tx
          .select()
          .from(nomination)
          .where(and(eq(nomination.id, id), eq(nomination.externalEventId, ext.id)))
          .for('update')
      : [];
    if (!current) throw new AppError('not_found', 'events.external.nominationNotFound');
    if (input.seen && input.seen !== nominationVersion(current))
      throw new AppError('conflict', 'events.external.changedMeanwhile');
    const [updated] = await tx
      .update(nomination)
      .set({
        status: input.status,
        award: input.award,
        contract: input.contract,
        contacts: input.contacts ?? null,
        notes: input.notes,
        updatedAt: new Date(),
      })
      .where(and(eq(nomination.id, current.id), eq(nomination.status, current.status)))
      .returning();
    if (!updated) throw new AppError('conflict', 'events.external.changedMeanwhile');
    await recordNomination(tx, actor, ext, updated);
    await audit(tx, {
      actorId: actor.id,
      action: 'nomination.update',
      entity: 'nomination',
      entityId: current.id,
      data: { status: input.status },
    });
    const project = (await projectSummaries(tx, [updated.projectId])).get(updated.projectId);
    return { ...updated, projectName: project?.name ?? '' };
  });
}

export interface NominationListItem extends Nomination {
  projectName: string;
  projectSlug: string;
  eventTitle: string;
  eventSlug: string;
  eventStartsOn: string;
}

/** All nominations, latest event first (staff), for the API. */
export async function listNominations({
  db,
  actor,
  projectId,
}: {
  db: Db;
  actor: Actor | null;
  projectId?: string;
}): Promise<NominationListItem[]> {
  staffOnly(actor);
  if (projectId !== undefined && !isUuid(projectId)) return [];
  const rows = await db
    .select({
      nomination,
      eventTitle: externalEvent.title,
      eventSlug: externalEvent.slug,
      eventStartsOn: externalEvent.startsOn,
    })
    .from(nomination)
    .innerJoin(externalEvent, eq(externalEvent.id, nomination.externalEventId))
    .where(projectId ? eq(nomination.projectId, projectId) : undefined)
    .orderBy(desc(externalEvent.startsOn), asc(projectNameOf(nomination.projectId)))
    .limit(1000);
  const projects = await projectSummaries(
    db,
    rows.map((r) => r.nomination.projectId),
  );
  return rows.map((r) => ({
    ...r.nomination,
    projectName: projects.get(r.nomination.projectId)?.name ?? '',
    projectSlug: projects.get(r.nomination.projectId)?.slug ?? '',
    eventTitle: r.eventTitle,
    eventSlug: r.eventSlug,
    eventStartsOn: r.eventStartsOn,
  }));
}
