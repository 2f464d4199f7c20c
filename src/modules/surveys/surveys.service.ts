import { createHash, randomBytes } from 'node:crypto';
import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import { audit } from '#kernel/audit/audit.ts';
import { type Actor, isStaff } from '#kernel/auth/roles.ts';
import type { Db } from '#kernel/db/client.ts';
import { isUuid, uniqueSlug } from '#kernel/db/keys.ts';
import { AppError } from '#kernel/http/errors.ts';
import type { Page } from '#kernel/http/pagination.ts';
import { todayInVietnam } from '#kernel/i18n/index.ts';
import { matches } from '#kernel/search/search.ts';
import { recordConsents } from '#modules/privacy/index.ts';
import { addProjectNeeds, projectNameOf } from '#modules/projects/index.ts';
import {
  type Answer,
  type AnswerContext,
  isShown,
  type Question,
  questionProblems,
  readAnswer,
} from './surveys.logic.ts';
import { type QuestionInput, QuestionOptions, type SectionInput, type SurveyInput } from './surveys.schemas.ts';
import { survey, surveyAnswer, surveyQuestion, surveyResponse, surveySection } from './surveys.sql.ts';
import type { QuestionKind, RespondentGroup } from './surveys.taxonomy.ts';

export type Survey = typeof survey.$inferSelect;
export type Section = typeof surveySection.$inferSelect;
export type SurveyResponse = typeof surveyResponse.$inferSelect;
export interface SurveyForm {
  sections: Section[];
  /** In answering order: by section, then by position. */
  questions: Question[];
}

const reservedSlugs = ['moi', 'tu-mau'] as const;

function mustBeStaff(actor: Actor | null): asserts actor is Actor {
  if (!isStaff(actor)) throw new AppError('forbidden');
}

// ——— Surveys ———

export async function listSurveys(db: Db): Promise<(Survey & { responses: number })[]> {
  const submitted = db
    .select({ surveyId: surveyResponse.surveyId, n: count().as('n') })
    .from(surveyResponse)
    .where(eq(surveyResponse.status, 'submitted'))
    .groupBy(surveyResponse.surveyId)
    .as('submitted');
  const rows = await db
    .select({ s: survey, n: submitted.n })
    .from(survey)
    .leftJoin(submitted, eq(submitted.surveyId, survey.id))
    .orderBy(desc(survey.opensOn), asc(survey.title));
  return rows.map((r) => ({ ...r.s, responses: Number(r.n ?? 0) }));
}

export async function getSurvey(db: Db, slug: string): Promise<Survey> {
  const [found] = await db.select().from(survey).where(eq(survey.slug, slug));
  if (!found) throw new AppError('not_found', 'surveys.notFound');
  return found;
}

/** Is the survey taking answers on this Vietnamese day? */
export const isOpen = (s: Pick<Survey, 'opensOn' | 'closesOn'>, today = todayInVietnam()) =>
  s.opensOn <= today && today <= s.closesOn;

export async function surveyForm(db: Db, surveyId: string): Promise<SurveyForm> {
  const sections = await db
    .select()
    .from(surveySection)
    .where(eq(surveySection.surveyId, surveyId))
    .orderBy(asc(surveySection.position));
  const rows = await db
    .select()
    .from(surveyQuestion)
    .where(eq(surveyQuestion.surveyId, surveyId))
    .orderBy(asc(surveyQuestion.position));
  const order = new Map(sections.map((s, i) => [s.id, i]));
  const questions = rows
    .map((q) => ({ ...q, kind: q.kind as QuestionKind, options: QuestionOptions.parse(q.options) }))
    .sort((a, b) => (order.get(a.sectionId) ?? 0) - (order.get(b.sectionId) ?? 0) || a.position - b.position);
  return { sections, questions };
}

