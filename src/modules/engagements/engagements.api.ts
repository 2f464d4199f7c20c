import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { allow, requireActor } from '#kernel/auth/access.ts';
import { apiValidationHook, ErrorResponse } from '#kernel/http/api.ts';
import type { AppEnv } from '#kernel/http/context.ts';
import { AppError } from '#kernel/http/errors.ts';
import { pageFrom } from '#kernel/http/pagination.ts';
import { optionalIsoDate, text } from '#kernel/http/validation.ts';
import { type MessageKey, todayInVietnam } from '#kernel/i18n/index.ts';
import { getExpertBySlug } from '#modules/experts/index.ts';
import { findProject } from '#modules/projects/index.ts';
import { CloseForm, ProposeForm, SessionInput } from './engagements.schemas.ts';
import {
  closeEngagement,
  getEngagement,
  listEngagements,
  logSession,
  proposeEngagement,
} from './engagements.service.ts';
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

const writeErrors = {
  400: json(ErrorResponse, 'The body is not JSON'),
  401: json(ErrorResponse, 'Not signed in, or the token is unknown or revoked'),
  403: json(ErrorResponse, 'Staff only (officer, admin), with a read+write token'),
  422: json(ErrorResponse, 'Invalid input: a message per field'),
};
const idParam = z.object({
  id: z
    .string()
    .max(100)
    .openapi({ description: 'Engagement id (uuid)', example: '5d0e2b8c-8a4f-4e1b-9a55-2f6f1c7d9e01' }),
});

const EngagementBody = z
  .object({
    expert: z.string().openapi({ description: "The expert's account id or profile slug (GET /experts gives both)" }),
    project: z.string().openapi({ description: "The project's id or slug (GET /projects gives both)" }),
    topic: z.string().openapi({ description: '5 to 300 characters' }),
    brief: z.string().optional().openapi({ description: 'What the project needs, for the expert' }),
    acceptedOn: z.string().optional().openapi({
      format: 'date',
      description:
        'The day the expert agreed, for consulting already under way or done: the engagement starts active and enters the ledger, and no e-mail asks the expert. Left out: the expert is asked to accept.',
    }),
  })
  .openapi('EngagementInput', {
    example: {
      expert: 'le-thi-phuong-thao',
      project: 'thach-den-hong-nhung',
      topic: 'Đăng ký nhãn hiệu thạch đen',
      brief: 'Nhóm cần hồ sơ đăng ký nhãn hiệu tập thể.',
      acceptedOn: '2022-03-01',
    },
  });

const SessionBody = z
  .object({
    heldOn: z.string().openapi({ format: 'date', description: 'Not after today' }),
    hours: z.union([z.number(), z.string()]).openapi({ description: '0.5 to 24, in half hours' }),
    summary: z.string().openapi({ description: '10 to 5,000 characters' }),
    nextSteps: z.string().optional(),
  })
  .openapi('EngagementSessionInput', {
    example: {
      heldOn: '2022-03-15',
      hours: 2,
      summary: 'Rà soát hồ sơ nhãn hiệu và mẫu nhãn.',
      nextSteps: 'Nộp hồ sơ tại Cục SHTT.',
    },
  });

const CloseBody = z
  .object({ outcome: z.string().openapi({ description: '10 to 5,000 characters' }) })
  .openapi('EngagementCloseInput', { example: { outcome: 'Hồ sơ nhãn hiệu đã nộp, được Cục SHTT tiếp nhận.' } });

/** A body field naming something that does not exist, as a field error (the URL itself was found). */
const unknown = (field: string, key: MessageKey) => new AppError('validation', 'errors.validation', { [field]: key });

