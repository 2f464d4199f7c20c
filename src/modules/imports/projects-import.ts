import type { Actor } from '#kernel/auth/roles.ts';
import type { Db } from '#kernel/db/client.ts';
import { translator } from '#kernel/i18n/index.ts';
import {
  enterImportedProject,
  type ProjectField,
  type ProjectStage,
  projectIdByNameAndCommune,
  removeImportedProjects,
} from '#modules/projects/index.ts';
import type { ProjectRecord } from './rows.ts';

const vi = translator('vi');

/** One project row: the project of the same name in the same commune, else a new, private one. */
export async function importProject(
  tx: Db,
  actor: Actor,
  r: ProjectRecord,
): Promise<{ id: string; created: boolean; peopleCreated: string[] }> {
  const found = await projectIdByNameAndCommune(tx, r.name, r.commune);
  if (found) return { id: found, created: false, peopleCreated: [] };
  const summary = r.summary.length >= 10 ? r.summary : vi('imports.project.summary', { name: r.name }).slice(0, 500);
  const made = await enterImportedProject(
    tx,
    actor,
    {
      name: r.name,
      summary,
      description: '',
      type: 'product',
      field: r.field as ProjectField,
      stage: r.stage as ProjectStage,
      commune: r.commune,
      members: r.members,
      needs: [],
      awards: [],
      links: [],
      // The Department's own records: private until an officer (or the founder) publishes them.
      consentToPublish: false,
      isPublic: false,
    },
    r.lead,
  );
  return { id: made.id, created: true, peopleCreated: made.peopleCreated };
}

export async function undoProjects(tx: Db, actor: Actor, ids: string[]): Promise<number> {
  return removeImportedProjects(tx, actor, ids);
}
