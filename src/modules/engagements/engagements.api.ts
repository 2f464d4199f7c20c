import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { requireActor } from '#kernel/auth/access.ts';
import { apiValidationHook, ErrorResponse } from '#kernel/http/api.ts';
import type { AppEnv } from '#kernel/http/context.ts';
import { pageFrom } from '#kernel/http/pagination.ts';
import { getEngagement, listEngagements } from './engagements.service.ts';
import { engagementStatuses } from './engagements.taxonomy.ts';

const PER_PAGE = 20;
const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } });

const EngagementSummary = z
  .object({
    id: z.uuid(),
    topic: z.string(),
    status: z.enum(engagementStatuses),
    expert: z.string(),
    project: z.object({ slug: z.string(), name: z.string() }),
    sessions: z.number().int(),
    hours: z.number(),
    createdAt: z.string().openapi({ format: 'date-time' }),
    url: z.string(),
  })
  .openapi('EngagementSummary');

const Engagement = EngagementSummary.extend({
  brief: z.string(),
  outcome: z.string(),
  declineReason: z.string(),
  sessionLog: z.array(
    z.object({
      heldOn: z.string().openapi({ format: 'date' }),
      hours: z.number(),
      summary: z.string(),
      nextSteps: z.string(),
    }),
  ),
}).openapi('Engagement');

export const engagementsApi = new OpenAPIHono<AppEnv>({ defaultHook: apiValidationHook });

engagementsApi.openapi(
  createRoute({
    method: 'get',
    path: '/engagements',
    tags: ['engagements'],
    summary: "Expert engagements: an expert's own, a founder's projects', all for staff",
    request: {
      query: z.object({
        status: z.enum(engagementStatuses).optional(),
        page: z.coerce.number().int().min(1).max(10_000).optional(),
      }),
    },
    responses: {
      200: json(
        z.object({
          items: z.array(EngagementSummary),
          total: z.number().int(),
          page: z.number().int(),
          perPage: z.number().int(),
        }),
        'One page',
      ),
      401: json(ErrorResponse, 'Not signed in'),
      422: json(ErrorResponse, 'Invalid query'),
    },
  }),
  async (c) => {
    const query = c.req.valid('query');
    const page = pageFrom(String(query.page ?? 1), PER_PAGE);
    const { items, total } = await listEngagements({
      db: c.var.deps.db,
      actor: requireActor(c),
      status: query.status,
      page,
    });
    return c.json(
      {
        items: items.map((e) => ({
          id: e.id,
          topic: e.topic,
          status: e.status as (typeof engagementStatuses)[number],
          expert: e.expertName,
          project: { slug: e.projectSlug, name: e.projectName },
          sessions: e.sessions,
          hours: e.hours,
          createdAt: e.createdAt.toISOString(),
          url: `/tu-van/${e.id}`,
        })),
        total,
        page: page.page,
        perPage: PER_PAGE,
      },
      200,
    );
  },
);

engagementsApi.openapi(
  createRoute({
    method: 'get',
    path: '/engagements/{id}',
    tags: ['engagements'],
    summary: 'One engagement with its sessions (its expert, the project team and staff only)',
    request: { params: z.object({ id: z.string() }) },
    responses: {
      200: json(Engagement, 'The engagement'),
      401: json(ErrorResponse, 'Not signed in'),
      404: json(ErrorResponse, 'No such engagement, or not yours'),
    },
  }),
  async (c) => {
    const e = await getEngagement({ db: c.var.deps.db, actor: requireActor(c), id: c.req.valid('param').id });
    return c.json(
      {
        id: e.id,
        topic: e.topic,
        status: e.status as (typeof engagementStatuses)[number],
        expert: e.expertName,
        project: { slug: e.project.slug, name: e.project.name },
        sessions: e.sessions.length,
        hours: e.totalHours,
        createdAt: e.createdAt.toISOString(),
        url: `/tu-van/${e.id}`,
        brief: e.brief,
        outcome: e.outcome,
        declineReason: e.declineReason,
        sessionLog: e.sessions.map((s) => ({
          heldOn: s.heldOn,
          hours: s.hours,
          summary: s.summary,
          nextSteps: s.nextSteps,
        })),
      },
      200,
    );
  },
);
