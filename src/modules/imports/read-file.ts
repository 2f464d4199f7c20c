import { Unzip, UnzipInflate } from 'fflate';
import { MB } from '#kernel/files/files.ts';
import { AppError } from '#kernel/http/errors.ts';
import type { MessageKey } from '#kernel/i18n/index.ts';

/** A sheet as the import reads it: rows of cell texts (Excel dates as `dd/mm/yyyy`). */
export interface Sheet {
  rows: string[][];
  /** Cells whose formula was read by its last computed value. */
  formulas: number;
}

export const importLimits = {
  maxBytes: 50 * MB,
  /** What an .xlsx may hold once unzipped: a bigger one is a zip bomb, or far beyond a list. */
  maxUnzippedBytes: 200 * MB,
  maxRows: 100_000,
};

export type FileKind = 'xlsx' | 'csv';

const xlsxMime = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function refuse(key: MessageKey, params: Record<string, number> = {}): never {
  throw new AppError('validation', 'errors.validation', { file: key }, params);
}

/**
 * What an uploaded file really is, read from its bytes: an .xlsx workbook or a CSV text file. An
 * old .xls, a PDF, a picture or anything else is refused with a message saying what to do.
 */
export async function kindOfFile(bytes: Uint8Array, maxBytes = importLimits.maxBytes): Promise<FileKind> {
  if (bytes.length === 0) refuse('imports.bad.empty');
  if (bytes.length > maxBytes) refuse('imports.bad.tooLarge', { max: Math.round(maxBytes / MB) });
  const { fileTypeFromBuffer } = await import('file-type');
  const type = await fileTypeFromBuffer(bytes);
  if (type?.mime === xlsxMime) return 'xlsx';
  if (type?.ext === 'zip') return 'xlsx'; // checked as a workbook when unzipped
  if (type?.ext === 'cfb' || type?.ext === 'xls') refuse('imports.bad.xls');
  if (type) refuse('imports.bad.type');
  // No magic number: text. A CSV has no NUL byte in its first kilobytes.
  if (bytes.subarray(0, 8192).includes(0)) refuse('imports.bad.type');
  return 'csv';
}

/**
 * Unzips an .xlsx only to count: stops as soon as the files inside pass the limit (a zip bomb of
 * a few kilobytes unpacks to gigabytes), before exceljs would unpack it all in memory.
 */
export function checkUnzippedSize(bytes: Uint8Array, limit = importLimits.maxUnzippedBytes): void {
  let total = 0;
  let over = false;
  let workbook = false;
  let broken = false;
  const unzip = new Unzip();
  unzip.register(UnzipInflate);
  unzip.onfile = (file) => {
    if (file.name === 'xl/workbook.xml') workbook = true;
    file.ondata = (error, chunk) => {
      if (error) {
        broken = true;
        return;
      }
      total += chunk.length;
      if (total > limit && !over) {
        over = true;
        file.terminate();
      }
    };
    if (!over) file.start();
  };
  try {
    // In slices, so that the count can stop the work early.
    for (let at = 0; at < bytes.length && !over; at += 64 * 1024)
      unzip.push(bytes.subarray(at, at + 64 * 1024), at + 64 * 1024 >= bytes.length);
  } catch {
    broken = true;
  }
  if (over) refuse('imports.bad.bomb');
  if (broken) refuse('imports.bad.broken');
  if (!workbook) refuse('imports.bad.type');
}

const pad = (n: number) => String(n).padStart(2, '0');
/** An Excel date (a moment read as UTC by exceljs) as the day it shows: dd/mm/yyyy. */
export const excelDate = (d: Date) => `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;

type CellValue = unknown;

/** The text a cell shows; formulas by their cached result (counted), numbers as typed. */
function cellText(value: CellValue, counter: { formulas: number }): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(value);
  if (typeof value === 'boolean') return value ? 'x' : '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : excelDate(value);
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if ('formula' in v || 'sharedFormula' in v) {
      counter.formulas++;
      return cellText(v.result, counter);
    }
    if (Array.isArray(v.richText)) return v.richText.map((r: { text?: string }) => r.text ?? '').join('');
    if ('text' in v) return cellText(v.text, counter);
    if ('error' in v) return '';
  }
  return '';
}

/** The first sheet with something in it, as rows of texts. */
export async function readXlsx(bytes: Uint8Array, maxRows = importLimits.maxRows): Promise<Sheet> {
  checkUnzippedSize(bytes);
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    refuse('imports.bad.broken');
  }
  const sheet = book.worksheets.find((s) => s.actualRowCount > 0) ?? book.worksheets[0];
  if (!sheet || sheet.actualRowCount === 0) refuse('imports.bad.emptySheet');
  if (sheet.actualRowCount > maxRows + 50) refuse('imports.bad.tooManyRows', { max: maxRows });
  const counter = { formulas: 0 };
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      // A merged cell shows its master's value in its first cell only: the rest are blank.
      const text = cell.isMerged && cell.master.address !== cell.address ? '' : cellText(cell.value, counter);
      cells[col - 1] = text.replace(/\s+/g, ' ').trim();
    });
    rows[n - 1] = Array.from(cells, (c) => c ?? '');
  });
  return { rows: Array.from(rows, (r) => r ?? []), formulas: counter.formulas };
}

/** A CSV file in UTF-8 (with or without its mark) or, from old Excel, Windows-1258; `,` `;` or tab. */
export async function readCsv(bytes: Uint8Array, maxRows = importLimits.maxRows): Promise<Sheet> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('windows-1258').decode(bytes);
  }
  text = text.replace(/^\uFEFF/, '').normalize('NFC');
  const firstLines = text.split(/\r?\n/, 20).join('\n');
  const count = (c: string) => firstLines.split(c).length;
  const delimiter = [',', ';', '\t'].reduce((a, b) => (count(b) > count(a) ? b : a));
  const { parse } = await import('csv-parse/sync');
  let records: string[][];
  try {
    records = parse(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      to_line: maxRows + 51,
    }) as string[][];
  } catch {
    refuse('imports.bad.broken');
  }
  if (records.length > maxRows + 50) refuse('imports.bad.tooManyRows', { max: maxRows });
  return { rows: records.map((r) => r.map((c) => c.replace(/\s+/g, ' ').trim())), formulas: 0 };
}

/** Any accepted upload, checked and read. */
export async function readSheet(bytes: Uint8Array, maxBytes?: number): Promise<Sheet & { fileKind: FileKind }> {
  const fileKind = await kindOfFile(bytes, maxBytes);
  const sheet = fileKind === 'xlsx' ? await readXlsx(bytes) : await readCsv(bytes);
  return { ...sheet, fileKind };
}
