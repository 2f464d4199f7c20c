import type { Db } from '#kernel/db/client.ts';
import { formatVnd, type MessageKey, type Translator } from '#kernel/i18n/index.ts';
import { labelOf } from '#kernel/ui/labels.ts';
import { coursesHeld, peopleTrained } from '#modules/events/index.ts';
import { peopleByIds } from '#modules/people/index.ts';
import { connectionFacts, listingFacts } from '#modules/products/index.ts';
import { type RequestFact, requestsReceived, requestsResolved } from '#modules/requests/index.ts';
import { type LedgerFact, ledgerFacts } from '#modules/support/index.ts';
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
  evidence: EvidenceRow[];
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
}

function tally(labels: string[]): Breakdown[] {
  const m = new Map<string, number>();
  for (const l of labels) m.set(l, (m.get(l) ?? 0) + 1);
  return [...m]
    .map(([label, count]) => ({ label, count }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'vi'));
}

const label = (t: Translator, prefix: string, code: string | null | undefined) =>
  code ? labelOf(t, prefix, code) : t('people.unknown');

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
  const evidence = [...projects.values()];
  return { value: evidence.length, evidence, breakdowns: [] };
}

/** Requests as a figure: one each, with its number, its day and the help asked for. */
function requestFigure(found: RequestFact[], t: Translator): Figure {
  return {
    value: found.length,
    evidence: found.map((r) => ({
      day: r.day,
      label: `YC-${r.number}`,
      href: `/yeu-cau/${r.number}`,
      detail: labelOf(t, 'project.need', r.kind),
    })),
    breakdowns: [],
  };
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
      return {
        value: courses.length,
        evidence: courses.map((c) => ({
          day: c.firstDay,
          label: c.title,
          href: `/su-kien/${c.slug}`,
          detail: t('reports.detail.sessions', { count: c.sessions, organiser: c.organiser }),
        })),
        breakdowns: [],
      };
    },
  },
  {
    id: 'nguoi-duoc-dao-tao',
    name: 'reports.ind.trained.name',
    definition: 'reports.ind.trained.def',
    unit: 'reports.unit.people',
    compute: async (db, p, t) => {
      const trainees = await peopleTrained(db, p.from, p.to);
      const people = await peopleByIds(
        db,
        trainees.map((x) => x.personId),
      );
      return {
        value: trainees.length,
        evidence: trainees.map((x) => ({
          day: x.firstDay,
          label: people.get(x.personId)?.fullName ?? '—',
          href: `/quan-ly/nguoi/${x.personId}`,
          detail:
            x.courses > 1 ? t('reports.detail.courses', { title: x.courseTitle, count: x.courses }) : x.courseTitle,
        })),
        breakdowns: [
          {
            title: 'reports.breakdown.sex',
            rows: tally(trainees.map((x) => label(t, 'people.sex', people.get(x.personId)?.sex))),
          },
          {
            title: 'reports.breakdown.ethnicity',
            rows: tally(trainees.map((x) => label(t, 'people.ethnicity', people.get(x.personId)?.ethnicity))),
          },
          {
            title: 'reports.breakdown.age',
            rows: tally(
              trainees.map((x) => {
                const born = people.get(x.personId)?.birthYear;
                return born ? t(`reports.age.${ageGroup(Number(x.firstDay.slice(0, 4)) - born)}`) : t('people.unknown');
              }),
            ),
          },
        ],
      };
    },
  },
  {
    id: 'du-an-duoc-tu-van',
    name: 'reports.ind.consulted.name',
    definition: 'reports.ind.consulted.def',
    unit: 'reports.unit.projects',
    compute: async (db, p) => byProject(await ledgerFacts(db, { from: p.from, to: p.to, kinds: ['consulting'] })),
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
      return {
        value: evidence.length,
        evidence,
        breakdowns: [
          { title: 'reports.breakdown.platform', rows: tally([...pairs].map((x) => x.split('|')[1] ?? '')) },
        ],
      };
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
      const evidence = [...seen.values()];
      return { value: evidence.length, evidence, breakdowns: [] };
    },
  },
  {
    id: 'du-an-duoc-ho-tro-khong-gian',
    name: 'reports.ind.space.name',
    definition: 'reports.ind.space.def',
    unit: 'reports.unit.projects',
    compute: async (db, p) => byProject(await ledgerFacts(db, { from: p.from, to: p.to, kinds: ['space'] })),
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
    compute: async (db, p, t) => requestFigure(await requestsReceived(db, p.from, p.to), t),
  },
  {
    id: 'yeu-cau-giai-quyet',
    name: 'reports.ind.requestsResolved.name',
    definition: 'reports.ind.requestsResolved.def',
    unit: 'reports.unit.requests',
    compute: async (db, p, t) => requestFigure(await requestsResolved(db, p.from, p.to), t),
  },
];

export const indicatorById = (id: string) => indicators.find((i) => i.id === id);
