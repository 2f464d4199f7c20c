import ExcelJS from 'exceljs';
import { type Actor, isStaff } from '#kernel/auth/roles.ts';
import type { Db } from '#kernel/db/client.ts';
import { AppError } from '#kernel/http/errors.ts';
import { formatDate, type Translator } from '#kernel/i18n/index.ts';
import { evidenceOf, type Figure, type Indicator, indicatorById, indicators, ledgerCharts } from './indicators.ts';
import { type Period, quartersOf } from './period.ts';

export interface ReportLine {
  indicator: Indicator;
  figure: Figure;
}

export interface Report {
  period: Period;
  lines: ReportLine[];
  /** Support entries starting in each quarter of the period: the first chart. */
  byQuarter: { label: string; count: number }[];
  /** Support entries under way in the period by kind, and projects supported by commune: charts. */
  byKind: { label: string; count: number }[];
  byCommune: { label: string; count: number }[];
}

function assertStaff(actor: Actor | null) {
  if (!isStaff(actor)) throw new AppError('forbidden');
}

/**
 * Every indicator of the period with its breakdowns, and the ledger by quarter, kind and commune.
 * `evidence: true` also reads the records behind each figure (the workbook and the CLI's JSON
 * list them; the page links to them).
 */
export async function buildReport({
  db,
  actor,
  period,
  t,
  evidence = false,
}: {
  db: Db;
  actor: Actor | null;
  period: Period;
  t: Translator;
  evidence?: boolean;
}): Promise<Report> {
  assertStaff(actor);
  // The reads the indicators share are kept per period object: this report asks with its own, so
  // a caller that builds reports again with the same period (a test, the CLI) never gets old figures.
  const p: Period = { ...period };
  // The indicators ask at once: on PostgreSQL their queries run side by side on the pool's
  // connections (the reads they share are made once); PGlite takes them one after another.
  const [lines, { startedByQuarter, byKind, byCommune }] = await Promise.all([
    Promise.all(
      indicators.map(async (indicator): Promise<ReportLine> => {
        const figure = await indicator.compute(db, p, t);
        if (evidence) figure.evidence = await evidenceOf(db, indicator, figure, p, t);
        return { indicator, figure };
      }),
    ),
    ledgerCharts(db, p, t),
  ]);
  const byQuarter = quartersOf(period).map((q) => ({
    label: q.label,
    count: startedByQuarter.get(`${q.from.slice(0, 4)}-${Math.floor((Number(q.from.slice(5, 7)) - 1) / 3) + 1}`) ?? 0,
  }));
  return { period, lines, byQuarter, byKind, byCommune };
}

/** One indicator's figure and evidence for the period. */
export async function indicatorEvidence({
  db,
  actor,
  id,
  period,
  t,
}: {
  db: Db;
  actor: Actor | null;
  id: string;
  period: Period;
  t: Translator;
}): Promise<ReportLine> {
  assertStaff(actor);
  const indicator = indicatorById(id);
  if (!indicator) throw new AppError('not_found', 'reports.notFound');
  const p: Period = { ...period }; // its own period object: the shared reads are kept per object
  const figure = await indicator.compute(db, p, t);
  figure.evidence = await evidenceOf(db, indicator, figure, p, t);
  return { indicator, figure };
}

/** Sheet names: at most 31 characters, none of : \ / ? * [ ]. */
const sheetName = (s: string, used: Set<string>) => {
  const base = s.replace(/[:\\/?*[\]]/g, ' ').slice(0, 28);
  let name = base;
  for (let i = 2; used.has(name); i++) name = `${base.slice(0, 26)} ${i}`;
  used.add(name);
  return name;
};

const excelDate = (day: string) => new Date(`${day}T00:00:00Z`);

/**
 * The report as an Excel workbook: a summary sheet (each indicator, its definition, unit and
 * figure) and one evidence sheet per indicator, with Vietnamese headers and real dates.
 */
export async function reportWorkbook(report: Report, t: Translator, baseUrl = ''): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Kết Nối';
  const used = new Set<string>();
  const summary = wb.addWorksheet(sheetName(t('reports.xlsx.summary'), used));
  summary.addRow([t('reports.title')]).font = { bold: true, size: 14 };
  summary.addRow([
    t('reports.xlsx.period'),
    t('reports.period.label', { from: formatDate(report.period.from), to: formatDate(report.period.to) }),
  ]);
  summary.addRow([]);
  const header = summary.addRow([
    t('reports.col.indicator'),
    t('reports.col.value'),
    t('reports.col.unit'),
    t('reports.col.definition'),
  ]);
  header.font = { bold: true };
  for (const { indicator, figure } of report.lines)
    summary.addRow([t(indicator.name), figure.value, t(indicator.unit), t(indicator.definition)]);
  summary.columns = [{ width: 48 }, { width: 12 }, { width: 12 }, { width: 90 }];
  for (const { indicator, figure } of report.lines) {
    const sheet = wb.addWorksheet(sheetName(t(indicator.name), used));
    sheet.addRow([t(indicator.name)]).font = { bold: true };
    sheet.addRow([t(indicator.definition)]);
    const h = sheet.addRow([
      t('reports.col.day'),
      t('reports.col.record'),
      t('reports.col.detail'),
      t('reports.xlsx.link'),
    ]);
    h.font = { bold: true };
    for (const row of figure.evidence ?? []) {
      const r = sheet.addRow([excelDate(row.day), row.label, row.detail, row.href ? `${baseUrl}${row.href}` : '']);
      r.getCell(1).numFmt = 'dd/mm/yyyy';
    }
    sheet.columns = [{ width: 12 }, { width: 48 }, { width: 60 }, { width: 50 }];
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The report as plain data (the CLI's JSON). */
export function reportJson(report: Report, t: Translator) {
  return {
    period: report.period,
    indicators: report.lines.map(({ indicator, figure }) => ({
      id: indicator.id,
      name: t(indicator.name),
      definition: t(indicator.definition),
      unit: t(indicator.unit),
      value: figure.value,
      breakdowns: figure.breakdowns.map((b) => ({ title: t(b.title), rows: b.rows })),
      evidence: figure.evidence,
    })),
    byQuarter: report.byQuarter,
  };
}
