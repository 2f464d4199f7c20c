import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { allow, requireActor } from '#kernel/auth/access.ts';
import { apiValidationHook, ErrorResponse } from '#kernel/http/api.ts';
import type { AppEnv } from '#kernel/http/context.ts';
import { AppError } from '#kernel/http/errors.ts';
import { pageFrom } from '#kernel/http/pagination.ts';
import { todayInVietnam } from '#kernel/i18n/index.ts';
import { createListing } from './catalogue/listings.service.ts';
import {
  checklistOf,
  imagesOf,
  listingsOf,
  listShowcase,
  productContext,
  type ShowcaseItem,
} from './catalogue/products.service.ts';
import { getConnection, listBoard } from './connections/connections.service.ts';
import { BoardFilters, ListingInput, ShowcaseFilters } from './products.schemas.ts';
import {
  connectionStages,
  itemStatuses,
  listingStatuses,
  platforms,
  productCategories,
  readinessItems,
} from './products.taxonomy.ts';
import { readinessSummary } from './readiness/readiness.ts';

const PER_PAGE = 24;
const date = () => z.string().meta({ format: 'date' });

const ProductSummary = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    name: z.string(),
    category: z.enum(productCategories),
    unit: z.string(),
    priceMinVnd: z.number().int().nullable(),
    priceMaxVnd: z.number().int().nullable(),
    ocopStars: z.number().int().min(3).max(5).nullable(),
    readyForMarket: z.boolean(),
    producer: z.object({ name: z.string(), slug: z.string(), commune: z.string().nullable() }),
    image: z.string().nullable().openapi({ description: 'Small picture (longest side 480 px), JPEG' }),
    url: z.string(),
  })
  .openapi('ProductSummary');

const Listing = z
  .object({
    id: z.uuid(),
    platform: z.enum(platforms),
    url: z.string(),
    listedOn: date(),
    status: z.enum(listingStatuses),
    note: z.string(),
  })
  .openapi('ProductListing');

const ProductDetail = ProductSummary.extend({
  description: z.string(),
  minOrder: z.string(),
  capacity: z.string(),
  ocop: z.object({ stars: z.number().int(), certificateNo: z.string(), expiresOn: date().nullable() }).nullable(),
  images: z.array(
    z.object({ url: z.string(), thumbnail: z.string(), width: z.number().int(), height: z.number().int() }),
  ),
  listings: z.array(Listing),
}).openapi('ProductDetail');

const Readiness = z
  .object({
    ready: z.boolean(),
    readyUntil: date().nullable(),
    met: z.number().int(),
    required: z.number().int(),
    missing: z.array(z.enum(readinessItems)),
    warnings: z.array(z.object({ item: z.enum(readinessItems), expiresOn: date(), daysLeft: z.number().int() })),
    items: z.array(
      z.object({
        item: z.enum(readinessItems),
        status: z.enum(itemStatuses),
        variant: z.string(),
        number: z.string(),
        issuedOn: date().nullable(),
        expiresOn: date().nullable(),
        verified: z.boolean(),
        hasDocument: z.boolean(),
      }),
    ),
  })
  .openapi('ProductReadiness');

const Connection = z
  .object({
    id: z.uuid(),
    stage: z.enum(connectionStages),
    startedOn: date(),
    stageOn: date(),
    partner: z.object({ name: z.string(), slug: z.string() }),
    project: z.object({ name: z.string(), slug: z.string() }),
    product: z.object({ name: z.string(), slug: z.string() }).nullable(),
    nextStep: z.string(),
    contract: z.object({
      signedOn: date().nullable(),
      valueVnd: z.number().nullable(),
      volume: z.string(),
      months: z.number().int().nullable(),
    }),
    sales: z.object({
      period: z.string(),
      beforeVnd: z.number().nullable(),
      afterVnd: z.number().nullable(),
      growthPercent: z.number().int().nullable(),
    }),
  })
  .openapi('SalesConnection');

const idParam = z.object({ id: z.string().openapi({ description: 'Id (uuid)' }) });
const notFound = {
  description: 'No such record, or not visible to you',
  content: { 'application/json': { schema: ErrorResponse } },
};

const summaryOf = (p: ShowcaseItem) => ({
  id: p.id,
  slug: p.slug,
  name: p.name,
  category: p.category as (typeof productCategories)[number],
  unit: p.unit,
  priceMinVnd: p.priceMinVnd,
  priceMaxVnd: p.priceMaxVnd,
  ocopStars: p.ocopStars,
  readyForMarket: p.ready,
  producer: { name: p.projectName, slug: p.projectSlug, commune: p.communeName },
  image: p.cover ? `/anh-san-pham/${p.cover.id}/nho` : null,
  url: `/san-pham/${p.slug}`,
});

