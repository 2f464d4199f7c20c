// The partners module's public face: what other modules may use.
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
} from './introductions.service.ts';
export { PartnerFilters, PartnerInput } from './partners.schemas.ts';
export {
  canManage,
  getPartner,
  getPartnerById,
  getPartnerBySlug,
  listPartnerOptions,
  listPartners,
  type Partner,
  type PartnerDetail,
  type PartnerListItem,
  partnerIdsOfUser,
} from './partners.service.ts';
export { introduction, partner, partnerMember } from './partners.sql.ts';
export * from './partners.taxonomy.ts';
