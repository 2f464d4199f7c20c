import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { auditMany } from '#kernel/audit/audit.ts';
import { type Actor, isStaff } from '#kernel/auth/roles.ts';
import type { Db } from '#kernel/db/client.ts';
import { isUuid } from '#kernel/db/keys.ts';
import { referencesTo, unreferenced } from '#kernel/db/references.ts';
import { AppError } from '#kernel/http/errors.ts';
import { projectSummaries } from '#modules/projects/index.ts';
import { forgetSupport } from '#modules/support/index.ts';
import type { ListingInput, ProductInput } from '../products.schemas.ts';
import { createListing } from './listings.service.ts';
import { createProduct } from './products.service.ts';
import { product, productListing } from './products.sql.ts';

// Products and their platform listings brought in from a Department's list (the imports module).
// A product is found by its project and its name (without case or diacritics), a listing by its
// product and platform: the same list twice adds nothing. New products are kept off the showcase
// until the team or an officer shows them; each new listing writes its ledger entry as any listing
// does. Undo takes back the listings (and their ledger entries) and the products nothing was done with since.

/** The product of this name in this project, if there is one. */
export async function productIdByName(db: Db, projectId: string, name: string): Promise<string | null> {
  const [row] = await db
    .select({ id: product.id })
    .from(product)
    .where(
      and(
        eq(product.projectId, projectId),
        sql`${product.nameSearch} = lower(f_unaccent(${name.normalize('NFC').trim()}))`,
      ),
    )
    .orderBy(asc(product.createdAt))
    .limit(1);
  return row?.id ?? null;
}

/** Creates a product of a project from a list row (the caller's transaction). */
export async function enterImportedProduct(
  tx: Db,
  actor: Actor,
  projectId: string,
  input: ProductInput,
): Promise<{ id: string; slug: string }> {
  if (!isStaff(actor)) throw new AppError('forbidden');
  const project = (await projectSummaries(tx, [projectId])).get(projectId);
  if (!project) throw new AppError('not_found', 'products.errors.notFound');
  const made = await createProduct({ db: tx, actor, projectSlug: project.slug, input });
  return { id: made.id, slug: made.slug };
}

/**
 * The product's listing on this platform, or a new one (with its ledger entry) when it has none.
 * A listing already there is left as it is: the list is the past, the site may know better since.
 */
export async function enterImportedListing(
  tx: Db,
  actor: Actor,
  productId: string,
  input: ListingInput,
): Promise<{ id: string; created: boolean }> {
  if (!isStaff(actor)) throw new AppError('forbidden');
  const [found] = await tx
    .select({ id: productListing.id })
    .from(productListing)
    .where(and(eq(productListing.productId, productId), eq(productListing.platform, input.platform)));
  if (found) return { id: found.id, created: false };
  const [p] = await tx.select({ slug: product.slug }).from(product).where(eq(product.id, productId));
  if (!p) throw new AppError('not_found', 'products.errors.notFound');
  const listing = await createListing({ db: tx, actor, slug: p.slug, input });
  return { id: listing.id, created: true };
}

/**
 * Takes back what an import added: its listings with their ledger entries, then its products
 * when nothing else points at them (their own checklist aside); the others stay.
 */
export async function removeImportedProducts(
  tx: Db,
  actor: Actor,
  { products, listings }: { products: string[]; listings: string[] },
): Promise<number> {
  if (!isStaff(actor)) throw new AppError('forbidden');
  const listingIds = listings.filter(isUuid);
  if (listingIds.length) {
    await tx.delete(productListing).where(inArray(productListing.id, listingIds));
    await forgetSupport(tx, 'listing', listingIds);
  }
  const list = products.filter(isUuid);
  if (list.length === 0) return 0;
  const refs = await referencesTo(tx, 'product', { except: ['readiness_item'] });
  const gone = await tx
    .delete(product)
    .where(and(inArray(product.id, list), ...unreferenced(refs, product.id)))
    .returning({ id: product.id });
  await auditMany(
    tx,
    gone.map((g) => ({ actorId: actor.id, action: 'product.remove_imported', entity: 'product', entityId: g.id })),
  );
  return gone.length;
}
