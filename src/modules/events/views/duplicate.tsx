import type { FC } from 'hono/jsx';
import { formatDate } from '#kernel/i18n/index.ts';
import type { PageContext } from '#kernel/ui/context.ts';
import { Checkbox } from '#kernel/ui/form.tsx';

/** The event of the same title and year that a new one would repeat. */
export interface Duplicate {
  href: string;
  title: string;
  startsOn: string;
}

/** Said inside the form: which event has this title already, and a box to create the new one anyway. */
export const DuplicateWarning: FC<{ ctx: PageContext; duplicate: Duplicate }> = ({ ctx, duplicate }) => {
  const { t } = ctx;
  return (
    <div class="duplicate-warning" role="alert">
      <p>
        {t('events.duplicate.lead', { title: duplicate.title, date: formatDate(duplicate.startsOn) })}{' '}
        <a href={duplicate.href}>{t('events.duplicate.open')}</a>
      </p>
      <Checkbox name="confirmDuplicate" label={t('events.duplicate.confirm')} />
    </div>
  );
};
