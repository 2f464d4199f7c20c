import type { FC } from 'hono/jsx';
import { type FormValues, formValue, formValues } from '#kernel/http/forms.ts';
import { formatDate, type Translator } from '#kernel/i18n/index.ts';
import type { PageContext } from '#kernel/ui/context.ts';
import { Checkbox, Checkboxes, Input, TextArea } from '#kernel/ui/form.tsx';
import { weekdays } from '../spaces.schemas.ts';
import type { Room } from '../spaces.service.ts';
import { bookerRoles } from '../spaces.taxonomy.ts';

type Errors = Record<string, string>;

/** A new room opens Monday to Saturday, 07:30 to 17:00. */
const newRoomHours = weekdays.map((i) => (i < 6 ? { from: '07:30', to: '17:00' } : null));

/** A room's closed days as the form shows them, one a line ("24/12/2026 Bảo trì điện"). */
const closedDaysText = (r: Room) =>
  r.closedDays.map((c) => `${c.day.split('-').reverse().join('/')} ${c.note}`.trim()).join('\n');

/**
 * The opening part of the room form: weekly hours (a row a day, two time boxes), other closed
 * days, public holidays, rules, the buffer and who may book.
 */
export const OpeningFields: FC<{ ctx: PageContext; room?: Room; values?: FormValues; errors: Errors }> = ({
  ctx,
  room: r,
  values,
  errors,
}) => {
  const { t } = ctx;
  const v = (name: string, fallback: string) => (values ? formValue(values, name) : fallback);
  const hours = r?.weeklyHours ?? newRoomHours;
  return (
    <>
      <fieldset class="field hours-fieldset">
        <legend>{t('spaces.field.hours')}</legend>
        <p class="hint">{t('spaces.field.hoursHint')}</p>
        {weekdays.map((i) => {
          const day = t(`spaces.weekday.${i}`);
          const error = errors[`from${i}`] ?? errors[`to${i}`];
          return (
            <div class={`hours-row${error ? ' has-error' : ''}`}>
              <span class="hours-day">{day}</span>
              <label class="visually-hidden" for={`f-from${i}`}>
                {day}: {t('spaces.field.from')}
              </label>
              <input
                id={`f-from${i}`}
                type="time"
                name={`from${i}`}
                value={v(`from${i}`, hours[i]?.from ?? '')}
                aria-invalid={error ? 'true' : undefined}
                aria-describedby={error ? `e-hours${i}` : undefined}
              />
              <span aria-hidden="true">–</span>
              <label class="visually-hidden" for={`f-to${i}`}>
                {day}: {t('spaces.field.to')}
              </label>
              <input
                id={`f-to${i}`}
                type="time"
                name={`to${i}`}
                value={v(`to${i}`, hours[i]?.to ?? '')}
                aria-invalid={error ? 'true' : undefined}
                aria-describedby={error ? `e-hours${i}` : undefined}
              />
              {error && (
                <p class="field-error" id={`e-hours${i}`}>
                  {error}
                </p>
              )}
            </div>
          );
        })}
      </fieldset>
      <Checkbox
        name="closedOnHolidays"
        label={t('spaces.field.closedOnHolidays')}
        checked={values ? formValue(values, 'closedOnHolidays') === 'on' : (r?.closedOnHolidays ?? true)}
      />
      <TextArea
        name="closedDays"
        label={t('spaces.field.closedDays')}
        hint={t('spaces.field.closedDaysHint')}
        value={v('closedDays', r ? closedDaysText(r) : '')}
        error={errors.closedDays}
        rows={3}
        maxlength={5000}
      />
      <Input
        name="bufferMinutes"
        label={t('spaces.field.bufferMinutes')}
        hint={t('spaces.field.bufferHint')}
        inputmode="numeric"
        value={v('bufferMinutes', String(r?.bufferMinutes ?? 0))}
        error={errors.bufferMinutes}
      />
      <Checkboxes
        name="bookers"
        label={t('spaces.field.bookers')}
        values={values ? formValues(values, 'bookers') : (r?.bookers ?? ['founder', 'partner'])}
        options={bookerRoles.map((b) => ({ value: b, label: t(`spaces.bookers.${b}`) }))}
        error={errors.bookers}
      />
      <TextArea
        name="rules"
        label={t('spaces.field.rules')}
        value={v('rules', r?.rules ?? '')}
        error={errors.rules}
        rows={4}
        maxlength={3000}
      />
    </>
  );
};

/** A room's week of hours in words: "Thứ Hai: 07:30–17:00", … */
export function hoursLines(t: Translator, r: Room): { day: string; hours: string }[] {
  return weekdays.map((i) => {
    const h = r.weeklyHours[i];
    return {
      day: t(`spaces.weekday.${i}`),
      hours: !h
        ? t('spaces.hours.closed')
        : h.from === '00:00' && h.to === '24:00'
          ? t('spaces.hours.always')
          : `${h.from}–${h.to}`,
    };
  });
}

/** The room page's opening part: weekly hours, holidays, coming closed days, rules, who may book. */
export const OpeningFacts: FC<{ ctx: PageContext; room: Room; today: string }> = ({ ctx, room: r, today }) => {
  const { t } = ctx;
  const coming = r.closedDays.filter((c) => c.day >= today).slice(0, 10);
  return (
    <section class="panel">
      <h2>{t('spaces.field.hours')}</h2>
      <dl class="inline-facts">
        {hoursLines(t, r).map((l) => (
          <>
            <dt>{l.day}</dt>
            <dd>{l.hours}</dd>
          </>
        ))}
      </dl>
      {r.closedOnHolidays && <p>{t('spaces.hours.holidays')}</p>}
      {r.bufferMinutes > 0 && <p>{t('spaces.buffer', { n: r.bufferMinutes })}</p>}
      <p>
        {t('spaces.field.bookers')}:{' '}
        {r.bookers.length
          ? r.bookers.map((b) => t(`spaces.bookers.${b as (typeof bookerRoles)[number]}`)).join(', ')
          : t('spaces.bookers.staffOnly')}
      </p>
      {coming.length > 0 && (
        <>
          <h3>{t('spaces.hours.upcomingClosed')}</h3>
          <ul>
            {coming.map((c) => (
              <li>
                {formatDate(c.day)}
                {c.note && <>: {c.note}</>}
              </li>
            ))}
          </ul>
        </>
      )}
      {r.rules && (
        <>
          <h3>{t('spaces.rules')}</h3>
          <p class="pre">{r.rules}</p>
        </>
      )}
    </section>
  );
};

/** The booking form's repetition: weekly until a day, less the days skipped. */
export const RepeatFields: FC<{ t: Translator; values: FormValues; errors: Errors }> = ({ t, values, errors }) => (
  <>
    <Input
      name="repeatUntil"
      type="date"
      label={t('spaces.field.repeatUntil')}
      hint={t('spaces.field.repeatHint')}
      value={formValue(values, 'repeatUntil')}
      error={errors.repeatUntil}
    />
    <Input
      name="skip"
      label={t('spaces.field.skip')}
      hint={t('spaces.field.skipHint')}
      value={formValue(values, 'skip')}
      error={errors.skip}
      maxlength={2000}
    />
  </>
);
