import { stringify } from 'csv-stringify/sync';

/**
 * A CSV file Excel opens with Vietnamese intact (UTF-8 with a byte-order mark). Cells that
 * start like a formula are prefixed with an apostrophe so a spreadsheet never runs them.
 */
export function toCsv(header: string[], rows: (string | number | null | undefined)[][]): string {
  const safe = (v: string | number | null | undefined) => {
    const s = v === null || v === undefined ? '' : String(v);
    return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  };
  return `\uFEFF${stringify([header, ...rows.map((r) => r.map(safe))])}`;
}
