import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { apiValidationHook, ErrorResponse } from '#kernel/http/api.ts';
import type { AppEnv } from '#kernel/http/context.ts';
import { pageFrom } from '#kernel/http/pagination.ts';
import { projectFields, supportNeeds } from '#modules/projects/index.ts';
import { PartnerFilters } from './partners.schemas.ts';
import { getPartner, listPartners, type PartnerListItem } from './partners.service.ts';
import { partnerKinds } from './partners.taxonomy.ts';

const PartnerSummary = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    name: z.string(),
    kind: z.enum(partnerKinds),
    summary: z.string(),
    offers: z
      .array(z.enum(supportNeeds))
      .openapi({ description: 'What it can help projects with (support need codes)' }),
    fields: z.array(z.enum(projectFields)).openapi({ description: 'Fields it buys, invests in or trains for' }),
    communes: z.array(z.string()).openapi({ description: 'Commune slugs it works in' }),
    anywhere: z.boolean().openapi({ description: 'Works across the province and beyond' }),
    isPublic: z.boolean(),
    url: z.string(),
  })
  .openapi('PartnerSummary');

const PartnerDetail = PartnerSummary.extend({
  description: z.string(),
  website: z.string(),
  contact: z
    .object({ name: z.string(), phone: z.string(), email: z.string(), address: z.string() })
    .nullable()
    .openapi({ description: 'Only for signed-in callers' }),
}).openapi('PartnerDetail');

const ListQuery = z.object({
  q: z.string().max(100).optional().openapi({ description: 'Accent-insensitive search: "sieu thi" finds "Siêu thị".' }),
  page: z.coerce.number().int().min(1).max(10_000).optional(),
  kind: z.enum(partnerKinds).optional(),
  field: z.enum(projectFields).optional(),
  offer: z.enum(supportNeeds).optional(),
  commune: z
    .string()
    .max(80)
    .optional()
    .openapi({ description: 'Commune slug, e.g. that-khe: partners working there or anywhere' }),
});

const PER_PAGE = 20;

const summaryOf = (p: Omit<PartnerListItem, 'contactName' | 'contactPhone' | 'contactEmail' | 'website'>) => ({
  id: p.id,
  slug: p.slug,
  name: p.name,
  kind: p.kind as (typeof partnerKinds)[number],
  summary: p.summary,
  offers: p.offers as (typeof supportNeeds)[number][],
  fields: p.fields as (typeof projectFields)[number][],
  communes: p.communes,
  anywhere: p.anywhere,
  isPublic: p.isPublic,
  url: `/doi-tac/${p.slug}`,
});

export const partnersApi = new OpenAPIHono<AppEnv>({ defaultHook: apiValidationHook });

partnersApi.openapi(
  createRoute({
    method: 'get',
    path: '/partners',
    tags: ['partners'],
    summary: 'Partners in the directory (public ones; staff also see the others)',
    request: { query: ListQuery },
    responses: {
      200: {
        description: 'One page of partners',
        content: {
          'application/json': {
            schema: z.object({
              items: z.array(PartnerSummary),
              total: z.number().int().openapi({ description: 'Matches, counted up to 1,000' }),
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
    const { items, total, more } = await listPartners({
      db: c.var.deps.db,
      actor: c.var.actor,
      filters: PartnerFilters.parse(query),
      page,
    });
    return c.json({ items: items.map(summaryOf), total, more, page: page.page, perPage: PER_PAGE }, 200);
  },
);

partnersApi.openapi(
  createRoute({
    method: 'get',
    path: '/partners/{slug}',
    tags: ['partners'],
    summary: 'One partner',
    request: {
      params: z.object({ slug: z.string().max(100).openapi({ description: 'Partner slug, e.g. happy-mart' }) }),
    },
    responses: {
      200: { description: 'The partner', content: { 'application/json': { schema: PartnerDetail } } },
      404: {
        description: 'No such partner, or not visible to you',
        content: { 'application/json': { schema: ErrorResponse } },
      },
    },
  }),
  async (c) => {
    const p = await getPartner({ db: c.var.deps.db, actor: c.var.actor, slug: c.req.valid('param').slug });
    const contact = c.var.actor
      ? { name: p.contactName, phone: p.contactPhone, email: p.contactEmail, address: p.address }
      : null;
    return c.json({ ...summaryOf(p), description: p.description, website: p.website, contact }, 200);
  },
);
