import { and, asc, count, desc, eq, gte, inArray, type SQL, sql } from 'drizzle-orm';
import { audit } from '#kernel/audit/audit.ts';
import { type Actor, isStaff } from '#kernel/auth/roles.ts';
import type { Db } from '#kernel/db/client.ts';
import { isUuid } from '#kernel/db/keys.ts';
import { deleteFiles, imageVariant, loadFile, MB, readUpload, saveFile, type Upload } from '#kernel/files/files.ts';
import { AppError } from '#kernel/http/errors.ts';
import type { Page } from '#kernel/http/pagination.ts';
import { todayInVietnam } from '#kernel/i18n/index.ts';
import { slugify } from '#kernel/search/fold.ts';
import { matches, rank } from '#kernel/search/search.ts';
import { communeBySlug, communesOf } from '#modules/places/index.ts';
import {
  canEdit,
  getProject,
  projectIdsWhere,
  projectSummaries,
  publicProjectDates,
  teamOf,
} from '#modules/projects/index.ts';
import type { ProductInput, ShowcaseFilters } from '../products.schemas.ts';
import {
  foodCategories,
  type ItemStatus,
  type ProductCategory,
  readinessItems,
  reservedSlugs,
  serviceCategories,
} from '../products.taxonomy.ts';
import { readinessSummary } from '../readiness/readiness.ts';
import { product, productImage, productListing, readinessItem } from './products.sql.ts';

export type Product = typeof product.$inferSelect;
export type ProductImage = typeof productImage.$inferSelect;
export type ReadinessLine = typeof readinessItem.$inferSelect;
export type Listing = typeof productListing.$inferSelect;

/** Photos: at most this many per product, each up to this size before it is re-encoded. */
export const MAX_IMAGES = 6;
export const MAX_IMAGE_BYTES = 10 * MB;
/** The picture as shown on a product page, and the small copy for lists. */
export const IMAGE_SIDE = 1200;
export const THUMB_SIDE = 480;

export interface ProductProject {
  id: string;
  slug: string;
  name: string;
  isPublic: boolean;
  communeSlug: string | null;
  communeName: string | null;
  caseOfficerId: string | null;
}

/** A product with its project and what this visitor may do with it. */
export interface ProductContext {
  product: Product;
  project: ProductProject;
  members: { userId: string | null; name: string; role: string }[];
  /** The team and staff: edit it, fill in its checklist, read its documents. */
  canEdit: boolean;
  /** On the public showcase: a public product of a public project. */
  isPublicNow: boolean;
}

/**
 * Loads a product by slug (or id) with its project; 404 for anyone who may not see it: a public
 * product of a public project is for everyone, any other only for its team and staff.
 */
export async function productContext({
  db,
  actor,
  slug,
  id,
}: {
  db: Db;
  actor: Actor | null;
  slug?: string;
  id?: string;
}): Promise<ProductContext> {
  if (id !== undefined && !isUuid(id)) throw new AppError('not_found', 'products.errors.notFound');
  const [found] = await db
    .select()
    .from(product)
    .where(id !== undefined ? eq(product.id, id) : eq(product.slug, slug ?? ''));
  const p = found && (await projectSummaries(db, [found.projectId])).get(found.projectId);
  if (!found || !p) throw new AppError('not_found', 'products.errors.notFound');
  const project: ProductProject = {
    id: p.id,
    slug: p.slug,
    name: p.name,
    isPublic: p.isPublic,
    communeSlug: p.communeSlug,
    communeName: (await communeBySlug(db, p.communeSlug))?.name ?? null,
    caseOfficerId: p.caseOfficerId,
  };
  const members = (await teamOf(db, p.id)).map(({ userId, name, role }) => ({ userId, name, role }));
  const editable = canEdit(actor, members);
  const isPublicNow = found.isPublic && project.isPublic;
  if (!isPublicNow && !editable) throw new AppError('not_found', 'products.errors.notFound');
  return { product: found, project, members, canEdit: editable, isPublicNow };
}

