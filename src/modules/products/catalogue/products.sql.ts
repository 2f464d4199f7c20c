import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { user } from '#kernel/auth/auth.sql.ts';
import { between, inOrder, notNegative, oneOf, vnd } from '#kernel/db/columns.ts';
import { storedFile } from '#kernel/files/files.sql.ts';
import { projectKey } from '#modules/projects/index.ts';
import {
  inquiryStatuses,
  itemStatuses,
  listingStatuses,
  platforms,
  productCategories,
  readinessItems,
} from '../products.taxonomy.ts';

/** What a project makes or offers, as buyers and platforms see it. */
export const product = pgTable(
  'product',
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: uuid()
      .notNull()
      .references(() => projectKey(), { onDelete: 'cascade' }),
    slug: text().notNull().unique(),
    name: text().notNull(),
    category: text().notNull(),
    description: text().notNull().default(''),
    /** "hộp 500 g", "kg", "đêm/phòng". */
    unit: text().notNull().default(''),
    priceMinVnd: vnd(),
    priceMaxVnd: vnd(),
    minOrder: text().notNull().default(''),
    capacity: text().notNull().default(''),
    ocopStars: integer(),
    ocopCertificateNo: text().notNull().default(''),
    ocopExpiresOn: date(),
    /** The team can keep a product off the showcase (a public project may have unfinished products). */
    isPublic: boolean().notNull().default(true),
    /**
     * Ready for market until this day: every required checklist item is met (done and verified,
     * or not applicable), and the earliest of their expiry dates is this day. Null: not ready.
     */
    readyUntil: date(),
    createdBy: text().references(() => user.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    nameSearch: text().notNull().generatedAlwaysAs(sql`lower(f_unaccent(name))`),
    searchText: text().notNull().generatedAlwaysAs(sql`lower(f_unaccent(name || ' ' || left(description, 300)))`),
  },
  (t) => [
    index('product_search_trgm').using('gin', sql`${t.searchText} gin_trgm_ops`),
    index('product_public_updated').on(t.isPublic, t.updatedAt.desc(), t.id),
    index().on(t.projectId),
    index().on(t.category),
    index().on(t.ocopStars),
    index().on(t.readyUntil),
    oneOf('product_category_known', t.category, productCategories),
    notNegative('product_price_min', t.priceMinVnd),
    inOrder('product_prices_in_order', t.priceMinVnd, t.priceMaxVnd),
    between('product_ocop_stars', t.ocopStars, 3, 5),
  ],
);

/** A product's photos: the checked, re-encoded picture and a small copy for lists. */
export const productImage = pgTable(
  'product_image',
  {
    id: uuid().primaryKey().defaultRandom(),
    productId: uuid()
      .notNull()
      .references(() => product.id, { onDelete: 'cascade' }),
    fileId: uuid()
      .notNull()
      .references(() => storedFile.id),
    thumbId: uuid()
      .notNull()
      .references(() => storedFile.id),
    width: integer().notNull(),
    height: integer().notNull(),
    position: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.productId, t.position),
    notNegative('product_image_position', t.position),
    check('product_image_size', sql`${t.width} > 0 and ${t.height} > 0`),
  ],
);

/** One line of a product's market-readiness checklist. */
export const readinessItem = pgTable(
  'readiness_item',
  {
    id: uuid().primaryKey().defaultRandom(),
    productId: uuid()
      .notNull()
      .references(() => product.id, { onDelete: 'cascade' }),
    item: text().notNull(),
    status: text().notNull().default('not_started'),
    /** Legal form, certificate or commitment, trademark filed or granted. */
    variant: text().notNull().default(''),
    number: text().notNull().default(''),
    issuedOn: date(),
    expiresOn: date(),
    note: text().notNull().default(''),
    fileId: uuid().references(() => storedFile.id, { onDelete: 'set null' }),
    verifiedBy: text().references(() => user.id, { onDelete: 'set null' }),
    verifiedAt: timestamp({ withTimezone: true }),
    updatedBy: text().references(() => user.id, { onDelete: 'set null' }),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique().on(t.productId, t.item),
    index().on(t.expiresOn),
    oneOf('readiness_item_known', t.item, readinessItems),
    oneOf('readiness_item_status_known', t.status, itemStatuses),
    inOrder('readiness_item_dates_in_order', t.issuedOn, t.expiresOn),
  ],
);

/** Where a product is listed: techfest 247, Postmart, an e-commerce shop… */
export const productListing = pgTable(
  'product_listing',
  {
    id: uuid().primaryKey().defaultRandom(),
    productId: uuid()
      .notNull()
      .references(() => product.id, { onDelete: 'cascade' }),
    platform: text().notNull(),
    url: text().notNull().default(''),
    listedOn: date().notNull(),
    status: text().notNull(),
    note: text().notNull().default(''),
    createdBy: text().references(() => user.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One listing per platform: listing again updates it (relisting), so the ledger counts it once.
    uniqueIndex('product_listing_platform_unique').on(t.productId, t.platform),
    index().on(t.platform, t.listedOn),
    oneOf('product_listing_platform_known', t.platform, platforms),
    oneOf('product_listing_status_known', t.status, listingStatuses),
  ],
);

/** A buyer's question from the public product page. */
export const productInquiry = pgTable(
  'product_inquiry',
  {
    id: uuid().primaryKey().defaultRandom(),
    productId: uuid()
      .notNull()
      .references(() => product.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    organisation: text().notNull().default(''),
    email: text().notNull(),
    phone: text().notNull().default(''),
    quantity: text().notNull().default(''),
    message: text().notNull(),
    status: text().notNull().default('new'),
    /** The sales connection it became. */
    connectionId: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.productId),
    index().on(t.status, t.createdAt.desc()),
    oneOf('product_inquiry_status_known', t.status, inquiryStatuses),
  ],
);
