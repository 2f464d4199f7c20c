import type { SupportNeed } from '#modules/projects/index.ts';

// Codes in the database and the API; labels live in requests.i18n.ts.

/** new → accepted (an officer takes it) → in_progress (connected) → resolved | declined. */
export const requestStatuses = ['new', 'accepted', 'in_progress', 'resolved', 'declined'] as const;
export type RequestStatus = (typeof requestStatuses)[number];
export const openStatuses: readonly RequestStatus[] = ['new', 'accepted', 'in_progress'];

/** The most needs one request may name: more is several requests. */
export const maxNeeds = 5;

/** A request's kind: the first of its needs (the input's schema lets no request name none). */
export function kindOf(needs: readonly SupportNeed[]): SupportNeed {
  const [first] = needs;
  if (!first) throw new Error('a request names at least one need');
  return first;
}

export const urgencies = ['normal', 'urgent'] as const;
export type Urgency = (typeof urgencies)[number];

/** Days from acceptance to the due date, by kind; urgent requests are due in 3 days. */
export const daysToAnswer: Record<SupportNeed, number> = {
  consulting_production: 10,
  consulting_product: 10,
  consulting_ip: 10,
  consulting_standards: 10,
  consulting_marketing: 10,
  consulting_finance: 14,
  consulting_digital: 10,
  training: 14,
  space: 5,
  market_connection: 15,
  events: 10,
  funding: 20,
};
export const urgentDays = 3;

/** What a thread entry records. */
export const requestEventTypes = ['created', 'message', 'accepted', 'assigned', 'connected', 'status'] as const;
export type RequestEventType = (typeof requestEventTypes)[number];

/** What a request was connected to. */
export const linkTypes = ['engagement', 'introduction'] as const;
export type LinkType = (typeof linkTypes)[number];
