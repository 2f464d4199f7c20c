import type { FC } from 'hono/jsx';
import { type FormValues, formValue, formValues } from '#kernel/http/forms.ts';
import type { Translator } from '#kernel/i18n/index.ts';
import { type CommuneOption, communeOptions } from './communes.ts';
import { Checkbox, Checkboxes } from './form.tsx';

export interface WhereFieldsetProps {
  t: Translator;
  values: FormValues;
  errors: Record<string, string>;
  communes: CommuneOption[];
  /** The module's words: an expert "advises", a partner "works". */
  text: { legend: string; anywhere: string; pick: string; label: string; hint: string };
}

/**
 * Where someone works: everywhere, or some communes (folded away until needed, 65 boxes are
 * long on a phone). Fields `anywhere` and `communes`.
 */
export const WhereFieldset: FC<WhereFieldsetProps> = ({ t, values, errors, communes, text }) => {
  const chosen = formValues(values, 'communes');
  return (
    <fieldset>
      <legend>{text.legend}</legend>
      <Checkbox
        name="anywhere"
        label={text.anywhere}
        checked={formValue(values, 'anywhere') === 'on'}
        error={errors.anywhere}
      />
      <details class="more-filters" open={Boolean(errors.communes)}>
        <summary>{text.pick.replace('{count}', String(chosen.length))}</summary>
        <Checkboxes
          name="communes"
          label={text.label}
          hint={text.hint}
          values={chosen}
          options={communeOptions(t, communes)}
          error={errors.communes}
        />
      </details>
    </fieldset>
  );
};
