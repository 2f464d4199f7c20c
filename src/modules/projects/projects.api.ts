import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { apiValidationHook, ErrorResponse } from '#kernel/http/api.ts';
import type { AppEnv } from '#kernel/http/context.ts';
import { pageFrom } from '#kernel/http/pagination.ts';
import { ProjectFilters } from './projects.schemas.ts';
import { getProjectById, listProjects } from './projects.service.ts';
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
