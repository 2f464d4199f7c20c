import type { FC } from 'hono/jsx';
import type { FormValues } from '#kernel/http/forms.ts';
import { formValue } from '#kernel/http/forms.ts';
import type { FieldErrors } from '#kernel/http/validation.ts';
import type { Translator } from '#kernel/i18n/index.ts';
import { Input } from '#kernel/ui/form.tsx';

export const profileLabels = (t: Translator) => ({
  name: t('setup.field.name'),
  unit: t('setup.field.unit'),
  address: t('setup.field.address'),
  phone: t('setup.field.phone'),
  email: t('setup.field.email'),
  baseUrl: t('setup.field.baseUrl'),
});

/** The warning shown when the public address only works on the server itself, in production. */
export const LocalhostWarning: FC<{ t: Translator; show: boolean }> = ({ t, show }) =>
  show ? (
    <div class="flash flash-error" role="alert">
      {t('setup.warn.localhost')}
    </div>
  ) : null;

/** The Department's fields, shared by the setup page and the settings page. */
export const ProfileFields: FC<{ t: Translator; values?: FormValues; errors: FieldErrors }> = ({
  t,
  values,
  errors,
}) => {
  const labels = profileLabels(t);
  const v = (name: string) => formValue(values, name);
  return (
    <fieldset>
      <legend>{t('setup.profile.legend')}</legend>
      <Input
        name="name"
        label={labels.name}
        hint={t('setup.field.nameHint')}
        value={v('name')}
        error={errors.name}
        maxlength={200}
        required
      />
      <Input
        name="unit"
        label={labels.unit}
        hint={t('setup.field.unitHint')}
        optionalText={t('form.optional')}
        value={v('unit')}
        error={errors.unit}
        maxlength={200}
      />
      <Input
        name="address"
        label={labels.address}
        optionalText={t('form.optional')}
        value={v('address')}
        error={errors.address}
        autocomplete="street-address"
        maxlength={300}
      />
      <Input
        name="phone"
        type="tel"
        label={labels.phone}
        optionalText={t('form.optional')}
        value={v('phone')}
        error={errors.phone}
        inputmode="tel"
        maxlength={20}
      />
      <Input
        name="email"
        type="email"
        label={labels.email}
        optionalText={t('form.optional')}
        value={v('email')}
        error={errors.email}
        inputmode="email"
        maxlength={254}
      />
      <Input
        name="baseUrl"
        type="url"
        label={labels.baseUrl}
        hint={t('setup.field.baseUrlHint')}
        value={v('baseUrl')}
        error={errors.baseUrl}
        maxlength={200}
        required
      />
    </fieldset>
  );
};
