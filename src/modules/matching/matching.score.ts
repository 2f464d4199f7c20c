import { fold } from '#kernel/search/fold.ts';
import { specialtiesForNeed } from '#modules/experts/index.ts';
import type { SupportNeed } from '#modules/projects/index.ts';

// Matching is a pure function: what is needed + who could help → a ranked list, each with the
// reasons in words. No database, no clock: the unit tests feed it fixtures whose answer is known.
// Officers choose; nothing here assigns anyone.

/** What is asked: a request (its kind and words) on a project, or a project's declared needs. */
export interface Target {
  needs: readonly SupportNeed[];
  field: string | null;
  stage: string | null;
  commune: string | null;
  communeName: string | null;
  formerDistrict: string | null;
  formerDistrictName: string | null;
  /** The request's words, or the project's name and summary. */
  text: string;
}

interface CandidateBase {
  id: string;
  name: string;
  slug: string;
  fields: readonly string[];
  communes: readonly string[];
  /** Former districts of those communes (proximity when the commune differs). */
  formerDistricts: readonly string[];
  anywhere: boolean;
  /** Headline, bio, summary: compared with the target's words. */
  text: string;
}

export interface ExpertCandidate extends CandidateBase {
  type: 'expert';
  specialties: readonly string[];
  /** Engagements proposed or active right now. */
  openEngagements: number;
  /** Closed engagements, by the project's field. */
  pastByField: Readonly<Record<string, number>>;
}

export interface PartnerCandidate extends CandidateBase {
  type: 'partner';
  kind: string;
  offers: readonly string[];
  /** Introductions this partner answered "interested". */
  pastInterested: number;
}

export type Candidate = ExpertCandidate | PartnerCandidate;

/** One reason, as a message key with what fills it; `label` is a code the view translates. */
export interface Reason {
  key: string;
  points: number;
  label?: { prefix: string; code: string };
  params?: Record<string, string | number>;
}

export interface Suggestion<C extends Candidate = Candidate> {
  candidate: C;
  score: number;
  reasons: Reason[];
}

export const weights = {
  closestSpecialty: 40,
  relatedSpecialty: 25,
  offer: 40,
  moreNeeds: 5,
  field: 15,
  sameCommune: 15,
  sameFormerDistrict: 8,
  anywhere: 3,
  free: 5,
  perOpenEngagement: -4,
  busyFloor: -16,
  perPastProject: 3,
  pastCap: 12,
  perSharedWords: 3,
  wordsCap: 12,
  stage: 5,
  buyerForMarket: 10,
} as const;

const buyers = new Set(['business', 'supermarket', 'distributor']);
const investors = new Set(['investor', 'club']);

// Pairs of syllables every request and profile has: they say nothing about the match.
const commonPairs = new Set([
  'san pham',
  'ho tro',
  'du an',
  'khoi nghiep',
  'chung toi',
  'cua chung',
  'can ho',
  'tu van',
  'doi moi',
  'moi sang',
  'sang tao',
  'lang son',
  'nhu the',
  'the nao',
  'de nghi',
  'mong muon',
]);

/**
 * Vietnamese words are syllables: "nhãn hiệu" is two. Pairs of syllables carry the meaning; they
 * are compared without accents, and each keeps the words as written, to show in a reason.
 */
export function wordPairs(text: string): Map<string, string> {
  const lower = text.normalize('NFC').toLocaleLowerCase('vi');
  const words = (s: string) => s.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
  // Folding keeps every letter a letter, so both lists have the same words in the same places.
  const written = words(lower);
  const folded = words(fold(lower));
  const pairs = new Map<string, string>();
  if (folded.length !== written.length) return pairs;
  for (let i = 0; i + 1 < written.length; i++) {
    const key = `${folded[i]} ${folded[i + 1]}`;
    if (!commonPairs.has(key) && !pairs.has(key)) pairs.set(key, `${written[i]} ${written[i + 1]}`);
  }
  return pairs;
}

/** The target's pairs that the candidate's text also has, as the target wrote them. */
function sharedPairs(target: Map<string, string>, other: Map<string, string>): string[] {
  const shared: string[] = [];
  for (const [folded, written] of target) if (other.has(folded)) shared.push(written);
  return shared;
}

function needFit(target: Target, c: Candidate): Reason[] {
  const reasons: Reason[] = [];
  let covered = 0;
  for (const need of target.needs) {
    if (c.type === 'expert') {
      const wanted = specialtiesForNeed[need] ?? [];
      const hit = wanted.find((s) => c.specialties.includes(s));
      if (!hit) continue;
      covered++;
      if (covered > 1) continue;
      const points = hit === wanted[0] ? weights.closestSpecialty : weights.relatedSpecialty;
      reasons.push({ key: 'matching.reason.specialty', points, label: { prefix: 'experts.specialty', code: hit } });
    } else if (c.offers.includes(need)) {
      covered++;
      if (covered > 1) continue;
      reasons.push({
        key: 'matching.reason.offers',
        points: weights.offer,
        label: { prefix: 'project.need', code: need },
      });
      if (need === 'market_connection' && buyers.has(c.kind))
        reasons.push({ key: 'matching.reason.buyer', points: weights.buyerForMarket });
    }
  }
  if (covered > 1)
    reasons.push({
      key: 'matching.reason.moreNeeds',
      points: weights.moreNeeds * (covered - 1),
      params: { n: covered - 1 },
    });
  return reasons;
}