export async function createSurvey({
  db,
  actor,
  input,
  sectionTitle = 'Phần 1',
}: {
  db: Db;
  actor: Actor;
  input: SurveyInput;
  sectionTitle?: string;
}): Promise<Survey> {
  mustBeStaff(actor);
  return db.transaction(async (tx) => {
    const slug = await uniqueSlug(tx, { table: survey, slug: survey.slug, id: survey.id }, input.title, {
      reserved: reservedSlugs,
      fallback: 'khao-sat',
    });
    const [created] = await tx
      .insert(survey)
      .values({ ...input, slug, createdBy: actor.id })
      .returning();
    if (!created) throw new Error('survey not created');
    await tx.insert(surveySection).values({ surveyId: created.id, position: 0, title: sectionTitle });
    await audit(tx, { actorId: actor.id, action: 'survey.create', entity: 'survey', entityId: created.id });
    return created;
  });
}

export async function updateSurvey({
  db,
  actor,
  slug,
  input,
}: {
  db: Db;
  actor: Actor;
  slug: string;
  input: SurveyInput;
}): Promise<Survey> {
  mustBeStaff(actor);
  return db.transaction(async (tx) => {
    const current = await getSurvey(tx, slug);
    if (input.anonymous && !current.anonymous) {
      const [picker] = await tx
        .select({ id: surveyQuestion.id })
        .from(surveyQuestion)
        .where(and(eq(surveyQuestion.surveyId, current.id), eq(surveyQuestion.kind, 'project')))
        .limit(1);
      if (picker) throw new AppError('validation', 'errors.validation', { anonymous: 'surveys.v.anonymousProject' });
    }
    const [saved] = await tx
      .update(survey)
      .set({ ...input, updatedAt: new Date() })
      .where(eq(survey.id, current.id))
      .returning();
    await audit(tx, { actorId: actor.id, action: 'survey.update', entity: 'survey', entityId: current.id });
    return saved ?? current;
  });
}

// ——— Sections ———

export async function addSection({
  db,
  actor,
  surveyId,
  input,
}: {
  db: Db;
  actor: Actor;
  surveyId: string;
  input: SectionInput;
}) {
  mustBeStaff(actor);
  const [last] = await db
    .select({ p: sql<number>`coalesce(max(${surveySection.position}), -1)::int` })
    .from(surveySection)
    .where(eq(surveySection.surveyId, surveyId));
  const [row] = await db
    .insert(surveySection)
    .values({ surveyId, position: (last?.p ?? -1) + 1, ...input })
    .returning();
  return row;
}

export async function getSection(db: Db, surveyId: string, id: string): Promise<Section> {
  const [row] = isUuid(id)
    ? await db
        .select()
        .from(surveySection)
        .where(and(eq(surveySection.id, id), eq(surveySection.surveyId, surveyId)))
    : [];
  if (!row) throw new AppError('not_found', 'surveys.sectionNotFound');
  return row;
}

export async function updateSection({
  db,
  actor,
  section,
  input,
}: {
  db: Db;
  actor: Actor;
  section: Section;
  input: SectionInput;
}) {
  mustBeStaff(actor);
  await db.update(surveySection).set(input).where(eq(surveySection.id, section.id));
}

/** Removes an empty section; a survey keeps at least one. */
export async function removeSection({ db, actor, section }: { db: Db; actor: Actor; section: Section }) {
  mustBeStaff(actor);
  await db.transaction(async (tx) => {
    const [q] = await tx.select({ n: count() }).from(surveyQuestion).where(eq(surveyQuestion.sectionId, section.id));
    if ((q?.n ?? 0) > 0) throw new AppError('conflict', 'surveys.sectionNotEmpty');
    const [s] = await tx.select({ n: count() }).from(surveySection).where(eq(surveySection.surveyId, section.surveyId));
    if ((s?.n ?? 0) <= 1) throw new AppError('conflict', 'surveys.lastSection');
    await tx.delete(surveySection).where(eq(surveySection.id, section.id));
  });
}

// ——— Questions ———

export async function getQuestion(db: Db, surveyId: string, id: string): Promise<Question> {
  const form = await surveyForm(db, surveyId);
  const q = isUuid(id) ? form.questions.find((x) => x.id === id) : undefined;
  if (!q) throw new AppError('not_found', 'surveys.questionNotFound');
  return q;
}

/** The options JSON of a question as the builder sent it. */
function optionsOf(input: QuestionInput): QuestionOptions {
  return QuestionOptions.parse({
    choices: input.kind === 'single' || input.kind === 'multi' ? input.choices : [],
    showIf: input.showIfQuestion ? { question: input.showIfQuestion, value: input.showIfValue } : undefined,
  });
}

