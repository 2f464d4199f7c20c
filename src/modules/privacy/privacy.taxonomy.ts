// The privacy module's code lists: what a consent is for, where it was given, on what basis, the
// kinds of data subjects' requests and their states. The database refuses any other value.

/**
 * What a consent is for: `service` (keeping an account and the data the site needs to help the
 * person: required), `event` (organising an event and counting it in reports: required to
 * register), `news` (e-mails about programmes and events: optional, withdrawable at any time),
 * `survey` (answering a survey whose consent text the person accepted).
 */
export const consentPurposes = ['service', 'event', 'news', 'survey'] as const;
export type ConsentPurpose = (typeof consentPurposes)[number];

/** Purposes a person may withdraw on their own page without ending the service. */
export const optionalPurposes: readonly ConsentPurpose[] = ['news'];

/** Where a consent was recorded. */
export const consentSources = ['sign_up', 'event_registration', 'import', 'account', 'survey'] as const;
export type ConsentSource = (typeof consentSources)[number];

/**
 * The legal ground a record of processing stands on (Law 91/2025/QH15): the person's consent, or,
 * for data an officer imports, a ground that needs none (a contract, a legal duty, a public task).
 */
export const legalBases = ['consent', 'contract', 'legal_obligation', 'public_task'] as const;
export type LegalBasis = (typeof legalBases)[number];

/** The rights a data subject asks the Department to act on. */
export const requestKinds = ['access', 'correction', 'deletion', 'withdrawal', 'restriction'] as const;
export type RequestKind = (typeof requestKinds)[number];

export const requestStatuses = ['open', 'done', 'refused'] as const;
export type RequestStatus = (typeof requestStatuses)[number];

/**
 * Days to carry out each kind of request, counted from when it was filed (calendar days, the safe
 * side of working days). Defaults from Decree 356/2025/NĐ-CP as read for this site: an answer
 * within 2 working days, the request done within 10 to 20 days, withdrawal and restriction within
 * 15. Changed with `PRIVACY_DUE_DAYS` (see docs/decisions/0038).
 */
export const defaultDueDays: Record<RequestKind, number> = {
  access: 10,
  correction: 10,
  deletion: 20,
  withdrawal: 15,
  restriction: 15,
};

/** Hours from discovering a breach to notifying the authority (Law 91/2025/QH15). */
export const breachNotifyHours = 72;
