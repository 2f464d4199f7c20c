import { defineModule } from '#kernel/module.ts';
import { expertsApi } from './experts.api.ts';
import * as words from './experts.i18n.ts';
import { expertsPages } from './experts.pages.tsx';

// The experts module's public face: what other modules may use.
export {
  enterImportedExpert,
  expertEmailsTaken,
  expertIdByName,
  expertNameKey,
  removeImportedExperts,
} from './experts.import.ts';
export { personalDataOf } from './experts.personal-data.ts';
export { type ExpertSkills, expertSkills, expertsWithSkills } from './experts.queries.ts';
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
export * from './experts.taxonomy.ts';

/** The experts module: its words, pages and API, mounted by createApp. */
export const expertsModule = defineModule({ name: 'experts', words, pages: expertsPages, api: expertsApi });
