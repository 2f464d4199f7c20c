import type { FC } from 'hono/jsx';
import { type FormValues, formValue } from '#kernel/http/forms.ts';
import { formatDate, formatNumber, type Translator } from '#kernel/i18n/index.ts';
import { Badge, EmptyState, KeyFacts } from '#kernel/ui/components.tsx';
import type { PageContext } from '#kernel/ui/context.ts';
import { Button, Checkbox, ErrorSummary, Input, PostForm, Select, TextArea } from '#kernel/ui/form.tsx';
import { labelOf, optionsOf } from '#kernel/ui/labels.ts';
import { Layout } from '#kernel/ui/layout.tsx';
import { allowedValues, type Question } from '../surveys.logic.ts';
import type { Section, Survey } from '../surveys.service.ts';
import { questionKinds, surveyAccess, targetGroups } from '../surveys.taxonomy.ts';

/** A value of a question as people read it: a group or a need by its label. */
export function valueLabel(t: Translator, q: Pick<Question, 'kind'>, value: string): string {
  if (q.kind === 'group') return labelOf(t, 'surveys.group', value);
  if (q.kind === 'needs') return labelOf(t, 'project.need', value);
  return value;
}

type Errors = Record<string, string>;

export const OpenBadge: FC<{ t: Translator; open: boolean }> = ({ t, open }) => (
  <Badge tone={open ? 'success' : 'neutral'}>{open ? t('surveys.open') : t('surveys.notOpen')}</Badge>
);

