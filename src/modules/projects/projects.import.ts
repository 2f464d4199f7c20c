import { and, asc, eq, sql } from 'drizzle-orm';
import { auditMany } from '#kernel/audit/audit.ts';
import { type Actor, isStaff } from '#kernel/auth/roles.ts';
import type { Db } from '#kernel/db/client.ts';
import { isUuid } from '#kernel/db/keys.ts';
import { referencesTo, unreferenced } from '#kernel/db/references.ts';
import { AppError } from '#kernel/http/errors.ts';
import { findOrCreatePersonNoting } from '#modules/people/index.ts';
import type { ProjectInput } from './projects.schemas.ts';
import { createProject } from './projects.service.ts';
import { project, projectMember } from './projects.sql.ts';

// Projects brought in from a Department's list (the imports module): found by name and commune,
// else created private, with their team; the lead's phone and e-mail go to the people registry
// only (never shown on a project page). Undo takes back a project nothing was done with since.

/** The project of this name (without case or diacritics) in this commune, if there is one. */
export async function projectIdByNameAndCommune(db: Db, name: string, communeSlug: string): Promise<string | null> {
  const [row] = await db
    .select({ id: project.id })
    .from(project)
    .where(
      and(
        sql`${project.nameSearch} = lower(f_unaccent(${name.normalize('NFC').trim()}))`,
        eq(project.communeSlug, communeSlug),
      ),
    )
    .orderBy(asc(project.createdAt))
    .limit(1);
  return row?.id ?? null;
}

export interface ImportedLead {
  name: string;
  phone: string;
  email: string;
}

/**
 * Creates a project from a list row (the caller's transaction): its lead first in the team, linked
 * to their record in the people registry (same phone or e-mail, same person), then the members.
 * Gives the people it added to the registry, for undo.
 */
export async function enterImportedProject(
  tx: Db,
  actor: Actor,
  input: ProjectInput,
  lead: ImportedLead | null,
): Promise<{ id: string; peopleCreated: string[] }> {
  if (!isStaff(actor)) throw new AppError('forbidden');
  const members = lead ? [lead.name, ...input.members.filter((m) => m !== lead.name)] : input.members;
  const made = await createProject({ db: tx, actor, input: { ...input, members } });
  const team = await tx
    .select({ id: projectMember.id, name: projectMember.name, personId: projectMember.personId })
    .from(projectMember)
    .where(eq(projectMember.projectId, made.id))
    .orderBy(asc(projectMember.position));
  // Named members without an e-mail are new records of the registry (createProject made them).
  const peopleCreated = team.flatMap((m) => (m.personId ? [m.personId] : []));
  const first = team[0];
  if (lead && first && (lead.phone || lead.email)) {
    const { person, created } = await findOrCreatePersonNoting(tx, {
      fullName: lead.name,
      phone: lead.phone,
      email: lead.email,
    });
    await tx.update(projectMember).set({ personId: person.id, role: 'lead' }).where(eq(projectMember.id, first.id));
    if (created) peopleCreated.push(person.id);
  } else if (lead && first) {
    await tx.update(projectMember).set({ role: 'lead' }).where(eq(projectMember.id, first.id));
  }
  return { id: made.id, peopleCreated };
}

/**
 * Removes projects an import created when nothing was done with them since (nothing but their
 * own team points at them: no support, request, product…); the others stay.
 */
export async function removeImportedProjects(tx: Db, actor: Actor, ids: string[]): Promise<number> {
  if (!isStaff(actor)) throw new AppError('forbidden');
  const list = ids.filter(isUuid);
  if (list.length === 0) return 0;
  // Its own team does not keep a project: the members go with it.
  const refs = await referencesTo(tx, 'project', { except: ['project_member'] });
  const gone = await tx
    .delete(project)
    .where(and(sql`${project.id} = ANY(${`{${list.join(',')}}`}::uuid[])`, ...unreferenced(refs, project.id)))
    .returning({ id: project.id });
  await auditMany(
    tx,
    gone.map((g) => ({ actorId: actor.id, action: 'project.remove_imported', entity: 'project', entityId: g.id })),
  );
  return gone.length;
}

/**
 * Projects named in a list (support given to them, say), by their name without case or
 * diacritics: name → id, for the names that match exactly one project.
 */
export async function projectIdsByNames(db: Db, names: string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(names.map((n) => n.normalize('NFC').trim()).filter(Boolean))];
  if (wanted.length === 0) return new Map();
  const found = await db
    .select({ id: project.id, key: project.nameSearch, name: project.name })
    .from(project)
    .where(
      sql`${project.nameSearch} = ANY(SELECT lower(f_unaccent(x)) FROM unnest(${`{${wanted.map((w) => `"${w.replace(/["\\]/g, '')}"`).join(',')}}`}::text[]) AS x)`,
    );
  const byKey = new Map<string, string[]>();
  for (const f of found) byKey.set(f.key, [...(byKey.get(f.key) ?? []), f.id]);
  const out = new Map<string, string>();
  for (const [key, ids] of byKey) if (ids.length === 1 && ids[0]) out.set(key, ids[0]);
  return out;
}
