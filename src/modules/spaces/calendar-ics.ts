import { createEvents, type EventAttributes } from 'ics';

/** One booking as a feed shows it. */
export interface FeedEntry {
  id: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  status: string;
  url: string;
}

/**
 * An .ics feed of bookings, in UTC so that any calendar shows the right hour (the same `ics`
 * library as the events module's calendar files). A booking awaiting approval is tentative.
 * @example bookingsFeed('Hội trường', entries)
 */
export function bookingsFeed(calName: string, entries: FeedEntry[]): string {
  const events: EventAttributes[] = entries.map((e) => ({
    uid: `${e.id}@ket-noi`,
    title: e.title,
    url: e.url,
    start: e.startsAt.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: e.endsAt.getTime(),
    endInputType: 'utc',
    endOutputType: 'utc',
    status: e.status === 'approved' ? 'CONFIRMED' : 'TENTATIVE',
  }));
  const { error, value } = createEvents(events, { calName, productId: 'ket-noi/spaces' });
  if (error || !value) throw error ?? new Error('calendar not built');
  return value;
}