/** Adds a question at the end of a section, or changes one (`questionId`), after the builder's rules. */
export async function saveQuestion({
  db,
  actor,
  survey: s,
  sectionId,
  questionId,
  input,
}: {
  db: Db;
  actor: Actor;
  survey: Survey;
  sectionId: string;
  questionId?: string;
  input: QuestionInput;
}): Promise<void> {
  mustBeStaff(actor);
  await db.transaction(async (tx) => {
    const form = await surveyForm(tx, s.id);
    const section = form.sections.find((x) => x.id === sectionId);
    if (!section) throw new AppError('not_found', 'surveys.sectionNotFound');
    const sectionIndex = form.sections.indexOf(section);
    const index = questionId ? form.questions.findIndex((q) => q.id === questionId) : -1;
    const earlier =
      index >= 0
        ? form.questions.slice(0, index)
        : form.questions.filter((q) => form.sections.findIndex((x) => x.id === q.sectionId) <= sectionIndex);
    const problems = questionProblems(input, earlier, s);
    if (Object.keys(problems).length > 0) throw new AppError('validation', 'errors.validation', problems);
    const values = {
      kind: input.kind,
      label: input.label,
      help: input.help,
      required: input.required,
      options: optionsOf(input),
    };
    if (questionId) {
      await tx.update(surveyQuestion).set(values).where(eq(surveyQuestion.id, questionId));
    } else {
      const last = form.questions.filter((q) => q.sectionId === sectionId).at(-1);
      await tx
        .insert(surveyQuestion)
        .values({ ...values, surveyId: s.id, sectionId, position: (last?.position ?? -1) + 1 });
    }
    await audit(tx, {
      actorId: actor.id,
      action: questionId ? 'survey.question.update' : 'survey.question.create',
      entity: 'survey',
      entityId: s.id,
    });
  });
}

/** Is every condition on a question that comes before it? */
function conditionsInOrder(questions: Question[]): boolean {
  return questions.every((q, i) => {
    const target = q.options.showIf?.question;
    return !target || questions.slice(0, i).some((x) => x.id === target);
  });
}

/**
 * Moves a question one place up or down; at a section's edge it goes to the end (or start) of the
 * section next to it. A move that would put a question before the one its condition reads is refused.
 */
export async function moveQuestion({
  db,
  actor,
  surveyId,
  questionId,
  direction,
}: {
  db: Db;
  actor: Actor;
  surveyId: string;
  questionId: string;
  direction: 'up' | 'down';
}): Promise<void> {
  mustBeStaff(actor);
  await db.transaction(async (tx) => {
    const { sections, questions } = await surveyForm(tx, surveyId);
    const i = questions.findIndex((q) => q.id === questionId);
    const q = questions[i];
    if (!q) throw new AppError('not_found', 'surveys.questionNotFound');
    const inSection = questions.filter((x) => x.sectionId === q.sectionId);
    const j = inSection.indexOf(q);
    const neighbour = inSection[direction === 'up' ? j - 1 : j + 1];
    const order = [...questions];
    let sectionId = q.sectionId;
    let position = q.position;
    if (neighbour) {
      order[i] = neighbour;
      order[questions.indexOf(neighbour)] = q;
      position = neighbour.position;
    } else {
      const s = sections.findIndex((x) => x.id === q.sectionId) + (direction === 'up' ? -1 : 1);
      const next = sections[s];
      if (!next) return;
      sectionId = next.id;
      const there = questions.filter((x) => x.sectionId === next.id);
      position = direction === 'up' ? (there.at(-1)?.position ?? -1) + 1 : (there[0]?.position ?? 1) - 1;
    }
    if (!conditionsInOrder(order)) throw new AppError('conflict', 'surveys.moveBreaksCondition');
    if (neighbour)
      await tx.update(surveyQuestion).set({ position: q.position }).where(eq(surveyQuestion.id, neighbour.id));
    await tx.update(surveyQuestion).set({ sectionId, position }).where(eq(surveyQuestion.id, q.id));
  });
}

