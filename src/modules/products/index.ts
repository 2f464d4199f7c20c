export { ConnectionInput, InquiryInput, ListingInput, ProductInput, ReadinessInput, ShowcaseFilters } from './products.schemas.ts';
export { createInquiry, listInquiries } from './inquiries.service.ts';
export { createListing, updateListing } from './listings.service.ts';
export { createProduct, imagesOf, listShowcase, type Product, productContext, type ShowcaseItem, updateProduct } from './products.service.ts';
export { product, productImage, productInquiry, productListing, readinessItem } from './products.sql.ts';
export * from './products.taxonomy.ts';
export { updateReadinessItem, verifyReadinessItem } from './readiness.service.ts';
export { readinessSummary } from './readiness.ts';
