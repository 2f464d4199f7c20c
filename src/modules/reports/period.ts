import { z } from 'zod';

/** A real calendar day written YYYY-MM-DD (2022-02-30 is not one). */
export function isRealDay(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** A required day, YYYY-MM-DD and on the calendar; `required` is the message when it is blank. */
export const day = (required: string) =>
  z
    .string({ error: required })
    .trim()
    .superRefine((s, ctx) => {
      if (s === '') ctx.addIssue({ code: 'custom', message: required });
      else if (!isRealDay(s)) ctx.addIssue({ code: 'custom', message: 'reports.period.dateInvalid' });
    });

/** The longest period a report covers. */
export const maxYears = 20;

/** The period's two fields, for forms that ask for a period among other things. */
export const periodFields = {
  from: day('reports.period.fromRequired'),
  to: day('reports.period.toRequired'),
};

/** The checks across both days: the end not before the start, at most 20 years. */
export function checkPeriod(p: { from: string; to: string }, ctx: z.RefinementCtx) {
  if (!isRealDay(p.from) || !isRealDay(p.to)) return;
  if (p.to < p.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'reports.period.order' });
  else {
    const limit = `${Number(p.from.slice(0, 4)) + maxYears}${p.from.slice(4)}`;
    if (p.to >= limit) ctx.addIssue({ code: 'custom', path: ['to'], message: 'reports.period.tooLong' });
  }
}

/**
 * A report's period: from – to, both days included. Refused with a sentence: a day that does not
 * exist, an end before the start, more than 20 years.
 */
export const Period = z.object(periodFields).superRefine(checkPeriod);
export type Period = z.infer<typeof Period>;

export interface Preset {
  key: 'thisYear' | 'lastYear' | 'q1' | 'q2' | 'q3' | 'q4' | 'last6Months';
  from: string;
  to: string;
}

const iso = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10);

/** The periods officers ask for most, counted from Vietnam's today. */
export function presets(today: string): Preset[] {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  const d = Number(today.slice(8, 10));
  const quarter = (q: 1 | 2 | 3 | 4): Preset => ({
    key: `q${q}`,
    from: iso(y, q * 3 - 2, 1),
    to: iso(y, q * 3 + 1, 0),
  });
  return [
    { key: 'thisYear', from: iso(y, 1, 1), to: today },
    { key: 'lastYear', from: iso(y - 1, 1, 1), to: iso(y - 1, 12, 31) },
    quarter(1),
    quarter(2),
    quarter(3),
    quarter(4),
    { key: 'last6Months', from: iso(y, m - 6, d + 1), to: today },
  ];
}

/** The quarters a period touches, as `2022 Q1` labels with their own bounds (for charts). */
export function quartersOf(p: Period): { label: string; from: string; to: string }[] {
  const out: { label: string; from: string; to: string }[] = [];
  let y = Number(p.from.slice(0, 4));
  let q = Math.floor((Number(p.from.slice(5, 7)) - 1) / 3) + 1;
  for (let i = 0; i < maxYears * 4 + 4; i++) {
    const from = iso(y, q * 3 - 2, 1);
    if (from > p.to) break;
    out.push({ label: `${q}/${y}`, from, to: iso(y, q * 3 + 1, 0) });
    q += 1;
    if (q > 4) {
      q = 1;
      y += 1;
    }
  }
  return out;
}
