// Codes in the database and the API; labels live in engagements.i18n.ts.

/** An engagement: proposed by an officer → the expert accepts (active) or declines → closed. */
export const engagementStatuses = ['proposed', 'active', 'declined', 'closed'] as const;
export type EngagementStatus = (typeof engagementStatuses)[number];
/** An engagement still to be answered or carried out; the others are finished. */
export const unfinishedEngagementStatuses: readonly EngagementStatus[] = ['proposed', 'active'];
