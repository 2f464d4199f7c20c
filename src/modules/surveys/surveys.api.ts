import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { allow } from '#kernel/auth/access.ts';
import { apiValidationHook, ErrorResponse } from '#kernel/http/api.ts';
import type { AppEnv } from '#kernel/http/context.ts';
import { getSurvey, isOpen, listSurveys, surveyForm, surveyResults } from './surveys.service.ts';
import { questionKinds, surveyAccess, targetGroups } from './surveys.taxonomy.ts';

const day = z.string().meta({ format: 'date' });
const refused = { description: 'Not staff', content: { 'application/json': { schema: ErrorResponse } } };
const notFound = { description: 'No such survey', content: { 'application/json': { schema: ErrorResponse } } };

const SurveySchema = z
  .object({
    slug: z.string(),
    title: z.string(),
    targetGroup: z.enum(targetGroups),
    opensOn: day,
    closesOn: day,
    access: z.enum(surveyAccess),
    anonymous: z.boolean(),
    open: z.boolean(),
    responses: z.number().int().openapi({ description: 'Submitted responses' }),
    url: z.string().openapi({ description: 'Where people answer it' }),
  })
  .openapi('Survey');

const Tally = z.object({
  value: z.string(),
  /** The cross-tab column: a group or a commune slug; null for the total. */
  by: z.string().nullable(),
  n: z.number().int(),
});
const Average = z.object({
  by: z.string().nullable(),
  n: z.number().int(),
  avg: z.number().nullable(),
  min: z.number().nullable(),
  max: z.number().nullable(),
});
const ResultsSchema = z
  .object({
    survey: z.string(),
    by: z.enum(['group', 'commune']),
    total: z.number().int(),
    columns: z.array(z.object({ by: z.string(), n: z.number().int() })),
    questions: z.array(
      z.object({
        id: z.uuid(),
        kind: z.enum(questionKinds),
        label: z.string(),
        answered: z.number().int(),
        counts: z.array(Tally),
        averages: z.array(Average),
      }),
    ),
  })
  .openapi('SurveyResults');

export const surveysApi = new OpenAPIHono<AppEnv>({ defaultHook: apiValidationHook });

surveysApi.openapi(
  createRoute({
    method: 'get',
    path: '/surveys',
    middleware: [allow('officer', 'admin')] as const,
    tags: ['surveys'],
    summary: 'The surveys (staff), latest first',
    responses: {
      200: {
        description: 'Surveys',
        content: { 'application/json': { schema: z.object({ items: z.array(SurveySchema) }) } },
      },
      403: refused,
    },
  }),
  async (c) => {
    const items = (await listSurveys(c.var.deps.db)).map((s) => ({
      slug: s.slug,
      title: s.title,
      targetGroup: s.targetGroup as (typeof targetGroups)[number],
      opensOn: s.opensOn,
      closesOn: s.closesOn,
      access: s.access as (typeof surveyAccess)[number],
      anonymous: s.anonymous,
      open: isOpen(s),
      responses: s.responses,
      url: `/khao-sat/${s.slug}`,
    }));
    return c.json({ items }, 200);
  },
);

surveysApi.openapi(
  createRoute({
    method: 'get',
    path: '/surveys/{slug}/results',
    middleware: [allow('officer', 'admin')] as const,
    tags: ['surveys'],
    summary: 'A survey’s results (staff): counts per answer and averages, in total and by group or commune',
    request: {
      params: z.object({ slug: z.string().max(100) }),
      query: z.object({ by: z.enum(['group', 'commune']).optional() }),
    },
    responses: {
      200: { description: 'The results', content: { 'application/json': { schema: ResultsSchema } } },
      403: refused,
      404: notFound,
    },
  }),
  async (c) => {
    const { db } = c.var.deps;
    const s = await getSurvey(db, c.req.valid('param').slug);
    const by = c.req.valid('query').by ?? 'group';
    const [form, r] = await Promise.all([surveyForm(db, s.id), surveyResults(db, s.id, by)]);
    return c.json(
      {
        survey: s.slug,
        by,
        total: r.total,
        columns: r.columns,
        questions: form.questions.map((q) => ({
          id: q.id,
          kind: q.kind,
          label: q.label,
          answered: r.answered.find((a) => a.questionId === q.id)?.n ?? 0,
          counts: r.counts.filter((x) => x.questionId === q.id).map(({ value, by, n }) => ({ value, by, n })),
          averages: r.numbers
            .filter((x) => x.questionId === q.id)
            .map(({ by, n, avg, min, max }) => ({ by, n, avg, min, max })),
        })),
      },
      200,
    );
  },
);
