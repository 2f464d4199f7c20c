import { inArray } from 'drizzle-orm';
import type { Db } from '#kernel/db/client.ts';
import { product, productListing } from './catalogue/products.sql.ts';
import { salesConnection } from './connections/connections.sql.ts';

/** What a report needs to know about listings and sales connections the ledger names: the product. */
export interface ProductFact {
  id: string;
  productId: string | null;
  productName: string | null;
  productSlug: string | null;
  platform: string | null;
}

/** The product (and platform) of each listing id. */
export async function listingFacts(db: Db, ids: string[]): Promise<Map<string, ProductFact>> {
  if (ids.length === 0) return new Map();
  const listings = await db
    .select({ id: productListing.id, productId: productListing.productId, platform: productListing.platform })
    .from(productListing)
    .where(inArray(productListing.id, ids));
  const products = await productsById(
    db,
    listings.map((l) => l.productId),
  );
  return new Map(
    listings.map((l) => {
      const p = products.get(l.productId);
      return [
        l.id,
        {
          id: l.id,
          productId: l.productId,
          productName: p?.name ?? null,
          productSlug: p?.slug ?? null,
          platform: l.platform,
        },
      ];
    }),
  );
}

/** The product of each sales connection id (a connection may be for a whole project: no product). */
export async function connectionFacts(db: Db, ids: string[]): Promise<Map<string, ProductFact>> {
  if (ids.length === 0) return new Map();
  const connections = await db
    .select({ id: salesConnection.id, productId: salesConnection.productId })
    .from(salesConnection)
    .where(inArray(salesConnection.id, ids));
  const products = await productsById(
    db,
    connections.map((c) => c.productId).filter((x): x is string => x !== null),
  );
  return new Map(
    connections.map((c) => {
      const p = c.productId ? products.get(c.productId) : undefined;
      return [
        c.id,
        {
          id: c.id,
          productId: c.productId,
          productName: p?.name ?? null,
          productSlug: p?.slug ?? null,
          platform: null,
        },
      ];
    }),
  );
}

async function productsById(db: Db, ids: string[]) {
  if (ids.length === 0) return new Map<string, { name: string; slug: string }>();
  const rows = await db
    .select({ id: product.id, name: product.name, slug: product.slug })
    .from(product)
    .where(inArray(product.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r]));
}
