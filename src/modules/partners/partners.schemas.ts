import { z } from 'zod';
import { checkbox, choice, choices, email, optionalChoice, phone, text, url } from '#kernel/http/validation.ts';
import { projectFields, supportNeeds } from '#modules/projects/index.ts';
import { introductionStatuses, partnerKinds } from './partners.taxonomy.ts';

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Commune slugs ticked in a form; whether each exists is checked by the service. */
export const communeSlugs = () =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
    .pipe(
      z
        .array(z.string().max(80, { error: 'v.choose' }).regex(slugPattern, { error: 'v.choose' }))
        .max(200, { error: 'v.tooMany|200' }),
    )
    .transform((v) => [...new Set(v)]);

/** An address for links: blank, or a lower-case slug the visitor may have typed. */
const optionalSlug = () =>
  text.optional(80).refine((s) => s === '' || slugPattern.test(s), { error: 'partners.v.slug' });

const optionalUrl = () => text.optional(500).pipe(z.union([z.literal(''), url()]));
const anEmail = z.email();
const optionalEmail = () =>
  text
    .optional(254)
    .refine((s) => s === '' || anEmail.safeParse(s).success, { error: 'v.email' })
    .transform((s) => s.toLowerCase());

/** One schema for the partner form (staff and the partner's own members). */
export const PartnerInput = z.object({
  name: text.required(200, 3),
  slug: optionalSlug(),
  kind: choice(partnerKinds),
  summary: text.required(500, 10),
  description: text.optional(10_000),
  offers: choices(supportNeeds),
  fields: choices(projectFields),
  communes: communeSlugs(),
  anywhere: checkbox(),
  address: text.optional(300),
  website: optionalUrl(),
  contactName: text.optional(200),
  contactPhone: phone(),
  contactEmail: optionalEmail(),
  isPublic: checkbox(),
});
export type PartnerInput = z.output<typeof PartnerInput>;

/** The directory's filters; unknown values are ignored, never an error. */
export const PartnerFilters = z.object({
  q: z.string().max(100).optional().catch(undefined),
  kind: optionalChoice(partnerKinds).catch(undefined),
  field: optionalChoice(projectFields).catch(undefined),
  offer: optionalChoice(supportNeeds).catch(undefined),
  commune: z
    .string()
    .max(80)
    .regex(/^[a-z0-9-]*$/)
    .optional()
    .catch(undefined),
});
export type PartnerFilters = Partial<z.output<typeof PartnerFilters>>;

/** Staff add a member by the e-mail of a partner account. */
export const MemberInput = z.object({ email: email() });

/** Staff introduce a project, named by its slug or its page's address. */
export const IntroductionInput = z.object({
  project: text
    .required(300)
    .transform(
      (s) =>
        s
          .replace(/[?#].*$/, '')
          .replace(/\/+$/, '')
          .split('/')
          .pop() ?? '',
    )
    .refine((s) => slugPattern.test(s), { error: 'partners.v.project' }),
  message: text.required(3000, 10),
});
export type IntroductionInput = z.output<typeof IntroductionInput>;

export const answerStatuses = introductionStatuses.filter((s) => s !== 'sent') as ['interested', 'not_now'];

/** The partner's answer to an introduction. */
export const AnswerInput = z.object({
  status: choice(answerStatuses),
  answer: text.optional(3000),
  /** The version of the introduction the page showed (`introductionVersion`); see `answerIntroduction`. */
  seen: text.optional(40),
});
export type AnswerInput = z.output<typeof AnswerInput>;

/** The message rule, shared by the service for callers that skip the form. */
export const introductionMessage = IntroductionInput.shape.message;
export const answerText = AnswerInput.shape.answer;
