import { z } from 'zod';
import { checkbox, choice, choices, email, lines, optionalChoice, phone, text, url } from '#kernel/http/validation.ts';
import { projectFields, projectStages, projectTypes, supportNeeds } from './projects.taxonomy.ts';

/** "2021 - Giải Ba cuộc thi KNĐMST tỉnh" → { year: 2021, title: "Giải Ba cuộc thi KNĐMST tỉnh" } */
const awardLine = z
  .string()
  .max(300, { error: 'v.tooLong|300' })
  .transform((s, ctx) => {
    const m = /^(\d{4})\s*[-–—:]\s*(.+)$/.exec(s);
    const year = m ? Number(m[1]) : Number.NaN;
    if (!m?.[2] || year < 1990 || year > new Date().getFullYear() + 1) {
      ctx.addIssue({ code: 'custom', message: 'v.award' });
      return z.NEVER;
    }
    return { year, title: m[2].trim() };
  });

/** One schema for the project form and the API. */
export const ProjectInput = z
  .object({
    name: text.required(200, 3),
    summary: text.required(500, 10),
    description: text.optional(10_000),
    type: choice(projectTypes),
    field: choice(projectFields),
    stage: choice(projectStages),
    commune: text.required(80),
    members: lines(text.required(200), 20),
    needs: choices(supportNeeds),
    awards: lines(awardLine, 10),
    links: lines(url(), 10),
    consentToPublish: checkbox(),
    isPublic: checkbox(),
  })
  .refine((p) => !p.isPublic || p.consentToPublish, { path: ['consentToPublish'], error: 'v.consent' });

export type ProjectInput = z.output<typeof ProjectInput>;

/**
 * The founder of a project an officer registers for someone who came in person: their name and a
 * phone number or an e-mail, kept in the people registry (never on a public page), and whether to
 * invite them to an account that manages the project. All empty: a project without a walk-in.
 */
export const WalkInFounder = z
  .object({
    founderName: text.optional(100),
    founderPhone: phone(),
    founderEmail: z
      .union([z.literal(''), email()])
      .optional()
      .default(''),
    inviteFounder: checkbox(),
  })
  .superRefine((f, ctx) => {
    if (!f.founderName && !f.founderPhone && !f.founderEmail && !f.inviteFounder) return;
    if (!f.founderName) ctx.addIssue({ code: 'custom', path: ['founderName'], message: 'v.required' });
    if (!f.founderPhone && !f.founderEmail)
      ctx.addIssue({ code: 'custom', path: ['founderPhone'], message: 'projects.v.founderContact' });
    if (f.inviteFounder && !f.founderEmail)
      ctx.addIssue({ code: 'custom', path: ['founderEmail'], message: 'projects.v.inviteEmail' });
  });

export type WalkInFounder = z.output<typeof WalkInFounder>;

/** The form as staff fill it: the project and, for a walk-in, its founder. */
export const StaffProjectInput = z.intersection(ProjectInput, WalkInFounder);
export type StaffProjectInput = z.output<typeof StaffProjectInput>;

/** The directory's filters, from the query string; unknown values are ignored, never an error. */
export const ProjectFilters = z.object({
  q: z.string().max(100).optional().catch(undefined),
  field: optionalChoice(projectFields).catch(undefined),
  stage: optionalChoice(projectStages).catch(undefined),
  commune: z
    .string()
    .max(80)
    .regex(/^[a-z0-9-]*$/)
    .optional()
    .catch(undefined),
  need: optionalChoice(supportNeeds).catch(undefined),
  visibility: optionalChoice(['public', 'private'] as const).catch(undefined),
});

export type ProjectFilters = Partial<z.output<typeof ProjectFilters>>;

/** An officer's answer to a founder's wish to publish: publish, or send back with what to change. */
export const ReviewInput = z
  .object({
    decision: choice(['approve', 'return'] as const),
    note: text.optional(1000),
  })
  .refine((r) => r.decision === 'approve' || r.note !== '', { path: ['note'], error: 'projects.review.v.note' });
export type ReviewInput = z.output<typeof ReviewInput>;
