import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { allow, requireActor } from '#kernel/auth/access.ts';
import { apiValidationHook, ErrorResponse } from '#kernel/http/api.ts';
import type { AppEnv } from '#kernel/http/context.ts';
import { AppError } from '#kernel/http/errors.ts';
import { pageFrom } from '#kernel/http/pagination.ts';
import { findProject } from './projects.queries.ts';
import { ProjectFilters, ProjectInput } from './projects.schemas.ts';
import { createProject, getProjectById, listProjects, updateProject } from './projects.service.ts';
import { projectFields, projectStages, projectTypes, supportNeeds } from './projects.taxonomy.ts';

const ProjectSummary = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    name: z.string(),
    summary: z.string(),
    type: z.enum(projectTypes),
    field: z.enum(projectFields),
    stage: z.enum(projectStages),
    commune: z.object({ slug: z.string(), name: z.string() }).nullable(),
    needs: z.array(z.enum(supportNeeds)),
    isPublic: z.boolean(),
    updatedAt: z.string().meta({ format: 'date-time' }),
    url: z.string(),
  })
  .openapi('ProjectSummary');

const ProjectDetail = ProjectSummary.extend({
  description: z.string(),
  members: z.array(z.object({ name: z.string(), role: z.enum(['lead', 'member']) })),
  awards: z.array(z.object({ year: z.number().int(), title: z.string() })),
  links: z.array(z.string()),
  createdAt: z.string().meta({ format: 'date-time' }),
}).openapi('ProjectDetail');

const ListQuery = z.object({
  q: z
    .string()
    .max(100)
    .optional()
    .openapi({ description: 'Accent-insensitive search: "thach den" finds "Thạch đen".' }),
  page: z.coerce.number().int().min(1).max(10_000).optional(),
  field: z.enum(projectFields).optional(),
  stage: z.enum(projectStages).optional(),
  commune: z.string().max(80).optional().openapi({ description: 'Commune slug, e.g. that-khe' }),
  need: z.enum(supportNeeds).optional(),
});

const PER_PAGE = 20;

const summaryOf = (p: {
  id: string;
  slug: string;
  name: string;
  summary: string;
  type: string;
  field: string;
  stage: string;
  communeSlug: string | null;
  communeName: string | null;
  needs: string[];
  isPublic: boolean;
  updatedAt: Date;
}) => ({
  id: p.id,
  slug: p.slug,
  name: p.name,
  summary: p.summary,
  type: p.type as (typeof projectTypes)[number],
  field: p.field as (typeof projectFields)[number],
  stage: p.stage as (typeof projectStages)[number],
  commune: p.communeSlug ? { slug: p.communeSlug, name: p.communeName ?? p.communeSlug } : null,
  needs: p.needs as (typeof supportNeeds)[number][],
  isPublic: p.isPublic,
  updatedAt: p.updatedAt.toISOString(),
  url: `/du-an/${p.slug}`,
});

export const projectsApi = new OpenAPIHono<AppEnv>({ defaultHook: apiValidationHook });

