import { defineModule } from '#kernel/module.ts';
import { projectsApi } from './projects.api.ts';
import * as words from './projects.i18n.ts';
import { createProjectsPages } from './projects.pages.tsx';
import type { ProjectPorts } from './projects.timeline.ts';

export {
  enterImportedProject,
  type ImportedLead,
  projectIdByNameAndCommune,
  projectIdsByNames,
  removeImportedProjects,
} from './projects.import.ts';
export { projectKey } from './projects.keys.ts';
export { personalDataOf } from './projects.personal-data.ts';
export {
  findProject,
  isMember,
  mayCreateProject,
  type ProjectScope,
  type ProjectSummary,
  projectBrief,
  projectCreatorRoles,
  projectIdsWhere,
  projectLabels,
  projectNameOf,
  projectSummaries,
  projectsNeeding,
  projectsOf,
  publicProjectDates,
  teamOf,
} from './projects.queries.ts';
export { ProjectFilters, ProjectInput } from './projects.schemas.ts';
export {
  addProjectNeeds,
  assignCaseOfficer,
  canEdit,
  createProject,
  getProject,
  getProjectById,
  listProjects,
  type Project,
  type ProjectDetail,
  type ProjectListItem,
  projectFigures,
  reviewProject,
  updateProject,
} from './projects.service.ts';
export type { Award } from './projects.sql.ts';
export * from './projects.taxonomy.ts';
export type { ProjectPorts, TimelineEntry } from './projects.timeline.ts';

/** The projects module; its page of a project shows the timeline the composition root hands in. */
export const projectsModule = (ports: ProjectPorts) =>
  defineModule({ name: 'projects', words, pages: createProjectsPages(ports), api: projectsApi });