const listingOf = (l: Awaited<ReturnType<typeof listingsOf>>[number]) => ({
  id: l.id,
  platform: l.platform as (typeof platforms)[number],
  url: l.url,
  listedOn: l.listedOn,
  status: l.status as (typeof listingStatuses)[number],
  note: l.note,
});

export const productsApi = new OpenAPIHono<AppEnv>({ defaultHook: apiValidationHook });

productsApi.openapi(
  createRoute({
    method: 'get',
    path: '/products',
    tags: ['products'],
    summary: 'The public showcase: public products of public projects',
    request: {
      query: z.object({
        q: z
          .string()
          .max(100)
          .optional()
          .openapi({ description: 'Accent-insensitive search: "thach den" finds "Thạch đen".' }),
        page: z.coerce.number().int().min(1).max(10_000).optional(),
        category: z.enum(productCategories).optional(),
        commune: z.string().max(80).optional(),
        ocop: z.enum(['3', '4', '5']).optional().openapi({ description: 'At least this many OCOP stars' }),
        ready: z.enum(['1']).optional().openapi({ description: 'Only products ready for market today' }),
      }),
    },
    responses: {
      200: {
        description: 'One page of products',
        content: {
          'application/json': {
            schema: z.object({
              items: z.array(ProductSummary),
              total: z.number().int(),
              more: z.boolean(),
              page: z.number().int(),
              perPage: z.number().int(),
            }),
          },
        },
      },
      422: { description: 'Invalid query', content: { 'application/json': { schema: ErrorResponse } } },
    },
  }),
  async (c) => {
    const query = c.req.valid('query');
    const page = pageFrom(String(query.page ?? 1), PER_PAGE);
    const { items, total, more } = await listShowcase({
      db: c.var.deps.db,
      filters: ShowcaseFilters.parse(query),
      page,
    });
    return c.json({ items: items.map(summaryOf), total, more, page: page.page, perPage: PER_PAGE }, 200);
  },
);

productsApi.openapi(
  createRoute({
    method: 'get',
    path: '/products/{id}',
    tags: ['products'],
    summary: 'One product with its photos and listings',
    request: { params: idParam },
    responses: {
      200: { description: 'The product', content: { 'application/json': { schema: ProductDetail } } },
      404: notFound,
    },
  }),
  async (c) => {
    const { db } = c.var.deps;
    const view = await productContext({ db, actor: c.var.actor, id: c.req.valid('param').id });
    const [images, listings, checklist] = await Promise.all([
      imagesOf(db, view.product.id),
      listingsOf(db, view.product.id),
      checklistOf(db, view.product.id),
    ]);
    const p = view.product;
    const cover = images[0];
    return c.json(
      {
        ...summaryOf({
          ...p,
          ready: readinessSummary(checklist, todayInVietnam()).ready,
          projectName: view.project.name,
          projectSlug: view.project.slug,
          communeName: view.project.communeName,
          cover: cover ? { id: cover.id, width: cover.width, height: cover.height } : null,
        }),
        description: p.description,
        minOrder: p.minOrder,
        capacity: p.capacity,
        ocop: p.ocopStars
          ? { stars: p.ocopStars, certificateNo: p.ocopCertificateNo, expiresOn: p.ocopExpiresOn }
          : null,
        images: images.map((i) => ({
          url: `/anh-san-pham/${i.id}/lon`,
          thumbnail: `/anh-san-pham/${i.id}/nho`,
          width: i.width,
          height: i.height,
        })),
        listings: listings.map(listingOf),
      },
      200,
    );
  },
);

productsApi.openapi(
  createRoute({
    method: 'get',
    path: '/products/{id}/readiness',
    tags: ['products'],
    summary: "A product's market-readiness checklist (its team and staff)",
    request: { params: idParam },
    responses: {
      200: { description: 'The checklist and its summary', content: { 'application/json': { schema: Readiness } } },
      403: notFound,
      404: notFound,
    },
  }),
  async (c) => {
    const view = await productContext({ db: c.var.deps.db, actor: c.var.actor, id: c.req.valid('param').id });
    if (!view.canEdit) throw new AppError(c.var.actor ? 'forbidden' : 'unauthenticated');
    const checklist = await checklistOf(c.var.deps.db, view.product.id);
    const s = readinessSummary(checklist, todayInVietnam());
    return c.json(
      {
        ready: s.ready,
        readyUntil: s.readyUntil,
        met: s.met,
        required: s.required,
        missing: s.missing,
        warnings: s.warnings,
        items: checklist.map((l) => ({
          item: l.item as (typeof readinessItems)[number],
          status: l.status as (typeof itemStatuses)[number],
          variant: l.variant,
          number: l.number,
          issuedOn: l.issuedOn,
          expiresOn: l.expiresOn,
          verified: l.verifiedAt !== null,
          hasDocument: l.fileId !== null,
        })),
      },
      200,
    );
  },
);

