import { defineModule } from '#kernel/module.ts';
import { spacesApi } from './spaces.api.ts';
import * as words from './spaces.i18n.ts';
import { spacesPages } from './spaces.pages.tsx';

export { calendarOf, feedToken, occupancyOf } from './calendar-service.ts';
export { holidaysOf, lunarToSolar } from './hours-opening.ts';
export { personalDataOf } from './spaces.personal-data.ts';
export { BookingInput, RoomInput } from './spaces.schemas.ts';
export {
  type Booking,
  cancelBooking,
  createBooking,
  decideBooking,
  freeTimes,
  listRooms,
  type Room,
  rescheduleBooking,
  saveRoom,
} from './spaces.service.ts';
export * from './spaces.taxonomy.ts';
export * from './visits.ts';

/** The coworking space: rooms, their bookings and calendars; approved bookings go to the ledger. */
export const spacesModule = defineModule({ name: 'spaces', words, pages: spacesPages, api: spacesApi });