/** The product, if this person may change it: 404 when they may not see it, 403 when they may only look. */
export async function editableProduct(args: {
  db: Db;
  actor: Actor | null;
  slug?: string;
  id?: string;
}): Promise<ProductContext> {
  if (!args.actor) throw new AppError('unauthenticated');
  const ctx = await productContext(args);
  if (!ctx.canEdit) throw new AppError('forbidden');
  return ctx;
}

async function uniqueSlug(db: Db, name: string, ownId?: string): Promise<string> {
  const base = slugify(name, 70);
  const taken: { slug: string; id: string }[] = await db
    .select({ slug: product.slug, id: product.id })
    .from(product)
    .where(sql`${product.slug} = ${base} OR ${product.slug} LIKE ${`${base}-%`}`);
  const others = new Set([...taken.filter((r) => r.id !== ownId).map((r) => r.slug), ...reservedSlugs]);
  if (!others.has(base)) return base;
  for (let i = 2; ; i++) if (!others.has(`${base}-${i}`)) return `${base}-${i}`;
}

function columnsFrom(input: ProductInput) {
  return {
    name: input.name,
    category: input.category,
    description: input.description,
    unit: input.unit,
    priceMinVnd: input.priceMinVnd ?? null,
    priceMaxVnd: input.priceMaxVnd ?? null,
    minOrder: input.minOrder,
    capacity: input.capacity,
    ocopStars: input.ocopStars ?? null,
    ocopCertificateNo: input.ocopStars ? input.ocopCertificateNo : '',
    ocopExpiresOn: input.ocopStars ? (input.ocopExpiresOn ?? null) : null,
    isPublic: input.isPublic,
  };
}

/** Which checklist items apply to a kind of product, before the team says otherwise. */
export function defaultStatus(category: ProductCategory, item: (typeof readinessItems)[number]): ItemStatus {
  const service = serviceCategories.includes(category);
  const food = foodCategories.includes(category);
  if (service && ['food_safety', 'self_declaration', 'label', 'barcode', 'traceability'].includes(item))
    return 'not_applicable';
  if (!food && ['food_safety', 'self_declaration'].includes(item)) return 'not_applicable';
  return 'not_started';
}

/**
 * Checks photos before anything is stored: each by its content (a renamed program, a broken file,
 * a picture too large to decode are refused with a message on the field), then re-encoded at two sizes.
 */
export async function checkImages(
  files: File[],
  field: string,
  room = MAX_IMAGES,
): Promise<{ full: Upload; thumb: Upload }[]> {
  if (files.length > room)
    throw new AppError('validation', 'errors.validation', { [field]: 'v.tooManyFiles' }, { max: room });
  const out: { full: Upload; thumb: Upload }[] = [];
  for (const file of files) {
    const full = await readUpload(file, field, { accept: 'image', maxBytes: MAX_IMAGE_BYTES, maxSide: IMAGE_SIDE });
    out.push({ full, thumb: await imageVariant(full, THUMB_SIDE) });
  }
  return out;
}

async function storeImages(
  db: Db,
  productId: string,
  images: { full: Upload; thumb: Upload }[],
  actor: Actor,
  start: number,
) {
  let position = start;
  for (const image of images) {
    const full = await saveFile(db, image.full, actor.id);
    const thumb = await saveFile(db, image.thumb, actor.id);
    await db.insert(productImage).values({
      productId,
      fileId: full.id,
      thumbId: thumb.id,
      width: full.width ?? 0,
      height: full.height ?? 0,
      position: position++,
    });
  }
}

/** OCOP stars live on the product; its checklist line follows them (a new certificate needs a new check). */
async function syncOcop(db: Db, productId: string, input: ProductInput, actor: Actor) {
  if (!input.ocopStars) return;
  const [current] = await db
    .select()
    .from(readinessItem)
    .where(and(eq(readinessItem.productId, productId), eq(readinessItem.item, 'ocop')));
  const expiresOn = input.ocopExpiresOn ?? null;
  const same =
    current?.status === 'done' && current.number === input.ocopCertificateNo && current.expiresOn === expiresOn;
  if (same) return;
  await db
    .update(readinessItem)
    .set({
      status: 'done',
      number: input.ocopCertificateNo,
      expiresOn,
      verifiedAt: null,
      verifiedBy: null,
      updatedBy: actor.id,
      updatedAt: new Date(),
    })
    .where(and(eq(readinessItem.productId, productId), eq(readinessItem.item, 'ocop')));
}

