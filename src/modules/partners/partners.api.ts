import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { allow, requireActor } from '#kernel/auth/access.ts';
import { apiValidationHook, ErrorResponse } from '#kernel/http/api.ts';
import type { AppEnv } from '#kernel/http/context.ts';
import { AppError } from '#kernel/http/errors.ts';
import { pageFrom } from '#kernel/http/pagination.ts';
import { text } from '#kernel/http/validation.ts';
import { findProject, projectFields, supportNeeds } from '#modules/projects/index.ts';
import { introduceProject } from './introductions.service.ts';
import { IntroductionInput, PartnerFilters } from './partners.schemas.ts';
import {
  getPartner,
  getPartnerById,
  getPartnerBySlug,
  listPartners,
  type PartnerListItem,
} from './partners.service.ts';
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

const IntroductionBody = z
  .object({
    partner: z.string().openapi({ description: "The partner's id or slug (GET /partners gives both)" }),
    project: z
      .string()
      .openapi({ description: "The project's id, slug or page address (GET /projects gives id and slug)" }),
    message: z.string().openapi({ description: 'Why this project, for the partner: 10 to 3,000 characters' }),
  })
  .openapi('IntroductionInput', {
    example: {
      partner: 'sieu-thi-bac-tom',
      project: 'thach-den-hong-nhung',
      message: 'Thạch đen Tràng Định đã có tự công bố và mã vạch, muốn bán ở chuỗi siêu thị của anh chị.',
    },
  });

const writeError = (description: string) => ({
  description,
  content: { 'application/json': { schema: ErrorResponse } },
});

partnersApi.openapi(
  createRoute({
    method: 'post',
    path: '/introductions',
    tags: ['partners'],
    summary:
      'Introduce a project to a partner (staff): the partner is e-mailed a link to answer, and the ledger gets a connection in progress',
    middleware: [allow('officer', 'admin')] as const,
    request: { body: { content: { 'application/json': { schema: IntroductionBody } }, required: true } },
    responses: {
      201: {
        description: 'Introduced',
        content: {
          'application/json': {
            schema: z.object({ id: z.uuid(), url: z.string() }).openapi('SavedIntroduction'),
          },
        },
      },
      400: writeError('The body is not JSON'),
      401: writeError('Not signed in, or the token is unknown or revoked'),
      403: writeError('Staff only (officer, admin), with a read+write token'),
      422: writeError('Invalid input: a message per field'),
    },
  }),
  async (c) => {
    const { db, mailer, config } = c.var.deps;
    const body = c.req.valid('json');
    const parsed = IntroductionInput.extend({ partner: text.required(120) }).safeParse(body);
    if (!parsed.success) return apiValidationHook(parsed, c) as never;
    const { partner: partnerRef, project: projectRef, message } = parsed.data;
    const found = (await getPartnerById(db, partnerRef)) ?? (await getPartnerBySlug(db, partnerRef));
    const target = await findProject(db, projectRef);
    const fields = {
      ...(found ? {} : { partner: 'partners.notFound' as const }),
      ...(target ? {} : { project: 'partners.v.project' as const }),
    };
    if (!found || !target) throw new AppError('validation', 'errors.validation', fields);
    const { id } = await introduceProject({
      db,
      mailer,
      actor: requireActor(c),
      partnerId: found.id,
      projectId: target.id,
      message,
      baseUrl: config.BASE_URL,
    });
    return c.json({ id, url: `/gioi-thieu/${id}` }, 201);
  },
);