productsApi.openapi(
  createRoute({
    method: 'get',
    path: '/products/{id}/listings',
    tags: ['products'],
    summary: 'Where a product is listed (techfest 247, e-commerce platforms…)',
    request: { params: idParam },
    responses: {
      200: {
        description: 'Listings, newest first',
        content: { 'application/json': { schema: z.object({ items: z.array(Listing) }) } },
      },
      404: notFound,
    },
  }),
  async (c) => {
    const view = await productContext({ db: c.var.deps.db, actor: c.var.actor, id: c.req.valid('param').id });
    return c.json({ items: (await listingsOf(c.var.deps.db, view.product.id)).map(listingOf) }, 200);
  },
);

productsApi.openapi(
  createRoute({
    method: 'post',
    path: '/products/{id}/listings',
    middleware: [allow('officer', 'admin')] as const,
    tags: ['products'],
    summary: 'Record a platform listing (staff); it is written to the support ledger. Send the X-CSRF-Token header.',
    request: {
      params: idParam,
      body: {
        content: {
          'application/json': {
            schema: z.object({
              platform: z.enum(platforms),
              url: z.string().max(500).optional(),
              listedOn: date(),
              status: z.enum(listingStatuses),
              note: z.string().max(1000).optional(),
            }),
          },
        },
      },
    },
    responses: {
      201: { description: 'The listing', content: { 'application/json': { schema: Listing } } },
      403: notFound,
      404: notFound,
      422: { description: 'Invalid listing', content: { 'application/json': { schema: ErrorResponse } } },
    },
  }),
  async (c) => {
    const actor = requireActor(c);
    const view = await productContext({ db: c.var.deps.db, actor, id: c.req.valid('param').id });
    const parsed = ListingInput.safeParse(c.req.valid('json'));
    if (!parsed.success) return apiValidationHook(parsed, c) as never;
    const listing = await createListing({ db: c.var.deps.db, actor, slug: view.product.slug, input: parsed.data });
    return c.json(listingOf(listing), 201);
  },
);

const connectionOf = (x: Awaited<ReturnType<typeof listBoard>>[number]) => ({
  id: x.id,
  stage: x.stage as (typeof connectionStages)[number],
  startedOn: x.startedOn,
  stageOn: x.stageOn,
  partner: { name: x.partnerName, slug: x.partnerSlug },
  project: { name: x.projectName, slug: x.projectSlug },
  product: x.productName && x.productSlug ? { name: x.productName, slug: x.productSlug } : null,
  nextStep: x.nextStep,
  contract: {
    signedOn: x.contractSignedOn,
    valueVnd: x.contractValueVnd,
    volume: x.contractVolume,
    months: x.contractMonths,
  },
  sales: {
    period: x.salesPeriod,
    beforeVnd: x.salesBeforeVnd,
    afterVnd: x.salesAfterVnd,
    growthPercent: x.growthPercent ?? null,
  },
});

productsApi.openapi(
  createRoute({
    method: 'get',
    path: '/connections',
    middleware: [allow('officer', 'admin')] as const,
    tags: ['connections'],
    summary: 'Sales connections (staff), filtered by partner, commune and stage',
    request: {
      query: z.object({
        partner: z.uuid().optional(),
        commune: z.string().max(80).optional(),
        stage: z.enum(connectionStages).optional(),
      }),
    },
    responses: {
      200: {
        description: 'Connections, most recently moved first',
        content: { 'application/json': { schema: z.object({ items: z.array(Connection) }) } },
      },
      403: notFound,
    },
  }),
  async (c) => {
    const items = await listBoard({
      db: c.var.deps.db,
      actor: requireActor(c),
      filters: BoardFilters.parse(c.req.valid('query')),
    });
    return c.json({ items: items.map(connectionOf) }, 200);
  },
);

productsApi.openapi(
  createRoute({
    method: 'get',
    path: '/connections/{id}',
    tags: ['connections'],
    summary: 'One sales connection (staff, the project team, the partner)',
    request: { params: idParam },
    responses: {
      200: { description: 'The connection', content: { 'application/json': { schema: Connection } } },
      404: notFound,
    },
  }),
  async (c) => {
    const { connection } = await getConnection({
      db: c.var.deps.db,
      actor: requireActor(c),
      id: c.req.valid('param').id,
    });
    return c.json(connectionOf(connection), 200);
  },
);
