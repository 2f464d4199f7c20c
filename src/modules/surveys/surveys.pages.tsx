import { type Context, Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { z } from 'zod';
import { allow, requireActor, signedIn } from '#kernel/auth/access.ts';
import type { AppEnv } from '#kernel/http/context.ts';
import { setSiteCookie } from '#kernel/http/cookies.ts';
import { AppError } from '#kernel/http/errors.ts';
import { redirectWithFlash } from '#kernel/http/flash.ts';
import { type FormValues, formErrors, readForm, submitForm } from '#kernel/http/forms.ts';
import { pageFrom, pageInfo } from '#kernel/http/pagination.ts';
import { pageContext, render } from '#kernel/http/render.tsx';
import { toXlsx, xlsxType } from '#kernel/http/xlsx.ts';
import { formatDateTime, type MessageKey, todayInVietnam } from '#kernel/i18n/index.ts';
import { communeOptions } from '#kernel/ui/communes.ts';
import { labelOf } from '#kernel/ui/labels.ts';
import { listCommunes } from '#modules/places/index.ts';
import { findProject, projectsOf, supportNeeds } from '#modules/projects/index.ts';
import { type Answer, type AnswerContext, formValueOf, type Question } from './surveys.logic.ts';
import {
  AnswersQuery,
  ConsentInput,
  MoveInput,
  QuestionInput,
  ResultsQuery,
  SectionInput,
  SurveyInput,
} from './surveys.schemas.ts';
import {
  addSection,
  answersOf,
  applyNeeds,
  createSurvey,
  exportResponses,
  findResponse,
  getQuestion,
  getSection,
  getSurvey,
  isOpen,
  listSurveys,
  moveQuestion,
  neededBy,
  nextPage,
  projectNamesIn,
  removeQuestion,
  removeSection,
  type Survey,
  type SurveyResponse,
  savePage,
  saveQuestion,
  shownIn,
  startResponse,
  surveyForm,
  surveyResults,
  textAnswers,
  updateSection,
  updateSurvey,
} from './surveys.service.ts';
import { createNeedsSurvey } from './surveys.template.ts';
import { AnswerPage, DonePage, type FieldContext, IntroPage, PosterPage, SavedPage } from './views/answer.tsx';
import {
  BuilderPage,
  QuestionFormPage,
  SectionFormPage,
  SurveyFormPage,
  SurveyListPage,
  valueLabel,
} from './views/builder.tsx';
import { ResultsPage, TextAnswersPage } from './views/results.tsx';

export const surveysPages = new Hono<AppEnv>();
const staff = allow('officer', 'admin');

const db = (c: Context<AppEnv>) => c.var.deps.db;
const survey = (c: Context<AppEnv>) => getSurvey(db(c), c.req.param('slug') ?? '');

// ——— Builder (staff) ———

surveysPages.get('/khao-sat', staff, async (c) => {
  const today = todayInVietnam();
  const surveys = (await listSurveys(db(c))).map((s) => ({ ...s, open: isOpen(s, today) }));
  return render(c, <SurveyListPage ctx={pageContext(c)} surveys={surveys} />);
});

surveysPages.get('/khao-sat/moi', staff, (c) => {
  const today = todayInVietnam();
  return render(
    c,
    <SurveyFormPage ctx={pageContext(c)} values={{ opensOn: today, closesOn: today, access: 'public' }} />,
  );
});

surveysPages.post('/khao-sat/moi', staff, (c) =>
  submitForm(
    c,
    SurveyInput,
    (values, errors, status) =>
      render(c, <SurveyFormPage ctx={pageContext(c)} values={values} errors={errors} />, status),
    async (input) => {
      const created = await createSurvey({
        db: db(c),
        actor: requireActor(c),
        input,
        sectionTitle: c.var.t('surveys.section.first'),
      });
      return redirectWithFlash(c, `/khao-sat/${created.slug}/thiet-ke`, 'surveys.created');
    },
  ),
);

surveysPages.post('/khao-sat/tu-mau', staff, async (c) => {
  const year = Number(todayInVietnam().slice(0, 4));
  const created = await createNeedsSurvey({ db: db(c), actor: requireActor(c), year });
  return redirectWithFlash(c, `/khao-sat/${created.slug}/thiet-ke`, 'surveys.created');
});

surveysPages.get('/khao-sat/:slug/thiet-ke', staff, async (c) => {
  const s = await survey(c);
  const form = await surveyForm(db(c), s.id);
  return render(
    c,
    <BuilderPage
      ctx={pageContext(c)}
      survey={s}
      sections={form.sections}
      questions={form.questions}
      open={isOpen(s)}
      publicUrl={`${c.var.deps.config.BASE_URL}/khao-sat/${s.slug}`}
    />,
  );
});

const settingsValues = (s: Survey): FormValues => ({
  title: s.title,
  description: s.description,
  targetGroup: s.targetGroup,
  opensOn: s.opensOn,
  closesOn: s.closesOn,
  access: s.access,
  anonymous: s.anonymous ? 'on' : '',
  consentText: s.consentText,
});

surveysPages.get('/khao-sat/:slug/sua', staff, async (c) => {
  const s = await survey(c);
  return render(c, <SurveyFormPage ctx={pageContext(c)} survey={s} values={settingsValues(s)} />);
});

surveysPages.post('/khao-sat/:slug/sua', staff, async (c) => {
  const s = await survey(c);
  return submitForm(
    c,
    SurveyInput,
    (values, errors, status) =>
      render(c, <SurveyFormPage ctx={pageContext(c)} survey={s} values={values} errors={errors} />, status),
    async (input) => {
      await updateSurvey({ db: db(c), actor: requireActor(c), slug: s.slug, input });
      return redirectWithFlash(c, `/khao-sat/${s.slug}/thiet-ke`, 'surveys.updated');
    },
  );
});

surveysPages.post('/khao-sat/:slug/phan', staff, async (c) => {
  const s = await survey(c);
  const form = await readForm(c, SectionInput);
  if (!form.ok) return redirectWithFlash(c, `/khao-sat/${s.slug}/thiet-ke`, 'v.required', undefined, 'error');
  await addSection({ db: db(c), actor: requireActor(c), surveyId: s.id, input: form.data });
  return redirectWithFlash(c, `/khao-sat/${s.slug}/thiet-ke`, 'surveys.sectionAdded');
});

surveysPages.get('/khao-sat/:slug/phan/:id', staff, async (c) => {
  const s = await survey(c);
  const section = await getSection(db(c), s.id, c.req.param('id'));
  const values = { title: section.title, description: section.description };
  return render(c, <SectionFormPage ctx={pageContext(c)} survey={s} section={section} values={values} />);
});

surveysPages.post('/khao-sat/:slug/phan/:id', staff, async (c) => {
  const s = await survey(c);
  const section = await getSection(db(c), s.id, c.req.param('id'));
  return submitForm(
    c,
    SectionInput,
    (values, errors, status) =>
      render(
        c,
        <SectionFormPage ctx={pageContext(c)} survey={s} section={section} values={values} errors={errors} />,
        status,
      ),
    async (input) => {
      await updateSection({ db: db(c), actor: requireActor(c), section, input });
      return redirectWithFlash(c, `/khao-sat/${s.slug}/thiet-ke`, 'surveys.sectionSaved');
    },
  );
});

/** A refusal the builder shows as a message at the top of the builder (a move, a removal). */
async function builderAction(c: Context<AppEnv>, s: Survey, act: () => Promise<void>, done: MessageKey) {
  try {
    await act();
    return redirectWithFlash(c, `/khao-sat/${s.slug}/thiet-ke`, done);
  } catch (error) {
    if (error instanceof AppError && error.code === 'conflict')
      return redirectWithFlash(c, `/khao-sat/${s.slug}/thiet-ke`, error.messageKey, undefined, 'error');
    throw error;
  }
}

surveysPages.post('/khao-sat/:slug/phan/:id/xoa', staff, async (c) => {
  const s = await survey(c);
  const section = await getSection(db(c), s.id, c.req.param('id'));
  return builderAction(
    c,
    s,
    () => removeSection({ db: db(c), actor: requireActor(c), section }),
    'surveys.sectionRemoved',
  );
});

/** The questions before a place in the survey: what a condition may read. */
function earlierThan(questions: Question[], sections: { id: string }[], sectionId: string, questionId?: string) {
  const i = questionId ? questions.findIndex((q) => q.id === questionId) : -1;
  if (i >= 0) return questions.slice(0, i);
  const si = sections.findIndex((x) => x.id === sectionId);
  return questions.filter((q) => sections.findIndex((x) => x.id === q.sectionId) <= si);
}

async function questionForm(
  c: Context<AppEnv>,
  s: Survey,
  target: { sectionId: string; questionId?: string },
  values: FormValues,
  errors: Record<string, string> = {},
  status: 200 | 409 | 422 = 200,
) {
  const form = await surveyForm(db(c), s.id);
  const action = target.questionId
    ? `/khao-sat/${s.slug}/cau-hoi/${target.questionId}`
    : `/khao-sat/${s.slug}/cau-hoi/moi?phan=${target.sectionId}`;
  return render(
    c,
    <QuestionFormPage
      ctx={pageContext(c)}
      survey={s}
      action={action}
      earlier={earlierThan(form.questions, form.sections, target.sectionId, target.questionId)}
      editing={Boolean(target.questionId)}
      values={values}
      errors={errors}
    />,
    status,
  );
}

surveysPages.get('/khao-sat/:slug/cau-hoi/moi', staff, async (c) => {
  const s = await survey(c);
  const section = await getSection(db(c), s.id, c.req.query('phan') ?? '');
  return questionForm(c, s, { sectionId: section.id }, { kind: 'single', required: 'on' });
});

surveysPages.post('/khao-sat/:slug/cau-hoi/moi', staff, async (c) => {
  const s = await survey(c);
  const section = await getSection(db(c), s.id, c.req.query('phan') ?? '');
  return submitForm(
    c,
    QuestionInput,
    (values, errors, status) => questionForm(c, s, { sectionId: section.id }, values, errors, status),
    async (input) => {
      await saveQuestion({ db: db(c), actor: requireActor(c), survey: s, sectionId: section.id, input });
      return redirectWithFlash(c, `/khao-sat/${s.slug}/thiet-ke`, 'surveys.questionSaved');
    },
  );
});

const questionValues = (q: Question): FormValues => ({
  kind: q.kind,
  label: q.label,
  help: q.help,
  required: q.required ? 'on' : '',
  choices: q.options.choices.join('\n'),
  showIf: q.options.showIf ? `${q.options.showIf.question}|${q.options.showIf.value}` : '',
});

surveysPages.get('/khao-sat/:slug/cau-hoi/:id', staff, async (c) => {
  const s = await survey(c);
  const q = await getQuestion(db(c), s.id, c.req.param('id'));
  return questionForm(c, s, { sectionId: q.sectionId, questionId: q.id }, questionValues(q));
});

surveysPages.post('/khao-sat/:slug/cau-hoi/:id', staff, async (c) => {
  const s = await survey(c);
  const q = await getQuestion(db(c), s.id, c.req.param('id'));
  return submitForm(
    c,
    QuestionInput,
    (values, errors, status) =>
      questionForm(c, s, { sectionId: q.sectionId, questionId: q.id }, values, errors, status),
    async (input) => {
      await saveQuestion({
        db: db(c),
        actor: requireActor(c),
        survey: s,
        sectionId: q.sectionId,
        questionId: q.id,
        input,
      });
      return redirectWithFlash(c, `/khao-sat/${s.slug}/thiet-ke`, 'surveys.questionSaved');
    },
  );
});

surveysPages.post('/khao-sat/:slug/cau-hoi/:id/di-chuyen', staff, async (c) => {
  const s = await survey(c);
  const q = await getQuestion(db(c), s.id, c.req.param('id'));
  const form = await readForm(c, MoveInput);
  if (!form.ok) throw new AppError('validation');
  const { direction } = form.data;
  return builderAction(
    c,
    s,
    () => moveQuestion({ db: db(c), actor: requireActor(c), surveyId: s.id, questionId: q.id, direction }),
    'surveys.questionMoved',
  );
});

surveysPages.post('/khao-sat/:slug/cau-hoi/:id/xoa', staff, async (c) => {
  const s = await survey(c);
  const q = await getQuestion(db(c), s.id, c.req.param('id'));
  return builderAction(
    c,
    s,
    () => removeQuestion({ db: db(c), actor: requireActor(c), surveyId: s.id, questionId: q.id }),
    'surveys.questionRemoved',
  );
});

surveysPages.get('/khao-sat/:slug/ap-phich', staff, async (c) => {
  const s = await survey(c);
  const url = `${c.var.deps.config.BASE_URL}/khao-sat/${s.slug}`;
  const QRCode = await import('qrcode');
  const qrSvg = await QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  return render(c, <PosterPage ctx={pageContext(c)} survey={s} url={url} qrSvg={qrSvg} />);
});

// ——— Results (staff) ———

async function communeNames(c: Context<AppEnv>): Promise<Map<string, string>> {
  const communes = await listCommunes(db(c), c.var.deps.config.PROVINCE);
  return new Map(communeOptions(c.var.t, communes).map((o) => [o.value, o.label]));
}

surveysPages.get('/khao-sat/:slug/ket-qua', staff, async (c) => {
  const s = await survey(c);
  const { theo } = ResultsQuery.parse(c.req.query());
  const [form, results, communes, projects] = await Promise.all([
    surveyForm(db(c), s.id),
    surveyResults(db(c), s.id, theo === 'xa' ? 'commune' : 'group'),
    communeNames(c),
    projectNamesIn(db(c), s.id),
  ]);
  return render(
    c,
    <ResultsPage
      ctx={pageContext(c)}
      survey={s}
      questions={form.questions}
      results={results}
      dim={theo}
      communes={communes}
      projects={projects}
    />,
  );
});

surveysPages.get('/khao-sat/:slug/ket-qua.xlsx', staff, async (c) => {
  const s = await survey(c);
  const t = c.var.t;
  const [form, responses, communes, projects] = await Promise.all([
    surveyForm(db(c), s.id),
    exportResponses(db(c), s.id),
    communeNames(c),
    projectNamesIn(db(c), s.id),
  ]);
  const cell = (q: Question, a: Answer | undefined): string | number | null => {
    if (!a) return null;
    if (a.choices) return a.choices.map((v) => valueLabel(t, q, v)).join('; ');
    if (q.kind === 'number' || q.kind === 'scale') return a.number;
    if (a.value === null) return null;
    if (q.kind === 'commune') return communes.get(a.value) ?? a.value;
    if (q.kind === 'project') return projects.get(a.value) ?? a.value;
    return valueLabel(t, q, a.value);
  };
  const header = [
    t('surveys.export.submittedAt'),
    t('surveys.export.group'),
    t('surveys.export.commune'),
    ...form.questions.map((q) => q.label),
  ];
  const rows = responses.map((r) => [
    formatDateTime(r.submittedAt),
    r.group ? labelOf(t, 'surveys.target', r.group) : '',
    r.commune ? (communes.get(r.commune) ?? r.commune) : '',
    ...form.questions.map((q) => cell(q, r.answers.get(q.id))),
  ]);
  const body = await toXlsx([{ name: t('surveys.export.sheet'), header, rows }]);
  c.header('Content-Type', xlsxType);
  c.header('Content-Disposition', `attachment; filename="khao-sat-${s.slug}.xlsx"`);
  return c.body(body as Uint8Array<ArrayBuffer>);
});

surveysPages.get('/khao-sat/:slug/ket-qua/:question', staff, async (c) => {
  const s = await survey(c);
  const question = await getQuestion(db(c), s.id, c.req.param('question'));
  const { q, page } = AnswersQuery.parse(c.req.query());
  const p = pageFrom(page, 20);
  const [{ rows, total }, communes] = await Promise.all([textAnswers(db(c), question.id, q, p), communeNames(c)]);
  return render(
    c,
    <TextAnswersPage
      ctx={pageContext(c)}
      survey={s}
      question={question}
      q={q}
      rows={rows}
      info={pageInfo(p, total)}
      communes={communes}
    />,
  );
});

// ——— Answering (anyone the survey is for) ———

const cookieName = (s: Survey) => `ks_${s.id.replace(/-/g, '')}`;
const tokenOf = (c: Context<AppEnv>, s: Survey) => getCookie(c, cookieName(s));

function keepToken(c: Context<AppEnv>, s: Survey, token: string) {
  setSiteCookie(c, cookieName(s), token, { path: `/khao-sat/${s.slug}`, maxAge: 180 * 86400 });
}

/** This person's response to the survey: by account or by their resume token; never anyone else's. */
const myResponse = (c: Context<AppEnv>, s: Survey) => findResponse(db(c), s, c.var.actor, tokenOf(c, s));

async function answerContext(c: Context<AppEnv>, s: Survey): Promise<AnswerContext & FieldContext> {
  const actor = c.var.actor;
  const [communes, projects] = await Promise.all([
    listCommunes(db(c), c.var.deps.config.PROVINCE),
    actor && !s.anonymous ? projectsOf(db(c), actor.id) : Promise.resolve([]),
  ]);
  return { t: c.var.t, communes, projects, needs: supportNeeds };
}

/** The resume link, for a response kept by token (a named, signed-in response is found by account). */
function resumeUrl(c: Context<AppEnv>, s: Survey, r: SurveyResponse): string | null {
  const token = tokenOf(c, s);
  if (r.userId || !token) return null;
  return `${c.var.deps.config.BASE_URL}/khao-sat/${s.slug}/tiep-tuc/${token}`;
}

function introPage(
  c: Context<AppEnv>,
  s: Survey,
  r: SurveyResponse | null,
  errors?: Record<string, string>,
  status: 200 | 409 | 422 = 200,
) {
  return render(
    c,
    <IntroPage
      ctx={pageContext(c)}
      survey={s}
      open={isOpen(s)}
      resumeAt={r && r.status === 'draft' ? r.page : null}
      submitted={r?.status === 'submitted'}
      errors={errors}
    />,
    status,
  );
}

surveysPages.get('/khao-sat/:slug', async (c) => {
  const s = await survey(c);
  return introPage(c, s, await myResponse(c, s));
});

surveysPages.post('/khao-sat/:slug', async (c) => {
  const s = await survey(c);
  const form = await readForm(c, ConsentInput);
  if (s.consentText && !(form.ok && form.data.consent))
    return introPage(c, s, null, { consent: c.var.t('surveys.v.consent') }, 422);
  try {
    const { response, token } = await startResponse({
      db: db(c),
      survey: s,
      actor: c.var.actor,
      token: tokenOf(c, s),
      consented: form.ok && form.data.consent === true,
    });
    if (token) keepToken(c, s, token);
    if (response.status === 'submitted') return c.redirect(`/khao-sat/${s.slug}/xong`, 303);
    return c.redirect(`/khao-sat/${s.slug}/trang/${response.page + 1}`, 303);
  } catch (error) {
    if (error instanceof AppError && error.code === 'conflict') return introPage(c, s, null, formErrors(c, error), 409);
    throw error;
  }
});

surveysPages.get('/khao-sat/:slug/tiep-tuc/:token', async (c) => {
  const s = await survey(c);
  const token = c.req.param('token');
  const r = await findResponse(db(c), s, null, token);
  if (!r) throw new AppError('not_found', 'surveys.responseNotFound');
  keepToken(c, s, token);
  return c.redirect(
    r.status === 'submitted' ? `/khao-sat/${s.slug}/xong` : `/khao-sat/${s.slug}/trang/${r.page + 1}`,
    303,
  );
});

/** The page number of the URL as a section index, or a 404. */
function pageIndex(c: Context<AppEnv>, sections: number): number {
  const n = Number(c.req.param('page'));
  if (!Number.isInteger(n) || n < 1 || n > sections) throw new AppError('not_found', 'surveys.pageNotFound');
  return n - 1;
}

async function answerPage(
  c: Context<AppEnv>,
  s: Survey,
  r: SurveyResponse,
  index: number,
  answers: Map<string, Answer>,
  posted?: FormValues,
  errors: Record<string, string> = {},
) {
  const form = await surveyForm(db(c), s.id);
  const ctx = await answerContext(c, s);
  const shown = shownIn(form, index, answers, ctx);
  if (shown.length === 0) {
    const next = nextPage(form, index + 1, answers, ctx);
    return c.redirect(next === null ? `/khao-sat/${s.slug}` : `/khao-sat/${s.slug}/trang/${next + 1}`, 303);
  }
  let previous: number | null = null;
  for (let i = index - 1; i >= 0; i--)
    if (shownIn(form, i, answers, ctx).length > 0) {
      previous = i;
      break;
    }
  const section = form.sections[index];
  if (!section) throw new AppError('not_found', 'surveys.pageNotFound');
  const values: FormValues =
    posted ?? Object.fromEntries(shown.map((q) => [`q_${q.id}`, formValueOf(answers.get(q.id))]));
  return render(
    c,
    <AnswerPage
      ctx={pageContext(c)}
      survey={s}
      section={section}
      page={index + 1}
      pages={form.sections.length}
      last={nextPage(form, index + 1, answers, ctx) === null}
      questions={shown}
      f={ctx}
      values={values}
      errors={errors}
      previous={previous}
      resumeUrl={resumeUrl(c, s, r)}
    />,
    Object.keys(errors).length > 0 ? 422 : 200,
  );
}

/** The person's draft, or the way back to where they should be. */
async function draftOrRedirect(c: Context<AppEnv>, s: Survey): Promise<SurveyResponse | Response> {
  const r = await myResponse(c, s);
  if (!r) return c.redirect(`/khao-sat/${s.slug}`, 303);
  if (r.status === 'submitted') return c.redirect(`/khao-sat/${s.slug}/xong`, 303);
  return r;
}

surveysPages.get('/khao-sat/:slug/trang/:page', async (c) => {
  const s = await survey(c);
  const r = await draftOrRedirect(c, s);
  if (r instanceof Response) return r;
  const form = await surveyForm(db(c), s.id);
  const index = pageIndex(c, form.sections.length);
  return answerPage(c, s, r, index, await answersOf(db(c), r.id));
});

surveysPages.post('/khao-sat/:slug/trang/:page', async (c) => {
  const s = await survey(c);
  const r = await draftOrRedirect(c, s);
  if (r instanceof Response) return r;
  const form = await surveyForm(db(c), s.id);
  const index = pageIndex(c, form.sections.length);
  const { values } = await readForm(c, z.unknown());
  const ctx = await answerContext(c, s);
  try {
    const saved = await savePage({
      db: db(c),
      survey: s,
      responseId: r.id,
      sectionIndex: index,
      values,
      ctx,
      stop: values.action === 'stop',
    });
    if (!saved.ok) {
      const errors = Object.fromEntries(
        Object.entries(saved.errors).map(([k, key]) => [k, c.var.t(key as MessageKey)]),
      );
      return answerPage(c, s, r, index, saved.answers, values, errors);
    }
    if (saved.next === 'done') return c.redirect(`/khao-sat/${s.slug}/xong`, 303);
    if (saved.next === 'saved') return c.redirect(`/khao-sat/${s.slug}/da-luu`, 303);
    return c.redirect(`/khao-sat/${s.slug}/trang/${saved.next + 1}`, 303);
  } catch (error) {
    if (error instanceof AppError && error.code === 'conflict') return introPage(c, s, r, formErrors(c, error), 409);
    throw error;
  }
});

surveysPages.get('/khao-sat/:slug/da-luu', async (c) => {
  const s = await survey(c);
  const r = await draftOrRedirect(c, s);
  if (r instanceof Response) return r;
  return render(c, <SavedPage ctx={pageContext(c)} survey={s} resumeUrl={resumeUrl(c, s, r)} />);
});

surveysPages.get('/khao-sat/:slug/xong', async (c) => {
  const s = await survey(c);
  const r = await myResponse(c, s);
  if (r?.status !== 'submitted') return c.redirect(`/khao-sat/${s.slug}`, 303);
  const actor = c.var.actor;
  let needs = null;
  if (actor && r.userId === actor.id && r.projectId) {
    const [named, project] = await Promise.all([neededBy(db(c), r.id), findProject(db(c), r.projectId)]);
    if (project) needs = { project: project.name, needs: named, applied: r.needsAppliedAt !== null };
  }
  return render(c, <DonePage ctx={pageContext(c)} survey={s} submittedAt={r.submittedAt} needs={needs} />);
});

surveysPages.post('/khao-sat/:slug/nhu-cau', signedIn, async (c) => {
  const s = await survey(c);
  const r = await myResponse(c, s);
  if (!r) throw new AppError('not_found', 'surveys.responseNotFound');
  const added = await applyNeeds({ db: db(c), actor: requireActor(c), response: r });
  return redirectWithFlash(
    c,
    `/khao-sat/${s.slug}/xong`,
    added.length > 0 ? 'surveys.answer.needsApplied' : 'surveys.answer.needsNothingNew',
  );
});
