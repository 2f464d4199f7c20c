import { desc, eq, sql } from 'drizzle-orm';
import { audit } from '#kernel/audit/audit.ts';
import { type Actor, isStaff } from '#kernel/auth/roles.ts';
import type { Db } from '#kernel/db/client.ts';
import { rows } from '#kernel/db/rows.ts';
import { AppError } from '#kernel/http/errors.ts';
import { findProject, projectIdsWhere, projectSummaries } from '#modules/projects/index.ts';
import { timelineFor } from '#modules/support/index.ts';
import { projectStory } from './reports.sql.ts';
import type { NewStory, StoryText } from './stories.schemas.ts';

/** A chosen story, as staff list it. */
export interface StoryRow {
  projectId: string;
  projectSlug: string;
  projectName: string;
  isPublic: boolean;
  headline: string;
  body: string;
  chosenAt: Date;
}

/** One step of a public story: what support the project got and when, nothing about people. */
export interface StoryStep {
  kind: string;
  title: string;
  startedOn: string;
  endedOn: string | null;
}

/** A story as the public page shows it: the project's public face, the officer's words, its timeline. */
export interface PublicStory {
  projectSlug: string;
  projectName: string;
  summary: string;
  headline: string;
  body: string;
  steps: StoryStep[];
}

function assertStaff(actor: Actor | null) {
  if (!isStaff(actor)) throw new AppError('forbidden');
}

async function chosen(db: Db): Promise<StoryRow[]> {
  const found = await db.select().from(projectStory).orderBy(desc(projectStory.chosenAt));
  const projects = await projectSummaries(
    db,
    found.map((s) => s.projectId),
  );
  return found.flatMap((s) => {
    const p = projects.get(s.projectId);
    return p
      ? [
          {
            projectId: s.projectId,
            projectSlug: p.slug,
            projectName: p.name,
            isPublic: p.isPublic,
            headline: s.headline,
            body: s.body,
            chosenAt: s.chosenAt,
          },
        ]
      : [];
  });
}

/** Every chosen story, newest first (staff). */
export async function listStories({ db, actor }: { db: Db; actor: Actor | null }): Promise<StoryRow[]> {
  assertStaff(actor);
  return chosen(db);
}

/** Public projects not yet chosen, by name: what an officer may choose from. */
export async function storyCandidates({
  db,
  actor,
}: {
  db: Db;
  actor: Actor | null;
}): Promise<{ id: string; name: string }[]> {
  assertStaff(actor);
  const ids = await rows<{ id: string }>(
    db,
    sql`select p.id from ${projectIdsWhere({ publicOnly: true })} as p (id)
        where p.id not in (select ${projectStory.projectId} from ${projectStory})`,
  );
  const projects = await projectSummaries(
    db,
    ids.map((r) => r.id),
  );
  return [...projects.values()]
    .map((p) => ({ id: p.id, name: p.name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}

/** One chosen story (staff), or not found. */
export async function getStory({
  db,
  actor,
  projectId,
}: {
  db: Db;
  actor: Actor | null;
  projectId: string;
}): Promise<StoryRow> {
  assertStaff(actor);
  const found = (await chosen(db)).find((s) => s.projectId === projectId);
  if (!found) throw new AppError('not_found', 'reports.story.notFound');
  return found;
}

/** An officer chooses a public project as a success story. */
export async function addStory({ db, actor, input }: { db: Db; actor: Actor | null; input: NewStory }) {
  assertStaff(actor);
  const p = await findProject(db, input.project);
  if (!p?.isPublic)
    throw new AppError('validation', 'reports.story.projectNotPublic', { project: 'reports.story.projectNotPublic' });
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(projectStory)
      .values({ projectId: p.id, headline: input.headline, body: input.body, chosenBy: actor?.id ?? null })
      .onConflictDoNothing()
      .returning();
    if (!row)
      throw new AppError('validation', 'reports.story.alreadyChosen', { project: 'reports.story.alreadyChosen' });
    await audit(tx, { actorId: actor?.id ?? null, action: 'story.add', entity: 'project', entityId: p.id });
    return row;
  });
}

/** An officer rewrites a story's headline and text. */
export async function updateStory({
  db,
  actor,
  projectId,
  input,
}: {
  db: Db;
  actor: Actor | null;
  projectId: string;
  input: StoryText;
}) {
  await getStory({ db, actor, projectId });
  await db.transaction(async (tx) => {
    await tx
      .update(projectStory)
      .set({ headline: input.headline, body: input.body })
      .where(eq(projectStory.projectId, projectId));
    await audit(tx, { actorId: actor?.id ?? null, action: 'story.update', entity: 'project', entityId: projectId });
  });
}

/** An officer removes a story (the project itself stays as it is). Removing twice changes nothing. */
export async function removeStory({ db, actor, projectId }: { db: Db; actor: Actor | null; projectId: string }) {
  assertStaff(actor);
  if (!/^[0-9a-f-]{36}$/i.test(projectId)) return;
  await db.transaction(async (tx) => {
    const gone = await tx.delete(projectStory).where(eq(projectStory.projectId, projectId)).returning();
    if (gone.length > 0)
      await audit(tx, { actorId: actor?.id ?? null, action: 'story.remove', entity: 'project', entityId: projectId });
  });
}

/**
 * The stories the public page shows: only projects that are public now, each with its summary, the
 * officer's words and its timeline reduced to kind, title and dates (no provider, no outcome, no figures).
 */
export async function publicStories(db: Db): Promise<PublicStory[]> {
  const stories = (await chosen(db)).filter((s) => s.isPublic);
  const projects = await projectSummaries(
    db,
    stories.map((s) => s.projectId),
  );
  const out: PublicStory[] = [];
  for (const s of stories) {
    const steps = (await timelineFor(db, s.projectId))
      .filter((e) => e.status === 'done' || e.status === 'in_progress')
      .map((e) => ({ kind: e.kind, title: e.title, startedOn: e.startedOn, endedOn: e.endedOn }))
      .reverse();
    out.push({
      projectSlug: s.projectSlug,
      projectName: s.projectName,
      summary: projects.get(s.projectId)?.summary ?? '',
      headline: s.headline,
      body: s.body,
      steps,
    });
  }
  return out;
}