/** Recomputes the "ready for market until" day after any change to the checklist. */
export async function refreshReadiness(db: Db, productId: string): Promise<void> {
  const lines = await db.select().from(readinessItem).where(eq(readinessItem.productId, productId));
  const { readyUntil } = readinessSummary(lines, todayInVietnam());
  await db.update(product).set({ readyUntil }).where(eq(product.id, productId));
}

/**
 * Adds a product to a project, with its photos; the checklist starts with what applies to its kind.
 * Photos are checked first: a refused file stores nothing.
 * @example const { slug } = await createProduct({ db, actor, projectSlug, input, files })
 */
export async function createProduct({
  db,
  actor,
  projectSlug,
  input,
  files = [],
}: {
  db: Db;
  actor: Actor;
  projectSlug: string;
  input: ProductInput;
  files?: File[];
}) {
  const p = await getProject({ db, actor, slug: projectSlug });
  if (!canEdit(actor, p.members)) throw new AppError('forbidden');
  const images = await checkImages(files, 'images');
  return db.transaction(async (tx) => {
    const slug = await uniqueSlug(tx, input.name);
    const [created] = await tx
      .insert(product)
      .values({ ...columnsFrom(input), projectId: p.id, slug, createdBy: actor.id })
      .returning({ id: product.id, slug: product.slug, name: product.name });
    if (!created) throw new Error('insert returned nothing');
    await tx.insert(readinessItem).values(
      readinessItems.map((item) => ({
        productId: created.id,
        item,
        status: defaultStatus(input.category, item),
        updatedBy: actor.id,
      })),
    );
    await syncOcop(tx, created.id, input, actor);
    await storeImages(tx, created.id, images, actor, 0);
    await refreshReadiness(tx, created.id);
    await audit(tx, {
      actorId: actor.id,
      action: 'product.create',
      entity: 'product',
      entityId: created.id,
      data: { name: input.name, project: p.id },
    });
    return created;
  });
}

/** Edits a product (the team and staff); new photos are added after the existing ones. */
export async function updateProduct({
  db,
  actor,
  slug,
  input,
  files = [],
}: {
  db: Db;
  actor: Actor;
  slug: string;
  input: ProductInput;
  files?: File[];
}) {
  const { product: current } = await editableProduct({ db, actor, slug });
  const [{ n } = { n: 0 }] = await db
    .select({ n: count() })
    .from(productImage)
    .where(eq(productImage.productId, current.id));
  const images = await checkImages(files, 'images', MAX_IMAGES - n);
  return db.transaction(async (tx) => {
    const newSlug = input.name === current.name ? current.slug : await uniqueSlug(tx, input.name, current.id);
    await tx
      .update(product)
      .set({ ...columnsFrom(input), slug: newSlug, updatedAt: new Date() })
      .where(eq(product.id, current.id));
    await syncOcop(tx, current.id, input, actor);
    await storeImages(tx, current.id, images, actor, n);
    await refreshReadiness(tx, current.id);
    await audit(tx, { actorId: actor.id, action: 'product.update', entity: 'product', entityId: current.id });
    return { id: current.id, slug: newSlug, name: input.name };
  });
}

export async function imagesOf(db: Db, productId: string): Promise<ProductImage[]> {
  return db
    .select()
    .from(productImage)
    .where(eq(productImage.productId, productId))
    .orderBy(asc(productImage.position), asc(productImage.createdAt));
}

/** Removes one photo and its files. */
export async function removeImage({
  db,
  actor,
  slug,
  imageId,
}: {
  db: Db;
  actor: Actor;
  slug: string;
  imageId: string;
}) {
  const { product: p } = await editableProduct({ db, actor, slug });
  if (!isUuid(imageId)) throw new AppError('not_found');
  await db.transaction(async (tx) => {
    const [image] = await tx
      .delete(productImage)
      .where(and(eq(productImage.id, imageId), eq(productImage.productId, p.id)))
      .returning();
    if (!image) throw new AppError('not_found');
    await deleteFiles(tx, [image.fileId, image.thumbId]);
    await tx.update(product).set({ updatedAt: new Date() }).where(eq(product.id, p.id));
    await audit(tx, { actorId: actor.id, action: 'product.image.remove', entity: 'product', entityId: p.id });
  });
  return p;
}