function placeFit(target: Target, c: Candidate): Reason[] {
  if (target.commune && c.communes.includes(target.commune)) {
    return [
      {
        key: 'matching.reason.sameCommune',
        points: weights.sameCommune,
        params: { name: target.communeName ?? target.commune },
      },
    ];
  }
  if (target.formerDistrict && c.formerDistricts.includes(target.formerDistrict)) {
    return [
      {
        key: 'matching.reason.sameArea',
        points: weights.sameFormerDistrict,
        params: { name: target.formerDistrictName ?? target.formerDistrict },
      },
    ];
  }
  if (c.anywhere) return [{ key: 'matching.reason.anywhere', points: weights.anywhere }];
  return [];
}

function historyFit(target: Target, c: Candidate): Reason[] {
  if (c.type === 'expert') {
    const reasons: Reason[] = [];
    if (c.openEngagements === 0) reasons.push({ key: 'matching.reason.free', points: weights.free });
    else if (c.openEngagements > 1) {
      const points = Math.max(weights.busyFloor, weights.perOpenEngagement * (c.openEngagements - 1));
      reasons.push({ key: 'matching.reason.busy', points, params: { n: c.openEngagements } });
    }
    const past = target.field ? (c.pastByField[target.field] ?? 0) : 0;
    if (past > 0 && target.field) {
      reasons.push({
        key: 'matching.reason.pastField',
        points: Math.min(weights.pastCap, weights.perPastProject * past),
        params: { n: past },
        label: { prefix: 'project.field', code: target.field },
      });
    }
    return reasons;
  }
  const reasons: Reason[] = [];
  if (c.pastInterested > 0) {
    reasons.push({
      key: 'matching.reason.pastInterested',
      points: Math.min(weights.pastCap, weights.perPastProject * c.pastInterested),
      params: { n: c.pastInterested },
    });
  }
  const advanced = target.stage === 'market' || target.stage === 'growing';
  if (advanced && (buyers.has(c.kind) || investors.has(c.kind))) {
    reasons.push({
      key: 'matching.reason.stage',
      points: weights.stage,
      label: { prefix: 'project.stage', code: target.stage ?? '' },
    });
  }
  return reasons;
}

/**
 * How well one candidate fits what is asked, with every reason that counted.
 * @example score(target, expert) // { score: 58, reasons: [{ key: 'matching.reason.specialty', … }] }
 */
export function score<C extends Candidate>(
  target: Target,
  candidate: C,
  targetPairs = wordPairs(target.text),
): Suggestion<C> {
  const reasons = [...needFit(target, candidate)];
  if (target.field && candidate.fields.includes(target.field)) {
    reasons.push({
      key: 'matching.reason.field',
      points: weights.field,
      label: { prefix: 'project.field', code: target.field },
    });
  }
  reasons.push(...placeFit(target, candidate), ...historyFit(target, candidate));
  const shared = sharedPairs(targetPairs, wordPairs(candidate.text));
  if (shared.length > 0) {
    reasons.push({
      key: 'matching.reason.words',
      points: Math.min(weights.wordsCap, weights.perSharedWords * shared.length),
      params: { words: shared.slice(0, 3).join(', ') },
    });
  }
  const total = reasons.reduce((sum, r) => sum + r.points, 0);
  return { candidate, score: total, reasons: reasons.sort((a, b) => b.points - a.points) };
}

/** How the officer is told a score: in words, never as a bare number. */
export type FitLevel = 'strong' | 'good' | 'possible';

/**
 * A closest specialty (or an offer that answers the need) and one more fit is "strong"; a related
 * specialty with something else, "good"; the rest "possible".
 * @example fitLevel(70) // 'strong'
 */
export function fitLevel(score: number): FitLevel {
  if (score >= weights.closestSpecialty + weights.field) return 'strong';
  if (score >= weights.relatedSpecialty + weights.sameFormerDistrict) return 'good';
  return 'possible';
}

/**
 * The best candidates first. Only those that answer the need or share the field count: a free
 * expert in the same commune who knows nothing of the subject is not a suggestion.
 */
export function rankCandidates<C extends Candidate>(
  target: Target,
  candidates: readonly C[],
  limit = 5,
): Suggestion<C>[] {
  const pairs = wordPairs(target.text);
  return candidates
    .map((c) => score(target, c, pairs))
    .filter((s) =>
      s.reasons.some(
        (r) =>
          r.key === 'matching.reason.specialty' ||
          r.key === 'matching.reason.offers' ||
          r.key === 'matching.reason.field',
      ),
    )
    .sort((a, b) => b.score - a.score || a.candidate.name.localeCompare(b.candidate.name, 'vi'))
    .slice(0, limit);
}
