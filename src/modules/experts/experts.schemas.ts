import { z } from 'zod';
import { checkbox, choices, optionalChoice, text } from '#kernel/http/validation.ts';
import { projectFields } from '#modules/projects/index.ts';
import { specialties } from './experts.taxonomy.ts';

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Commune slugs ticked in the form; whether each exists is checked by the service. */
const communeSlugs = () =>
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

/** One schema for the expert's own profile form and staff's edit form. */
export const ExpertInput = z.object({
  name: text.required(200, 3),
  headline: text.required(300, 10),
  organisation: text.optional(200),
  bio: text.optional(5000),
  specialties: choices(specialties).refine((v) => v.length > 0, { error: 'experts.v.specialty' }),
  fields: choices(projectFields),
  communes: communeSlugs(),
  anywhere: checkbox(),
  isPublic: checkbox(),
});
export type ExpertInput = z.output<typeof ExpertInput>;

/** The directory's filters; unknown values are ignored, never an error. */
export const ExpertFilters = z.object({
  q: z.string().max(100).optional().catch(undefined),
  specialty: optionalChoice(specialties).catch(undefined),
  field: optionalChoice(projectFields).catch(undefined),
  commune: z
    .string()
    .max(80)
    .regex(/^[a-z0-9-]*$/)
    .optional()
    .catch(undefined),
});
export type ExpertFilters = Partial<z.output<typeof ExpertFilters>>;
