import { z } from 'zod';
import { checkbox, choice, isoDate, lines, text } from '#kernel/http/validation.ts';
import { questionKinds, surveyAccess, targetGroups } from './surveys.taxonomy.ts';

/** A survey's settings, as the builder's first form sends them. */
export const SurveyInput = z
  .object({
    title: text.required(200, 3),
    description: text.optional(3000),
    targetGroup: choice(targetGroups),
    opensOn: isoDate(),
    closesOn: isoDate(),
    access: choice(surveyAccess),
    anonymous: checkbox(),
    consentText: text.optional(3000),
  })
  .refine((s) => s.closesOn >= s.opensOn, { path: ['closesOn'], error: 'v.dateOrder' });
export type SurveyInput = z.output<typeof SurveyInput>;

export const SectionInput = z.object({
  title: text.required(200),
  description: text.optional(1000),
});
export type SectionInput = z.output<typeof SectionInput>;

/** "question id|value", one option of the condition list; empty for "always show". */
const condition = z
  .string()
  .max(300, { error: 'v.choose' })
  .optional()
  .transform((v, ctx) => {
    if (!v) return { showIfQuestion: undefined, showIfValue: '' };
    const bar = v.indexOf('|');
    const question = v.slice(0, bar);
    if (bar < 0 || !z.uuid().safeParse(question).success) {
      ctx.addIssue({ code: 'custom', message: 'v.choose' });
      return z.NEVER;
    }
    return { showIfQuestion: question, showIfValue: v.slice(bar + 1) };
  });

/** A question as the builder's form sends it; the rules that need the survey are the service's. */
export const QuestionInput = z
  .object({
    kind: choice(questionKinds),
    label: text.required(500),
    help: text.optional(1000),
    required: checkbox(),
    /** One choice per line, for single and multiple choice. */
    choices: lines(text.required(200), 30),
    showIf: condition,
  })
  .transform(({ showIf, ...rest }) => ({ ...rest, ...showIf }));
export type QuestionInput = z.output<typeof QuestionInput>;

export const MoveInput = z.object({ direction: z.enum(['up', 'down'], { error: 'v.choose' }) });

/** What varies by kind, stored as the question's `options` JSON and checked when read back. */
export const QuestionOptions = z.object({
  choices: z.array(z.string().max(200)).max(30).default([]),
  showIf: z.object({ question: z.uuid(), value: z.string().max(200) }).optional(),
});
export type QuestionOptions = z.output<typeof QuestionOptions>;

export const ConsentInput = z.object({ consent: checkbox() });

export const ResultsQuery = z.object({
  theo: z.enum(['nhom', 'xa']).catch('nhom'),
});

export const AnswersQuery = z.object({
  q: z.string().max(200).catch('').default(''),
  page: z.string().optional(),
});