/** Removes a question and its answers; refused while another question's condition reads it. */
export async function removeQuestion({
  db,
  actor,
  surveyId,
  questionId,
}: {
  db: Db;
  actor: Actor;
  surveyId: string;
  questionId: string;
}) {
  mustBeStaff(actor);
  await db.transaction(async (tx) => {
    const { questions } = await surveyForm(tx, surveyId);
    if (!questions.some((q) => q.id === questionId)) throw new AppError('not_found', 'surveys.questionNotFound');
    if (questions.some((q) => q.options.showIf?.question === questionId))
      throw new AppError('conflict', 'surveys.questionHasDependants');
    await tx.delete(surveyQuestion).where(eq(surveyQuestion.id, questionId));
    await audit(tx, { actorId: actor.id, action: 'survey.question.remove', entity: 'survey', entityId: surveyId });
  });
}

// ——— Answering ———

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * The response this person is working on or has sent: by account for a signed-in person in a
 * named survey, else by the resume token. Never anyone else's.
 */
export async function findResponse(
  db: Db,
  s: Survey,
  actor: Actor | null,
  token: string | undefined,
): Promise<SurveyResponse | null> {
  if (actor && !s.anonymous) {
    const [mine] = await db
      .select()
      .from(surveyResponse)
      .where(and(eq(surveyResponse.surveyId, s.id), eq(surveyResponse.userId, actor.id)));
    if (mine) return mine;
  }
  if (!token || token.length > 100) return null;
  const [byToken] = await db
    .select()
    .from(surveyResponse)
    .where(and(eq(surveyResponse.surveyId, s.id), eq(surveyResponse.tokenHash, hashToken(token))));
  return byToken ?? null;
}

/**
 * Starts (or finds) this person's response. Every new response gets a resume token: the person
 * keeps it in a cookie and a link; only its hash is stored.
 */
export async function startResponse({
  db,
  survey: s,
  actor,
  token,
  consented = false,
  today = todayInVietnam(),
}: {
  db: Db;
  survey: Survey;
  actor: Actor | null;
  token?: string;
  /** The person accepted the survey's consent text: recorded with the new response (Law 91/2025). */
  consented?: boolean;
  today?: string;
}): Promise<{ response: SurveyResponse; token: string | null }> {
  if (s.access === 'signed_in' && !actor) throw new AppError('unauthenticated');
  const found = await findResponse(db, s, actor, token);
  if (found) return { response: found, token: null };
  if (!isOpen(s, today)) throw new AppError('conflict', 'surveys.closed');
  const fresh = randomBytes(24).toString('base64url');
  const created = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(surveyResponse)
      .values({
        surveyId: s.id,
        userId: actor && !s.anonymous ? actor.id : null,
        tokenHash: hashToken(fresh),
        respondentGroup: s.targetGroup === 'anyone' ? null : s.targetGroup,
      })
      .onConflictDoNothing()
      .returning();
    if (row && consented && s.consentText)
      await recordConsents(tx, { userId: row.userId, purposes: ['survey'], source: 'survey', sourceId: row.id });
    return row;
  });
  if (!created) {
    const again = await findResponse(db, s, actor, undefined);
    if (again) return { response: again, token: null };
    throw new AppError('conflict');
  }
  return { response: created, token: fresh };
}

export async function answersOf(db: Db, responseId: string): Promise<Map<string, Answer>> {
  const rows = await db
    .select({
      questionId: surveyAnswer.questionId,
      value: surveyAnswer.value,
      choices: surveyAnswer.choices,
      number: surveyAnswer.number,
    })
    .from(surveyAnswer)
    .where(eq(surveyAnswer.responseId, responseId));
  return new Map(rows.map((r) => [r.questionId, { value: r.value, choices: r.choices, number: r.number }]));
}

/** The questions of a section that are asked, given the answers. */
export function shownIn(form: SurveyForm, sectionIndex: number, answers: Map<string, Answer>, ctx: AnswerContext) {
  const section = form.sections[sectionIndex];
  if (!section) return [];
  return form.questions.filter((q) => q.sectionId === section.id && isShown(q, answers, ctx));
}

