import { defineModule } from '#kernel/module.ts';
import * as words from './matching.i18n.ts';
import { matchingPages } from './matching.pages.tsx';

export type { Candidate, ExpertCandidate, PartnerCandidate, Reason, Suggestion, Target } from './matching.score.ts';
export {
  type ProjectSuggestion,
  projectsForExpert,
  projectsForPartner,
  type Suggestions,
  suggestFor,
} from './matching.service.ts';
export { Reasons, reasonText, SuggestionList } from './views/suggestions.tsx';

/** The matching module: its words, pages and API, mounted by createApp. */
export const matchingModule = defineModule({ name: 'matching', words, pages: matchingPages });
