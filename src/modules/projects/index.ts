export { ProjectFilters, ProjectInput } from './projects.schemas.ts';
export {
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
  updateProject,
} from './projects.service.ts';
export { type Award, project, projectMember } from './projects.sql.ts';
export * from './projects.taxonomy.ts';
