import { z } from 'zod';
import { choice, choices, email, optionalChoice, optionalIsoDate, phone, text } from '#kernel/http/validation.ts';
import { supportNeeds } from '#modules/projects/index.ts';
import { maxNeeds, requestStatuses, urgencies } from './requests.taxonomy.ts';

/** The needs a request names (ticked boxes, or an array in the API): one to five, the first is its kind. */
const needs = choices(supportNeeds, maxNeeds).refine((v) => v.length > 0, { error: 'requests.error.needNeeded' });

/** What a founder files for one of their projects. The API takes the same fields. */
export const RequestInput = z.object({
  /** The project's id or its slug. */
  project: text.required(120),
  needs,
  body: text.required(5000, 20),
  urgency: choice(urgencies),
});
export type RequestInput = z.output<typeof RequestInput>;

/** What an officer types for a visitor at the desk or on the phone. */
export const WalkInInput = z
  .object({
    contactName: text.required(120, 2),
    contactPhone: phone(),
    contactEmail: z
      .union([z.literal(''), email()])
      .optional()
      .default(''),
    commune: text.optional(80),
    project: text.optional(120),
    needs,
    body: text.required(5000, 20),
    urgency: choice(urgencies),
  })
  .refine((r) => r.contactPhone !== '' || r.contactEmail !== '', {
    path: ['contactPhone'],
    error: 'requests.error.contactNeeded',
  });
export type WalkInInput = z.output<typeof WalkInInput>;

export const MessageInput = z.object({ body: text.required(5000) });

/** An officer moves the request on; resolving needs the outcome, declining the reason. */
export const StatusInput = z
  .object({
    to: choice(['in_progress', 'resolved', 'declined'] as const),
    note: text.optional(5000),
    /** Resolving: the day the help was given (today when left out); checked against the request's dates. */
    helpedOn: optionalIsoDate(),
    /** The status the officer saw when the form was shown: a change made meanwhile refuses this one. */
    seen: optionalChoice(requestStatuses),
  })
  .refine((s) => s.to === 'in_progress' || s.note.length >= 10, { path: ['note'], error: 'requests.error.noteNeeded' });
/**
 * `seen` may be left out (the API, the demo data): the change then applies to the status as it is.
 * `helpedOn` too: the help is then dated the day of the change.
 */
export type StatusInput = Partial<Pick<z.output<typeof StatusInput>, 'seen' | 'helpedOn'>> &
  Omit<z.output<typeof StatusInput>, 'seen' | 'helpedOn'>;

/** Connecting from the request: an expert (an engagement) or a partner (an introduction). */
export const ConnectInput = z.object({
  target: choice(['expert', 'partner'] as const),
  targetId: text.required(100),
  message: text.required(3000, 5),
  /** The need this help answers, one of the request's needs (its first when left out). */
  need: optionalChoice(supportNeeds),
  /** The status the officer saw when the form was shown. */
  seen: optionalChoice(requestStatuses),
});
export type ConnectInput = Partial<Pick<z.output<typeof ConnectInput>, 'seen' | 'need'>> &
  Omit<z.output<typeof ConnectInput>, 'seen' | 'need'>;

export const AssignInput = z.object({
  numbers: z
    .union([z.string(), z.array(z.string())], { error: 'requests.error.noneChosen' })
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .pipe(
      z
        .array(z.string().regex(/^\d{1,9}$/, { error: 'v.invalid' }))
        .min(1, { error: 'requests.error.noneChosen' })
        .max(200),
    )
    .transform((v) => v.map(Number)),
  assigneeId: text.required(100),
});

export const inboxViews = ['new', 'mine', 'overdue', 'ready', 'open', 'closed', 'all'] as const;

export const InboxFilters = z.object({
  view: z.enum(inboxViews).optional().catch(undefined),
  kind: optionalChoice(supportNeeds).catch(undefined),
  status: optionalChoice(requestStatuses).catch(undefined),
  commune: z.string().max(80).optional().catch(undefined),
  q: z.string().max(100).optional().catch(undefined),
});
export type InboxFilters = z.output<typeof InboxFilters>;
