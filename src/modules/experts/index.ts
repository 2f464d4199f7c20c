// The experts module's public face: what other modules may use.
export { ExpertFilters, ExpertInput } from './experts.schemas.ts';
export {
  type ExpertDetail,
  type ExpertListItem,
  type ExpertProfile,
  getExpert,
  getExpertBySlug,
  getExpertByUserId,
  listExpertOptions,
  listExperts,
  saveOwnProfile,
  updateExpert,
} from './experts.service.ts';
export { expertProfile } from './experts.sql.ts';
export * from './experts.taxonomy.ts';
