import type { FC } from 'hono/jsx';
import { type FormValues, formValue, formValues } from '#kernel/http/forms.ts';
import { formatDate, formatDateTime, type Translator } from '#kernel/i18n/index.ts';
import { type CommuneOption, communeOptions } from '#kernel/ui/communes.ts';
import type { PageContext } from '#kernel/ui/context.ts';
import {
  Button,
  Checkbox,
  Checkboxes,
  ErrorSummary,
  Input,
  type Option,
  PostForm,
  Select,
  TextArea,
} from '#kernel/ui/form.tsx';
import { labelOf, optionsOf } from '#kernel/ui/labels.ts';
import { Layout } from '#kernel/ui/layout.tsx';
import type { Question } from '../surveys.logic.ts';
import type { Section, Survey } from '../surveys.service.ts';
import { respondentGroups } from '../surveys.taxonomy.ts';

type Errors = Record<string, string>;

/** One answer out of a list, as radio buttons in a fieldset (large targets for a thumb). */
const Radios: FC<{ name: string; label: string; hint?: string; error?: string; value: string; options: Option[] }> = (
  p,
) => (
  <fieldset class={`field checkboxes${p.error ? ' has-error' : ''}`} id={`f-${p.name}`}>
    <legend>{p.label}</legend>
    {p.hint && (
      <p class="hint" id={`h-${p.name}`}>
        {p.hint}
      </p>
    )}
    {p.error && (
      <p class="field-error" id={`e-${p.name}`}>
        {p.error}
      </p>
    )}
    {p.options.map((o, i) => (
      <div class="check">
        <input type="radio" id={`f-${p.name}-${i}`} name={p.name} value={o.value} checked={o.value === p.value} />
        <label for={`f-${p.name}-${i}`}>{o.label}</label>
      </div>
    ))}
  </fieldset>
);

export interface FieldContext {
  t: Translator;
  communes: CommuneOption[];
  projects: { id: string; name: string }[];
  /** The projects' support needs, in their order. */
  needs: readonly string[];
}

/** The field of one question, by kind; its name is `q_<id>`. */
export const QuestionField: FC<{ q: Question; f: FieldContext; values: FormValues; errors: Errors }> = ({
  q,
  f,
  values,
  errors,
}) => {
  const { t } = f;
  const name = `q_${q.id}`;
  const common = {
    name,
    label: q.required ? q.label : `${q.label} ${t('surveys.answer.optional')}`,
    hint: q.help || undefined,
    error: errors[name],
  };
  const value = formValue(values, name);
  switch (q.kind) {
    case 'single':
      return <Radios {...common} value={value} options={q.options.choices.map((c) => ({ value: c, label: c }))} />;
    case 'group':
      return <Radios {...common} value={value} options={optionsOf(t, 'surveys.group', respondentGroups)} />;
    case 'scale':
      return (
        <Radios
          {...common}
          hint={q.help || `${t('surveys.scale.low')}, ${t('surveys.scale.high')}`}
          value={value}
          options={['1', '2', '3', '4', '5'].map((n) => ({ value: n, label: n }))}
        />
      );
    case 'project':
      return <Radios {...common} value={value} options={f.projects.map((p) => ({ value: p.id, label: p.name }))} />;
    case 'multi':
      return (
        <Checkboxes
          {...common}
          values={formValues(values, name)}
          options={q.options.choices.map((c) => ({ value: c, label: c }))}
        />
      );
    case 'needs':
      return (
        <Checkboxes {...common} values={formValues(values, name)} options={optionsOf(t, 'project.need', f.needs)} />
      );
    case 'commune':
      return (
        <Select
          {...common}
          value={value}
          placeholder={t('surveys.answer.choose')}
          options={communeOptions(t, f.communes, { formerDistrict: true })}
        />
      );
    case 'number':
      return <Input {...common} value={value} inputmode="decimal" maxlength={30} />;
    case 'date':
      return <Input {...common} type="date" value={value} />;
    case 'long_text':
      return <TextArea {...common} value={value} rows={5} maxlength={5000} />;
    default:
      return <Input {...common} value={value} maxlength={500} />;
  }
};

/** The survey's first page: what it is for, the consent, and a button to start or continue. */
export const IntroPage: FC<{
  ctx: PageContext;
  survey: Survey;
  open: boolean;
  resumeAt: number | null;
  submitted: boolean;
  errors?: Errors;
}> = ({ ctx, survey: s, open, resumeAt, submitted, errors = {} }) => {
  const { t } = ctx;
  const base = `/khao-sat/${s.slug}`;
  const needsSignIn = s.access === 'signed_in' && !ctx.actor;
  return (
    <Layout ctx={ctx} title={s.title} description={s.description.slice(0, 160)}>
      <h1>{s.title}</h1>
      {s.description && <p class="lead pre">{s.description}</p>}
      <p class="muted">{t('surveys.poster.until', { date: formatDate(s.closesOn) })}</p>
      <ErrorSummary t={t} errors={errors} labels={{ consent: t('surveys.answer.consent') }} />
      {submitted ? (
        <p>
          <a class="button button-primary" href={`${base}/xong`}>
            {t('surveys.answer.doneTitle')}
          </a>
        </p>
      ) : resumeAt !== null ? (
        <p>
          <a class="button button-primary" href={`${base}/trang/${resumeAt + 1}`}>
            {t('surveys.answer.continue')}
          </a>
        </p>
      ) : !open ? (
        <p class="notice notice-warning">{t('surveys.closed')}</p>
      ) : needsSignIn ? (
        <>
          <p>{t('surveys.answer.signInFirst')}</p>
          <p>
            <a class="button button-primary" href={`/dang-nhap?next=${encodeURIComponent(base)}`}>
              {t('surveys.answer.signIn')}
            </a>
          </p>
        </>
      ) : (
        <PostForm action={base} csrfToken={ctx.csrfToken} class="form">
          {s.consentText && (
            <>
              <p class="pre">{s.consentText}</p>
              <Checkbox name="consent" label={t('surveys.answer.consent')} error={errors.consent} />
            </>
          )}
          <Button>{t('surveys.answer.start')}</Button>
        </PostForm>
      )}
    </Layout>
  );
};

