import { defineModule } from '#kernel/module.ts';
import { eventsApi } from './events.api.ts';
import * as words from './events.i18n.ts';
import { eventsPages } from './events.pages.tsx';

export {
  type CourseFact,
  coursesHeld,
  eligible,
  issueCertificates,
  participantFigures,
  peopleTrained,
  recordEventSupport,
  type TraineeFact,
  type TraineeGroups,
  traineeGroups,
} from './attendance/attendance.service.ts';
export type { EventDetail as EventWithSessions } from './calendar/events.service.ts';
export {
  type CalendarItem,
  createEvent,
  type EventDetail,
  type EventHit,
  getEvent,
  hoursOf,
  listEvents,
  randomCode,
  searchEvents,
} from './calendar/events.service.ts';
// The events module's public face: what other modules, the CLI and the demo data may use.
export { anonymise, personalDataOf } from './events.personal-data.ts';
export { nominationStatuses, registrantSpread, turnoutByTitle } from './events.queries.ts';
export {
  CalendarFilters,
  EventInput,
  ExternalEventInput,
  NominateInput,
  NominationUpdate,
  RegistrationInput,
} from './events.schemas.ts';
export type { Trainer } from './events.sql.ts';
export * from './events.taxonomy.ts';
export {
  createExternalEvent,
  getExternalEvent,
  nominate,
  updateNomination,
} from './nominations/nominations.service.ts';
export {
  type AttendanceRecord,
  type FeedbackRecord,
  importAttendance,
  importFeedback,
  importRegistrations,
  type RegistrationRecord,
} from './registrations/events.import.ts';
export {
  type EndedEvent,
  endedEvent,
  endedEvents,
  enterPastAttendee,
  enterPastAttendees,
  lockPastEvent,
  type PastAttendanceUndo,
  type PastAttendee,
  type PastAttendeeResult,
  undoPastAttendance,
} from './registrations/past-import.ts';
export { newToken, register, sendReminders } from './registrations/registrations.service.ts';

/** The events module: its words, pages and API, mounted by createApp. */
export const eventsModule = defineModule({ name: 'events', words, pages: eventsPages, api: eventsApi });
