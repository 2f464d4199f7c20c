import { defineModule } from '#kernel/module.ts';
import { surveysApi } from './surveys.api.ts';
import * as words from './surveys.i18n.ts';
import { surveysPages } from './surveys.pages.tsx';

export { type Answer, type Question, readAnswer } from './surveys.logic.ts';
export { anonymise, personalDataOf } from './surveys.personal-data.ts';
export { QuestionInput, SectionInput, SurveyInput } from './surveys.schemas.ts';
export {
  addSection,
  applyNeeds,
  createSurvey,
  findResponse,
  getSurvey,
  isOpen,
  listSurveys,
  moveQuestion,
  removeQuestion,
  type Survey,
  type SurveyResponse,
  savePage,
  saveQuestion,
  startResponse,
  surveyForm,
  surveyResults,
  textAnswers,
  updateSurvey,
} from './surveys.service.ts';
export * from './surveys.taxonomy.ts';
export { createNeedsSurvey, needsSurveyTemplate } from './surveys.template.ts';

/**
 * Surveys: staff build them (sections, questions, conditions), people answer page by page and
 * come back to a saved draft, staff read the results computed in SQL. A survey's owner kind lets
 * a call's application form be a survey later.
 */
export const surveysModule = defineModule({ name: 'surveys', words, pages: surveysPages, api: surveysApi });
