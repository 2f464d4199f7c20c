// Codes in the database and the API; their labels live in partners.i18n.ts (`partners.kind.<code>`).

/** What kind of organisation a partner is; buyers are supermarkets, distributors and businesses. */
export const partnerKinds = [
  'business',
  'supermarket',
  'distributor',
  'investor',
  'club',
  'school',
  'incubator',
  'agency',
  'programme',
] as const;
export type PartnerKind = (typeof partnerKinds)[number];

/** The kinds that buy products: sales connections and buyer suggestions use these. */
export const buyerKinds: readonly PartnerKind[] = ['business', 'supermarket', 'distributor'];

/** How a partner answers an introduction. */
export const introductionStatuses = ['sent', 'interested', 'not_now'] as const;
export type IntroductionStatus = (typeof introductionStatuses)[number];
/** An introduction the partner has not answered yet; an answer (interested or not now) finishes it. */
export const unansweredIntroductionStatuses: readonly IntroductionStatus[] = ['sent'];
