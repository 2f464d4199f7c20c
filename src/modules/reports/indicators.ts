import type { Db } from '#kernel/db/client.ts';
import { formatNumber, formatVnd, type MessageKey, type Translator } from '#kernel/i18n/index.ts';
import { labelOf } from '#kernel/ui/labels.ts';
import { coursesHeld, peopleTrained, traineeGroups } from '#modules/events/index.ts';
import { peopleByIds } from '#modules/people/index.ts';
import { communesOf } from '#modules/places/index.ts';
import { connectionFacts, listingFacts } from '#modules/products/index.ts';
import { type RequestFact, requestCounts, requestsReceived, requestsResolved } from '#modules/requests/index.ts';
import { visitEvidence, visitFigures } from '#modules/spaces/index.ts';
import {
  type LedgerFact,
  type LedgerGroup,
  type LedgerSummary,
  ledgerFacts,
  ledgerSummary,
  providerFacts,
  type SupportKind,
} from '#modules/support/index.ts';
import type { Period } from './period.ts';

/** One record behind a figure: what it is, its day, where to open it. */
export interface EvidenceRow {
  day: string;
  label: string;
  href: string | null;
  detail: string;
}

export interface Breakdown {
  label: string;
  count: number;
}

export interface Figure {
  value: number;
  /** How many records stand behind the figure (the rows of its evidence). */
  records: number;
  /**
   * The records, when the indicator reads them with the figure; the figures added up in the
   * database leave them to `Indicator.evidence`, read only when someone asks.
   */
  evidence?: EvidenceRow[];
  /** The figure split by sex, platform, event…: each a title and its groups. */
  breakdowns: { title: MessageKey; rows: Breakdown[] }[];
}

/**
 * An indicator: its id (in links), its name and definition in words (Vietnamese and English, in
 * reports.i18n.ts), the unit it counts, the breakdowns it gives and the query behind it.
 */
export interface Indicator {
  id: string;
  name: MessageKey;
  definition: MessageKey;
  unit: MessageKey;
  compute: (db: Db, p: Period, t: Translator) => Promise<Figure>;
  /** The records behind a figure that `compute` counted without reading them. */
  evidence?: (db: Db, p: Period, t: Translator) => Promise<EvidenceRow[]>;
}

/** A figure whose value is its number of records. */
const listed = (evidence: EvidenceRow[], breakdowns: Figure['breakdowns'] = []): Figure => ({
  value: evidence.length,
  records: evidence.length,
  evidence,
  breakdowns,
});

/** Groups with the same label added together, the largest first. */
function merged(groups: Breakdown[]): Breakdown[] {
  const m = new Map<string, number>();
  for (const g of groups) m.set(g.label, (m.get(g.label) ?? 0) + g.count);
  return [...m]
    .map(([label, count]) => ({ label, count }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'vi'));
}

const tally = (labels: string[]): Breakdown[] => merged(labels.map((label) => ({ label, count: 1 })));

/** Age groups as provincial reports count them, at the date of the course (not today). */
export function ageGroup(age: number): 'under30' | '30to44' | '45to59' | '60plus' {
  if (age < 30) return 'under30';
  if (age < 45) return '30to44';
  if (age < 60) return '45to59';
  return '60plus';
}

/** Distinct projects of ledger entries, each with its first day and what it received. */
function byProject(entries: LedgerFact[]): Figure {
  const projects = new Map<string, EvidenceRow>();
  for (const e of entries) {
    if (!e.projectId) continue;
    const seen = projects.get(e.projectId);
    if (seen) {
      if (!seen.detail.includes(e.title)) seen.detail = `${seen.detail}; ${e.title}`;
    } else
      projects.set(e.projectId, {
        day: e.startedOn,
        label: e.projectName ?? '—',
        href: e.projectSlug ? `/du-an/${e.projectSlug}` : null,
        detail: e.title,
      });
  }
  return listed([...projects.values()]);
}

/** Requests as evidence: one each, with its number, its day and the help asked for. */
const requestRows = (found: RequestFact[], t: Translator): EvidenceRow[] =>
  found.map((r) => requestRow(r, labelOf(t, 'project.need', r.kind)));

const requestRow = (r: RequestFact, detail: string): EvidenceRow => ({
  day: r.day,
  label: `YC-${r.number}`,
  href: `/yeu-cau/${r.number}`,
  detail,
});

