import { defineModule } from '#kernel/module.ts';
import { productsApi } from './products.api.ts';
import * as words from './products.i18n.ts';
import { productsPages } from './products.pages.tsx';

export { createListing, updateListing } from './catalogue/listings.service.ts';
export {
  enterImportedListing,
  enterImportedProduct,
  productIdByName,
  removeImportedProducts,
} from './catalogue/products.import.ts';
export {
  createProduct,
  imagesOf,
  listShowcase,
  type Product,
  productContext,
  type ShowcaseItem,
  updateProduct,
} from './catalogue/products.service.ts';
export {
  createConnection,
  getConnection,
  listBoard,
  moveConnection,
  salesGrowthPercent,
  saveOutcome,
} from './connections/connections.service.ts';
export { createInquiry, listInquiries } from './connections/inquiries.service.ts';
export { connectionFacts, listingFacts, type ProductFact } from './products.figures.ts';
export {
  BoardFilters,
  ConnectionInput,
  InquiryInput,
  ListingInput,
  OutcomeInput,
  ProductInput,
  ReadinessInput,
  ShowcaseFilters,
  StageInput,
} from './products.schemas.ts';
export * from './products.taxonomy.ts';
export { updateReadinessItem, verifyReadinessItem } from './readiness/readiness.service.ts';
export { readinessSummary } from './readiness/readiness.ts';
export { imageUrl, priceText, thumbSize } from './views/parts.tsx';

/** The products module: its words, pages and API, mounted by createApp. */
export const productsModule = defineModule({ name: 'products', words, pages: productsPages, api: productsApi });
