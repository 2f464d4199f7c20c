import { formatDate, type Translator } from '#kernel/i18n/index.ts';
import { labelOf } from '#kernel/ui/labels.ts';
import type { Breakdown, EventResults } from '../attendance/attendance.service.ts';
import { formatCode, hoursOf } from '../calendar/events.service.ts';
import type { RegistrationRow } from '../registrations/registrations.service.ts';

/** A cell a spreadsheet would run as a formula is kept as text (as in our CSV files). */
const safe = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

/**
 * The registrations and attendance of an event as an Excel workbook with Vietnamese headers:
 * one sheet of people (a column per session), one of the breakdowns provinces report.
 */
export async function registrationsWorkbook(
  t: Translator,
  results: EventResults,
  people: RegistrationRow[],
): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const e = results.event;
  const book = new ExcelJS.Workbook();
  book.creator = 'Kết Nối';
  book.created = new Date();

  const sheet = book.addWorksheet(t('events.xlsx.sheet.people'), {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }],
  });
  const sessionHeaders = e.sessions.map((s, i) => t('events.xlsx.session', { n: i + 1, date: formatDate(s.day) }));
  const header = [
    t('events.xlsx.no'),
    t('events.field.name'),
    t('events.field.sex'),
    t('events.field.ethnicity'),
    t('events.field.birthYear'),
    t('events.field.commune'),
    t('events.field.organisation'),
    t('events.field.organisationType'),
    t('events.field.phone'),
    t('events.field.email'),
    t('events.xlsx.status'),
    t('events.xlsx.walkIn'),
    t('events.xlsx.code'),
    ...sessionHeaders,
    t('events.xlsx.sessionsAttended'),
    t('events.xlsx.hours'),
    t('events.xlsx.certificate'),
    ...e.questions,
  ];
  sheet.addRow(header).font = { bold: true };
  people.forEach((r, i) => {
    const attended = e.sessions.filter((s) => r.attended.includes(s.id));
    sheet.addRow([
      i + 1,
      safe(r.name),
      labelOf(t, 'events.sex', r.sex),
      labelOf(t, 'events.ethnicity', r.ethnicity),
      r.birthYear,
      r.communeName ?? '',
      safe(r.organisation),
      labelOf(t, 'events.orgType', r.organisationType),
      safe(r.phone),
      safe(r.email),
      labelOf(t, 'events.status', r.status),
      r.walkIn ? t('form.yes') : '',
      formatCode(r.code),
      ...e.sessions.map((s) => (r.attended.includes(s.id) ? '✓' : '')),
      attended.length,
      hoursOf(attended),
      r.certificateCode ? formatCode(r.certificateCode) : '',
      ...e.questions.map((_, q) => safe(r.answers[q] ?? '')),
    ]);
  });
  sheet.columns.forEach((col, i) => {
    col.width = i === 0 ? 6 : i === 1 ? 28 : Math.min(40, Math.max(10, String(header[i] ?? '').length + 2));
  });

  const stats = book.addWorksheet(t('events.xlsx.sheet.figures'));
  stats.addRow([e.title]).font = { bold: true };
  stats.addRow([t('events.results.participants'), results.participants]);
  stats.addRow([t('events.results.registered'), results.registered]);
  stats.addRow([t('events.results.walkIns'), results.walkIns]);
  stats.addRow([t('events.results.certificates'), results.certificates]);
  const block = (title: string, rows: Breakdown[], label: (k: string) => string) => {
    stats.addRow([]);
    stats.addRow([title, t('events.xlsx.count')]).font = { bold: true };
    for (const b of rows) stats.addRow([label(b.key), b.count]);
  };
  block(t('events.results.bySex'), results.bySex, (k) => labelOf(t, 'events.sex', k));
  block(t('events.results.byEthnicity'), results.byEthnicity, (k) => labelOf(t, 'events.ethnicity', k));
  block(t('events.results.byAge'), results.byAge, (k) => labelOf(t, 'events.age', k));
  block(t('events.results.byOrganisationType'), results.byOrganisationType, (k) => labelOf(t, 'events.orgType', k));
  block(t('events.results.byCommune'), results.byCommune, (k) => k || t('events.results.noCommune'));
  stats.getColumn(1).width = 40;
  stats.getColumn(2).width = 12;

  return Buffer.from(await book.xlsx.writeBuffer());
}