/** A figure counted in the database, one record each; the records are read on request. */
const counted = (n: number): Figure => ({ value: n, records: n, breakdowns: [] });

/** Whole days from one ISO day to another. */
const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/**
 * A read several indicators share, done once per report: kept per database and per period object
 * (each request parses its own period, so nothing outlives the report that asked).
 */
function oncePerPeriod<T>(read: (db: Db, p: Period) => Promise<T>): (db: Db, p: Period) => Promise<T> {
  const kept = new WeakMap<Db, WeakMap<Period, Promise<T>>>();
  return (db, p) => {
    let forDb = kept.get(db);
    if (!forDb) {
      forDb = new WeakMap();
      kept.set(db, forDb);
    }
    let found = forDb.get(p);
    if (!found) {
      found = read(db, p);
      forDb.set(p, found);
    }
    return found;
  };
}

/** The ledger added up by kind, commune and field: the indicators that split it share one query. */
const summaryOf = oncePerPeriod((db, p) => ledgerSummary(db, p));

/** The period's requests counted: three indicators use them. */
const requestsOf = oncePerPeriod((db, p) => requestCounts(db, p.from, p.to));

/** Distinct projects given one kind of support in the period, from the summary. */
function projectsOfKind(summary: LedgerSummary, kind: SupportKind): Figure {
  return counted(summary.byKind.find((g) => g.key === kind)?.projects ?? 0);
}

const groupRows = (groups: LedgerGroup[], name: (key: string) => string, pick: 'entries' | 'projects', t: Translator) =>
  groups
    .map((g) => ({ label: g.key ? name(g.key) : t('people.unknown'), count: g[pick] }))
    .filter((r) => r.count > 0)
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'vi'));

/** Groups by commune, and the same added up by the district the commune belonged to before 2025. */
async function placeRows(db: Db, groups: LedgerGroup[], pick: 'entries' | 'projects', t: Translator) {
  const communes = await communesOf(
    db,
    groups.map((g) => g.key),
  );
  const commune = groupRows(groups, (k) => communes.get(k)?.name ?? k, pick, t);
  const districts = new Map<string, number>();
  for (const g of groups) {
    const name = (g.key && communes.get(g.key)?.formerDistrictName) || t('people.unknown');
    districts.set(name, (districts.get(name) ?? 0) + g[pick]);
  }
  const district = [...districts]
    .map(([label, count]) => ({ label, count }))
    .filter((r) => r.count > 0)
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'vi'));
  return { commune, district };
}

/** A ledger entry as evidence: its day, its beneficiary and what was given. */
async function entryRows(db: Db, entries: LedgerFact[], t: Translator): Promise<EvidenceRow[]> {
  const people = await peopleByIds(
    db,
    entries.filter((e) => !e.projectId && e.personId).map((e) => e.personId ?? ''),
  );
  return entries.map((e) => ({
    day: e.startedOn,
    label: e.projectName ?? people.get(e.personId ?? '')?.fullName ?? '—',
    href: e.projectSlug ? `/du-an/${e.projectSlug}` : e.personId ? `/quan-ly/nguoi/${e.personId}` : null,
    detail: `${labelOf(t, 'support.kind', e.kind)}: ${e.title}`,
  }));
}

