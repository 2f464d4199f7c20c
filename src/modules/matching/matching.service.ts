import type { Db } from '#kernel/db/client.ts';
import { expertLoads } from '#modules/engagements/index.ts';
import { expertSkills, expertsWithSkills, specialtiesForNeed } from '#modules/experts/index.ts';
import { partnerOffer, partnersOffering } from '#modules/partners/index.ts';
import { type Commune, listCommunes } from '#modules/places/index.ts';
import { findProject, projectsNeeding, type SupportNeed, supportNeeds } from '#modules/projects/index.ts';
import {
  type Candidate,
  type ExpertCandidate,
  type PartnerCandidate,
  rankCandidates,
  type Suggestion,
  type Target,
} from './matching.score.ts';

/** How many candidates are scored at most: the SQL narrows to those that could answer at all. */
const POOL = 200;
/** The start of a profile is what says what someone does: the words compared stop there. */
const TEXT_CHARS = 400;

interface Places {
  bySlug: Map<string, Commune>;
}

async function places(db: Db, province: string): Promise<Places> {
  const communes = await listCommunes(db, province);
  return { bySlug: new Map(communes.map((c) => [c.slug, c])) };
}

function districtsOf(p: Places, communes: readonly string[]): string[] {
  return [...new Set(communes.map((c) => p.bySlug.get(c)?.formerDistrictSlug).filter((d): d is string => !!d))];
}

export interface TargetInput {
  needs: readonly SupportNeed[];
  /** The project asked about, if any (a walk-in's request may have none). */
  projectId?: string | null;
  /** The request's commune, when there is no project. */
  communeSlug?: string | null;
  text: string;
}

async function targetOf(db: Db, province: string, input: TargetInput): Promise<{ target: Target; where: Places }> {
  const where = await places(db, province);
  const p = input.projectId ? await findProject(db, input.projectId) : null;
  const communeSlug = p?.communeSlug ?? input.communeSlug ?? null;
  const c = communeSlug ? where.bySlug.get(communeSlug) : undefined;
  return {
    where,
    target: {
      needs: input.needs,
      field: p?.field ?? null,
      stage: p?.stage ?? null,
      commune: communeSlug,
      communeName: c?.name ?? null,
      formerDistrict: c?.formerDistrictSlug ?? null,
      formerDistrictName: c?.formerDistrictName ?? null,
      text: [input.text, p?.name ?? '', p?.summary ?? ''].join(' '),
    },
  };
}

async function expertCandidates(db: Db, where: Places, target: Target): Promise<ExpertCandidate[]> {
  const specialties = [...new Set(target.needs.flatMap((n) => specialtiesForNeed[n] ?? []))];
  const rows = await expertsWithSkills(
    db,
    { specialties, fields: target.field ? [target.field] : [] },
    POOL,
    TEXT_CHARS,
  );
  return rows.map(({ userId, about, ...r }) => ({
    ...r,
    id: userId,
    text: about,
    type: 'expert' as const,
    formerDistricts: districtsOf(where, r.communes),
    openEngagements: 0,
    pastByField: {},
  }));
}

/**
 * Experts ranked in two passes: by what they know and where they work, then the best few again
 * with their load and past engagements (the only part that reads the engagements, so it stays
 * cheap with thousands of them). Load and history move a score by at most a few points, so the
 * first pass keeps four times as many as are shown.
 */
async function rankExperts(
  db: Db,
  target: Target,
  candidates: ExpertCandidate[],
  limit: number,
): Promise<Suggestion<ExpertCandidate>[]> {
  const shortlist = rankCandidates(target, candidates, limit * 4).map((s) => s.candidate);
  const loads = await expertLoads(
    db,
    shortlist.map((c) => c.id),
  );
  const withHistory = shortlist.map((c) => ({
    ...c,
    openEngagements: loads.get(c.id)?.open ?? 0,
    pastByField: loads.get(c.id)?.pastByField ?? {},
  }));
  return rankCandidates(target, withHistory, limit);
}

async function partnerCandidates(db: Db, where: Places, target: Target): Promise<PartnerCandidate[]> {
  const rows = await partnersOffering(
    db,
    { offers: target.needs, fields: target.field ? [target.field] : [] },
    POOL,
    TEXT_CHARS,
  );
  return rows.map(({ about, interested, ...r }) => ({
    ...r,
    text: about,
    pastInterested: interested,
    type: 'partner' as const,
    formerDistricts: districtsOf(where, r.communes),
  }));
}

