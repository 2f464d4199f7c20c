import type { FC } from 'hono/jsx';
import { formatDate, type Translator } from '#kernel/i18n/index.ts';
import { Badge, type Tone } from '#kernel/ui/components.tsx';
import { labelOf } from '#kernel/ui/labels.ts';
import type { Session } from '../calendar/events.service.ts';

/** "10/07/2026, 08:00–11:30" */
export const sessionText = (s: Pick<Session, 'day' | 'startTime' | 'endTime'>) =>
  `${formatDate(s.day)}, ${s.startTime}–${s.endTime}`;

/**
 * A session by its place in the event: "Buổi 2 (11/07/2026)", or with its hours
 * "Buổi 2: 11/07/2026, 13:30–17:00".
 */
export const sessionName = (
  t: Translator,
  sessions: Pick<Session, 'id'>[],
  s: Pick<Session, 'id' | 'day' | 'startTime' | 'endTime'>,
  withHours = false,
) => {
  const n = sessions.findIndex((x) => x.id === s.id) + 1;
  return withHours
    ? `${t('events.session.n', { n })}: ${sessionText(s)}`
    : t('events.session.named', { n, day: formatDate(s.day) });
};

/** "10/07/2026" or "10/07/2026 – 12/07/2026" */
export const datesText = (from: string, to: string | null) =>
  !to || from === to ? formatDate(from) : `${formatDate(from)} – ${formatDate(to)}`;

const statusTone: Record<string, Tone> = { confirmed: 'success', waitlisted: 'warning', cancelled: 'danger' };

export const StatusBadge: FC<{ t: Translator; status: string }> = ({ t, status }) => (
  <Badge tone={statusTone[status] ?? 'neutral'}>{labelOf(t, 'events.status', status)}</Badge>
);

/** The event's sessions as a list people can read on a phone. */
export const SessionList: FC<{ t: Translator; sessions: Session[]; attended?: string[] }> = ({
  t,
  sessions,
  attended,
}) => (
  <ol class="sessions">
    {sessions.map((s, i) => (
      <li>
        <span class="muted">{t('events.session.n', { n: i + 1 })}</span>{' '}
        <time datetime={`${s.day}T${s.startTime}`}>{sessionText(s)}</time>
        {attended && (attended.includes(s.id) ? <Badge tone="success">{t('events.ticket.present')}</Badge> : null)}
      </li>
    ))}
  </ol>
);

/** Inline SVG from our own QR generator (never user input), with a text alternative. */
export const QrCode: FC<{ svg: string; label: string }> = ({ svg, label }) => (
  <div class="qr" role="img" aria-label={label} dangerouslySetInnerHTML={{ __html: svg }} />
);