/** One page (section) of questions; the form posts back to itself. */
export const AnswerPage: FC<{
  ctx: PageContext;
  survey: Survey;
  section: Section;
  page: number;
  pages: number;
  last: boolean;
  questions: Question[];
  f: FieldContext;
  values: FormValues;
  errors?: Errors;
  previous: number | null;
  resumeUrl: string | null;
}> = ({ ctx, survey: s, section, page, pages, last, questions, f, values, errors = {}, previous, resumeUrl }) => {
  const { t } = ctx;
  const base = `/khao-sat/${s.slug}`;
  const labels = Object.fromEntries(questions.map((q) => [`q_${q.id}`, q.label]));
  return (
    <Layout ctx={ctx} title={`${section.title} – ${s.title}`}>
      <p class="muted">
        {s.title} · {t('surveys.answer.page', { n: page, total: pages })}
      </p>
      <h1>{section.title}</h1>
      {section.description && <p class="pre">{section.description}</p>}
      <ErrorSummary t={t} errors={errors} labels={labels} />
      <PostForm action={`${base}/trang/${page}`} csrfToken={ctx.csrfToken} class="form">
        {questions.map((q) => (
          <QuestionField q={q} f={f} values={values} errors={errors} />
        ))}
        <div class="form-actions">
          <Button name="action" value="next">
            {last ? t('surveys.answer.submit') : t('surveys.answer.next')}
          </Button>
          <Button kind="secondary" name="action" value="stop">
            {t('surveys.answer.stop')}
          </Button>
        </div>
      </PostForm>
      {previous !== null && (
        <p>
          <a href={`${base}/trang/${previous + 1}`} rel="prev">
            ← {t('surveys.answer.back')}
          </a>
        </p>
      )}
      {resumeUrl && (
        <p class="muted">
          {t('surveys.answer.resumeLink')} <a href={resumeUrl}>{resumeUrl}</a>
        </p>
      )}
    </Layout>
  );
};

export const SavedPage: FC<{ ctx: PageContext; survey: Survey; resumeUrl: string | null }> = ({
  ctx,
  survey: s,
  resumeUrl,
}) => {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('surveys.answer.savedTitle')}>
      <h1>{t('surveys.answer.savedTitle')}</h1>
      <p>{t('surveys.answer.savedBody', { date: formatDate(s.closesOn) })}</p>
      {resumeUrl ? (
        <p>
          {t('surveys.answer.resumeLink')} <a href={resumeUrl}>{resumeUrl}</a>
        </p>
      ) : (
        <p>{t('surveys.answer.savedSignedIn')}</p>
      )}
      <p>
        <a href={`/khao-sat/${s.slug}`}>{t('surveys.answer.continue')}</a>
      </p>
    </Layout>
  );
};

/** The end page; a founder who named needs for a project is offered one click to add them. */
export const DonePage: FC<{
  ctx: PageContext;
  survey: Survey;
  submittedAt: Date | null;
  needs: { project: string; needs: string[]; applied: boolean } | null;
}> = ({ ctx, survey: s, submittedAt, needs }) => {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('surveys.answer.doneTitle')}>
      <h1>{t('surveys.answer.doneTitle')}</h1>
      <p>{t('surveys.answer.doneBody')}</p>
      {submittedAt && <p class="muted">{t('surveys.answer.doneAt', { at: formatDateTime(submittedAt) })}</p>}
      {needs && needs.needs.length > 0 && (
        <section class="panel" aria-labelledby="needs-title">
          <h2 id="needs-title">{t('surveys.answer.needsTitle')}</h2>
          <p>{t('surveys.answer.needsBody', { project: needs.project })}</p>
          <ul>
            {needs.needs.map((n) => (
              <li>{labelOf(t, 'project.need', n)}</li>
            ))}
          </ul>
          {needs.applied ? (
            <p>{t('surveys.answer.needsDone')}</p>
          ) : (
            <PostForm action={`/khao-sat/${s.slug}/nhu-cau`} csrfToken={ctx.csrfToken} class="inline-form">
              <Button>{t('surveys.answer.needsApply')}</Button>
            </PostForm>
          )}
        </section>
      )}
      <p>
        <a href="/">{t('surveys.answer.home')}</a>
      </p>
    </Layout>
  );
};

/** A page to print: the survey's title, a large QR code of its public link, and the link. */
export const PosterPage: FC<{ ctx: PageContext; survey: Survey; url: string; qrSvg: string }> = ({
  ctx,
  survey: s,
  url,
  qrSvg,
}) => {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={`${t('surveys.poster')}: ${s.title}`}>
      <p class="muted">{t('surveys.poster.print')}</p>
      <h1>{s.title}</h1>
      <p class="lead">{t('surveys.poster.scan')}</p>
      <div class="qr" role="img" aria-label={url} dangerouslySetInnerHTML={{ __html: qrSvg }} />
      <p>
        {t('surveys.poster.orOpen')} <a href={url}>{url}</a>
      </p>
      <p>{t('surveys.poster.until', { date: formatDate(s.closesOn) })}</p>
    </Layout>
  );
};
