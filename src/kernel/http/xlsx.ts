/** One sheet of an Excel workbook: its name, its header row and its rows. */
export interface Sheet {
  name: string;
  header: string[];
  rows: (string | number | null | undefined)[][];
}

/** Excel allows 31 characters in a sheet name, and none of : \ / ? * [ ]. */
const sheetName = (name: string) => name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31) || 'Sheet';

/**
 * An Excel workbook (.xlsx) of plain sheets with a bold, frozen header row. As in our CSV files,
 * a text cell starting like a formula is prefixed with an apostrophe so a spreadsheet never runs it.
 * @example c.body(await toXlsx([{ name: 'Nhật ký', header: ['Thời gian'], rows: [['2026-03-05 14:07:09']] }]))
 */
export async function toXlsx(sheets: Sheet[]): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.creator = 'Kết Nối';
  book.created = new Date();
  const safe = (v: string | number | null | undefined) =>
    v === null || v === undefined ? '' : typeof v === 'number' ? v : /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  for (const s of sheets) {
    const sheet = book.addWorksheet(sheetName(s.name), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.addRow(s.header).font = { bold: true };
    for (const row of s.rows) sheet.addRow(row.map(safe));
    sheet.columns.forEach((col, i) => {
      const longest = Math.max(
        String(s.header[i] ?? '').length,
        ...s.rows.slice(0, 200).map((r) => String(r[i] ?? '').length),
      );
      col.width = Math.min(60, Math.max(10, longest + 2));
    });
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** The content type of an .xlsx file. */
export const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