/** A product photo and whether everyone may see it (then it is cached for a year: its address never changes content). */
export async function productImageFile({
  db,
  actor,
  imageId,
  size,
}: {
  db: Db;
  actor: Actor | null;
  imageId: string;
  size: 'full' | 'thumb';
}) {
  if (!isUuid(imageId)) throw new AppError('not_found');
  const [image] = await db.select().from(productImage).where(eq(productImage.id, imageId));
  if (!image) throw new AppError('not_found');
  const ctx = await productContext({ db, actor, id: image.productId });
  const file = await loadFile(db, size === 'thumb' ? image.thumbId : image.fileId);
  if (!file) throw new AppError('not_found');
  return { file, isPublic: ctx.isPublicNow };
}

export async function listingsOf(db: Db, productId: string): Promise<Listing[]> {
  return db
    .select()
    .from(productListing)
    .where(eq(productListing.productId, productId))
    .orderBy(desc(productListing.listedOn));
}

export async function checklistOf(db: Db, productId: string): Promise<ReadinessLine[]> {
  const lines = await db.select().from(readinessItem).where(eq(readinessItem.productId, productId));
  return readinessItems
    .map((code) => lines.find((l) => l.item === code))
    .filter((l): l is ReadinessLine => l !== undefined);
}

export interface ShowcaseItem {
  id: string;
  slug: string;
  name: string;
  category: string;
  unit: string;
  priceMinVnd: number | null;
  priceMaxVnd: number | null;
  ocopStars: number | null;
  ready: boolean;
  projectName: string;
  projectSlug: string;
  communeName: string | null;
  updatedAt: Date;
  cover: { id: string; width: number; height: number } | null;
}

/** Lists count their matches up to this many. */
export const COUNT_CAP = 1_000;

const showcaseColumns = {
  id: product.id,
  slug: product.slug,
  name: product.name,
  category: product.category,
  unit: product.unit,
  priceMinVnd: product.priceMinVnd,
  priceMaxVnd: product.priceMaxVnd,
  ocopStars: product.ocopStars,
  readyUntil: product.readyUntil,
  projectId: product.projectId,
  updatedAt: product.updatedAt,
};

type ShowcaseRow = Omit<ShowcaseItem, 'ready' | 'cover' | 'projectName' | 'projectSlug' | 'communeName'> & {
  readyUntil: string | null;
  projectId: string;
};

/** Adds each product's producer (its project and commune, read from their modules) and first photo. */
async function withCovers(db: Db, found: ShowcaseRow[], today: string): Promise<ShowcaseItem[]> {
  const projects = await projectSummaries(
    db,
    found.map((r) => r.projectId),
  );
  const communes = await communesOf(
    db,
    [...projects.values()].map((p) => p.communeSlug),
  );
  const rows = found.flatMap(({ projectId, ...r }) => {
    const p = projects.get(projectId);
    if (!p) return [];
    const communeName = (p.communeSlug && communes.get(p.communeSlug)?.name) || null;
    return [{ ...r, projectName: p.name, projectSlug: p.slug, communeName }];
  });
  const ids = rows.map((r) => r.id);
  const covers = ids.length
    ? await db
        .selectDistinctOn([productImage.productId], {
          productId: productImage.productId,
          id: productImage.id,
          width: productImage.width,
          height: productImage.height,
        })
        .from(productImage)
        .where(inArray(productImage.productId, ids))
        .orderBy(productImage.productId, asc(productImage.position), asc(productImage.createdAt))
    : [];
  const coverOf = new Map(covers.map((c) => [c.productId, { id: c.id, width: c.width, height: c.height }]));
  return rows.map(({ readyUntil, ...r }) => ({
    ...r,
    ready: readyUntil !== null && readyUntil >= today,
    cover: coverOf.get(r.id) ?? null,
  }));
}

