/** Kinds of events the Department runs (their words live in i18n under `events.kind.*`). */
export const eventKinds = ['course', 'workshop', 'fair', 'pitching', 'contest'] as const;
export type EventKind = (typeof eventKinds)[number];

/** Who may register: anyone, signed-in founders, or only people the Department registers itself. */
export const audiences = ['public', 'founders', 'invited'] as const;
export type Audience = (typeof audiences)[number];

export const registrationStatuses = ['confirmed', 'waitlisted', 'cancelled'] as const;
export type RegistrationStatus = (typeof registrationStatuses)[number];

/** The breakdowns provinces report: sex, ethnicity, year of birth, commune, kind of organisation. */
export const sexes = ['female', 'male'] as const;
export const ethnicities = ['kinh', 'tay', 'nung', 'dao', 'san_chay', 'hmong', 'hoa', 'san_diu', 'other'] as const;
export const organisationTypes = [
  'individual',
  'household',
  'cooperative',
  'business',
  'school',
  'agency',
  'other',
] as const;

/** Events run by others (Ministry, national centre, Techfest, fairs) that projects are nominated to. */
export const externalKinds = ['programme', 'event', 'fair', 'contest'] as const;
export const nominationStatuses = ['invited', 'accepted', 'declined', 'attended'] as const;
export type NominationStatus = (typeof nominationStatuses)[number];

/** How a person was checked in. */
export const checkInMethods = ['code', 'list', 'walk_in'] as const;
export type CheckInMethod = (typeof checkInMethods)[number];

/** Courses and workshops are training; a seat at a fair, pitching day or contest introduces the project. */
export const supportKindOf = (kind: string): 'training' | 'event_introduction' =>
  kind === 'course' || kind === 'workshop' ? 'training' : 'event_introduction';
