import { defineModule } from '#kernel/module.ts';
import * as words from './support.i18n.ts';
import { supportPages } from './support.pages.tsx';

export {
  type LedgerGroup,
  type LedgerSummary,
  ledgerSummary,
  type ProviderFact,
  providerFacts,
} from './support.figures.ts';
export { type LedgerScope, ledgerEntries } from './support.queries.ts';
export { SupportFilters, SupportInput } from './support.schemas.ts';
export {
  forgetSupport,
  type LedgerFact,
  type LedgerRow,
  ledgerFacts,
  listSupport,
  type NewSupport,
  recordManualSupport,
  recordSupport,
  recordSupports,
  type SupportEntry,
  supportCount,
  supportForPerson,
  timelineFor,
} from './support.service.ts';
export type { SupportFigures } from './support.sql.ts';
export {
  type ProviderKind,
  providerKinds,
  type SourceKind,
  type SupportKind,
  type SupportStatus,
  sourceKinds,
  supportKinds,
  supportStatuses,
} from './support.taxonomy.ts';

/** The support module: its words, pages and API, mounted by createApp. */
export const supportModule = defineModule({ name: 'support', words, pages: supportPages });
