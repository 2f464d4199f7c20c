import { isoDate, text } from '#kernel/http/validation.ts';
import type { MessageKey } from '#kernel/i18n/index.ts';
import { supportNeeds } from '#modules/projects/index.ts';
import type { QuestionOptions } from './surveys.schemas.ts';
import { conditionKinds, type QuestionKind, respondentGroups } from './surveys.taxonomy.ts';

// The rules of a survey that need no database: which questions show, what an answer may be, and
// what a builder may write. Pure, so each is tested on its own.

export interface Question {
  id: string;
  sectionId: string;
  position: number;
  kind: QuestionKind;
  label: string;
  help: string;
  required: boolean;
  options: QuestionOptions;
}

/** One stored answer; which field is set depends on the kind. */
export interface Answer {
  value: string | null;
  choices: string[] | null;
  number: number | null;
}

/** What the person answering brings: the communes to pick from, and their own projects. */
export interface AnswerContext {
  communes: { slug: string }[];
  /** The signed-in person's projects; empty for anyone else (the project question is then skipped). */
  projects: { id: string }[];
}

/** Does an answer say `value` (one of several choices, or the one value)? */
export function answerSays(answer: Answer | undefined, value: string): boolean {
  if (!answer) return false;
  if (answer.choices) return answer.choices.includes(value);
  return answer.value === value;
}

/**
 * Whether a question is asked, given the answers so far: its "show only if" holds, and a project
 * question is only asked of someone with projects.
 */
export function isShown(q: Question, answers: Map<string, Answer>, ctx: Pick<AnswerContext, 'projects'>): boolean {
  if (q.kind === 'project' && ctx.projects.length === 0) return false;
  const cond = q.options.showIf;
  return !cond || answerSays(answers.get(cond.question), cond.value);
}

/** The values a question accepts, for the kinds that have a list. */
export function allowedValues(q: Question, ctx: AnswerContext): readonly string[] | null {
  switch (q.kind) {
    case 'single':
    case 'multi':
      return q.options.choices;
    case 'scale':
      return ['1', '2', '3', '4', '5'];
    case 'group':
      return respondentGroups;
    case 'needs':
      return supportNeeds;
    case 'commune':
      return ctx.communes.map((c) => c.slug);
    case 'project':
      return ctx.projects.map((p) => p.id);
    default:
      return null;
  }
}

const textMax: Partial<Record<QuestionKind, number>> = { short_text: 500, long_text: 5000 };

/** "1.500", "12,5", "-3": a number as Vietnamese type it (dot for thousands, comma for decimals). */
export function parseNumber(raw: string): number | null {
  const s = raw.trim().replace(/\s/g, '');
  if (!/^-?\d{1,3}(\.\d{3})*(,\d{1,4})?$|^-?\d{1,13}([.,]\d{1,4})?$/.test(s)) return null;
  const normal = /^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(s) ? s.replace(/\./g, '').replace(',', '.') : s.replace(',', '.');
  const n = Number(normal);
  return Number.isFinite(n) && Math.abs(n) < 1e13 ? n : null;
}

export type ReadAnswer = { answer: Answer | null } | { error: MessageKey };

/**
 * Reads what was sent for one question: an answer, nothing (null), or the message to show.
 * With `partial` (the person saves to come back later), a required question may stay empty.
 */
export function readAnswer(
  q: Question,
  raw: string | string[] | undefined,
  ctx: AnswerContext,
  { partial = false } = {},
): ReadAnswer {
  const all = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter((v) => v.trim() !== '');
  if (all.length === 0) return !partial && q.required ? { error: 'v.required' } : { answer: null };
  const first = all[0] ?? '';
  const allowed = allowedValues(q, ctx);
  const none = { value: null, choices: null, number: null };
  if (q.kind === 'multi' || q.kind === 'needs') {
    if (!allowed || all.some((v) => !allowed.includes(v))) return { error: 'v.choose' };
    const chosen = allowed.filter((v) => all.includes(v));
    return { answer: { ...none, choices: chosen } };
  }
  if (all.length > 1) return { error: 'v.choose' };
  if (allowed) {
    if (!allowed.includes(first)) return { error: 'v.choose' };
    return { answer: { ...none, value: first, number: q.kind === 'scale' ? Number(first) : null } };
  }
  if (q.kind === 'number') {
    const n = parseNumber(first);
    return n === null ? { error: 'v.number' } : { answer: { ...none, number: n } };
  }
  if (q.kind === 'date') {
    const d = isoDate().safeParse(first);
    return d.success ? { answer: { ...none, value: d.data } } : { error: 'v.date' };
  }
  const max = textMax[q.kind] ?? 500;
  const t = text.optional(max).safeParse(first);
  if (!t.success) {
    const [key] = (t.error.issues[0]?.message ?? 'v.invalid').split('|');
    return {
      error: key === 'v.tooLong' ? 'surveys.v.tooLong' : key === 'v.textEncoding' ? 'v.textEncoding' : 'v.invalid',
    };
  }
  if (t.data === '') return !partial && q.required ? { error: 'v.required' } : { answer: null };
  return { answer: { ...none, value: t.data } };
}

/** The form value of a stored answer, to fill a page again. */
export function formValueOf(a: Answer | undefined): string | string[] {
  if (!a) return '';
  if (a.choices) return a.choices;
  if (a.value !== null) return a.value;
  return a.number === null ? '' : String(a.number).replace('.', ',');
}

/** A question as the builder sends it, before the rules that need the survey. */
export interface QuestionDraft {
  kind: QuestionKind;
  choices: string[];
  showIfQuestion?: string;
  showIfValue: string;
}

/**
 * The builder's rules that need the survey: choices for the choice kinds (and only for them), a
 * condition on an EARLIER question naming one of its values, a project picker only in a named
 * survey. Gives field → message key; empty when the question may be saved.
 */
export function questionProblems(
  draft: QuestionDraft,
  earlier: Question[],
  survey: { anonymous: boolean },
): Record<string, MessageKey> {
  const problems: Record<string, MessageKey> = {};
  const hasChoices = draft.kind === 'single' || draft.kind === 'multi';
  if (hasChoices && draft.choices.length < 2) problems.choices = 'surveys.v.twoChoices';
  if (hasChoices && new Set(draft.choices).size !== draft.choices.length) problems.choices = 'surveys.v.sameChoice';
  if (!hasChoices && draft.choices.length > 0) problems.choices = 'surveys.v.noChoices';
  if (draft.kind === 'project' && survey.anonymous) problems.kind = 'surveys.v.projectNamed';
  if (draft.showIfQuestion) {
    const target = earlier.find((q) => q.id === draft.showIfQuestion);
    if (!target || !conditionKinds.includes(target.kind)) problems.showIf = 'surveys.v.conditionEarlier';
    else {
      const values = allowedValues(target, { communes: [], projects: [] }) ?? [];
      if (!values.includes(draft.showIfValue)) problems.showIf = 'surveys.v.conditionValue';
    }
  } else if (draft.showIfValue) problems.showIf = 'surveys.v.conditionEarlier';
  return problems;
}