engagementsApi.openapi(
  createRoute({
    method: 'post',
    path: '/engagements',
    tags: ['engagements'],
    summary: 'Connect an expert to a project (staff); with acceptedOn, record consulting the expert already agreed to',
    middleware: [allow('officer', 'admin')] as const,
    request: { body: { content: { 'application/json': { schema: EngagementBody } }, required: true } },
    responses: {
      201: json(
        z.object({ id: z.uuid(), status: z.enum(engagementStatuses), url: z.string() }).openapi('SavedEngagement'),
        'Created',
      ),
      409: json(ErrorResponse, 'This expert is already proposed to or advising this project'),
      ...writeErrors,
    },
  }),
  async (c) => {
    const { db, mailer, config } = c.var.deps;
    const body = c.req.valid('json');
    const parsed = ProposeForm.extend({ expertId: text.required(120), acceptedOn: optionalIsoDate() }).safeParse({
      expertId: body.expert,
      projectId: body.project,
      topic: body.topic,
      brief: body.brief,
      acceptedOn: body.acceptedOn,
    });
    if (!parsed.success) return apiValidationHook(parsed, c) as never;
    const input = parsed.data;
    const expert = await getExpertBySlug(db, input.expertId);
    const target = await findProject(db, input.projectId);
    if (!target) throw unknown('project', 'errors.projectNotFound');
    if (input.acceptedOn && input.acceptedOn > todayInVietnam())
      throw unknown('acceptedOn', 'engagements.error.future');
    const acceptedAt = input.acceptedOn ? new Date(`${input.acceptedOn}T09:00:00+07:00`) : undefined;
    const created = await proposeEngagement({
      db,
      mailer,
      actor: requireActor(c),
      baseUrl: config.BASE_URL,
      input: { ...input, expertId: expert?.userId ?? input.expertId, projectId: target.id },
      acceptedAt,
    });
    return c.json({ id: created.id, status: acceptedAt ? 'active' : 'proposed', url: `/tu-van/${created.id}` }, 201);
  },
);

engagementsApi.openapi(
  createRoute({
    method: 'post',
    path: '/engagements/{id}/sessions',
    tags: ['engagements'],
    summary: 'Log one working session of an active engagement (staff); the ledger’s hours follow',
    middleware: [allow('officer', 'admin')] as const,
    request: { params: idParam, body: { content: { 'application/json': { schema: SessionBody } }, required: true } },
    responses: {
      201: json(z.object({ id: z.uuid() }).openapi('SavedSession'), 'Logged'),
      404: json(ErrorResponse, 'No such engagement'),
      409: json(ErrorResponse, 'The engagement is not active'),
      ...writeErrors,
    },
  }),
  async (c) => {
    const body = c.req.valid('json');
    const parsed = SessionInput.safeParse({ ...body, hours: String(body.hours) });
    if (!parsed.success) return apiValidationHook(parsed, c) as never;
    const row = await logSession({
      db: c.var.deps.db,
      actor: requireActor(c),
      id: c.req.valid('param').id,
      input: parsed.data,
    });
    return c.json({ id: row.id }, 201);
  },
);

engagementsApi.openapi(
  createRoute({
    method: 'post',
    path: '/engagements/{id}/close',
    tags: ['engagements'],
    summary: 'Close an active engagement with its outcome (staff); its ledger entry becomes done',
    middleware: [allow('officer', 'admin')] as const,
    request: { params: idParam, body: { content: { 'application/json': { schema: CloseBody } }, required: true } },
    responses: {
      200: json(z.object({ id: z.uuid(), status: z.enum(engagementStatuses) }), 'Closed'),
      404: json(ErrorResponse, 'No such engagement'),
      409: json(ErrorResponse, 'The engagement is not active'),
      ...writeErrors,
    },
  }),
  async (c) => {
    const parsed = CloseForm.safeParse(c.req.valid('json'));
    if (!parsed.success) return apiValidationHook(parsed, c) as never;
    const id = c.req.valid('param').id;
    await closeEngagement({ db: c.var.deps.db, actor: requireActor(c), id, outcome: parsed.data.outcome });
    return c.json({ id, status: 'closed' as const }, 200);
  },
);
