import { and, eq, ne } from 'drizzle-orm';
import { audit } from '#kernel/audit/audit.ts';
import type { Actor } from '#kernel/auth/roles.ts';
import type { Db } from '#kernel/db/client.ts';
import { AppError } from '#kernel/http/errors.ts';
import { translator } from '#kernel/i18n/index.ts';
import { labelOf } from '#kernel/ui/labels.ts';
import { recordSupport, type SupportStatus } from '#modules/support/index.ts';
import type { ListingInput } from '../products.schemas.ts';
import { assertStaff, type Listing, productContext } from './products.service.ts';
import { product, productListing } from './products.sql.ts';

/** The ledger keeps the Department's record in Vietnamese, whatever language the officer reads. */
const vi = translator('vi');

const ledgerStatus: Record<string, SupportStatus> = { pending: 'in_progress', live: 'done', ended: 'done' };

/** Writes (or rewrites) the listing's one ledger entry: kind platform listing, source listing:<id>. */
async function recordListingSupport(db: Db, actor: Actor, listing: Listing, productName: string, projectId: string) {
  const platform = labelOf(vi, 'products.platform', listing.platform);
  await recordSupport({
    db,
    actor,
    input: {
      projectId,
      kind: 'platform_listing',
      title: vi('products.listing.ledgerTitle', { product: productName, platform }),
      providerKind: 'officer',
      providerName: actor.name,
      providerUserId: actor.id,
      startedOn: listing.listedOn,
      endedOn: listing.status === 'pending' ? null : listing.listedOn,
      status: ledgerStatus[listing.status] ?? 'in_progress',
      outcome:
        listing.note ||
        vi(`products.listing.ledgerOutcome.${listing.status as 'pending' | 'live' | 'ended'}`, { platform }),
      evidenceLinks: listing.url ? [listing.url] : [],
      source: { kind: 'listing', id: listing.id },
    },
  });
}

/**
 * Staff record that a product is listed on a platform (techfest 247…); the listing is support
 * given to the project, written once to the ledger and updated with the listing. A product has
 * one listing per platform: listing it there again (relisting) updates that listing and its
 * ledger entry, never adds a second.
 * @example await createListing({ db, actor, slug, input: { platform: 'techfest247', url, listedOn, status: 'live', note: '' } })
 */
export async function createListing({
  db,
  actor,
  slug,
  input,
}: {
  db: Db;
  actor: Actor;
  slug: string;
  input: ListingInput;
}) {
  assertStaff(actor);
  const { product: p, project } = await productContext({ db, actor, slug });
  return db.transaction(async (tx) => {
    const [listing] = await tx
      .insert(productListing)
      .values({
        productId: p.id,
        platform: input.platform,
        url: input.url,
        listedOn: input.listedOn,
        status: input.status,
        note: input.note,
        createdBy: actor.id,
      })
      .onConflictDoUpdate({
        target: [productListing.productId, productListing.platform],
        set: {
          url: input.url,
          listedOn: input.listedOn,
          status: input.status,
          note: input.note,
          updatedAt: new Date(),
        },
      })
      .returning();
    if (!listing) throw new Error('insert returned nothing');
    await recordListingSupport(tx, actor, listing, p.name, project.id);
    await tx.update(product).set({ updatedAt: new Date() }).where(eq(product.id, p.id));
    await audit(tx, {
      actorId: actor.id,
      action: 'product.listing.create',
      entity: 'product',
      entityId: p.id,
      data: { platform: input.platform },
    });
    return listing;
  });
}

/** Changes a listing (its status, address, date); the same ledger entry follows. */
export async function updateListing({
  db,
  actor,
  slug,
  listingId,
  input,
}: {
  db: Db;
  actor: Actor;
  slug: string;
  listingId: string;
  input: ListingInput;
}) {
  assertStaff(actor);
  const { product: p, project } = await productContext({ db, actor, slug });
  if (!/^[0-9a-f-]{36}$/i.test(listingId)) throw new AppError('not_found');
  return db.transaction(async (tx) => {
    const [taken] = await tx
      .select({ id: productListing.id })
      .from(productListing)
      .where(
        and(
          eq(productListing.productId, p.id),
          eq(productListing.platform, input.platform),
          ne(productListing.id, listingId),
        ),
      );
    if (taken) throw new AppError('validation', 'errors.validation', { platform: 'products.listing.platformTaken' });
    const [listing] = await tx
      .update(productListing)
      .set({
        platform: input.platform,
        url: input.url,
        listedOn: input.listedOn,
        status: input.status,
        note: input.note,
        updatedAt: new Date(),
      })
      .where(and(eq(productListing.id, listingId), eq(productListing.productId, p.id)))
      .returning();
    if (!listing) throw new AppError('not_found');
    await recordListingSupport(tx, actor, listing, p.name, project.id);
    await audit(tx, {
      actorId: actor.id,
      action: 'product.listing.update',
      entity: 'product',
      entityId: p.id,
      data: { listing: listing.id, status: input.status },
    });
    return listing;
  });
}
