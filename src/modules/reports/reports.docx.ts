import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  type ParagraphChild,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { formatDate, formatNumber, type Translator } from '#kernel/i18n/index.ts';
import type { Report } from './reports.service.ts';

/**
 * What the officer writes around the figures, and who issues the report. Everything else comes
 * from the report itself.
 */
export interface WordTexts {
  /** The province, e.g. "Lạng Sơn": the parent body's name and the place line use it. */
  province: string;
  /** The body above the issuer (first line, upright); default "UBND tỉnh <province>". */
  parentBody?: string;
  /** The issuing body (second line, bold); default "Sở Khoa học và Công nghệ". */
  body?: string;
  /** Where the report is signed; default the province. */
  place?: string;
  /** The day it is signed, YYYY-MM-DD. */
  signedOn: string;
  /** The number the registry gives it (before "/BC-SKHCN"); blank leaves room to write it in. */
  number?: string;
  difficulties: string;
  proposals: string;
  /** One recipient a line, without the dash or the closing semicolon. */
  recipients: string[];
  /** The signer's title; a second line (after a line break) for "KT. GIÁM ĐỐC" / "PHÓ GIÁM ĐỐC". */
  signerTitle: string;
  signerName: string;
}

/** Page and type as Decree 30/2020/NĐ-CP asks: A4 portrait, Times New Roman 14 pt. */
export const wordLayout = {
  /** A4 in twentieths of a point. */
  page: { width: 11906, height: 16838 },
  /** Margins in millimetres: top and bottom 20–25, left 30–35, right 15–20. */
  marginsMm: { top: 20, bottom: 20, left: 30, right: 15 },
  font: 'Times New Roman',
  /** Half-points: 28 is 14 pt. */
  size: 28,
} as const;

/** Millimetres to twips, rounded up so that a margin is never under the millimetres asked for. */
const twip = (mm: number) => Math.ceil((mm * 1440) / 25.4);
const margins = {
  top: twip(wordLayout.marginsMm.top),
  bottom: twip(wordLayout.marginsMm.bottom),
  left: twip(wordLayout.marginsMm.left),
  right: twip(wordLayout.marginsMm.right),
};
/** The width between the margins, in twips. */
const textWidth = wordLayout.page.width - margins.left - margins.right;
const pt = (n: number) => n * 2;
const upper = (s: string) => s.toLocaleUpperCase('vi');

/** "ngày 05 tháng 3 năm 2026": days under 10 and the months January and February get a leading 0. */
export function placeAndDate(t: Translator, place: string, day: string): string {
  const d = Number(day.slice(8, 10));
  const m = Number(day.slice(5, 7));
  return t('reports.docx.placeDate', {
    place,
    day: String(d).padStart(2, '0'),
    month: m <= 2 ? String(m).padStart(2, '0') : String(m),
    year: day.slice(0, 4),
  });
}

interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  size?: number;
}

const run = (text: string, style: RunStyle = {}) => new TextRun({ text, ...style });

function centred(text: string, style: RunStyle = {}, spacing: { before?: number; after?: number } = {}) {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: spacing.before ?? 0, after: spacing.after ?? 0, line: 240 },
    children: [run(text, style)],
  });
}

/** A short centred rule, `length` twips long, in a column `width` twips wide. */
function rule(width: number, length: number, after = 0) {
  const side = Math.max(0, Math.round((width - length) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { before: 80, after, line: 240 },
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 0 } },
    // A 1 pt paragraph mark keeps the empty line thin, so the rule sits right under the text.
    run: { size: 2 },
    children: [],
  });
}

/** A body paragraph: justified, first line indented 1 cm, 6 pt after, 1.2 lines. */
function body(children: ParagraphChild[] | string, indent = true) {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: indent ? { firstLine: twip(10) } : undefined,
    spacing: { before: 0, after: 120, line: 288 },
    children: typeof children === 'string' ? [run(children)] : children,
  });
}

const heading = (text: string) =>
  new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: twip(10) },
    spacing: { before: 120, after: 120, line: 288 },
    keepNext: true,
    children: [run(text, { bold: true })],
  });