projectsApi.openapi(
  createRoute({
    method: 'get',
    path: '/projects',
    tags: ['projects'],
    summary: 'Projects in the directory (public ones; staff also see private ones)',
    request: { query: ListQuery },
    responses: {
      200: {
        description: 'One page of projects',
        content: {
          'application/json': {
            schema: z.object({
              items: z.array(ProjectSummary),
              total: z.number().int().openapi({ description: 'Matches, counted up to 1,000' }),
              more: z.boolean().openapi({ description: 'True when there are more than 1,000 matches' }),
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
    const filters = ProjectFilters.parse(query);
    const { items, total, more } = await listProjects({ db: c.var.deps.db, actor: c.var.actor, filters, page });
    return c.json({ items: items.map(summaryOf), total, more, page: page.page, perPage: PER_PAGE }, 200);
  },
);

projectsApi.openapi(
  createRoute({
    method: 'get',
    path: '/projects/{id}',
    tags: ['projects'],
    summary: 'One project',
    request: { params: z.object({ id: z.string().openapi({ description: 'Project id (uuid)' }) }) },
    responses: {
      200: { description: 'The project', content: { 'application/json': { schema: ProjectDetail } } },
      404: {
        description: 'No such project, or not visible to you',
        content: { 'application/json': { schema: ErrorResponse } },
      },
    },
  }),
  async (c) => {
    const p = await getProjectById({ db: c.var.deps.db, actor: c.var.actor, id: c.req.valid('param').id });
    return c.json(
      {
        ...summaryOf(p),
        description: p.description,
        members: p.members.map((m) => ({ name: m.name, role: m.role })),
        awards: p.awards,
        links: p.links,
        createdAt: p.createdAt.toISOString(),
      },
      200,
    );
  },
);

/**
 * The project form's fields as JSON: the team, needs, awards and links are arrays here, where the
 * form has one per line; both go through the same `ProjectInput` rules.
 */
const ProjectBody = z
  .object({
    name: z.string().openapi({ description: '3 to 200 characters' }),
    summary: z.string().openapi({ description: '10 to 500 characters' }),
    description: z.string().optional(),
    type: z.enum(projectTypes),
    field: z.enum(projectFields),
    stage: z.enum(projectStages),
    commune: z.string().openapi({ description: 'Commune slug (GET /projects shows them), e.g. that-khe' }),
    members: z.array(z.string()).optional().openapi({
      description:
        'Team members, up to 20: the e-mail of an existing account links that person, anything else is a name',
    }),
    needs: z.array(z.enum(supportNeeds)).optional(),
    awards: z
      .array(z.string())
      .optional()
      .openapi({ description: 'Up to 10, each "year - title", e.g. "2021 - Giải Ba cuộc thi KNĐMST tỉnh"' }),
    links: z.array(z.string()).optional().openapi({ description: 'Up to 10 http(s) addresses' }),
    consentToPublish: z.boolean().optional(),
    isPublic: z.boolean().optional().openapi({ description: 'Needs consentToPublish' }),
  })
  .openapi('ProjectInput', {
    example: {
      name: 'Thạch đen Hồng Nhung',
      summary: 'Thạch đen Tràng Định đóng hộp, bán cho siêu thị ở Hà Nội.',
      type: 'product',
      field: 'food',
      stage: 'market',
      commune: 'that-khe',
      members: ['Hoàng Thị Nhung', 'tacgia@ketnoi.demo'],
      needs: ['consulting_ip', 'standards'],
      awards: ['2021 - Giải Ba cuộc thi KNĐMST tỉnh'],
      consentToPublish: true,
      isPublic: true,
    },
  });

/** The JSON body as the form would have sent it, for `ProjectInput`. */
const asForm = (body: z.infer<typeof ProjectBody>) => ({
  ...body,
  members: body.members?.join('\n'),
  awards: body.awards?.join('\n'),
  links: body.links?.join('\n'),
});

const Saved = z.object({ id: z.uuid(), slug: z.string(), url: z.string() }).openapi('SavedProject', {
  example: {
    id: '0b7c4f1e-1d2a-4c53-9a57-6f1f3f0e2a10',
    slug: 'thach-den-hong-nhung',
    url: '/du-an/thach-den-hong-nhung',
  },
});

const writeErrors = {
  400: { description: 'The body is not JSON', content: { 'application/json': { schema: ErrorResponse } } },
  401: {
    description: 'Not signed in, or the token is unknown or revoked',
    content: { 'application/json': { schema: ErrorResponse } },
  },
  403: {
    description: 'Staff only (officer, admin), with a read+write token',
    content: { 'application/json': { schema: ErrorResponse } },
  },
  422: {
    description: 'Invalid input: a message per field',
    content: { 'application/json': { schema: ErrorResponse } },
  },
};

projectsApi.openapi(
  createRoute({
    method: 'post',
    path: '/projects',
    tags: ['projects'],
    summary:
      'Register a project with its team (staff). A cookie session sends X-CSRF-Token; a bearer token needs none.',
    middleware: [allow('officer', 'admin')] as const,
    request: { body: { content: { 'application/json': { schema: ProjectBody } }, required: true } },
    responses: {
      201: { description: 'Registered', content: { 'application/json': { schema: Saved } } },
      ...writeErrors,
    },
  }),
  async (c) => {
    const parsed = ProjectInput.safeParse(asForm(c.req.valid('json')));
    if (!parsed.success) return apiValidationHook(parsed, c) as never;
    const created = await createProject({ db: c.var.deps.db, actor: requireActor(c), input: parsed.data });
    return c.json({ id: created.id, slug: created.slug, url: `/du-an/${created.slug}` }, 201);
  },
);

projectsApi.openapi(
  createRoute({
    method: 'put',
    path: '/projects/{id}',
    tags: ['projects'],
    summary:
      'Replace a project’s details and team (staff): every field as on the edit form; the lead stays, the other members are the list sent',
    middleware: [allow('officer', 'admin')] as const,
    request: {
      params: z.object({
        id: z.string().max(200).openapi({ description: 'Project id (uuid) or slug', example: 'thach-den-hong-nhung' }),
      }),
      body: { content: { 'application/json': { schema: ProjectBody } }, required: true },
    },
    responses: {
      200: { description: 'Saved (the slug follows a new name)', content: { 'application/json': { schema: Saved } } },
      404: { description: 'No such project', content: { 'application/json': { schema: ErrorResponse } } },
      ...writeErrors,
    },
  }),
  async (c) => {
    const { db } = c.var.deps;
    const target = await findProject(db, c.req.valid('param').id);
    if (!target) throw new AppError('not_found', 'errors.projectNotFound');
    const parsed = ProjectInput.safeParse(asForm(c.req.valid('json')));
    if (!parsed.success) return apiValidationHook(parsed, c) as never;
    const saved = await updateProject({ db, actor: requireActor(c), slug: target.slug, input: parsed.data });
    return c.json({ id: saved.id, slug: saved.slug, url: `/du-an/${saved.slug}` }, 200);
  },
);