export const SurveyListPage: FC<{
  ctx: PageContext;
  surveys: (Survey & { responses: number; open: boolean })[];
}> = ({ ctx, surveys }) => {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={t('surveys.title')}>
      <h1>{t('surveys.title')}</h1>
      <p class="lead list-lead">{t('surveys.lead')}</p>
      <div class="row-actions">
        <a class="button button-primary" href="/khao-sat/moi">
          {t('surveys.new')}
        </a>
        <PostForm action="/khao-sat/tu-mau" csrfToken={ctx.csrfToken} class="inline-form">
          <Button kind="secondary">{t('surveys.fromTemplate')}</Button>
        </PostForm>
      </div>
      {surveys.length === 0 ? (
        <EmptyState title={t('surveys.empty')} />
      ) : (
        <ul class="cards">
          {surveys.map((s) => (
            <li class="card">
              <h2>
                <a href={`/khao-sat/${s.slug}/thiet-ke`}>{s.title}</a>
              </h2>
              <p>
                <OpenBadge t={t} open={s.open} />{' '}
                {t('surveys.dates', { from: formatDate(s.opensOn), to: formatDate(s.closesOn) })} ·{' '}
                {labelOf(t, 'surveys.target', s.targetGroup)}
              </p>
              <p>
                <a href={`/khao-sat/${s.slug}/ket-qua`}>
                  {t('surveys.results')}: {t('surveys.responses', { n: formatNumber(s.responses, lang) })}
                </a>
              </p>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
};

/** The survey's settings: new, or edited. */
export const SurveyFormPage: FC<{ ctx: PageContext; survey?: Survey; values?: FormValues; errors?: Errors }> = ({
  ctx,
  survey,
  values,
  errors = {},
}) => {
  const { t } = ctx;
  const v = (name: string) => formValue(values, name);
  const title = survey ? t('surveys.settings') : t('surveys.new');
  const labels = {
    title: t('surveys.field.title'),
    description: t('surveys.field.description'),
    targetGroup: t('surveys.field.targetGroup'),
    opensOn: t('surveys.field.opensOn'),
    closesOn: t('surveys.field.closesOn'),
    access: t('surveys.field.access'),
    anonymous: t('surveys.field.anonymous'),
    consentText: t('surveys.field.consentText'),
  };
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href={survey ? `/khao-sat/${survey.slug}/thiet-ke` : '/khao-sat'}>{survey?.title ?? t('surveys.title')}</a>
      </p>
      <h1>{title}</h1>
      <ErrorSummary t={t} errors={errors} labels={labels} />
      <PostForm
        action={survey ? `/khao-sat/${survey.slug}/sua` : '/khao-sat/moi'}
        csrfToken={ctx.csrfToken}
        class="form"
      >
        <Input name="title" label={labels.title} value={v('title')} error={errors.title} required maxlength={200} />
        <TextArea name="description" label={labels.description} value={v('description')} error={errors.description} />
        <Select
          name="targetGroup"
          label={labels.targetGroup}
          value={v('targetGroup') || 'anyone'}
          options={optionsOf(t, 'surveys.target', targetGroups)}
          error={errors.targetGroup}
          required
        />
        <Input name="opensOn" type="date" label={labels.opensOn} value={v('opensOn')} error={errors.opensOn} required />
        <Input
          name="closesOn"
          type="date"
          label={labels.closesOn}
          value={v('closesOn')}
          error={errors.closesOn}
          required
        />
        <Select
          name="access"
          label={labels.access}
          value={v('access') || 'public'}
          options={optionsOf(t, 'surveys.access', surveyAccess)}
          error={errors.access}
          required
        />
        <Checkbox
          name="anonymous"
          label={labels.anonymous}
          checked={v('anonymous') === 'on'}
          error={errors.anonymous}
        />
        <TextArea
          name="consentText"
          label={labels.consentText}
          hint={t('surveys.field.consentTextHint')}
          value={v('consentText')}
          error={errors.consentText}
        />
        <div class="form-actions">
          <Button>{t('form.save')}</Button>
        </div>
      </PostForm>
    </Layout>
  );
};

/** How a condition reads to the builder: the earlier question's label and the value. */
function conditionText(t: Translator, q: Question, all: Question[]): string | null {
  const cond = q.options.showIf;
  if (!cond) return null;
  const target = all.find((x) => x.id === cond.question);
  const value = target ? valueLabel(t, target, cond.value) : cond.value;
  return t('surveys.question.showIf', { question: target?.label ?? '?', value });
}

/** The builder: sections and their questions, each with plain buttons (no script needed). */
export const BuilderPage: FC<{
  ctx: PageContext;
  survey: Survey;
  sections: Section[];
  questions: Question[];
  open: boolean;
  publicUrl: string;
}> = ({ ctx, survey: s, sections, questions, open, publicUrl }) => {
  const { t } = ctx;
  const base = `/khao-sat/${s.slug}`;
  return (
    <Layout ctx={ctx} title={s.title}>
      <p>
        <a href="/khao-sat">{t('surveys.title')}</a>
      </p>
      <h1>{s.title}</h1>
      <KeyFacts
        label={s.title}
        facts={[
          { label: t('surveys.field.targetGroup'), value: labelOf(t, 'surveys.target', s.targetGroup) },
          {
            label: t('surveys.field.opensOn'),
            value: (
              <>
                {t('surveys.dates', { from: formatDate(s.opensOn), to: formatDate(s.closesOn) })}{' '}
                <OpenBadge t={t} open={open} />
              </>
            ),
          },
          { label: t('surveys.field.access'), value: labelOf(t, 'surveys.access', s.access) },
          {
            label: t('surveys.anonymousYes'),
            value: s.anonymous ? t('surveys.anonymousYes') : t('surveys.anonymousNo'),
          },
          { label: t('surveys.publicLink'), value: <a href={publicUrl}>{publicUrl}</a>, wide: true },
        ]}
      >
        <a href={`${base}/sua`}>{t('surveys.settings')}</a> · <a href={`${base}/ket-qua`}>{t('surveys.results')}</a> ·{' '}
        <a href={`${base}/ap-phich`}>{t('surveys.poster')}</a>
      </KeyFacts>
      {sections.map((section, si) => {
        const own = questions.filter((q) => q.sectionId === section.id);
        return (
          <section class="panel" aria-labelledby={`s-${section.id}`}>
            <h2 id={`s-${section.id}`}>{t('surveys.section', { n: si + 1, title: section.title })}</h2>
            {section.description && <p class="pre">{section.description}</p>}
            <p>
              <a href={`${base}/phan/${section.id}`}>{t('surveys.section.edit')}</a>
            </p>
            {own.length === 0 ? (
              <p class="muted">{t('surveys.section.empty')}</p>
            ) : (
              <ol class="rows">
                {own.map((q) => {
                  const cond = conditionText(t, q, questions);
                  return (
                    <li>
                      <p class="row-title">
                        <strong>{q.label}</strong>
                      </p>
                      <p class="row-meta">
                        {labelOf(t, 'surveys.kind', q.kind)}
                        {q.required && <> · {t('surveys.question.required')}</>}
                        {q.options.choices.length > 0 && <> · {q.options.choices.join(' / ')}</>}
                      </p>
                      {cond && <p class="row-meta">{cond}</p>}
                      <div class="row-actions">
                        <a href={`${base}/cau-hoi/${q.id}`}>{t('surveys.question.edit')}</a>
                        <PostForm
                          action={`${base}/cau-hoi/${q.id}/di-chuyen`}
                          csrfToken={ctx.csrfToken}
                          class="inline-form"
                        >
                          <Button kind="secondary" name="direction" value="up">
                            {t('surveys.question.up')}
                          </Button>
                          <Button kind="secondary" name="direction" value="down">
                            {t('surveys.question.down')}
                          </Button>
                        </PostForm>
                        <PostForm action={`${base}/cau-hoi/${q.id}/xoa`} csrfToken={ctx.csrfToken} class="inline-form">
                          <Button kind="warning">{t('surveys.question.remove')}</Button>
                        </PostForm>
                      </div>
                    </li>
                  );
                })}
              </ol>
            )}
            <p>
              <a class="button button-secondary" href={`${base}/cau-hoi/moi?phan=${section.id}`}>
                {t('surveys.question.add')}
              </a>
            </p>
          </section>
        );
      })}
      <PostForm action={`${base}/phan`} csrfToken={ctx.csrfToken} class="form">
        <h2>{t('surveys.section.add')}</h2>
        <Input name="title" label={t('surveys.section.title')} required maxlength={200} />
        <Button kind="secondary">{t('surveys.section.add')}</Button>
      </PostForm>
    </Layout>
  );
};

export const SectionFormPage: FC<{
  ctx: PageContext;
  survey: Survey;
  section: Section;
  values?: FormValues;
  errors?: Errors;
}> = ({ ctx, survey: s, section, values, errors = {} }) => {
  const { t } = ctx;
  const v = (name: string) => formValue(values, name);
  return (
    <Layout ctx={ctx} title={t('surveys.section.edit')}>
      <p>
        <a href={`/khao-sat/${s.slug}/thiet-ke`}>{s.title}</a>
      </p>
      <h1>{t('surveys.section.edit')}</h1>
      <ErrorSummary t={t} errors={errors} labels={{ title: t('surveys.section.title') }} />
      <PostForm action={`/khao-sat/${s.slug}/phan/${section.id}`} csrfToken={ctx.csrfToken} class="form">
        <Input
          name="title"
          label={t('surveys.section.title')}
          value={v('title')}
          error={errors.title}
          required
          maxlength={200}
        />
        <TextArea
          name="description"
          label={t('surveys.section.description')}
          value={v('description')}
          error={errors.description}
        />
        <div class="form-actions">
          <Button>{t('form.save')}</Button>
        </div>
      </PostForm>
      <PostForm action={`/khao-sat/${s.slug}/phan/${section.id}/xoa`} csrfToken={ctx.csrfToken} class="inline-form">
        <Button kind="warning">{t('surveys.section.remove')}</Button>
      </PostForm>
    </Layout>
  );
};

/** Add or edit a question; the condition picks among the questions before it. */
export const QuestionFormPage: FC<{
  ctx: PageContext;
  survey: Survey;
  action: string;
  earlier: Question[];
  editing: boolean;
  values?: FormValues;
  errors?: Errors;
}> = ({ ctx, survey: s, action, earlier, editing, values, errors = {} }) => {
  const { t } = ctx;
  const v = (name: string) => formValue(values, name);
  const title = editing ? t('surveys.question.editTitle') : t('surveys.question.newTitle');
  const labels = {
    kind: t('surveys.field.kind'),
    label: t('surveys.field.label'),
    help: t('surveys.field.help'),
    choices: t('surveys.field.choices'),
    showIf: t('surveys.field.showIf'),
  };
  const conditionOptions = earlier.flatMap((q) =>
    (allowedValues(q, { communes: [], projects: [] }) ?? []).map((value) => ({
      value: `${q.id}|${value}`,
      label: `${q.label.slice(0, 60)} = ${valueLabel(t, q, value)}`,
    })),
  );
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href={`/khao-sat/${s.slug}/thiet-ke`}>{s.title}</a>
      </p>
      <h1>{title}</h1>
      <ErrorSummary t={t} errors={errors} labels={labels} />
      <PostForm action={action} csrfToken={ctx.csrfToken} class="form">
        <Select
          name="kind"
          label={labels.kind}
          value={v('kind') || 'single'}
          options={optionsOf(t, 'surveys.kind', questionKinds)}
          error={errors.kind}
          required
        />
        <TextArea name="label" label={labels.label} value={v('label')} error={errors.label} rows={2} required />
        <Input name="help" label={labels.help} value={v('help')} error={errors.help} maxlength={1000} />
        <Checkbox name="required" label={t('surveys.field.required')} checked={v('required') === 'on'} />
        <TextArea
          name="choices"
          label={labels.choices}
          hint={t('surveys.field.choicesHint')}
          value={v('choices')}
          error={errors.choices}
          rows={5}
        />
        <Select
          name="showIf"
          label={labels.showIf}
          hint={t('surveys.field.showIfHint')}
          value={v('showIf')}
          placeholder={t('surveys.field.showIfNone')}
          options={conditionOptions}
          error={errors.showIf}
        />
        <div class="form-actions">
          <Button>{t('form.save')}</Button>
        </div>
      </PostForm>
    </Layout>
  );
};