/** The indicators of the Department's report, in the order the report shows them. */
export const indicators: Indicator[] = [
  {
    id: 'khoa-dao-tao',
    name: 'reports.ind.courses.name',
    definition: 'reports.ind.courses.def',
    unit: 'reports.unit.courses',
    compute: async (db, p, t) => {
      const courses = await coursesHeld(db, p.from, p.to);
      return listed(
        courses.map((c) => ({
          day: c.firstDay,
          label: c.title,
          href: `/su-kien/${c.slug}`,
          detail: t('reports.detail.sessions', { count: c.sessions, organiser: c.organiser }),
        })),
      );
    },
  },
  {
    id: 'nguoi-duoc-dao-tao',
    name: 'reports.ind.trained.name',
    definition: 'reports.ind.trained.def',
    unit: 'reports.unit.people',
    compute: async (db, p, t) => {
      // Counted and split in the database; the people themselves are read only as evidence.
      const groups = await traineeGroups(db, p.from, p.to);
      const rows = <K>(found: { key: K | null; count: number }[], name: (key: K) => string) =>
        merged(found.map((g) => ({ label: g.key === null ? t('people.unknown') : name(g.key), count: g.count })));
      const places = await placeRows(
        db,
        groups.byCommune.map((g) => ({ key: g.key, entries: g.count, projects: g.count })),
        'entries',
        t,
      );
      return {
        value: groups.people,
        records: groups.people,
        breakdowns: [
          { title: 'reports.breakdown.sex', rows: rows(groups.bySex, (k) => labelOf(t, 'people.sex', k)) },
          {
            title: 'reports.breakdown.ethnicity',
            rows: rows(groups.byEthnicity, (k) => labelOf(t, 'people.ethnicity', k)),
          },
          { title: 'reports.breakdown.age', rows: rows(groups.byAge, (age) => t(`reports.age.${ageGroup(age)}`)) },
          { title: 'reports.breakdown.district', rows: places.district },
          { title: 'reports.breakdown.commune', rows: places.commune },
        ],
      };
    },
    evidence: async (db, p, t) => {
      const trainees = await peopleTrained(db, p.from, p.to);
      const people = await peopleByIds(
        db,
        trainees.map((x) => x.personId),
      );
      return trainees.map((x) => ({
        day: x.firstDay,
        label: people.get(x.personId)?.fullName ?? '—',
        href: `/quan-ly/nguoi/${x.personId}`,
        detail: x.courses > 1 ? t('reports.detail.courses', { title: x.courseTitle, count: x.courses }) : x.courseTitle,
      }));
    },
  },
  {
    id: 'du-an-duoc-tu-van',
    name: 'reports.ind.consulted.name',
    definition: 'reports.ind.consulted.def',
    unit: 'reports.unit.projects',
    compute: async (db, p) => projectsOfKind(await summaryOf(db, p), 'consulting'),
    evidence: async (db, p) =>
      byProject(await ledgerFacts(db, { from: p.from, to: p.to, kinds: ['consulting'] })).evidence ?? [],
  },
  {
    id: 'san-pham-len-nen-tang-so',
    name: 'reports.ind.listed.name',
    definition: 'reports.ind.listed.def',
    unit: 'reports.unit.products',
    compute: async (db, p, t) => {
      const entries = await ledgerFacts(db, {
        from: p.from,
        to: p.to,
        sourceKinds: ['listing'],
        on: 'start',
        status: 'done',
      });
      const facts = await listingFacts(db, entries.map((e) => e.sourceId ?? '').filter(Boolean));
      const products = new Map<string, EvidenceRow & { platforms: string[] }>();
      const pairs = new Set<string>();
      for (const e of entries) {
        const f = facts.get(e.sourceId ?? '');
        if (!f?.productId) continue;
        const platform = f.platform ? labelOf(t, 'products.platform', f.platform) : '';
        pairs.add(`${f.productId}|${platform}`);
        const seen = products.get(f.productId);
        if (seen) {
          if (!seen.platforms.includes(platform)) seen.platforms.push(platform);
        } else
          products.set(f.productId, {
            day: e.startedOn,
            label: f.productName ?? '—',
            href: f.productSlug ? `/san-pham/${f.productSlug}` : null,
            detail: '',
            platforms: [platform],
          });
      }
      const evidence = [...products.values()].map(({ platforms, ...row }) => ({
        ...row,
        detail: platforms.join(', '),
      }));
      return listed(evidence, [
        { title: 'reports.breakdown.platform', rows: tally([...pairs].map((x) => x.split('|')[1] ?? '')) },
      ]);
    },
  },
  {
    id: 'san-pham-ky-hop-dong',
    name: 'reports.ind.contracted.name',
    definition: 'reports.ind.contracted.def',
    unit: 'reports.unit.products',
    compute: async (db, p, t) => {
      const entries = await ledgerFacts(db, {
        from: p.from,
        to: p.to,
        sourceKinds: ['sales_connection'],
        on: 'end',
        status: 'done',
      });
      const facts = await connectionFacts(db, entries.map((e) => e.sourceId ?? '').filter(Boolean));
      const seen = new Map<string, EvidenceRow>();
      for (const e of entries) {
        const f = facts.get(e.sourceId ?? '');
        const key = f?.productId ?? `project:${e.projectId}`;
        const value = e.figures.contractValueVnd;
        const detail = [
          e.providerName,
          value !== undefined ? t('reports.detail.contract', { value: formatVnd(value) }) : '',
          e.figures.salesGrowthPercent !== undefined
            ? t('reports.detail.growth', { value: e.figures.salesGrowthPercent })
            : '',
        ]
          .filter(Boolean)
          .join(' · ');
        if (!seen.has(key))
          seen.set(key, {
            day: e.endedOn ?? e.startedOn,
            label: f?.productName ?? e.projectName ?? '—',
            href: e.sourceId ? `/ket-noi-tieu-thu/${e.sourceId}` : null,
            detail,
          });
      }
      return listed([...seen.values()]);
    },
  },
  {
    id: 'du-an-duoc-ho-tro-khong-gian',
    name: 'reports.ind.space.name',
    definition: 'reports.ind.space.def',
    unit: 'reports.unit.projects',
    compute: async (db, p) => projectsOfKind(await summaryOf(db, p), 'space'),
    evidence: async (db, p) =>
      byProject(await ledgerFacts(db, { from: p.from, to: p.to, kinds: ['space'] })).evidence ?? [],
  },
  {
    id: 'luot-den-lam-viec',
    name: 'reports.ind.visits.name',
    definition: 'reports.ind.visits.def',
    unit: 'reports.unit.visits',
    compute: async (db, p, t) => {
      // Each visit is one ledger entry (source visit); the visits module adds them up by month and purpose.
      const v = await visitFigures(db, p.from, p.to);
      const month = (key: string) => key.split('-').reverse().join('/');
      return {
        value: v.visits,
        records: v.visits,
        breakdowns: [
          { title: 'reports.breakdown.people', rows: [{ label: t('reports.unit.people'), count: v.people }] },
          { title: 'reports.breakdown.month', rows: v.byMonth.map((m) => ({ label: month(m.key), count: m.count })) },
          {
            title: 'reports.breakdown.purpose',
            rows: merged(v.byPurpose.map((g) => ({ label: labelOf(t, 'visits.purpose', g.key), count: g.count }))),
          },
        ],
      };
    },
    evidence: async (db, p, t) =>
      (await visitEvidence(db, p.from, p.to)).map((v) => ({
        day: v.day,
        label: v.fullName,
        href: `/quan-ly/nguoi/${v.personId}`,
        detail: labelOf(t, 'visits.purpose', v.purpose),
      })),
  },
  {
    id: 'du-an-duoc-de-cu',
    name: 'reports.ind.nominated.name',
    definition: 'reports.ind.nominated.def',
    unit: 'reports.unit.projects',
    compute: async (db, p) => {
      const entries = await ledgerFacts(db, { from: p.from, to: p.to, sourceKinds: ['nomination'], on: 'start' });
      const figure = byProject(entries);
      const projects = new Map(entries.filter((e) => e.projectId).map((e) => [`${e.projectId}|${e.title}`, e.title]));
      return { ...figure, breakdowns: [{ title: 'reports.breakdown.event', rows: tally([...projects.values()]) }] };
    },
  },
  {
    id: 'yeu-cau-nhan',
    name: 'reports.ind.requestsReceived.name',
    definition: 'reports.ind.requestsReceived.def',
    unit: 'reports.unit.requests',
    compute: async (db, p) => counted((await requestsOf(db, p)).received),
    evidence: async (db, p, t) => requestRows(await requestsReceived(db, p.from, p.to), t),
  },
  {
    id: 'yeu-cau-giai-quyet',
    name: 'reports.ind.requestsResolved.name',
    definition: 'reports.ind.requestsResolved.def',
    unit: 'reports.unit.requests',
    compute: async (db, p) => counted((await requestsOf(db, p)).resolved),
    evidence: async (db, p, t) => requestRows(await requestsResolved(db, p.from, p.to), t),
  },
  {
    id: 'so-ngay-giai-quyet',
    name: 'reports.ind.resolveDays.name',
    definition: 'reports.ind.resolveDays.def',
    unit: 'reports.unit.days',
    compute: async (db, p) => {
      const { resolved, medianDaysToResolve } = await requestsOf(db, p);
      return { value: medianDaysToResolve, records: resolved, breakdowns: [] };
    },
    evidence: async (db, p, t) =>
      (await requestsResolved(db, p.from, p.to)).map((r) =>
        requestRow(r, t('reports.detail.days', { count: Math.max(0, daysBetween(r.receivedOn, r.day)) })),
      ),
  },
  {
    id: 'chuyen-gia-tham-gia',
    name: 'reports.ind.experts.name',
    definition: 'reports.ind.experts.def',
    unit: 'reports.unit.experts',
    compute: async (db, p, t) => {
      const experts = await providerFacts(db, { from: p.from, to: p.to, sourceKind: 'engagement' });
      return listed(
        experts.map((e) => ({
          day: e.firstDay,
          label: e.providerName,
          href: null,
          detail: t('reports.detail.expert', { projects: e.projects, hours: formatHours(e.hours, t) }),
        })),
      );
    },
  },
  {
    id: 'gio-tu-van',
    name: 'reports.ind.hours.name',
    definition: 'reports.ind.hours.def',
    unit: 'reports.unit.hours',
    compute: async (db, p, t) => {
      const experts = await providerFacts(db, { from: p.from, to: p.to, sourceKind: 'engagement' });
      const hours = Math.round(experts.reduce((sum, e) => sum + e.hours, 0) * 10) / 10;
      const evidence = experts.map((e) => ({
        day: e.firstDay,
        label: e.providerName,
        href: null,
        detail: t('reports.detail.hours', { hours: formatHours(e.hours, t), projects: e.projects }),
      }));
      return { value: hours, records: evidence.length, evidence, breakdowns: [] };
    },
  },
  {
    id: 'doi-tac-duoc-gioi-thieu',
    name: 'reports.ind.partners.name',
    definition: 'reports.ind.partners.def',
    unit: 'reports.unit.partners',
    compute: async (db, p, t) => {
      const partners = await providerFacts(db, { from: p.from, to: p.to, sourceKind: 'introduction' });
      return listed(
        partners.map((e) => ({
          day: e.firstDay,
          label: e.providerName,
          href: null,
          detail: t('reports.detail.partner', { projects: e.projects }),
        })),
      );
    },
  },
  {
    id: 'luot-ho-tro',
    name: 'reports.ind.entries.name',
    definition: 'reports.ind.entries.def',
    unit: 'reports.unit.entries',
    compute: async (db, p, t) => {
      const summary = await summaryOf(db, p);
      return {
        value: summary.entries,
        records: summary.entries,
        breakdowns: [
          {
            title: 'reports.breakdown.kind',
            rows: groupRows(summary.byKind, (k) => labelOf(t, 'support.kind', k), 'entries', t),
          },
        ],
      };
    },
    evidence: async (db, p, t) => entryRows(db, await ledgerFacts(db, { from: p.from, to: p.to }), t),
  },
  {
    id: 'du-an-duoc-ho-tro',
    name: 'reports.ind.supported.name',
    definition: 'reports.ind.supported.def',
    unit: 'reports.unit.projects',
    compute: async (db, p, t) => {
      const summary = await summaryOf(db, p);
      const places = await placeRows(db, summary.byCommune, 'projects', t);
      return {
        value: summary.projects,
        records: summary.projects,
        breakdowns: [
          {
            title: 'reports.breakdown.kind',
            rows: groupRows(summary.byKind, (k) => labelOf(t, 'support.kind', k), 'projects', t),
          },
          { title: 'reports.breakdown.district', rows: places.district },
          { title: 'reports.breakdown.commune', rows: places.commune },
          {
            title: 'reports.breakdown.field',
            rows: groupRows(summary.byField, (k) => labelOf(t, 'project.field', k), 'projects', t),
          },
        ],
      };
    },
    evidence: async (db, p) => byProject(await ledgerFacts(db, { from: p.from, to: p.to })).evidence ?? [],
  },
];

/** The records behind a figure: those read with it, or read now. */
export async function evidenceOf(db: Db, indicator: Indicator, figure: Figure, p: Period, t: Translator) {
  return figure.evidence ?? (indicator.evidence ? await indicator.evidence(db, p, t) : []);
}

/** The ledger summary of a period as bars: entries by quarter (keyed `YYYY-Q`), by kind, projects by commune. */
export async function ledgerCharts(db: Db, p: Period, t: Translator) {
  const summary = await summaryOf(db, p);
  const places = await placeRows(db, summary.byCommune, 'projects', t);
  return {
    startedByQuarter: summary.byQuarter,
    byKind: groupRows(summary.byKind, (k) => labelOf(t, 'support.kind', k), 'entries', t),
    byCommune: places.commune,
  };
}

const formatHours = (h: number, t: Translator) => formatNumber(Math.round(h * 10) / 10, t.lang);

export const indicatorById = (id: string) => indicators.find((i) => i.id === id);