export interface Suggestions {
  target: Target;
  experts: Suggestion<ExpertCandidate>[];
  partners: Suggestion<PartnerCandidate>[];
}

/**
 * The best experts and partners for what is asked, each with its reasons. Staff only (the caller checks).
 * @example const { experts, partners } = await suggestFor(db, province, { needs: ['consulting_ip'], projectId, text })
 */
export async function suggestFor(db: Db, province: string, input: TargetInput, limit = 5): Promise<Suggestions> {
  const { target, where } = await targetOf(db, province, input);
  const [experts, partners] = await Promise.all([
    expertCandidates(db, where, target),
    partnerCandidates(db, where, target),
  ]);
  return {
    target,
    experts: await rankExperts(db, target, experts, limit),
    partners: rankCandidates(target, partners, limit),
  };
}

export interface ProjectSuggestion {
  project: { id: string; slug: string; name: string; summary: string; isPublic: boolean };
  score: number;
  reasons: Suggestion['reasons'];
}

/** The needs an expert or a partner answers, for the reverse search. */
function needsAnswered(candidate: Candidate): SupportNeed[] {
  if (candidate.type === 'partner') return supportNeeds.filter((n) => candidate.offers.includes(n));
  return supportNeeds.filter((n) => (specialtiesForNeed[n] ?? []).some((s) => candidate.specialties.includes(s)));
}

/**
 * The reverse: projects that need what this expert or partner offers, best first. Open
 * projects' declared needs are compared; `publicOnly` for anyone but staff.
 */
async function projectsFor(
  db: Db,
  where: Places,
  candidate: Candidate,
  publicOnly: boolean,
  limit: number,
): Promise<ProjectSuggestion[]> {
  const rows = await projectsNeeding(
    db,
    { needs: needsAnswered(candidate), fields: candidate.fields, publicOnly },
    POOL,
  );
  const ranked: ProjectSuggestion[] = [];
  for (const r of rows) {
    const c = r.communeSlug ? where.bySlug.get(r.communeSlug) : undefined;
    const target: Target = {
      needs: r.needs.filter((n): n is SupportNeed => (supportNeeds as readonly string[]).includes(n)),
      field: r.field,
      stage: r.stage,
      commune: r.communeSlug,
      communeName: c?.name ?? null,
      formerDistrict: c?.formerDistrictSlug ?? null,
      formerDistrictName: c?.formerDistrictName ?? null,
      text: `${r.name} ${r.summary}`,
    };
    const [best] = rankCandidates(target, [candidate], 1);
    if (best)
      ranked.push({
        project: { id: r.id, slug: r.slug, name: r.name, summary: r.summary, isPublic: r.isPublic },
        score: best.score,
        reasons: best.reasons,
      });
  }
  return ranked.sort((a, b) => b.score - a.score || a.project.name.localeCompare(b.project.name, 'vi')).slice(0, limit);
}

export async function projectsForExpert(
  db: Db,
  province: string,
  expertUserId: string,
  publicOnly: boolean,
  limit = 10,
): Promise<ProjectSuggestion[]> {
  const where = await places(db, province);
  const row = await expertSkills(db, expertUserId);
  if (!row) return [];
  const loads = await expertLoads(db, [row.userId]);
  const candidate: ExpertCandidate = {
    type: 'expert',
    id: row.userId,
    name: row.name,
    slug: row.slug,
    specialties: row.specialties,
    fields: row.fields,
    communes: row.communes,
    formerDistricts: districtsOf(where, row.communes),
    anywhere: row.anywhere,
    text: row.about,
    openEngagements: 0,
    pastByField: loads.get(row.userId)?.pastByField ?? {},
  };
  return projectsFor(db, where, candidate, publicOnly, limit);
}

export async function projectsForPartner(
  db: Db,
  province: string,
  partnerId: string,
  publicOnly: boolean,
  limit = 10,
): Promise<ProjectSuggestion[]> {
  const where = await places(db, province);
  const row = await partnerOffer(db, partnerId);
  if (!row) return [];
  const candidate: PartnerCandidate = {
    type: 'partner',
    id: row.id,
    name: row.name,
    slug: row.slug,
    kind: row.kind,
    offers: row.offers,
    fields: row.fields,
    communes: row.communes,
    formerDistricts: districtsOf(where, row.communes),
    anywhere: row.anywhere,
    text: row.about,
    pastInterested: 0,
  };
  return projectsFor(db, where, candidate, publicOnly, limit);
}
