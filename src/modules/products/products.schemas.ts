import { z } from 'zod';
import {
  checkbox,
  choice,
  email,
  isoDate,
  optionalChoice,
  optionalInt,
  optionalIsoDate,
  optionalVnd,
  text,
  url,
} from '#kernel/http/validation.ts';
import { connectionStages, itemStatuses, listingStatuses, platforms, productCategories } from './products.taxonomy.ts';

const stars = ['3', '4', '5'] as const;

/** One schema for the product form and the API. Prices in đồng, whole numbers. */
export const ProductInput = z
  .object({
    name: text.required(200, 3),
    category: choice(productCategories),
    description: text.optional(5000),
    unit: text.optional(60),
    priceMinVnd: optionalVnd(0, 1_000_000_000),
    priceMaxVnd: optionalVnd(0, 1_000_000_000),
    minOrder: text.optional(120),
    capacity: text.optional(200),
    ocopStars: optionalChoice(stars).transform((s) => (s ? Number(s) : undefined)),
    ocopCertificateNo: text.optional(80),
    ocopExpiresOn: optionalIsoDate(),
    isPublic: checkbox(),
  })
  .refine((p) => p.priceMinVnd === undefined || p.priceMaxVnd === undefined || p.priceMaxVnd >= p.priceMinVnd, {
    path: ['priceMaxVnd'],
    error: 'products.v.priceOrder',
  })
  .refine((p) => !p.ocopStars || p.ocopCertificateNo !== '', {
    path: ['ocopCertificateNo'],
    error: 'products.v.ocopCertificate',
  });
export type ProductInput = z.output<typeof ProductInput>;

/** One checklist line as the team fills it in (the document comes as a file field). */
export const ReadinessInput = z
  .object({
    status: choice(itemStatuses),
    variant: text.optional(40),
    number: text.optional(100),
    issuedOn: optionalIsoDate(),
    expiresOn: optionalIsoDate(),
    note: text.optional(1000),
    removeFile: checkbox(),
  })
  .refine((r) => !r.issuedOn || !r.expiresOn || r.expiresOn >= r.issuedOn, {
    path: ['expiresOn'],
    error: 'products.v.expiryOrder',
  });
export type ReadinessInput = z.output<typeof ReadinessInput>;

export const ListingInput = z.object({
  platform: choice(platforms),
  url: z
    .union([z.literal(''), url()])
    .optional()
    .default(''),
  listedOn: isoDate(),
  status: choice(listingStatuses),
  note: text.optional(1000),
});
export type ListingInput = z.output<typeof ListingInput>;

/** A buyer's question. `website` is a field people never see: robots fill it in. */
export const InquiryInput = z.object({
  name: text.required(120, 2),
  organisation: text.optional(200),
  email: email(),
  phone: text.optional(30).refine((p) => p === '' || /^[+0-9 .()-]{8,20}$/.test(p), { error: 'v.phone' }),
  quantity: text.optional(120),
  message: text.required(2000, 10),
  website: z.string().max(0, { error: 'v.invalid' }).optional(),
});
export type InquiryInput = z.output<typeof InquiryInput>;

/** The showcase's filters, from the query string; unknown values are ignored, never an error. */
export const ShowcaseFilters = z.object({
  q: z.string().max(100).optional().catch(undefined),
  category: optionalChoice(productCategories).catch(undefined),
  commune: z
    .string()
    .max(80)
    .regex(/^[a-z0-9-]*$/)
    .optional()
    .catch(undefined),
  ocop: optionalChoice(stars).catch(undefined),
  ready: optionalChoice(['1'] as const).catch(undefined),
});
export type ShowcaseFilters = Partial<z.output<typeof ShowcaseFilters>>;

/** A new sales connection: a partner and a project (a product of it, when there is one). */
export const ConnectionInput = z
  .object({
    partnerId: z.uuid({ error: 'v.choose' }),
    product: text.optional(100),
    project: text.optional(100),
    startedOn: isoDate(),
    notes: text.optional(3000),
    nextStep: text.optional(300),
    nextStepOn: optionalIsoDate(),
    inquiryId: z
      .union([z.literal(''), z.uuid()])
      .optional()
      .transform((v) => (v ? v : undefined)),
  })
  .refine((c) => c.product !== '' || c.project !== '', { path: ['product'], error: 'products.v.productOrProject' });
export type ConnectionInput = z.output<typeof ConnectionInput>;

/** A move on the board: the new stage, when, what was said and what comes next. */
export const StageInput = z.object({
  stage: choice(connectionStages),
  on: isoDate(),
  note: text.optional(2000),
  nextStep: text.optional(300),
  nextStepOn: optionalIsoDate(),
});
export type StageInput = z.output<typeof StageInput>;

/** Outcomes: the contract and the sales before and after (the growth is computed, never typed). */
export const OutcomeInput = z
  .object({
    contractSignedOn: optionalIsoDate(),
    contractValueVnd: optionalVnd(0, 1_000_000_000_000),
    contractVolume: text.optional(200),
    contractMonths: optionalInt(1, 120),
    salesPeriod: text.optional(120),
    salesBeforeVnd: optionalVnd(0, 1_000_000_000_000),
    salesAfterVnd: optionalVnd(0, 1_000_000_000_000),
    removeFile: checkbox(),
  })
  .refine((o) => (o.salesBeforeVnd === undefined) === (o.salesAfterVnd === undefined), {
    path: ['salesAfterVnd'],
    error: 'products.v.salesBoth',
  })
  .refine((o) => o.salesAfterVnd === undefined || (o.salesBeforeVnd ?? 0) > 0, {
    path: ['salesBeforeVnd'],
    error: 'products.v.salesBefore',
  });
export type OutcomeInput = z.output<typeof OutcomeInput>;

export const BoardFilters = z.object({
  partner: z
    .union([z.literal(''), z.uuid()])
    .optional()
    .catch(undefined)
    .transform((v) => (v ? v : undefined)),
  commune: z
    .string()
    .max(80)
    .regex(/^[a-z0-9-]*$/)
    .optional()
    .catch(undefined),
  stage: optionalChoice(connectionStages).catch(undefined),
});
export type BoardFilters = Partial<z.output<typeof BoardFilters>>;