/** The next section (from `from`, included) with a question to ask, or null when none is left. */
export function nextPage(
  form: SurveyForm,
  from: number,
  answers: Map<string, Answer>,
  ctx: AnswerContext,
): number | null {
  for (let i = Math.max(0, from); i < form.sections.length; i++)
    if (shownIn(form, i, answers, ctx).length > 0) return i;
  return null;
}

export type SaveResult =
  | { ok: false; errors: Record<string, string>; answers: Map<string, Answer> }
  | { ok: true; next: number | 'done' | 'saved' };

/**
 * Saves one page of answers in one transaction. Answers of questions no longer asked (a condition
 * changed) are dropped. `stop`: keep what is there and come back later (required may stay empty).
 * After the last page the response is submitted, unless a required question is still unanswered
 * (then that page is next).
 */
export async function savePage({
  db,
  survey: s,
  responseId,
  sectionIndex,
  values,
  ctx,
  stop = false,
  at = new Date(),
  today = todayInVietnam(at),
}: {
  db: Db;
  survey: Survey;
  responseId: string;
  sectionIndex: number;
  values: Record<string, string | string[]>;
  ctx: AnswerContext;
  stop?: boolean;
  at?: Date;
  today?: string;
}): Promise<SaveResult> {
  if (!isOpen(s, today)) throw new AppError('conflict', 'surveys.closed');
  return db.transaction(async (tx) => {
    const [response] = await tx.select().from(surveyResponse).where(eq(surveyResponse.id, responseId)).for('update');
    if (!response || response.surveyId !== s.id) throw new AppError('not_found', 'surveys.responseNotFound');
    if (response.status === 'submitted') throw new AppError('conflict', 'surveys.alreadySubmitted');
    const form = await surveyForm(tx, s.id);
    const answers = await answersOf(tx, responseId);
    const section = form.sections[sectionIndex];
    if (!section) throw new AppError('not_found', 'surveys.pageNotFound');
    const before = new Map(answers);
    const errors: Record<string, string> = {};
    // A question this page did not show (its condition reads an answer just given on it) is shown
    // now: the person stays on the page to answer it, since without a script it could not appear.
    let grown = false;
    // In order, so a condition on a question of this page reads the answer just given.
    for (const q of form.questions.filter((x) => x.sectionId === section.id)) {
      answers.delete(q.id);
      if (!isShown(q, answers, ctx)) continue;
      const raw = values[`q_${q.id}`];
      if (!isShown(q, before, ctx) && (raw === undefined || raw === '')) {
        grown = true;
        continue;
      }
      const read = readAnswer(q, values[`q_${q.id}`], ctx, { partial: stop });
      if ('error' in read) errors[`q_${q.id}`] = read.error;
      else if (read.answer) answers.set(q.id, read.answer);
    }
    if (Object.keys(errors).length > 0) return { ok: false, errors, answers };
    // Whatever a changed answer hides is no longer an answer.
    for (const q of form.questions) if (answers.has(q.id) && !isShown(q, answers, ctx)) answers.delete(q.id);
    await tx.delete(surveyAnswer).where(eq(surveyAnswer.responseId, responseId));
    if (answers.size > 0)
      await tx.insert(surveyAnswer).values([...answers].map(([questionId, a]) => ({ responseId, questionId, ...a })));
    const first = (kind: QuestionKind) => form.questions.find((q) => q.kind === kind && answers.has(q.id));
    const groupAnswer = first('group');
    const communeAnswer = first('commune');
    const projectAnswer = first('project');
    let next: number | 'done' | 'saved' = stop
      ? 'saved'
      : grown
        ? sectionIndex
        : (nextPage(form, sectionIndex + 1, answers, ctx) ?? 'done');
    if (next === 'done') {
      const missing = form.questions.find((q) => q.required && isShown(q, answers, ctx) && !answers.has(q.id));
      if (missing) next = form.sections.findIndex((x) => x.id === missing.sectionId);
    }
    await tx
      .update(surveyResponse)
      .set({
        page: typeof next === 'number' ? next : sectionIndex,
        respondentGroup:
          s.targetGroup !== 'anyone'
            ? (s.targetGroup as RespondentGroup)
            : ((groupAnswer && (answers.get(groupAnswer.id)?.value as RespondentGroup)) ?? null),
        commune: (communeAnswer && answers.get(communeAnswer.id)?.value) ?? null,
        projectId: (projectAnswer && answers.get(projectAnswer.id)?.value) ?? null,
        updatedAt: at,
        ...(next === 'done' ? { status: 'submitted', submittedAt: at } : {}),
      })
      .where(eq(surveyResponse.id, responseId));
    return { ok: true, next };
  });
}

