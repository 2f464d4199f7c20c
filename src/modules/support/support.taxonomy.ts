/** Kinds of support; every module that helps a project writes one of these to the ledger. */
export const supportKinds = [
  'consulting',
  'training',
  'space',
  'market_connection',
  'connection',
  'platform_listing',
  'event_introduction',
  'funding',
  'other',
] as const;
export type SupportKind = (typeof supportKinds)[number];

export const providerKinds = ['officer', 'expert', 'partner', 'organisation'] as const;
export type ProviderKind = (typeof providerKinds)[number];

export const supportStatuses = ['planned', 'in_progress', 'done', 'cancelled'] as const;
export type SupportStatus = (typeof supportStatuses)[number];

/**
 * The kinds of record that give support; with the record's id they name a ledger row's source,
 * unique, so that recording the same record again updates its row.
 */
export const sourceKinds = [
  'manual',
  'engagement',
  'introduction',
  'event_seat',
  'nomination',
  'listing',
  'sales_connection',
  'request',
  'booking',
  'import',
  'visit',
] as const;
export type SourceKind = (typeof sourceKinds)[number];
