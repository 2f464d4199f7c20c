import { createEvents, type EventAttributes } from 'ics';
import type { EventDetail } from '../calendar/events.service.ts';

/** Vietnam keeps +07:00 all year (no summer time): a session's instant is its local time minus 7 h. */
export function instantOf(day: string, time: string): number {
  return Date.parse(`${day}T${time}:00+07:00`);
}

/**
 * An .ics calendar with one entry per session, in UTC, so that any calendar shows the right hour.
 * @example const text = eventCalendar(e, 'https://ketnoi.example')
 */
export function eventCalendar(e: EventDetail, baseUrl: string): string {
  const url = `${baseUrl}/su-kien/${e.slug}`;
  const events: EventAttributes[] = e.sessions.map((s, i) => ({
    uid: `${e.id}-${s.position}@ket-noi`,
    title: e.sessions.length > 1 ? `${e.title} (${i + 1}/${e.sessions.length})` : e.title,
    description: [e.description, url].filter(Boolean).join('\n\n'),
    location: e.venue,
    url,
    organizer: { name: e.organiser },
    start: instantOf(s.day, s.startTime),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: instantOf(s.day, s.endTime),
    endInputType: 'utc',
    endOutputType: 'utc',
    status: 'CONFIRMED',
    productId: 'ket-noi/events',
    calName: e.title,
  }));
  const { error, value } = createEvents(events);
  if (error || !value) throw error ?? new Error('calendar not built');
  return value;
}