/** The needs a submitted response names (from its needs questions). */
export async function neededBy(db: Db, responseId: string): Promise<string[]> {
  const rows = await db
    .select({ choices: surveyAnswer.choices })
    .from(surveyAnswer)
    .innerJoin(surveyQuestion, eq(surveyQuestion.id, surveyAnswer.questionId))
    .where(and(eq(surveyAnswer.responseId, responseId), eq(surveyQuestion.kind, 'needs')));
  return [...new Set(rows.flatMap((r) => r.choices ?? []))];
}

/** The founder's one click on the end page: the needs they named join their project's needs. */
export async function applyNeeds({ db, actor, response }: { db: Db; actor: Actor; response: SurveyResponse }) {
  if (response.userId !== actor.id || response.status !== 'submitted' || !response.projectId)
    throw new AppError('not_found', 'surveys.responseNotFound');
  const needs = await neededBy(db, response.id);
  const added = await addProjectNeeds({ db, actor, projectId: response.projectId, needs });
  await db.update(surveyResponse).set({ needsAppliedAt: new Date() }).where(eq(surveyResponse.id, response.id));
  return added;
}

// ——— Results, computed in SQL ———

export interface CountRow {
  questionId: string;
  value: string;
  /** The cross-tab column (group or commune); null in the total. */
  by: string | null;
  n: number;
}
export interface NumberRow {
  questionId: string;
  by: string | null;
  n: number;
  avg: number | null;
  min: number | null;
  max: number | null;
}
export interface Results {
  total: number;
  /** Submitted responses per cross-tab column. */
  columns: { by: string; n: number }[];
  counts: CountRow[];
  numbers: NumberRow[];
  /** Number questions: five buckets between min and max. */
  buckets: { questionId: string; bucket: number; n: number }[];
  /** How many submitted responses answered each question. */
  answered: { questionId: string; n: number }[];
}

type Dim = 'group' | 'commune';
const dimColumn = (dim: Dim) => (dim === 'group' ? sql`r.respondent_group` : sql`r.commune`);

const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];

/**
 * Every figure of the results page in four aggregate queries over the survey's submitted
 * responses, whatever their number: counts per value (bars), averages and spreads (scales,
 * numbers), buckets (numbers) and how many answered each question; each also by group or by commune.
 */
export async function surveyResults(db: Db, surveyId: string, dim: Dim): Promise<Results> {
  const by = dimColumn(dim);
  const submitted = sql`r.survey_id = ${surveyId} and r.status = 'submitted'`;
  const [columns, counts, numbers, buckets, answered] = await Promise.all([
    db.execute(sql`select ${by} as "by", count(*)::int as n, grouping(${by})::int as g from survey_response r
      where ${submitted} group by rollup (${by})`),
    db.execute(sql`select a.question_id as "questionId", v.value, case when grouping(${by}) = 1 then null else coalesce(${by}, '') end as "by", count(*)::int as n
      from survey_answer a join survey_response r on r.id = a.response_id
      join survey_question q on q.id = a.question_id
      cross join lateral unnest(coalesce(a.choices, array[a.value])) as v(value)
      where ${submitted} and q.kind in ('single','multi','scale','commune','project','needs','group')
      group by grouping sets ((a.question_id, v.value), (a.question_id, v.value, ${by}))`),
    db.execute(sql`select a.question_id as "questionId", case when grouping(${by}) = 1 then null else coalesce(${by}, '') end as "by", count(a.number)::int as n,
        avg(a.number)::float8 as avg, min(a.number)::float8 as min, max(a.number)::float8 as max
      from survey_answer a join survey_response r on r.id = a.response_id
      where ${submitted} and a.number is not null
      group by grouping sets ((a.question_id), (a.question_id, ${by}))`),
    db.execute(sql`with x as (select a.question_id, a.number from survey_answer a join survey_response r on r.id = a.response_id
        join survey_question q on q.id = a.question_id where ${submitted} and q.kind = 'number' and a.number is not null),
      b as (select question_id, min(number) lo, max(number) hi from x group by question_id)
      select x.question_id as "questionId", case when b.hi = b.lo then 1 else least(width_bucket(x.number, b.lo, b.hi, 5), 5) end::int as bucket, count(*)::int as n
      from x join b using (question_id) group by 1, 2`),
    db.execute(sql`select a.question_id as "questionId", count(*)::int as n
      from survey_answer a join survey_response r on r.id = a.response_id
      where ${submitted} group by 1`),
  ]);
  const cols = rowsOf<{ by: string | null; n: number; g: number }>(columns);
  return {
    total: cols.find((c) => c.g === 1)?.n ?? 0,
    columns: cols
      .filter((c) => c.g === 0)
      .map((c) => ({ by: c.by ?? '', n: c.n }))
      .sort((a, b) => b.n - a.n),
    counts: rowsOf<CountRow>(counts),
    numbers: rowsOf<NumberRow>(numbers),
    buckets: rowsOf(buckets),
    answered: rowsOf(answered),
  };
}

