import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { apiValidationHook, ErrorResponse } from '#kernel/http/api.ts';
import type { AppEnv } from '#kernel/http/context.ts';
import { pageFrom } from '#kernel/http/pagination.ts';
import { projectFields } from '#modules/projects/index.ts';
import { ExpertFilters } from './experts.schemas.ts';
import { type ExpertListItem, getExpert, listExperts } from './experts.service.ts';
import { specialties } from './experts.taxonomy.ts';

const ExpertSummary = z
  .object({
    id: z.string().openapi({ description: "The expert's account id: what POST /engagements takes (or the slug)" }),
    slug: z.string(),
    name: z.string(),
    headline: z.string(),
    organisation: z.string(),
    specialties: z.array(z.enum(specialties)),
    fields: z.array(z.enum(projectFields)),
    communes: z.array(z.string()).openapi({ description: 'Commune slugs they help in' }),
    anywhere: z.boolean().openapi({ description: 'Helps across the province, online too' }),
    isPublic: z.boolean(),
    url: z.string(),
  })
  .openapi('ExpertSummary');

const ExpertDetail = ExpertSummary.extend({ bio: z.string() }).openapi('ExpertDetail');

const ListQuery = z.object({
  q: z
    .string()
    .max(100)
    .optional()
    .openapi({ description: 'Accent-insensitive search: "nhan hieu" finds "nhãn hiệu".' }),
  page: z.coerce.number().int().min(1).max(10_000).optional(),
  specialty: z.enum(specialties).optional(),
  field: z.enum(projectFields).optional(),
  commune: z.string().max(80).optional().openapi({ description: 'Commune slug: experts helping there or anywhere' }),
});

const PER_PAGE = 20;

const summaryOf = (e: ExpertListItem) => ({
  id: e.userId,
  slug: e.slug,
  name: e.name,
  headline: e.headline,
  organisation: e.organisation,
  specialties: e.specialties as (typeof specialties)[number][],
  fields: e.fields as (typeof projectFields)[number][],
  communes: e.communes,
  anywhere: e.anywhere,
  isPublic: e.isPublic,
  url: `/chuyen-gia/${e.slug}`,
});

export const expertsApi = new OpenAPIHono<AppEnv>({ defaultHook: apiValidationHook });

expertsApi.openapi(
  createRoute({
    method: 'get',
    path: '/experts',
    tags: ['experts'],
    summary: 'Expert profiles (public ones; staff also see hidden ones)',
    request: { query: ListQuery },
    responses: {
      200: {
        description: 'One page of experts',
        content: {
          'application/json': {
            schema: z.object({
              items: z.array(ExpertSummary),
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
    const { items, total, more } = await listExperts({
      db: c.var.deps.db,
      actor: c.var.actor,
      filters: ExpertFilters.parse(query),
      page,
    });
    return c.json({ items: items.map(summaryOf), total, more, page: page.page, perPage: PER_PAGE }, 200);
  },
);

expertsApi.openapi(
  createRoute({
    method: 'get',
    path: '/experts/{slug}',
    tags: ['experts'],
    summary: 'One expert profile',
    request: {
      params: z.object({ slug: z.string().max(100).openapi({ description: 'Profile slug, e.g. le-thi-phuong-thao' }) }),
    },
    responses: {
      200: { description: 'The profile', content: { 'application/json': { schema: ExpertDetail } } },
      404: {
        description: 'No such profile, or not visible to you',
        content: { 'application/json': { schema: ErrorResponse } },
      },
    },
  }),
  async (c) => {
    const e = await getExpert({ db: c.var.deps.db, actor: c.var.actor, slug: c.req.valid('param').slug });
    return c.json({ ...summaryOf(e), bio: e.bio }, 200);
  },
);
