import type { FC } from 'hono/jsx';
import { type FormValues, formValue } from '#kernel/http/forms.ts';
import type { PageContext } from '#kernel/ui/context.ts';
import { Button, Checkbox, ErrorSummary, Input, PostForm, Select, TextArea } from '#kernel/ui/form.tsx';
import { optionsOf } from '#kernel/ui/labels.ts';
import { Layout } from '#kernel/ui/layout.tsx';
import { audiences, eventKinds } from '../events.taxonomy.ts';
import { type Duplicate, DuplicateWarning } from './duplicate.tsx';

export interface EventFormProps {
  ctx: PageContext;
  title: string;
  action: string;
  cancelHref: string;
  values: FormValues;
  errors: Record<string, string>;
  duplicate?: Duplicate;
}

const labelsOf = (t: PageContext['t']): Record<string, string> => ({
  kind: t('events.field.kind'),
  title: t('events.field.title'),
  description: t('events.field.description'),
  organiser: t('events.field.organiser'),
  partners: t('events.field.partners'),
  trainers: t('events.field.trainers'),
  venue: t('events.field.venue'),
  sessions: t('events.field.sessions'),
  capacity: t('events.field.capacity'),
  audience: t('events.field.audience'),
  registrationOpensOn: t('events.field.opensOn'),
  registrationClosesOn: t('events.field.closesOn'),
  questions: t('events.field.questions'),
  certificatePercent: t('events.field.certificatePercent'),
  published: t('events.field.published'),
});

/** What a part of the form needs: the words, the values sent back and the labels. */
const fieldsOf = ({ ctx, values }: EventFormProps) => {
  const { t } = ctx;
  const labels = labelsOf(t);
  return {
    t,
    opt: t('form.optional'),
    v: (name: string) => formValue(values, name),
    l: (name: string) => labels[name] ?? name,
  };
};

/** The event's kind, title, description, organiser, partners and trainers. */
const EventAbout: FC<EventFormProps> = (p) => {
  const { t, opt, v, l } = fieldsOf(p);
  const { errors } = p;
  return (
    <fieldset>
      <legend>{t('events.form.about')}</legend>
      <Select
        name="kind"
        label={l('kind')}
        value={v('kind')}
        placeholder={t('form.choose')}
        options={optionsOf(t, 'events.kind', eventKinds)}
        error={errors.kind}
        required
      />
      <Input name="title" label={l('title')} value={v('title')} error={errors.title} required maxlength={200} />
      <TextArea
        name="description"
        label={l('description')}
        value={v('description')}
        error={errors.description}
        optionalText={opt}
        rows={5}
      />
      <Input
        name="organiser"
        label={l('organiser')}
        value={v('organiser')}
        error={errors.organiser}
        required
        maxlength={200}
      />
      <TextArea
        name="partners"
        label={l('partners')}
        hint={t('form.hintOnePerLine')}
        value={v('partners')}
        error={errors.partners}
        optionalText={opt}
        rows={2}
      />
      <TextArea
        name="trainers"
        label={l('trainers')}
        hint={t('events.field.trainersHint')}
        value={v('trainers')}
        error={errors.trainers}
        optionalText={opt}
        rows={3}
      />
    </fieldset>
  );
};

/** Where and when it is held, and for how many. */
const EventWhen: FC<EventFormProps> = (p) => {
  const { t, v, l } = fieldsOf(p);
  const { errors } = p;
  return (
    <fieldset>
      <legend>{t('events.form.when')}</legend>
      <Input
        name="venue"
        label={l('venue')}
        hint={t('events.field.venueHint')}
        value={v('venue')}
        error={errors.venue}
        required
        maxlength={300}
      />
      <TextArea
        name="sessions"
        label={l('sessions')}
        hint={t('events.field.sessionsHint')}
        value={v('sessions')}
        error={errors.sessions}
        required
        rows={4}
      />
      <Input
        name="capacity"
        type="number"
        inputmode="numeric"
        label={l('capacity')}
        value={v('capacity')}
        error={errors.capacity}
        required
      />
    </fieldset>
  );
};

/** Who may register and when, the questions asked, the certificate and publishing. */
const EventRegistration: FC<EventFormProps> = (p) => {
  const { t, opt, v, l } = fieldsOf(p);
  const { errors } = p;
  return (
    <fieldset>
      <legend>{t('events.form.registration')}</legend>
      <Select
        name="audience"
        label={l('audience')}
        hint={t('events.field.audienceHint')}
        value={v('audience')}
        options={optionsOf(t, 'events.audience', audiences)}
        error={errors.audience}
        required
      />
      <Input
        name="registrationOpensOn"
        type="date"
        label={l('registrationOpensOn')}
        value={v('registrationOpensOn')}
        error={errors.registrationOpensOn}
        optionalText={opt}
      />
      <Input
        name="registrationClosesOn"
        type="date"
        label={l('registrationClosesOn')}
        value={v('registrationClosesOn')}
        error={errors.registrationClosesOn}
        optionalText={opt}
      />
      <TextArea
        name="questions"
        label={l('questions')}
        hint={t('events.field.questionsHint')}
        value={v('questions')}
        error={errors.questions}
        optionalText={opt}
        rows={3}
      />
      <Input
        name="certificatePercent"
        type="number"
        inputmode="numeric"
        label={l('certificatePercent')}
        hint={t('events.field.certificatePercentHint')}
        value={v('certificatePercent')}
        error={errors.certificatePercent}
        required
      />
      <Checkbox
        name="published"
        label={t('events.field.publishedLabel')}
        checked={v('published') === 'on'}
        error={errors.published}
      />
    </fieldset>
  );
};

export const EventFormPage: FC<EventFormProps> = (p) => {
  const { ctx, title, action, cancelHref, errors } = p;
  const { t } = ctx;
  const labels = labelsOf(t);
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <ErrorSummary t={t} errors={errors} labels={labels} />
      <PostForm action={action} csrfToken={ctx.csrfToken} class="form">
        <EventAbout {...p} />
        <EventWhen {...p} />
        <EventRegistration {...p} />
        {p.duplicate && <DuplicateWarning ctx={ctx} duplicate={p.duplicate} />}
        <div class="form-actions">
          <Button>{t('form.save')}</Button>
          <a href={cancelHref}>{t('form.cancel')}</a>
        </div>
      </PostForm>
    </Layout>
  );
};
