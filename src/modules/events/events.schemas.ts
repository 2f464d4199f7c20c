import { z } from 'zod';
import {
  checkbox,
  choice,
  email,
  isoDate,
  lines,
  optionalChoice,
  optionalInt,
  optionalIsoDate,
  phone,
  text,
  url,
} from '#kernel/http/validation.ts';
import {
  audiences,
  ethnicities,
  eventKinds,
  externalKinds,
  nominationStatuses,
  organisationTypes,
  sexes,
} from './events.taxonomy.ts';

export interface SessionInput {
  day: string;
  startTime: string;
  endTime: string;
}

const time = (h: string, m: string) => {
  const hh = Number(h);
  const mm = Number(m);
  return hh <= 23 && mm <= 59 ? `${String(hh).padStart(2, '0')}:${m}` : null;
};

/** "dd/MM/yyyy" or "yyyy-MM-dd" → yyyy-MM-dd, when it is a real calendar day. */
export function parseDay(s: string): string | null {
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  const iso = m
    ? `${m[3]}-${m[2]?.padStart(2, '0')}-${m[1]?.padStart(2, '0')}`
    : /^\d{4}-\d{2}-\d{2}$/.test(s)
      ? s
      : null;
  if (!iso) return null;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(iso) ? iso : null;
}

/**
 * One session per line, as an officer types it on a phone: "10/07/2026 08:00-11:30"
 * (or "2026-07-10 8:00 - 11:30").
 */
const sessionLine = z.string().transform((s, ctx): SessionInput => {
  const m = /^(\S+)\s+(\d{1,2})[:hg.](\d{2})\s*[-–—]\s*(\d{1,2})[:hg.](\d{2})$/i.exec(s.trim());
  const day = m?.[1] ? parseDay(m[1]) : null;
  const start = m ? time(m[2] ?? '', m[3] ?? '') : null;
  const end = m ? time(m[4] ?? '', m[5] ?? '') : null;
  if (!day || !start || !end || end <= start || day < '2000-01-01' || day > '2100-12-31') {
    ctx.addIssue({ code: 'custom', message: 'events.v.session' });
    return z.NEVER;
  }
  return { day, startTime: start, endTime: end };
});

const sessionLines = lines(sessionLine, 60).pipe(
  z
    .array(z.custom<SessionInput>())
    .min(1, { error: 'events.v.sessionsRequired' })
    .transform((list) => [...list].sort((a, b) => `${a.day} ${a.startTime}`.localeCompare(`${b.day} ${b.startTime}`))),
);

const capacity = z
  .union([z.string(), z.number()])
  .transform((v) => (typeof v === 'string' ? v.trim() : String(v)))
  .pipe(
    z
      .string()
      .min(1, { error: 'v.required' })
      .regex(/^\d{1,5}$/, { error: 'events.v.capacity' }),
  )
  .transform(Number)
  .pipe(z.number().int().min(1, { error: 'events.v.capacity' }).max(10_000, { error: 'events.v.capacity' }));

const percent = z
  .union([z.string(), z.number()])
  .optional()
  .transform((v) => (v === undefined || v === '' ? '80' : String(v).trim()))
  .pipe(z.string().regex(/^\d{1,3}$/, { error: 'events.v.percent' }))
  .transform(Number)
  .pipe(z.number().int().min(1, { error: 'events.v.percent' }).max(100, { error: 'events.v.percent' }));

/** The event form (create and edit). */
export const EventInput = z
  .object({
    kind: choice(eventKinds),
    title: text.required(200, 5),
    description: text.optional(10_000),
    organiser: text.required(200),
    partners: lines(text.required(200), 20),
    trainers: lines(text.required(200), 20),
    venue: text.required(300, 3),
    sessions: sessionLines,
    capacity,
    audience: choice(audiences),
    registrationOpensOn: optionalIsoDate(),
    registrationClosesOn: optionalIsoDate(),
    questions: lines(text.required(300), 10),
    certificatePercent: percent,
    published: checkbox(),
  })
  .refine((e) => !e.registrationOpensOn || !e.registrationClosesOn || e.registrationClosesOn >= e.registrationOpensOn, {
    path: ['registrationClosesOn'],
    error: 'v.dateOrder',
  });
export type EventInput = z.output<typeof EventInput>;

const optionalEmail = () =>
  z
    .union([z.literal(''), email()])
    .optional()
    .transform((v) => v ?? '');

const birthYear = () =>
  z
    .union([z.string(), z.number()])
    .transform((v) => String(v).trim())
    .pipe(
      z
        .string()
        .min(1, { error: 'v.required' })
        .regex(/^\d{4}$/, { error: 'events.v.birthYear' }),
    )
    .transform(Number)
    .refine((y) => y >= 1920 && y <= new Date().getFullYear() - 10, { error: 'events.v.birthYear' });

/** Who a person is: asked at registration and for a walk-in. */
const personFields = {
  name: text.required(120, 2),
  phone: phone({ required: true }),
  email: optionalEmail(),
  commune: z
    .string()
    .max(80)
    .optional()
    .transform((v) => v?.trim() || undefined),
  organisation: text.optional(200),
  organisationType: choice(organisationTypes),
  sex: choice(sexes),
  ethnicity: choice(ethnicities),
  birthYear: birthYear(),
};

