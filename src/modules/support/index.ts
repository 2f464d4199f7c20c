export { SupportFilters, SupportInput } from './support.schemas.ts';
export {
  type LedgerRow,
  listSupport,
  type NewSupport,
  recordManualSupport,
  recordSupport,
  type SupportEntry,
  supportCount,
  timelineFor,
} from './support.service.ts';
export { type SupportFigures, support } from './support.sql.ts';
export {
  type ProviderKind,
  providerKinds,
  type SupportKind,
  type SupportStatus,
  supportKinds,
  supportStatuses,
} from './support.taxonomy.ts';
