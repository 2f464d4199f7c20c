import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { allow, requireActor } from '#kernel/auth/access.ts';
import { apiValidationHook, ErrorResponse } from '#kernel/http/api.ts';
import type { AppEnv } from '#kernel/http/context.ts';
import { translator } from '#kernel/i18n/index.ts';
import { Period } from './period.ts';
import { buildReport, indicatorEvidence } from './reports.service.ts';

const day = z.string().meta({ format: 'date' });

/** The period, checked by the report page's own rules (and messages). */
const PeriodQuery = Period;

const BreakdownSchema = z
  .object({
    title: z.string(),
    rows: z.array(z.object({ label: z.string(), count: z.number().int() })),
  })
  .openapi('ReportBreakdown');

const FigureSchema = z
  .object({
    id: z.string().openapi({ example: 'khoa-dao-tao' }),
    name: z
      .object({ vi: z.string(), en: z.string() })
      .openapi({ description: 'The indicator’s name in both languages' }),
    label: z.string().openapi({ description: 'The name in the caller’s language' }),
    definition: z.string().openapi({ description: 'What is counted, in words (caller’s language)' }),
    unit: z.string(),
    value: z.number().int(),
    breakdowns: z.array(BreakdownSchema),
    evidenceUrl: z.string().openapi({ description: 'The records behind the figure (this API)' }),
  })
  .openapi('ReportFigure');

const EvidenceSchema = z
  .object({
    day,
    label: z.string(),
    detail: z.string(),
    url: z.string().nullable().openapi({ description: 'The record’s page on the site, when it has one' }),
  })
  .openapi('ReportEvidence');

const errors = {
  401: { description: 'Not signed in', content: { 'application/json': { schema: ErrorResponse } } },
  403: { description: 'Not staff', content: { 'application/json': { schema: ErrorResponse } } },
  422: {
    description: 'A day that does not exist, an end before the start, or more than 20 years',
    content: { 'application/json': { schema: ErrorResponse } },
  },
} as const;

const tVi = translator('vi');
const tEn = translator('en');

const periodQuery = (p: { from: string; to: string }) => `from=${p.from}&to=${p.to}`;

export const reportsApi = new OpenAPIHono<AppEnv>({ defaultHook: apiValidationHook });
// Staff only, decided before the period is read: anonymous callers get 401, others 403.
reportsApi.use('/reports', allow('officer', 'admin'));
reportsApi.use('/reports/*', allow('officer', 'admin'));

reportsApi.openapi(
  createRoute({
    method: 'get',
    path: '/reports',
    tags: ['reports'],
    summary: 'Every figure of the report for a period, with definitions and breakdowns (staff)',
    request: { query: PeriodQuery },
    responses: {
      200: {
        description: 'The figures, in the report’s order',
        content: {
          'application/json': {
            schema: z.object({
              period: z.object({ from: day, to: day }),
              figures: z.array(FigureSchema),
              byQuarter: z.array(z.object({ label: z.string(), count: z.number().int() })),
            }),
          },
        },
      },
      ...errors,
    },
  }),
  async (c) => {
    const actor = requireActor(c);
    const period = c.req.valid('query');
    const t = c.var.t;
    const report = await buildReport({ db: c.var.deps.db, actor, period, t });
    return c.json(
      {
        period,
        figures: report.lines.map(({ indicator, figure }) => ({
          id: indicator.id,
          name: { vi: tVi(indicator.name), en: tEn(indicator.name) },
          label: t(indicator.name),
          definition: t(indicator.definition),
          unit: t(indicator.unit),
          value: figure.value,
          breakdowns: figure.breakdowns.map((b) => ({ title: t(b.title), rows: b.rows })),
          evidenceUrl: `/api/v1/reports/${indicator.id}/evidence?${periodQuery(period)}`,
        })),
        byQuarter: report.byQuarter,
      },
      200,
    );
  },
);

reportsApi.openapi(
  createRoute({
    method: 'get',
    path: '/reports/{indicator}/evidence',
    tags: ['reports'],
    summary: 'The records behind one figure of the report for a period (staff)',
    request: {
      params: z.object({
        indicator: z.string().max(80).openapi({ description: 'Indicator id', example: 'khoa-dao-tao' }),
      }),
      query: PeriodQuery,
    },
    responses: {
      200: {
        description: 'The figure and its records',
        content: {
          'application/json': {
            schema: z.object({
              period: z.object({ from: day, to: day }),
              figure: FigureSchema,
              items: z.array(EvidenceSchema),
            }),
          },
        },
      },
      404: { description: 'No such indicator', content: { 'application/json': { schema: ErrorResponse } } },
      ...errors,
    },
  }),
  async (c) => {
    const actor = requireActor(c);
    const period = c.req.valid('query');
    const t = c.var.t;
    const { indicator, figure } = await indicatorEvidence({
      db: c.var.deps.db,
      actor,
      id: c.req.valid('param').indicator,
      period,
      t,
    });
    return c.json(
      {
        period,
        figure: {
          id: indicator.id,
          name: { vi: tVi(indicator.name), en: tEn(indicator.name) },
          label: t(indicator.name),
          definition: t(indicator.definition),
          unit: t(indicator.unit),
          value: figure.value,
          breakdowns: figure.breakdowns.map((b) => ({ title: t(b.title), rows: b.rows })),
          evidenceUrl: `/api/v1/reports/${indicator.id}/evidence?${periodQuery(period)}`,
        },
        items: (figure.evidence ?? []).map((e) => ({ day: e.day, label: e.label, detail: e.detail, url: e.href })),
      },
      200,
    );
  },
);