/**
 * The public showcase: public products of public projects, filtered and searched without
 * diacritics ("thach den" finds "Thạch đen"), newest first or best match first.
 */
export async function listShowcase({
  db,
  filters,
  page,
}: {
  db: Db;
  filters: ShowcaseFilters;
  page: Page;
}): Promise<{ items: ShowcaseItem[]; total: number; more: boolean }> {
  const today = todayInVietnam();
  const where: SQL[] = [
    eq(product.isPublic, true),
    sql`${product.projectId} in ${projectIdsWhere({ publicOnly: true, commune: filters.commune })}`,
  ];
  if (filters.category) where.push(eq(product.category, filters.category));
  if (filters.ocop) where.push(gte(product.ocopStars, Number(filters.ocop)));
  if (filters.ready) where.push(gte(product.readyUntil, today));
  const q = filters.q?.trim();
  if (q) where.push(matches(product.searchText, q));
  const condition = and(...where);
  const matching = db
    .select({ one: sql`1` })
    .from(product)
    .where(condition)
    .limit(COUNT_CAP + 1)
    .as('matching');
  const [totalRow] = await db.select({ n: count() }).from(matching);
  const rows = await db
    .select(showcaseColumns)
    .from(product)
    .where(condition)
    // NULLS LAST as in the index product_public_updated, so the newest come from the index, not a sort
    .orderBy(
      ...(q ? rank(product.name, product.nameSearch, q) : []),
      sql`${product.updatedAt} DESC NULLS LAST`,
      asc(product.id),
    )
    .limit(page.perPage)
    .offset(page.offset);
  const n = totalRow?.n ?? 0;
  return { items: await withCovers(db, rows, today), total: Math.min(n, COUNT_CAP), more: n > COUNT_CAP };
}

/** A project's products as this visitor may see them (the team and staff see unpublished ones too). */
export async function productsOfProject({
  db,
  actor,
  projectSlug,
}: {
  db: Db;
  actor: Actor | null;
  projectSlug: string;
}) {
  const p = await getProject({ db, actor, slug: projectSlug });
  const editable = canEdit(actor, p.members);
  const where = editable ? eq(product.projectId, p.id) : and(eq(product.projectId, p.id), eq(product.isPublic, true));
  const rows = await db.select(showcaseColumns).from(product).where(where).orderBy(asc(product.name));
  const today = todayInVietnam();
  const items = await withCovers(db, rows, today);
  const lines = items.length
    ? await db
        .select()
        .from(readinessItem)
        .where(
          inArray(
            readinessItem.productId,
            items.map((i) => i.id),
          ),
        )
    : [];
  const publicIds = new Set(
    editable
      ? (
          await db
            .select({ id: product.id })
            .from(product)
            .where(and(eq(product.projectId, p.id), eq(product.isPublic, true)))
        ).map((r) => r.id)
      : items.map((i) => i.id),
  );
  return {
    project: p,
    canEdit: editable,
    items: items.map((i) => ({
      ...i,
      isPublic: publicIds.has(i.id),
      summary: readinessSummary(
        lines.filter((l) => l.productId === i.id),
        today,
      ),
    })),
  };
}

/** Every public address for search engines: public projects and their public products. */
export async function sitemapEntries(db: Db, limit = 50_000): Promise<{ path: string; updatedAt: Date }[]> {
  const products = await db
    .select({ slug: product.slug, updatedAt: product.updatedAt })
    .from(product)
    .where(and(eq(product.isPublic, true), sql`${product.projectId} in ${projectIdsWhere({ publicOnly: true })}`))
    .orderBy(desc(product.updatedAt))
    .limit(limit);
  const projects = await publicProjectDates(db, limit - products.length);
  return [
    ...products.map((p) => ({ path: `/san-pham/${p.slug}`, updatedAt: p.updatedAt })),
    ...projects.map((p) => ({ path: `/du-an/${p.slug}`, updatedAt: p.updatedAt })),
  ];
}

/** Staff may pick products to export; anyone else may not. */
export function assertStaff(actor: Actor | null): asserts actor is Actor {
  if (!actor) throw new AppError('unauthenticated');
  if (!isStaff(actor)) throw new AppError('forbidden');
}
