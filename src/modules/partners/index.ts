import { defineModule } from '#kernel/module.ts';
import { partnersApi } from './partners.api.ts';
import * as words from './partners.i18n.ts';
import { partnersPages } from './partners.pages.tsx';

export {
  answerIntroduction,
  getIntroduction,
  type Introduction,
  type IntroductionDetail,
  type IntroductionSummary,
  introduceProject,
  introductionSummaries,
  introductionsForPartner,
  introductionsForProject,
  type PartnerIntroduction,
  type ProjectIntroduction,
  unansweredIntroductionIds,
} from './introductions.service.ts';
// The partners module's public face: what other modules may use.
export { partnerKey } from './partners.keys.ts';
export { personalDataOf } from './partners.personal-data.ts';
export {
  type PartnerOffer,
  type PartnerSummary,
  partnerOffer,
  partnerSummaries,
  partnersOffering,
} from './partners.queries.ts';
export { PartnerFilters, PartnerInput } from './partners.schemas.ts';
export {
  addMember,
  canManage,
  createPartner,
  getPartner,
  getPartnerById,
  getPartnerBySlug,
  listPartnerOptions,
  listPartners,
  type Partner,
  type PartnerDetail,
  type PartnerListItem,
  partnerIdByName,
  partnerIdsOfUser,
  removeImportedPartners,
  removeMember,
  updatePartner,
} from './partners.service.ts';
export * from './partners.taxonomy.ts';

/** The partners module: its words, pages and API, mounted by createApp. */
export const partnersModule = defineModule({ name: 'partners', words, pages: partnersPages, api: partnersApi });
