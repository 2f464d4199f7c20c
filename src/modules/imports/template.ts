import type { Translator } from '#kernel/i18n/index.ts';
import type { ImportKind } from './imports.taxonomy.ts';

/** The headers of each kind's template, in the words the matcher knows. */
export function templateHeaders(t: Translator, kind: ImportKind): string[] {
  if (kind === 'attendance')
    return [
      t('imports.tpl.stt'),
      t('imports.field.name'),
      t('imports.field.sex'),
      t('imports.field.birth'),
      t('imports.field.ethnicity'),
      t('imports.field.commune'),
      t('imports.field.phone'),
      t('imports.field.email'),
      t('imports.field.organisation'),
      t('imports.field.session', { n: 1 }),
      t('imports.field.session', { n: 2 }),
    ];
  if (kind === 'support')
    return [
      t('imports.tpl.stt'),
      t('imports.tpl.projectName'),
      t('imports.field.supportKind'),
      t('imports.field.date'),
      t('imports.field.endDate'),
      t('imports.field.title'),
      t('imports.field.provider'),
      t('imports.field.outcome'),
    ];
  if (kind === 'experts')
    return [
      t('imports.tpl.stt'),
      t('imports.field.name'),
      t('imports.field.degree'),
      t('imports.field.specialty'),
      t('imports.field.headline'),
      t('imports.field.organisation'),
      t('imports.field.commune'),
      t('imports.field.phone'),
      t('imports.field.email'),
    ];
  if (kind === 'products')
    return [
      t('imports.tpl.stt'),
      t('imports.tpl.projectName'),
      t('imports.tpl.productName'),
      t('imports.field.category'),
      t('imports.field.description'),
      t('imports.field.unit'),
      t('imports.field.price'),
      t('imports.field.platform'),
      t('imports.field.url'),
      t('imports.field.listedOn'),
      t('imports.field.listingStatus'),
    ];
  if (kind === 'projects')
    return [
      t('imports.tpl.stt'),
      t('imports.tpl.projectName'),
      t('imports.field.commune'),
      t('imports.field.field'),
      t('imports.field.stage'),
      t('imports.tpl.projectSummary'),
      t('imports.field.lead'),
      t('imports.field.phone'),
      t('imports.field.email'),
      t('imports.field.members'),
    ];
  return [
    t('imports.tpl.stt'),
    t('imports.tpl.partnerName'),
    t('imports.field.kind'),
    t('imports.field.summary'),
    t('imports.field.address'),
    t('imports.field.contactName'),
    t('imports.field.phone'),
    t('imports.field.email'),
    t('imports.field.website'),
  ];
}

/**
 * A kind's template: a title row, the header row, and a note on how to fill it in. Phone
 * columns are text, so Excel keeps their leading 0.
 * @example const bytes = await templateWorkbook(t, 'attendance')
 */
export async function templateWorkbook(t: Translator, kind: ImportKind): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.creator = 'Kết Nối';
  const sheet = book.addWorksheet(t('imports.tpl.sheet'));
  const headers = templateHeaders(t, kind);
  sheet.addRow([t(`imports.tpl.title.${kind}`)]);
  sheet.mergeCells(1, 1, 1, headers.length);
  sheet.getRow(1).font = { bold: true, size: 13 };
  sheet.addRow([t(`imports.tpl.hint.${kind}`)]);
  sheet.mergeCells(2, 1, 2, headers.length);
  sheet.getRow(2).font = { italic: true };
  const header = sheet.addRow(headers);
  header.font = { bold: true };
  headers.forEach((h, i) => {
    const col = sheet.getColumn(i + 1);
    col.width = Math.max(10, h.length + 4);
    if (h === t('imports.field.phone')) col.numFmt = '@';
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}
