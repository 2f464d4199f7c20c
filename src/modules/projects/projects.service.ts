import { and, asc, count, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { audit } from '#kernel/audit/audit.ts';
import { user } from '#kernel/auth/auth.sql.ts';
import { type Actor, isStaff } from '#kernel/auth/roles.ts';
import type { Db } from '#kernel/db/client.ts';
import { isUuid, uniqueSlug } from '#kernel/db/keys.ts';
import { AppError } from '#kernel/http/errors.ts';
import type { Page } from '#kernel/http/pagination.ts';
import { translator } from '#kernel/i18n/index.ts';
import { queueMail } from '#kernel/mail/mailer.ts';
import { matches, rank } from '#kernel/search/search.ts';
import { findOrCreatePerson } from '#modules/people/index.ts';
import { assertCommunes, communeBySlug, communesOf } from '#modules/places/index.ts';
import { mayCreateProject } from './projects.queries.ts';
import type { ProjectFilters, ProjectInput, ReviewInput, WalkInFounder } from './projects.schemas.ts';
import { project, projectMember } from './projects.sql.ts';
import type { PublishReview } from './projects.taxonomy.ts';

export type Project = typeof project.$inferSelect;
export type ProjectMember = typeof projectMember.$inferSelect & { email: string | null };

export interface ProjectDetail extends Project {
  members: ProjectMember[];
  communeName: string | null;
  formerDistrictSlug: string | null;
  caseOfficerName: string | null;
}

export interface ProjectListItem {
  id: string;
  slug: string;
  name: string;
  summary: string;
  type: string;
  field: string;
  stage: string;
  communeSlug: string | null;
  communeName: string | null;
  isPublic: boolean;
  needs: string[];
  updatedAt: Date;
}

/** Team members with an account and staff may edit; nobody else. */
export function canEdit(actor: Actor | null, members: Pick<ProjectMember, 'userId'>[]): boolean {
  if (!actor) return false;
  return isStaff(actor) || members.some((m) => m.userId === actor.id);
}

/** Public projects are for everyone; a private one only for its team and staff. */
function canSee(actor: Actor | null, p: Pick<Project, 'isPublic'>, members: Pick<ProjectMember, 'userId'>[]): boolean {
  return p.isPublic || canEdit(actor, members);
}

const slugs = { table: project, slug: project.slug, id: project.id };

/** Members typed one per line: an e-mail of an existing account links that person, else a name. */
async function resolveMembers(db: Db, lines: string[]) {
  const emails = lines.filter((l) => l.includes('@')).map((l) => l.toLowerCase());
  const accounts = emails.length
    ? await db.select({ id: user.id, name: user.name, email: user.email }).from(user).where(inArray(user.email, emails))
    : [];
  return lines.map((line) => {
    const account = accounts.find((a) => a.email === line.toLowerCase());
    return account
      ? { userId: account.id, name: account.name, email: account.email }
      : { userId: null, name: line, email: null };
  });
}

type TeamMember = { userId: string | null; name: string; email?: string | null };

/**
 * Each member's record in the people registry: the one they had before the edit, else the one
 * their account's e-mail names, else a new record with their name. The registry is what a
 * report counts people by, so that a founder in a team and at a course is one person.
 */
async function peopleOfTeam(
  tx: Db,
  members: TeamMember[],
  had: Pick<ProjectMember, 'userId' | 'name' | 'personId'>[] = [],
): Promise<(string | null)[]> {
  const ids: (string | null)[] = [];
  for (const m of members) {
    const before = had.find((h) => h.personId && (m.userId ? h.userId === m.userId : !h.userId && h.name === m.name));
    ids.push(before?.personId ?? (await findOrCreatePerson(tx, { fullName: m.name, email: m.email ?? null })).id);
  }
  return ids;
}

function columnsFrom(input: ProjectInput) {
  return {
    name: input.name,
    summary: input.summary,
    description: input.description,
    type: input.type,
    field: input.field,
    stage: input.stage,
    communeSlug: input.commune,
    needs: input.needs,
    awards: input.awards,
    links: input.links,
    consentToPublish: input.consentToPublish,
  };
}

/**
 * Whether the project shows publicly, and what waits for review. Staff publish directly; a
 * founder's wish to publish waits for an officer (`pending`), unless the project is already
 * public; unticking it takes the project down and the wish away.
 */
function visibilityFrom(
  actor: Actor,
  wanted: boolean,
  current?: Pick<Project, 'isPublic'>,
): { isPublic: boolean; publishReview: PublishReview | null } {
  if (!wanted) return { isPublic: false, publishReview: null };
  if (isStaff(actor) || current?.isPublic) return { isPublic: true, publishReview: null };
  return { isPublic: false, publishReview: 'pending' };
}

/**
 * Registers a project; a founder who registers it becomes its lead member.
 * @example const { slug } = await createProject({ db, actor, input })
 */
export async function createProject({
  db,
  actor,
  input,
  founder,
}: {
  db: Db;
  actor: Actor;
  input: ProjectInput;
  /** Staff registering the project of a founder who came in person (ignored for anyone else). */
  founder?: WalkInFounder;
}) {
  if (!mayCreateProject(actor)) throw new AppError('forbidden');
  await assertCommunes(db, input.commune);
  const others = await resolveMembers(db, input.members);
  const walkIn = isStaff(actor) && founder?.founderName ? founder : null;
  // A founder whose e-mail already has an account is linked to it, as team members typed by e-mail are.
  const [account] = walkIn?.founderEmail ? await resolveMembers(db, [walkIn.founderEmail]) : [];
  return db.transaction(async (tx) => {
    const slug = await uniqueSlug(tx, slugs, input.name);
    const [created] = await tx
      .insert(project)
      .values({ ...columnsFrom(input), ...visibilityFrom(actor, input.isPublic), slug, createdBy: actor.id })
      .returning({ id: project.id, slug: project.slug, name: project.name });
    if (!created) throw new Error('insert returned nothing');
    const lead =
      actor.role === 'founder'
        ? [{ userId: actor.id, name: actor.name, email: actor.email, role: 'lead' as const }]
        : walkIn
          ? [
              {
                userId: account?.userId ?? null,
                name: walkIn.founderName,
                email: walkIn.founderEmail,
                role: 'lead' as const,
              },
            ]
          : [];
    const members = [
      ...lead,
      ...others
        .filter((m) => m.userId !== actor.id && !(m.userId && m.userId === lead[0]?.userId))
        .map((m) => ({ ...m, role: 'member' as const })),
    ];
    if (members.length) {
      // The walk-in founder goes to the registry with their phone: an officer can call them back.
      const people = walkIn
        ? [
            (
              await findOrCreatePerson(tx, {
                fullName: walkIn.founderName,
                phone: walkIn.founderPhone,
                email: walkIn.founderEmail || null,
              })
            ).id,
            ...(await peopleOfTeam(tx, members.slice(1))),
          ]
        : await peopleOfTeam(tx, members);
      await tx.insert(projectMember).values(
        members.map(({ email: _email, ...m }, position) => ({
          ...m,
          personId: people[position] ?? null,
          projectId: created.id,
          position,
        })),
      );
    }
    await audit(tx, {
      actorId: actor.id,
      action: 'project.create',
      entity: 'project',
      entityId: created.id,
      data: { name: input.name, ...(walkIn ? { walkIn: true } : {}) },
    });
    return { ...created, founderUserId: lead[0]?.userId ?? null };
  });
}

/**
 * Makes an account the lead of a project whose walk-in founder had none (the account the officer
 * invited them to). Only a lead without an account is taken.
 */
export async function linkFounder(db: Db, projectId: string, userId: string): Promise<void> {
  await db
    .update(projectMember)
    .set({ userId })
    .where(
      and(eq(projectMember.projectId, projectId), eq(projectMember.role, 'lead'), sql`${projectMember.userId} IS NULL`),
    );
}

async function membersOf(db: Db, projectId: string): Promise<ProjectMember[]> {
  const rows = await db
    .select({ member: projectMember, email: user.email })
    .from(projectMember)
    .leftJoin(user, eq(user.id, projectMember.userId))
    .where(eq(projectMember.projectId, projectId))
    .orderBy(asc(projectMember.position));
  return rows.map((r) => ({ ...r.member, email: r.email }));
}

/** A project as its page shows it; 404 for anyone who may not see it. */
export async function getProject({
  db,
  actor,
  slug,
}: {
  db: Db;
  actor: Actor | null;
  slug: string;
}): Promise<ProjectDetail> {
  const [row] = await db
    .select({ project, caseOfficerName: user.name })
    .from(project)
    .leftJoin(user, eq(user.id, project.caseOfficerId))
    .where(eq(project.slug, slug));
  if (!row) throw new AppError('not_found', 'errors.projectNotFound');
  const members = await membersOf(db, row.project.id);
  if (!canSee(actor, row.project, members)) throw new AppError('not_found', 'errors.projectNotFound');
  const place = await communeBySlug(db, row.project.communeSlug);
  return {
    ...row.project,
    members,
    communeName: place?.name ?? null,
    formerDistrictSlug: place?.formerDistrictSlug ?? null,
    caseOfficerName: row.caseOfficerName,
  };
}

/** Same rule by id, for the API and for other modules. */
export async function getProjectById({
  db,
  actor,
  id,
}: {
  db: Db;
  actor: Actor | null;
  id: string;
}): Promise<ProjectDetail> {
  if (!isUuid(id)) throw new AppError('not_found', 'errors.projectNotFound');
  const [row] = await db.select({ slug: project.slug }).from(project).where(eq(project.id, id));
  if (!row) throw new AppError('not_found', 'errors.projectNotFound');
  return getProject({ db, actor, slug: row.slug });
}

/** Editing: the team and staff; others get 403 on a project they can see, 404 otherwise. */
export async function updateProject({
  db,
  actor,
  slug,
  input,
}: {
  db: Db;
  actor: Actor;
  slug: string;
  input: ProjectInput;
}) {
  const current = await getProject({ db, actor, slug });
  if (!canEdit(actor, current.members)) throw new AppError('forbidden');
  await assertCommunes(db, input.commune);
  const named = await resolveMembers(db, input.members);
  return db.transaction(async (tx) => {
    const newSlug =
      input.name === current.name ? current.slug : await uniqueSlug(tx, slugs, input.name, { ownId: current.id });
    await tx
      .update(project)
      .set({
        ...columnsFrom(input),
        ...visibilityFrom(actor, input.isPublic, current),
        slug: newSlug,
        updatedAt: new Date(),
      })
      .where(eq(project.id, current.id));
    // The lead stays; the other members are the list as typed.
    await tx
      .delete(projectMember)
      .where(and(eq(projectMember.projectId, current.id), eq(projectMember.role, 'member')));
    const lead = current.members.find((m) => m.role === 'lead');
    if (lead && !lead.personId) {
      const [personId] = await peopleOfTeam(tx, [lead]);
      await tx.update(projectMember).set({ personId }).where(eq(projectMember.id, lead.id));
    }
    const others = named.filter((m) => !m.userId || m.userId !== lead?.userId);
    if (others.length) {
      const people = await peopleOfTeam(tx, others, current.members);
      await tx.insert(projectMember).values(
        others.map(({ email: _email, ...m }, i) => ({
          ...m,
          personId: people[i] ?? null,
          projectId: current.id,
          role: 'member' as const,
          position: i + 1,
        })),
      );
    }
    await audit(tx, { actorId: actor.id, action: 'project.update', entity: 'project', entityId: current.id });
    return { id: current.id, slug: newSlug, name: input.name };
  });
}

/** Staff assign a case officer (themself or a colleague). */
export async function assignCaseOfficer({
  db,
  actor,
  slug,
  officerId,
}: {
  db: Db;
  actor: Actor;
  slug: string;
  officerId: string;
}) {
  if (!isStaff(actor)) throw new AppError('forbidden');
  const current = await getProject({ db, actor, slug });
  const [officer] = await db
    .select({ id: user.id, name: user.name, role: user.role })
    .from(user)
    .where(eq(user.id, officerId));
  if (!officer || !['officer', 'admin'].includes(officer.role))
    throw new AppError('validation', 'errors.notCaseOfficer');
  await db.transaction(async (tx) => {
    await tx
      .update(project)
      .set({ caseOfficerId: officer.id, updatedAt: new Date() })
      .where(eq(project.id, current.id));
    await audit(tx, {
      actorId: actor.id,
      action: 'project.assign',
      entity: 'project',
      entityId: current.id,
      data: { caseOfficerId: officer.id },
    });
  });
  return officer;
}

export type ProjectScope = 'directory' | 'mine';

/**
 * The directory (public projects; staff also see private ones) or "my projects"
 * (where I am a member, or the case officer), filtered, searched, one page at a time.
 */
export async function listProjects({
  db,
  actor,
  filters,
  page,
  scope = 'directory',
}: {
  db: Db;
  actor: Actor | null;
  filters: ProjectFilters;
  page: Page;
  scope?: ProjectScope;
}): Promise<{ items: ProjectListItem[]; total: number; more: boolean }> {
  const where: SQL[] = [];
  if (scope === 'mine') {
    if (!actor) throw new AppError('unauthenticated');
    where.push(
      sql`(${project.caseOfficerId} = ${actor.id} OR EXISTS (SELECT 1 FROM ${projectMember} WHERE ${projectMember.projectId} = ${project.id} AND ${projectMember.userId} = ${actor.id}))`,
    );
  } else if (!isStaff(actor)) {
    where.push(eq(project.isPublic, true));
  } else if (filters.visibility) {
    where.push(eq(project.isPublic, filters.visibility === 'public'));
  }
  if (filters.field) where.push(eq(project.field, filters.field));
  if (filters.stage) where.push(eq(project.stage, filters.stage));
  if (filters.commune) where.push(eq(project.communeSlug, filters.commune));
  if (filters.need) where.push(sql`${project.needs} @> ARRAY[${filters.need}]::text[]`);
  const q = filters.q?.trim();
  if (q) where.push(matches(project.searchText, q));
  const condition = where.length ? and(...where) : undefined;

  // Counting every match of a broad search over a large registry is most of the cost of a page:
  // count up to a cap; the page then says "more than 1,000".
  const matching = db
    .select({ one: sql`1` })
    .from(project)
    .where(condition)
    .limit(COUNT_CAP + 1)
    .as('matching');
  const [totalRow] = await db.select({ n: count() }).from(matching);
  const rows = await db
    .select({
      id: project.id,
      slug: project.slug,
      name: project.name,
      summary: project.summary,
      type: project.type,
      field: project.field,
      stage: project.stage,
      communeSlug: project.communeSlug,
      isPublic: project.isPublic,
      needs: project.needs,
      updatedAt: project.updatedAt,
    })
    .from(project)
    .where(condition)
    .orderBy(
      ...(q ? rank(project.name, project.nameSearch, q) : []),
      sql`${project.updatedAt} DESC NULLS LAST`,
      asc(project.id),
    )
    .limit(page.perPage)
    .offset(page.offset);
  const places = await communesOf(
    db,
    rows.map((r) => r.communeSlug),
  );
  const items = rows.map((r) => ({ ...r, communeName: (r.communeSlug && places.get(r.communeSlug)?.name) || null }));
  return { items, total: Math.min(totalRow?.n ?? 0, COUNT_CAP), more: (totalRow?.n ?? 0) > COUNT_CAP };
}

/** Lists count their matches up to this many. */
export const COUNT_CAP = 1_000;

/** Counts for the home page. */
export async function projectFigures(db: Db) {
  const [row] = await db
    .select({ projects: count(), communes: sql<number>`count(DISTINCT ${project.communeSlug})::int` })
    .from(project)
    .where(eq(project.isPublic, true));
  return { projects: row?.projects ?? 0, communes: row?.communes ?? 0 };
}

/** A project waiting for an officer to publish it, as the review queue lists it. */
export interface ReviewItem {
  slug: string;
  name: string;
  summary: string;
  communeName: string | null;
  publishReview: PublishReview;
  reviewNote: string;
  updatedAt: Date;
}

/** Founders' projects waiting to be published (the oldest first), and those sent back, for staff. */
export async function reviewQueue({
  db,
  actor,
  page,
}: {
  db: Db;
  actor: Actor;
  page: Page;
}): Promise<{ items: ReviewItem[]; total: number; pending: number }> {
  if (!isStaff(actor)) throw new AppError('forbidden');
  const waiting = sql`${project.publishReview} IS NOT NULL`;
  const [counts] = await db
    .select({
      total: count(),
      pending: sql<number>`(count(*) FILTER (WHERE ${project.publishReview} = 'pending'))::int`,
    })
    .from(project)
    .where(waiting);
  const found = await db
    .select({
      slug: project.slug,
      name: project.name,
      summary: project.summary,
      communeSlug: project.communeSlug,
      publishReview: project.publishReview,
      reviewNote: project.reviewNote,
      updatedAt: project.updatedAt,
    })
    .from(project)
    .where(waiting)
    .orderBy(sql`${project.publishReview} = 'pending' DESC`, asc(project.updatedAt), asc(project.id))
    .limit(page.perPage)
    .offset(page.offset);
  const places = await communesOf(
    db,
    found.map((r) => r.communeSlug),
  );
  return {
    items: found.map(({ communeSlug, ...r }) => ({
      ...r,
      publishReview: r.publishReview as PublishReview,
      communeName: (communeSlug && places.get(communeSlug)?.name) || null,
    })),
    total: Number(counts?.total ?? 0),
    pending: Number(counts?.pending ?? 0),
  };
}

/**
 * An officer publishes a founder's project, or sends it back with what to change; the team's
 * accounts hear of it by e-mail. Only a project that waits can be answered.
 */
export async function reviewProject({
  db,
  actor,
  slug,
  input,
  baseUrl,
}: {
  db: Db;
  actor: Actor;
  slug: string;
  input: ReviewInput;
  baseUrl: string;
}): Promise<{ name: string; slug: string }> {
  if (!isStaff(actor)) throw new AppError('forbidden');
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ id: project.id, name: project.name, publishReview: project.publishReview })
      .from(project)
      .where(eq(project.slug, slug))
      .for('update');
    if (!current) throw new AppError('not_found');
    if (current.publishReview !== 'pending')
      throw new AppError('validation', 'projects.review.notWaiting', { decision: 'projects.review.notWaiting' });
    const approve = input.decision === 'approve';
    await tx
      .update(project)
      .set({
        isPublic: approve,
        publishReview: approve ? null : 'returned',
        reviewNote: input.note,
        reviewedBy: actor.id,
        reviewedAt: new Date(),
      })
      .where(eq(project.id, current.id));
    const team = await tx
      .select({ email: user.email })
      .from(projectMember)
      .innerJoin(user, eq(user.id, projectMember.userId))
      .where(eq(projectMember.projectId, current.id));
    const url = `${baseUrl}/du-an/${slug}`;
    // The team's language is not known here: the site's default, Vietnamese.
    const t = translator('vi');
    await queueMail(
      tx,
      team.map(({ email }) => ({
        to: email,
        subject: t(approve ? 'projects.review.mail.approved.subject' : 'projects.review.mail.returned.subject', {
          name: current.name,
        }),
        text: t(approve ? 'projects.review.mail.approved.body' : 'projects.review.mail.returned.body', {
          name: current.name,
          note: input.note,
          url,
        }),
      })),
    );
    await audit(tx, {
      actorId: actor.id,
      action: approve ? 'project.publish' : 'project.return',
      entity: 'project',
      entityId: current.id,
      data: input.note ? { note: input.note } : undefined,
    });
    return { name: current.name, slug };
  });
}