/** Registration: the person, the answers to the event's questions (a0, a1, …) and consent. */
export const RegistrationInput = z.object({
  ...personFields,
  project: z
    .string()
    .max(40)
    .optional()
    .transform((v) => v?.trim() || undefined),
  a0: text.optional(1000),
  a1: text.optional(1000),
  a2: text.optional(1000),
  a3: text.optional(1000),
  a4: text.optional(1000),
  a5: text.optional(1000),
  a6: text.optional(1000),
  a7: text.optional(1000),
  a8: text.optional(1000),
  a9: text.optional(1000),
  // Checked at the field, so that it is reported with the other mistakes.
  consent: checkbox().refine((v) => v, { error: 'events.v.consent' }),
});
export type RegistrationInput = z.output<typeof RegistrationInput>;

/** A person who came without registering; the officer types what they can. */
export const WalkInInput = z.object({ ...personFields, session: z.string().max(40) });
export type WalkInInput = z.output<typeof WalkInInput>;

/** Several ids sent by checkboxes of one name: none, one (a string) or many (an array). */
const idList = (max: number) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
    .pipe(z.array(z.string().max(40)).max(max));

/**
 * A project as an officer names it: the address of its page ("…/du-an/mien-dong-hoi-hoan") or the
 * last part of it; empty for none.
 */
const projectRef = z
  .string()
  .max(300, { error: 'v.tooLong|300' })
  .optional()
  .transform((v) => {
    const s = (v ?? '').trim();
    const m = /\/du-an\/([^/?#\s]+)/.exec(s);
    return (m?.[1] ?? s).replace(/\/+$/, '') || undefined;
  });

/**
 * Someone who came to an event that has ended, recorded afterwards by an officer (from a paper
 * attendance sheet): who they are, reached by phone and/or e-mail (the people registry knows them
 * by either), the project their seat counts for, and the sessions they attended.
 */
export const PastRegistrationInput = z
  .object({
    ...personFields,
    phone: phone(),
    project: projectRef,
    sessions: idList(60),
  })
  .superRefine((v, ctx) => {
    if (!v.phone && !v.email) ctx.addIssue({ code: 'custom', path: ['phone'], message: 'events.v.phoneOrEmail' });
  });
export type PastRegistrationInput = z.output<typeof PastRegistrationInput>;

/** "Tick all": everyone registered (confirmed) is checked in to one session. */
export const CheckInAllInput = z.object({ session: z.string({ error: 'events.v.sessionPick' }).max(40) });
export type CheckInAllInput = z.output<typeof CheckInAllInput>;

/** A check-in: by code (typed or scanned) or the people ticked in the list, for one session. */
export const CheckInInput = z
  .object({
    session: z.string({ error: 'events.v.session' }).max(40),
    code: z
      .string()
      .max(40)
      .optional()
      .transform((v) => (v ?? '').toUpperCase().replace(/[^A-Z0-9]/g, '')),
    ids: idList(2000),
  })
  .refine((c) => c.code !== '' || c.ids.length > 0, { path: ['code'], error: 'events.v.codeOrList' });
export type CheckInInput = z.output<typeof CheckInInput>;

const rating = z
  .string({ error: 'events.v.rating' })
  .regex(/^[1-5]$/, { error: 'events.v.rating' })
  .transform(Number);

export const FeedbackInput = z.object({ rating, comments: text.optional(3000) });
export type FeedbackInput = z.output<typeof FeedbackInput>;

/** The calendar: upcoming (default) or past. */
export const CalendarFilters = z.object({
  when: optionalChoice(['upcoming', 'past'] as const).catch(undefined),
  kind: optionalChoice(eventKinds).catch(undefined),
});
export type CalendarFilters = z.output<typeof CalendarFilters>;

/** An external programme or event. */
export const ExternalEventInput = z
  .object({
    kind: choice(externalKinds),
    title: text.required(300, 5),
    organiser: text.required(200),
    place: text.optional(300),
    startsOn: isoDate(),
    endsOn: optionalIsoDate(),
    description: text.optional(5000),
    url: z
      .union([z.literal(''), url()])
      .optional()
      .transform((v) => v ?? ''),
  })
  .refine((e) => !e.endsOn || e.endsOn >= e.startsOn, { path: ['endsOn'], error: 'v.dateOrder' });
export type ExternalEventInput = z.output<typeof ExternalEventInput>;

/** Nominating projects (one or many) with a message for their teams. */
export const NominateInput = z.object({
  projects: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
    .pipe(
      z
        .array(z.string().regex(/^[0-9a-f-]{36}$/i, { error: 'v.choose' }))
        .min(1, { error: 'events.v.pickProjects' })
        .max(200, { error: 'v.tooMany|200' }),
    )
    .transform((v) => [...new Set(v)]),
  message: text.optional(3000),
});
export type NominateInput = z.output<typeof NominateInput>;

/** A nomination's state and results. */
export const NominationUpdate = z.object({
  status: choice(nominationStatuses),
  award: text.optional(300),
  contract: text.optional(500),
  contacts: optionalInt(0, 100_000),
  notes: text.optional(3000),
  /** The version of the nomination the form showed (the time of its last change); see `updateNomination`. */
  seen: text.optional(40),
});
export type NominationUpdate = Partial<Pick<z.output<typeof NominationUpdate>, 'seen'>> &
  Omit<z.output<typeof NominationUpdate>, 'seen'>;
