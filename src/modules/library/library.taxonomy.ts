/** What a library item is. */
export const itemKinds = ['guide', 'template', 'legal_text', 'recording', 'book'] as const;
export type ItemKind = (typeof itemKinds)[number];

/** The subject a library item is filed under. */
export const itemCategories = [
  'startup',
  'business_plan',
  'ocop',
  'intellectual_property',
  'quality_food_safety',
  'marketing_sales',
  'finance',
  'digital',
] as const;
export type ItemCategory = (typeof itemCategories)[number];

/** Who may open an item: anyone, or signed-in members. */
export const itemAccess = ['public', 'members'] as const;
export type ItemAccess = (typeof itemAccess)[number];
