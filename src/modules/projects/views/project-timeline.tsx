import type { FC } from 'hono/jsx';
import { formatDate, formatNumber, formatVnd } from '#kernel/i18n/index.ts';
import { Badge, EmptyState } from '#kernel/ui/components.tsx';
import type { PageContext } from '#kernel/ui/context.ts';
import { labelOf } from '#kernel/ui/labels.ts';
import type { TimelineEntry } from '../projects.timeline.ts';

const statusTone = { planned: 'neutral', in_progress: 'info', done: 'success', cancelled: 'danger' } as const;

/** The support the project has had, newest first, with outcomes for those allowed to see them. */
export const Timeline: FC<{ ctx: PageContext; entries: TimelineEntry[]; showOutcomes: boolean }> = ({
  ctx,
  entries,
  showOutcomes,
}) => {
  const { t, lang } = ctx;
  if (entries.length === 0) return <EmptyState title={t('projects.detail.timelineEmpty')} />;
  return (
    <ol class="timeline">
      {entries.map((e) => (
        <li>
          <p class="timeline-date">
            <time datetime={e.startedOn}>{formatDate(e.startedOn)}</time>
            {e.endedOn && e.endedOn !== e.startedOn ? ` – ${formatDate(e.endedOn)}` : ''}
          </p>
          <p class="timeline-title">
            <Badge tone="info">{labelOf(t, 'support.kind', e.kind)}</Badge> {e.title}
          </p>
          <p class="muted">
            {labelOf(t, 'support.provider', e.providerKind)}: {e.providerName} ·{' '}
            <Badge tone={statusTone[e.status as keyof typeof statusTone] ?? 'neutral'}>
              {labelOf(t, 'support.status', e.status)}
            </Badge>
          </p>
          {showOutcomes && e.outcome && <p>{e.outcome}</p>}
          {showOutcomes && (
            <ul class="figures">
              {e.figures.participants !== undefined && (
                <li>{t('support.figure.participants', { count: formatNumber(e.figures.participants, lang) })}</li>
              )}
              {e.figures.contractValueVnd !== undefined && (
                <li>{t('support.figure.contract', { value: formatVnd(e.figures.contractValueVnd, lang) })}</li>
              )}
              {e.figures.salesGrowthPercent !== undefined && (
                <li>{t('support.figure.growth', { value: e.figures.salesGrowthPercent })}</li>
              )}
            </ul>
          )}
          {showOutcomes && e.evidenceLinks.length > 0 && (
            <ul class="links">
              {e.evidenceLinks.map((href) => (
                <li>
                  <a href={href} rel="nofollow noopener">
                    {href}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
};
