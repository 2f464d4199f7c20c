import type { Child, FC } from 'hono/jsx';
import { isMessageKey, type Translator } from '#kernel/i18n/index.ts';
import { Badge } from '#kernel/ui/components.tsx';
import { labelOf } from '#kernel/ui/labels.ts';
import { type Candidate, type FitLevel, fitLevel, type Reason, type Suggestion } from '../matching.score.ts';

/** One reason in words: "chuyên môn: đăng ký nhãn hiệu", "cùng xã Tràng Định". */
export function reasonText(t: Translator, r: Reason): string {
  if (!isMessageKey(r.key)) return r.key;
  const label = r.label ? labelOf(t, r.label.prefix, r.label.code).toLocaleLowerCase('vi') : '';
  return t(r.key, { ...r.params, label });
}

export const Reasons: FC<{ t: Translator; reasons: Reason[] }> = ({ t, reasons }) => (
  <ul class="reasons" aria-label={t('matching.reasons')}>
    {reasons.map((r) => (
      <li class={r.points < 0 ? 'reason-against' : undefined}>{reasonText(t, r)}</li>
    ))}
  </ul>
);

const fitTone = { strong: 'success', good: 'info', possible: 'neutral' } as const;

/** The score in words ("Rất phù hợp"): the reasons below say where it comes from. */
export const FitBadge: FC<{ t: Translator; level: FitLevel }> = ({ t, level }) => (
  <Badge tone={fitTone[level]}>{t(`matching.fit.${level}`)}</Badge>
);

/**
 * Ranked candidates with their reasons; `action` renders what the officer can do with each
 * (a connect form), so the same list serves a request page and a project's suggestions.
 */
export function SuggestionList<C extends Candidate>({
  t,
  items,
  empty,
  href,
  action,
}: {
  t: Translator;
  items: Suggestion<C>[];
  empty: string;
  href: (c: C) => string;
  action?: (s: Suggestion<C>) => Child;
}) {
  if (items.length === 0) return <p class="muted">{empty}</p>;
  return (
    <ol class="suggestions">
      {items.map((s) => (
        <li class="suggestion">
          <div class="suggestion-head">
            <a href={href(s.candidate)}>{s.candidate.name}</a> <FitBadge t={t} level={fitLevel(s.score)} />
          </div>
          <Reasons t={t} reasons={s.reasons} />
          {action?.(s)}
        </li>
      ))}
    </ol>
  );
}
