import { defineModule } from '#kernel/module.ts';
import { productsApi } from './products.api.ts';
import * as words from './products.i18n.ts';
import { productsPages } from './products.pages.tsx';

export {
  createConnection,
  getConnection,
  listBoard,
  moveConnection,
  salesGrowthPercent,
  saveOutcome,
} from './connections.service.ts';
export { connectionStep, salesConnection } from './connections.sql.ts';
export { createInquiry, listInquiries } from './inquiries.service.ts';
export { createListing, updateListing } from './listings.service.ts';
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
export {
  createProduct,
  imagesOf,
  listShowcase,
  type Product,
  productContext,
  type ShowcaseItem,
  updateProduct,
} from './products.service.ts';
export { product, productImage, productInquiry, productListing, readinessItem } from './products.sql.ts';
export * from './products.taxonomy.ts';
export { updateReadinessItem, verifyReadinessItem } from './readiness.service.ts';
export { readinessSummary } from './readiness.ts';
export { imageUrl, priceText, thumbSize } from './views/parts.tsx';

/** The products module: its words, pages and API, mounted by createApp. */
export const productsModule = defineModule({ name: 'products', words, pages: productsPages, api: productsApi });