/** What the officer wrote, one paragraph per non-empty line. */
const paragraphsOf = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => body(l));

function cell(width: number, children: Paragraph[], options: { borders?: boolean; shade?: boolean } = {}) {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    margins: { left: 57, right: 57, top: options.borders ? 40 : 0, bottom: options.borders ? 40 : 0 },
    verticalAlign: options.borders ? VerticalAlignTable.CENTER : VerticalAlignTable.TOP,
    children,
  });
}

/** A table without lines; `outdent` twips of it stand in the left margin (letterheads need the room). */
function borderless(widths: number[], rows: Paragraph[][][], outdent = 0) {
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    indent: outdent ? { size: -outdent, type: WidthType.DXA } : undefined,
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: rows.map(
      (cells) => new TableRow({ cantSplit: true, children: cells.map((c, i) => cell(widths[i] ?? 0, c)) }),
    ),
  });
}

/** Recipients as Decree 30 lists them: "- …;" each, the last one closed with a full stop. */
export function recipientLines(recipients: string[]): string[] {
  const clean = recipients
    .map((r) =>
      r
        .trim()
        .replace(/^[-–•]\s*/, '')
        .replace(/[;.,]\s*$/, ''),
    )
    .filter(Boolean);
  return clean.map((r, i) => `- ${r}${i === clean.length - 1 ? '.' : ';'}`);
}

/** The summary table: number, indicator, unit, figure. */
function summaryTable(report: Report, t: Translator) {
  const widths = [700, textWidth - 700 - 1500 - 1300, 1500, 1300];
  const row = (values: string[], header = false) =>
    new TableRow({
      cantSplit: true,
      tableHeader: header,
      children: values.map((v, i) =>
        cell(
          widths[i] ?? 0,
          [
            new Paragraph({
              alignment: i === 1 ? AlignmentType.LEFT : AlignmentType.CENTER,
              spacing: { before: 0, after: 0, line: 240 },
              children: [run(v, { bold: header || i === 3, size: pt(13) })],
            }),
          ],
          { borders: true },
        ),
      ),
    });
  return new Table({
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      row(
        [t('reports.docx.col.number'), t('reports.col.indicator'), t('reports.docx.col.unit'), t('reports.col.value')],
        true,
      ),
      ...report.lines.map((l, i) =>
        row([String(i + 1), t(l.indicator.name), t(l.indicator.unit), formatNumber(l.figure.value)]),
      ),
    ],
  });
}

/**
 * The report as a Word document in the administrative format of Decree 30/2020/NĐ-CP: the issuing
 * body and the national motto side by side, the number and the place and date, the title and its
 * subject, the figures (a summary table, then each indicator's definition and breakdowns), the
 * difficulties and proposals the officer wrote, the recipients and the signer.
 */
