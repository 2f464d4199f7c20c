import type { Actor } from '#kernel/auth/roles.ts';
import type { Db } from '#kernel/db/client.ts';
import {
  enterImportedListing,
  enterImportedProduct,
  type ListingStatus,
  type Platform,
  type ProductCategory,
  productIdByName,
  removeImportedProducts,
} from '#modules/products/index.ts';
import type { ProductRecord } from './rows.ts';

/**
 * One product row: the project's product of the same name, else a new one kept off the showcase;
 * then its listing on the row's platform, unless the product is listed there already.
 */
export async function importProduct(
  tx: Db,
  actor: Actor,
  r: ProductRecord,
  today: string,
): Promise<{ productId: string; productCreated: boolean; listingId: string | null; listingCreated: boolean }> {
  let productId = await productIdByName(tx, r.projectId, r.name);
  const productCreated = !productId;
  if (!productId) {
    const made = await enterImportedProduct(tx, actor, r.projectId, {
      name: r.name,
      category: r.category as ProductCategory,
      description: r.description,
      unit: r.unit,
      priceMinVnd: r.priceMinVnd,
      priceMaxVnd: r.priceMaxVnd,
      minOrder: '',
      capacity: '',
      ocopStars: undefined,
      ocopCertificateNo: '',
      ocopExpiresOn: undefined,
      // Off the showcase until the team or an officer has looked at it.
      isPublic: false,
    });
    productId = made.id;
  }
  if (!r.listing) return { productId, productCreated, listingId: null, listingCreated: false };
  const listing = await enterImportedListing(tx, actor, productId, {
    platform: r.listing.platform as Platform,
    url: r.listing.url,
    listedOn: r.listing.listedOn ?? today,
    status: r.listing.status as ListingStatus,
    note: r.listing.note,
  });
  return { productId, productCreated, listingId: listing.id, listingCreated: listing.created };
}

export async function undoProducts(
  tx: Db,
  actor: Actor,
  created: { products: string[]; listings: string[] },
): Promise<number> {
  return removeImportedProducts(tx, actor, created);
}
