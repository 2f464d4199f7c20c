// Codes in the database; their Vietnamese and English labels live in i18n.

/**
 * The kinds of question. `needs` is a multiple choice over the projects' support needs (its answer
 * can update a project's needs); `group` asks which of the two groups the respondent belongs to
 * (the results are cross-tabulated by it).
 */
export const questionKinds = [
  'single',
  'multi',
  'scale',
  'number',
  'short_text',
  'long_text',
  'date',
  'commune',
  'project',
  'needs',
  'group',
] as const;
export type QuestionKind = (typeof questionKinds)[number];

/** Kinds whose answers are counted by value (bars); the others are averaged or listed. */
export const countedKinds: readonly QuestionKind[] = [
  'single',
  'multi',
  'scale',
  'commune',
  'project',
  'needs',
  'group',
];
/** Kinds averaged and drawn as a distribution. */
export const numericKinds: readonly QuestionKind[] = ['scale', 'number'];
/** Kinds whose answers are free text, listed and searched. */
export const textKinds: readonly QuestionKind[] = ['short_text', 'long_text'];
/** Kinds with a fixed list of values a "show only if" condition can name. */
export const conditionKinds: readonly QuestionKind[] = ['single', 'multi', 'scale', 'needs', 'group'];

/** The two groups the yearly needs survey asks. */
export const respondentGroups = ['support_workers', 'project_owners'] as const;
export type RespondentGroup = (typeof respondentGroups)[number];

/** Who a survey is meant for. */
export const targetGroups = [...respondentGroups, 'anyone'] as const;
export type TargetGroup = (typeof targetGroups)[number];

/** Who may answer: anyone with the link, or signed-in people only. */
export const surveyAccess = ['public', 'signed_in'] as const;
export type SurveyAccess = (typeof surveyAccess)[number];

/** What a survey belongs to: on its own, or the application form of a call (later). */
export const surveyOwnerKinds = ['standalone', 'call'] as const;
export type SurveyOwnerKind = (typeof surveyOwnerKinds)[number];

export const responseStatuses = ['draft', 'submitted'] as const;
export type ResponseStatus = (typeof responseStatuses)[number];
