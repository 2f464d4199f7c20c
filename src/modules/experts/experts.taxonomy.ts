import type { SupportNeed } from '#modules/projects/index.ts';

// Codes in the database and the API; labels live in experts.i18n.ts (`experts.specialty.<code>`).

/** What an expert advises on. */
export const specialties = [
  'production',
  'product_development',
  'trademark_ip',
  'standards_labels',
  'food_safety',
  'marketing_sales',
  'finance_investment',
  'digital',
  'legal',
  'education',
  'tourism',
  'technology',
] as const;
export type Specialty = (typeof specialties)[number];

/** Which specialties answer which need: matching reads it, the first one is the closest. */
export const specialtiesForNeed: Record<SupportNeed, readonly Specialty[]> = {
  consulting_production: ['production', 'food_safety'],
  consulting_product: ['product_development', 'standards_labels'],
  consulting_ip: ['trademark_ip', 'legal'],
  consulting_standards: ['standards_labels', 'food_safety'],
  consulting_marketing: ['marketing_sales', 'digital'],
  consulting_finance: ['finance_investment', 'legal'],
  consulting_digital: ['digital', 'technology'],
  training: ['education'],
  space: [],
  market_connection: ['marketing_sales'],
  events: [],
  funding: ['finance_investment'],
};
