import { defineModule } from '#kernel/module.ts';
import { visitsApi } from './visits.api.ts';
import * as words from './visits.i18n.ts';
import { visitsPages } from './visits.pages.tsx';

// Visits to the coworking space: part of the spaces module's face (re-exported by index.ts).
export { visitsPersonalDataOf } from './visits.personal-data.ts';
export { CheckInInput, DeskVisitInput } from './visits.schemas.ts';
export {
  checkIn,
  fileRequestFromVisit,
  listVisits,
  recordVisit,
  removeVisit,
  type Visit,
  type VisitView,
  visitEvidence,
  visitFigures,
} from './visits.service.ts';
export * from './visits.taxonomy.ts';

/** Visits (lượt đến làm việc): the QR self check-in, the officer's desk, the visits list and its exports. */
export const visitsModule = defineModule({ name: 'visits', words, pages: visitsPages, api: visitsApi });