export async function reportDocument(report: Report, texts: WordTexts, t: Translator): Promise<Buffer> {
  const parentBody = texts.parentBody?.trim() || t('reports.docx.parentBody', { province: texts.province });
  const issuer = texts.body?.trim() || t('reports.docx.body');
  const place = texts.place?.trim() || texts.province;
  const from = formatDate(report.period.from);
  const to = formatDate(report.period.to);
  // The letterhead borrows 5 mm of the left margin, so that both capitalised lines fit on one line.
  const outdent = twip(5);
  const left = 4300;
  const right = textWidth + outdent - left;

  const letterhead = borderless(
    [left, right],
    [
      [
        [
          centred(upper(parentBody), { size: pt(13) }),
          centred(upper(issuer), { bold: true, size: pt(13) }),
          rule(left, 1400),
        ],
        [
          centred(t('reports.docx.nation'), { bold: true, size: pt(12) }),
          centred(t('reports.docx.motto'), { bold: true, size: pt(13.5) }),
          rule(right, 3500),
        ],
      ],
      [
        [
          centred(
            t('reports.docx.number', { number: texts.number?.trim() || '       ' }),
            { size: pt(13) },
            { before: 120 },
          ),
        ],
        [centred(placeAndDate(t, place, texts.signedOn), { italics: true }, { before: 120 })],
      ],
    ],
    outdent,
  );

  const figures = report.lines.flatMap(({ indicator, figure }, i) => [
    new Paragraph({
      alignment: AlignmentType.JUSTIFIED,
      indent: { firstLine: twip(10) },
      spacing: { before: 60, after: 60, line: 288 },
      keepNext: true,
      children: [
        run(`2.${i + 1}. ${t(indicator.name)}: `),
        run(`${formatNumber(figure.value)} ${t(indicator.unit)}`, { bold: true }),
        run('.'),
      ],
    }),
    body([
      run(`${t('reports.docx.definition')}: `, { italics: true }),
      run(t(indicator.definition), { italics: true }),
    ]),
    ...figure.breakdowns
      .filter((b) => b.rows.length > 0)
      .map((b) => {
        const groups = b.rows.map((r) => `${r.label} – ${formatNumber(r.count)} ${t(indicator.unit)}`);
        return body(`- ${t(b.title)}: ${groups.join('; ')}.`);
      }),
  ]);

  const signature = borderless(
    [4300, textWidth - 4300],
    [
      [
        [
          new Paragraph({
            spacing: { before: 0, after: 0, line: 240 },
            children: [run(t('reports.docx.recipients'), { bold: true, italics: true, size: pt(12) })],
          }),
          ...recipientLines(texts.recipients).map(
            (r) => new Paragraph({ spacing: { before: 0, after: 0, line: 240 }, children: [run(r, { size: pt(11) })] }),
          ),
        ],
        [
          ...texts.signerTitle
            .split(/\r?\n/)
            .map((l) => l.trim())
            .filter(Boolean)
            .map((l) => centred(upper(l), { bold: true })),
          centred('', {}, { before: 1600 }),
          centred(texts.signerName.trim(), { bold: true }),
        ],
      ],
    ],
  );

  const doc = new Document({
    creator: 'Kết Nối',
    title: `${t('reports.docx.title')}: ${t('reports.docx.subject')} ${t('reports.docx.subject.period', { from, to })}`,
    styles: {
      default: {
        document: {
          run: { font: wordLayout.font, size: wordLayout.size },
          paragraph: { spacing: { before: 0, after: 0 } },
        },
      },
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: wordLayout.page.width, height: wordLayout.page.height },
            margin: { ...margins, header: twip(10), footer: twip(10) },
          },
        },
        headers: {
          first: new Header({ children: [] }),
          // From the second page on, the page number, centred in the top margin.
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [PageNumber.CURRENT], size: pt(13) })],
              }),
            ],
          }),
        },
        children: [
          letterhead,
          centred(t('reports.docx.title'), { bold: true }, { before: 360 }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { before: 0, after: 0, line: 240 },
            children: [
              run(t('reports.docx.subject'), { bold: true }),
              new TextRun({ text: t('reports.docx.subject.period', { from, to }), bold: true, break: 1 }),
            ],
          }),
          rule(textWidth, 2200, 240),
          body(t('reports.docx.intro', { body: issuer, province: texts.province, from, to })),
          heading(t('reports.docx.results')),
          heading(t('reports.docx.summary')),
          summaryTable(report, t),
          new Paragraph({ spacing: { before: 0, after: 120 }, children: [] }),
          heading(t('reports.docx.details')),
          ...figures,
          heading(t('reports.docx.difficulties')),
          ...paragraphsOf(texts.difficulties),
          heading(t('reports.docx.proposals')),
          ...paragraphsOf(texts.proposals),
          body(t('reports.docx.closing', { body: issuer, from, to })),
          new Paragraph({ spacing: { before: 0, after: 120 }, children: [] }),
          signature,
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** The officer's parts when nobody wrote them (the command line): sentences to replace by hand. */
export function defaultWordTexts(t: Translator, province: string, signedOn: string): WordTexts {
  return {
    province,
    signedOn,
    difficulties: t('reports.docx.default.difficulties'),
    proposals: t('reports.docx.default.proposals'),
    recipients: t('reports.docx.default.recipients', { province })
      .split('\n')
      .map((r) => r.trim())
      .filter(Boolean),
    signerTitle: t('reports.docx.default.signerTitle'),
    signerName: '',
  };
}
