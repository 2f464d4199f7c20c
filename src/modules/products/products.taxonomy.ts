// Codes in the database and the API; their Vietnamese and English labels live in products.i18n.ts.

export const productCategories = [
  'food',
  'agricultural',
  'herbal',
  'handicraft',
  'tourism_service',
  'education_service',
  'technology',
  'other',
] as const;
export type ProductCategory = (typeof productCategories)[number];

/** Goods that are eaten or drunk: the food-safety and labelling items apply to them by default. */
export const foodCategories: readonly ProductCategory[] = ['food', 'agricultural', 'herbal'];
/** Services have no package: label, barcode and traceability do not apply by default. */
export const serviceCategories: readonly ProductCategory[] = ['tourism_service', 'education_service'];

export const ocopStars = [3, 4, 5] as const;

/**
 * The market-readiness checklist (điều kiện lưu thông), in the order a producer usually works
 * through it. `required` items decide whether a product is ready for market; the others add to it.
 */
export const readinessItems = [
  'legal_entity',
  'food_safety',
  'self_declaration',
  'label',
  'barcode',
  'traceability',
  'trademark',
  'ocop',
] as const;
export type ReadinessItemCode = (typeof readinessItems)[number];

export const requiredItems: readonly ReadinessItemCode[] = [
  'legal_entity',
  'food_safety',
  'self_declaration',
  'label',
  'barcode',
  'traceability',
  'trademark',
];

/** The forms an item can take: what kind of legal entity, a certificate or the exemption commitment, a trademark filed or granted. */
export const itemVariants: Partial<Record<ReadinessItemCode, readonly string[]>> = {
  legal_entity: ['household', 'cooperative', 'enterprise'],
  food_safety: ['certificate', 'commitment'],
  trademark: ['filed', 'granted'],
};

export const itemStatuses = ['not_started', 'in_progress', 'done', 'not_applicable'] as const;
export type ItemStatus = (typeof itemStatuses)[number];

/** The kind of support request that helps with each missing item (codes of `supportNeeds`). */
export const helpNeedOf: Record<ReadinessItemCode, string> = {
  legal_entity: 'consulting_finance',
  food_safety: 'consulting_standards',
  self_declaration: 'consulting_standards',
  label: 'consulting_standards',
  barcode: 'consulting_standards',
  traceability: 'consulting_standards',
  trademark: 'consulting_ip',
  ocop: 'consulting_product',
};

/** Documents that expire are flagged this many days before. */
export const EXPIRY_WARNING_DAYS = 60;

export const platforms = ['techfest247', 'postmart', 'voso', 'sendo', 'shopee', 'lazada', 'tiki', 'other'] as const;
export type Platform = (typeof platforms)[number];

export const listingStatuses = ['pending', 'live', 'ended'] as const;
export type ListingStatus = (typeof listingStatuses)[number];

export const inquiryStatuses = ['new', 'connected', 'closed'] as const;
export type InquiryStatus = (typeof inquiryStatuses)[number];

/** A sales connection moves left to right; the last two end it. */
export const connectionStages = [
  'introduced',
  'meeting',
  'samples',
  'negotiating',
  'contract_signed',
  'not_pursued',
] as const;
export type ConnectionStage = (typeof connectionStages)[number];
export const openStages: readonly ConnectionStage[] = ['introduced', 'meeting', 'samples', 'negotiating'];

/** Words in product URLs that are pages, not products. */
export const reservedSlugs = ['moi', 'xuat', 'xuat.zip', 'hoi-mua', 'anh'];
