// Codes in the database and the API; their Vietnamese and English labels live in i18n.

export const projectTypes = ['product', 'business_model', 'service', 'social'] as const;
export type ProjectType = (typeof projectTypes)[number];

export const projectFields = [
  'agriculture',
  'food',
  'herbal',
  'handicraft',
  'tourism',
  'education',
  'technology',
  'environment',
  'health',
  'services',
  'other',
] as const;
export type ProjectField = (typeof projectFields)[number];

/** In order: a project moves from an idea to a growing business. */
export const projectStages = ['idea', 'prototype', 'market', 'growing'] as const;
export type ProjectStage = (typeof projectStages)[number];

/** What a project can ask for; support requests and matching use the same list. */
export const supportNeeds = [
  'consulting_production',
  'consulting_product',
  'consulting_ip',
  'consulting_standards',
  'consulting_marketing',
  'consulting_finance',
  'consulting_digital',
  'training',
  'space',
  'market_connection',
  'events',
  'funding',
] as const;
export type SupportNeed = (typeof supportNeeds)[number];

/** Where a founder's wish to publish stands: waiting for an officer, or sent back with a note. */
export const publishReviews = ['pending', 'returned'] as const;
export type PublishReview = (typeof publishReviews)[number];
