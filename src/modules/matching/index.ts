export type { Candidate, ExpertCandidate, PartnerCandidate, Reason, Suggestion, Target } from './matching.score.ts';
export {
  type ProjectSuggestion,
  projectsForExpert,
  projectsForPartner,
  type Suggestions,
  suggestFor,
} from './matching.service.ts';
export { Reasons, reasonText, SuggestionList } from './views/suggestions.tsx';