/**
 * Adds needs to a project's list (those it has stay), for a member of its team: what a founder
 * asks for when a survey's answers name needs. Gives the needs that were new.
 */
export async function addProjectNeeds({
  db,
  actor,
  projectId,
  needs,
}: {
  db: Db;
  actor: Actor;
  projectId: string;
  needs: readonly string[];
}): Promise<string[]> {
  if (!isUuid(projectId)) throw new AppError('not_found', 'errors.projectNotFound');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ needs: project.needs })
      .from(project)
      .where(eq(project.id, projectId))
      .for('update');
    if (!row) throw new AppError('not_found', 'errors.projectNotFound');
    const [member] = await tx
      .select({ id: projectMember.id })
      .from(projectMember)
      .where(and(eq(projectMember.projectId, projectId), eq(projectMember.userId, actor.id)));
    if (!member) throw new AppError('forbidden');
    const added = needs.filter((n) => !row.needs.includes(n));
    if (added.length === 0) return [];
    await tx
      .update(project)
      .set({ needs: [...row.needs, ...added], updatedAt: new Date() })
      .where(eq(project.id, projectId));
    await audit(tx, {
      actorId: actor.id,
      action: 'project.needs.add',
      entity: 'project',
      entityId: projectId,
      data: { added },
    });
    return added;
  });
}