/** A free-text question's answers, newest first, searched without accents, a page at a time. */
export async function textAnswers(db: Db, questionId: string, q: string, page: Page) {
  const where = and(
    eq(surveyAnswer.questionId, questionId),
    eq(surveyResponse.status, 'submitted'),
    matches(surveyAnswer.search, q),
  );
  const [rows, [total]] = await Promise.all([
    db
      .select({
        value: surveyAnswer.value,
        group: surveyResponse.respondentGroup,
        commune: surveyResponse.commune,
        at: surveyResponse.submittedAt,
      })
      .from(surveyAnswer)
      .innerJoin(surveyResponse, eq(surveyResponse.id, surveyAnswer.responseId))
      .where(where)
      .orderBy(desc(surveyResponse.submittedAt), asc(surveyResponse.id))
      .limit(page.perPage)
      .offset(page.offset),
    db
      .select({ n: count() })
      .from(surveyAnswer)
      .innerJoin(surveyResponse, eq(surveyResponse.id, surveyAnswer.responseId))
      .where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** Every submitted response with its answers, for the Excel export (one row each). */
export async function exportResponses(db: Db, surveyId: string) {
  const responses = await db
    .select({
      id: surveyResponse.id,
      submittedAt: surveyResponse.submittedAt,
      group: surveyResponse.respondentGroup,
      commune: surveyResponse.commune,
    })
    .from(surveyResponse)
    .where(and(eq(surveyResponse.surveyId, surveyId), eq(surveyResponse.status, 'submitted')))
    .orderBy(asc(surveyResponse.submittedAt), asc(surveyResponse.id));
  const answers = await db
    .select({
      responseId: surveyAnswer.responseId,
      questionId: surveyAnswer.questionId,
      value: surveyAnswer.value,
      choices: surveyAnswer.choices,
      number: surveyAnswer.number,
    })
    .from(surveyAnswer)
    .innerJoin(surveyResponse, eq(surveyResponse.id, surveyAnswer.responseId))
    .where(and(eq(surveyResponse.surveyId, surveyId), eq(surveyResponse.status, 'submitted')));
  const byResponse = new Map<string, Map<string, Answer>>();
  for (const a of answers) {
    const m = byResponse.get(a.responseId) ?? new Map<string, Answer>();
    m.set(a.questionId, a);
    byResponse.set(a.responseId, m);
  }
  return responses.map((r) => ({ ...r, answers: byResponse.get(r.id) ?? new Map<string, Answer>() }));
}

/** The names of the projects a survey's responses name, for its results and export. */
export async function projectNamesIn(db: Db, surveyId: string): Promise<Map<string, string>> {
  const rows = await db
    .selectDistinct({ id: surveyResponse.projectId, name: projectNameOf(surveyResponse.projectId) })
    .from(surveyResponse)
    .where(and(eq(surveyResponse.surveyId, surveyId), sql`${surveyResponse.projectId} is not null`));
  return new Map(rows.map((r) => [r.id ?? '', r.name]));
}
