import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { allow, requireActor } from '#kernel/auth/access.ts';
import { isStaff } from '#kernel/auth/roles.ts';
import { apiValidationHook, ErrorResponse } from '#kernel/http/api.ts';
import type { AppEnv } from '#kernel/http/context.ts';
import { pageFrom } from '#kernel/http/pagination.ts';
import { supportNeeds } from '#modules/projects/index.ts';
import { fileRequest } from './create-request.ts';
import { getRequest, listInbox, listMyRequests, type RequestListItem } from './requests.queries.ts';
import { inboxViews, RequestInput } from './requests.schemas.ts';
import { requestStatuses, urgencies } from './requests.taxonomy.ts';

const PER_PAGE = 20;

const RequestSummary = z
  .object({
    number: z.number().int(),
    ref: z.string().openapi({ example: 'YC-12' }),
    kind: z.enum(supportNeeds),
    urgency: z.enum(urgencies),
    status: z.enum(requestStatuses),
    project: z.object({ slug: z.string(), name: z.string() }).nullable(),
    commune: z.string().nullable(),
    assignee: z.string().nullable(),
    dueOn: z.string().nullable().openapi({ format: 'date' }),
    overdue: z.boolean(),
    createdAt: z.string().openapi({ format: 'date-time' }),
    url: z.string(),
  })
  .openapi('SupportRequestSummary');

const RequestDetail = RequestSummary.extend({
  body: z.string(),
  outcome: z.string(),
  declineReason: z.string(),
  thread: z.array(
    z.object({
      type: z.string(),
      actor: z.string().nullable(),
      body: z.string(),
      toStatus: z.string().nullable(),
      createdAt: z.string().openapi({ format: 'date-time' }),
      files: z.array(z.object({ name: z.string(), size: z.number().int(), url: z.string() })),
    }),
  ),
  links: z.array(
    z.object({ type: z.enum(['engagement', 'introduction']), name: z.string(), status: z.string(), url: z.string() }),
  ),
}).openapi('SupportRequest');

const summaryOf = (r: RequestListItem) => ({
  number: r.number,
  ref: r.ref,
  kind: r.kind as (typeof supportNeeds)[number],
  urgency: r.urgency as (typeof urgencies)[number],
  status: r.status as (typeof requestStatuses)[number],
  project: r.projectSlug ? { slug: r.projectSlug, name: r.projectName ?? '' } : null,
  commune: r.communeName,
  assignee: r.assigneeName,
  dueOn: r.dueOn,
  overdue: r.overdue,
  createdAt: r.createdAt.toISOString(),
  url: `/yeu-cau/${r.number}`,
});

const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } });
const errors = {
  401: json(ErrorResponse, 'Not signed in'),
  404: json(ErrorResponse, 'No such request, or not yours'),
};

export const requestsApi = new OpenAPIHono<AppEnv>({ defaultHook: apiValidationHook });

requestsApi.openapi(
  createRoute({
    method: 'get',
    path: '/requests',
    tags: ['requests'],
    summary: "Support requests: staff get the inbox (by view), anyone else their own and their projects'",
    request: {
      query: z.object({
        view: z
          .enum(inboxViews)
          .optional()
          .openapi({ description: 'Staff only: new, mine, overdue, open (default), closed, all' }),
        kind: z.enum(supportNeeds).optional(),
        page: z.coerce.number().int().min(1).max(10_000).optional(),
      }),
    },
    responses: {
      200: json(
        z.object({
          items: z.array(RequestSummary),
          total: z.number().int(),
          page: z.number().int(),
          perPage: z.number().int(),
        }),
        'One page of requests',
      ),
      401: errors[401],
      422: json(ErrorResponse, 'Invalid query'),
    },
  }),
  async (c) => {
    const actor = requireActor(c);
    const query = c.req.valid('query');
    const page = pageFrom(String(query.page ?? 1), PER_PAGE);
    const { db } = c.var.deps;
    const { items, total } = isStaff(actor)
      ? await listInbox({ db, actor, filters: { view: query.view, kind: query.kind, status: undefined }, page })
      : await listMyRequests({ db, actor, page });
    return c.json({ items: items.map(summaryOf), total, page: page.page, perPage: PER_PAGE }, 200);
  },
);

requestsApi.openapi(
  createRoute({
    method: 'get',
    path: '/requests/{number}',
    tags: ['requests'],
    summary: 'One support request with its thread (its parties only)',
    request: { params: z.object({ number: z.coerce.number().int().min(1).max(2_000_000_000) }) },
    responses: { 200: json(RequestDetail, 'The request'), ...errors },
  }),
  async (c) => {
    const r = await getRequest({ db: c.var.deps.db, actor: requireActor(c), number: c.req.valid('param').number });
    return c.json(
      {
        ...summaryOf({ ...r, body: r.body, createdAt: r.createdAt }),
        body: r.body,
        outcome: r.outcome,
        declineReason: r.declineReason,
        thread: r.thread.map((e) => ({
          type: e.type,
          actor: e.actorName,
          body: e.body,
          toStatus: e.toStatus,
          createdAt: e.createdAt.toISOString(),
          files: e.files.map((f) => ({ name: f.name, size: f.size, url: `/yeu-cau/${r.number}/tep/${f.id}` })),
        })),
        links: r.links.map((l) => ({ type: l.type, name: l.name, status: l.status, url: l.href })),
      },
      200,
    );
  },
);

requestsApi.openapi(
  createRoute({
    method: 'post',
    path: '/requests',
    tags: ['requests'],
    summary: 'A founder files a request for one of their projects (send the CSRF token in X-CSRF-Token)',
    middleware: [allow('founder', 'officer', 'admin')] as const,
    request: { body: { content: { 'application/json': { schema: RequestInput } }, required: true } },
    responses: {
      201: json(z.object({ number: z.number().int(), url: z.string() }), 'Filed'),
      400: json(ErrorResponse, 'The body is not JSON'),
      401: errors[401],
      403: json(ErrorResponse, 'Only founders and staff file requests'),
      422: json(ErrorResponse, 'Invalid input'),
    },
  }),
  async (c) => {
    const { db, mailer, config } = c.var.deps;
    const { number } = await fileRequest({
      db,
      mailer,
      baseUrl: config.BASE_URL,
      actor: requireActor(c),
      input: c.req.valid('json'),
    });
    return c.json({ number, url: `/yeu-cau/${number}` }, 201);
  },
);
