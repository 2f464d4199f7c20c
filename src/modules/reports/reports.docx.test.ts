import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translator } from '#kernel/i18n/index.ts';
import { demoAccounts } from '#seed/demo.ts';
import { TestBrowser } from '#src/testing/browser.ts';
import { type TestRuntime, testRuntime } from '#src/testing/runtime.ts';
import { defaultWordTexts, placeAndDate, recipientLines, reportDocument } from './reports.docx.ts';
import { buildReport, type Report } from './reports.service.ts';

const t = translator('vi');

/** True when the command answers; the render test needs LibreOffice and poppler. */
function has(command: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Renders a .docx to PDF with LibreOffice, as an officer's Word or Writer would print it. */
function renderPdf(dir: string, docx: string): { text: string; pages: number } {
  if (!has('soffice') || !has('pdftotext') || !has('pdfinfo'))
    throw new Error(
      'The Word report test needs LibreOffice and poppler: apt-get install -y libreoffice-writer-nogui poppler-utils',
    );
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file://${join(dir, 'profile')}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
      docx,
    ],
    { stdio: 'ignore', timeout: 180_000 },
  );
  const pdf = docx.replace(/\.docx$/, '.pdf');
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  return { text, pages: Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0) };
}

describe('the parts of the letter Decree 30 fixes', () => {
  it('writes the date with a leading zero for days under 10 and for January and February', () => {
    expect(placeAndDate(t, 'Lạng Sơn', '2026-12-01')).toBe('Lạng Sơn, ngày 01 tháng 12 năm 2026');
    expect(placeAndDate(t, 'Lạng Sơn', '2026-02-15')).toBe('Lạng Sơn, ngày 15 tháng 02 năm 2026');
    expect(placeAndDate(t, 'Lạng Sơn', '2026-03-05')).toBe('Lạng Sơn, ngày 05 tháng 3 năm 2026');
  });
  it('lists recipients with a dash, a semicolon after each and a full stop after the last', () => {
    expect(recipientLines(['UBND tỉnh (b/c);', '- Lãnh đạo Sở', '', 'Lưu: VT.'])).toEqual([
      '- UBND tỉnh (b/c);',
      '- Lãnh đạo Sở;',
      '- Lưu: VT.',
    ]);
  });
});

describe('the Word report of the demo data (2021-01-01 … 2022-07-31)', () => {
  let rt: TestRuntime;
  let report: Report;
  let dir: string;
  let docx: Buffer;
  const period = { from: '2021-01-01', to: '2022-07-31' };
  const difficulties = 'Nhiều dự án ở các xã vùng cao khó tham gia các buổi tập huấn tập trung.';
  const officer = demoAccounts.find((a) => a.role === 'officer');

  beforeAll(async () => {
    rt = await testRuntime({ demo: true });
    dir = mkdtempSync(join(tmpdir(), 'bao-cao-'));
    report = await buildReport({ db: rt.db, actor: { id: 'x', name: 'x', email: 'x', role: 'officer' }, period, t });
    docx = await reportDocument(
      report,
      {
        ...defaultWordTexts(t, 'Lạng Sơn', '2026-12-01'),
        number: '15',
        difficulties,
        proposals: 'Đề nghị bố trí kinh phí tổ chức lớp tập huấn tại xã.',
        signerTitle: 'KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC',
        signerName: 'Nguyễn Văn An',
      },
      t,
    );
  }, 600_000);
  afterAll(async () => {
    await rt.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is an A4 page with Decree 30 margins, in Times New Roman 14 pt', () => {
    const files = unzipSync(new Uint8Array(docx));
    const document = strFromU8(files['word/document.xml'] ?? new Uint8Array());
    const styles = strFromU8(files['word/styles.xml'] ?? new Uint8Array());
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const margin = /<w:pgMar ([^>]*)\/>/.exec(document)?.[1] ?? '';
    const twips = (name: string) => Number(new RegExp(`w:${name}="(\\d+)"`).exec(margin)?.[1]);
    const mm = (name: string) => (twips(name) * 25.4) / 1440;
    expect(mm('top')).toBeGreaterThanOrEqual(20);
    expect(mm('top')).toBeLessThanOrEqual(25);
    expect(mm('bottom')).toBeGreaterThanOrEqual(20);
    expect(mm('bottom')).toBeLessThanOrEqual(25);
    expect(mm('left')).toBeGreaterThanOrEqual(30);
    expect(mm('left')).toBeLessThanOrEqual(35);
    expect(mm('right')).toBeGreaterThanOrEqual(15);
    expect(mm('right')).toBeLessThanOrEqual(20);
    const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles)?.[0] ?? '';
    expect(defaults).toMatch(/<w:rFonts w:ascii="Times New Roman"[^>]*w:hAnsi="Times New Roman"/);
    const size = Number(/<w:sz w:val="(\d+)"/.exec(defaults)?.[1]);
    expect(size).toBeGreaterThanOrEqual(26);
    expect(size).toBeLessThanOrEqual(28);
    // Text sized on its own (letterhead, tables, recipients) stays within 11–14 pt; paragraph marks
    // (the thin empty paragraphs that carry the rules) are not text.
    const runs = document.replace(/<w:pPr>[\s\S]*?<\/w:pPr>/g, '');
    for (const m of runs.matchAll(/<w:sz w:val="(\d+)"/g)) {
      expect(Number(m[1])).toBeGreaterThanOrEqual(22);
      expect(Number(m[1])).toBeLessThanOrEqual(28);
    }
  });

  it('prints as a Decree 30 report with the figures and the officer’s words', () => {
    const file = join(dir, 'bao-cao-2021-01-01-2022-07-31.docx');
    writeFileSync(file, docx);
    const { text, pages } = renderPdf(dir, file);
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(flat).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(flat).toContain('UBND TỈNH LẠNG SƠN');
    expect(flat).toContain('SỞ KHOA HỌC VÀ CÔNG NGHỆ');
    expect(flat).toContain('Số: 15/BC-SKHCN');
    expect(flat).toContain('Lạng Sơn, ngày 01 tháng 12 năm 2026');
    expect(flat).toContain('BÁO CÁO');
    expect(flat).toContain('từ ngày 01/01/2021 đến ngày 31/07/2022');
    const trained = report.lines.find((l) => l.indicator.id === 'nguoi-duoc-dao-tao')?.figure.value ?? 0;
    expect(trained).toBeGreaterThan(200);
    expect(flat).toContain(`Người được đào tạo, tập huấn: ${trained} người`);
    expect(flat).toContain('Khóa đào tạo, tập huấn đã tổ chức: 5 khóa');
    expect(flat).toContain('Sản phẩm được đưa lên nền tảng số: 21 sản phẩm');
    expect(flat).toContain('Theo giới tính:');
    expect(flat).toContain('KHÓ KHĂN, VƯỚNG MẮC');
    expect(flat).toContain(difficulties);
    expect(flat).toContain('ĐỀ XUẤT, KIẾN NGHỊ');
    expect(flat).toContain('Nơi nhận:');
    expect(flat).toContain('- Lưu: VT.');
    expect(flat).toContain('KT. GIÁM ĐỐC');
    expect(flat).toContain('Nguyễn Văn An');
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(pages).toBeLessThanOrEqual(6);
  });

  it('staff fill in the form and download the report; a blank part is asked for again, nothing lost', async () => {
    const staff = new TestBrowser(rt.app);
    await staff.signIn(officer?.email ?? '', officer?.password ?? '');
    const report = await (await staff.get('/quan-ly/bao-cao?from=2021-01-01&to=2022-07-31')).text();
    expect(report).toContain('/quan-ly/bao-cao/word?from=2021-01-01&amp;to=2022-07-31');
    const form = await staff.get('/quan-ly/bao-cao/word?from=2021-01-01&to=2022-07-31');
    expect(form.status).toBe(200);
    const html = await form.text();
    expect(html).toContain('value="2021-01-01"');
    expect(html).toContain('value="UBND tỉnh Lạng Sơn"');
    const fields = {
      from: '2021-01-01',
      to: '2022-07-31',
      parentBody: 'UBND tỉnh Lạng Sơn',
      body: 'Sở Khoa học và Công nghệ',
      place: 'Lạng Sơn',
      number: '',
      signedOn: '2026-12-01',
      difficulties,
      proposals: '',
      recipients: 'UBND tỉnh (b/c)\nLưu: VT',
      signerTitle: 'GIÁM ĐỐC',
      signerName: 'Nguyễn Văn An',
    };
    const refused = await staff.post('/quan-ly/bao-cao/word', { ...fields, number: '15a' });
    expect(refused.status).toBe(422);
    const again = await refused.text();
    expect(again).toContain('Số văn bản chỉ gồm chữ số, ví dụ 15.');
    expect(again).toContain('Vui lòng điền thông tin này.');
    expect(again).toContain(difficulties);
    expect(again).toContain('value="Nguyễn Văn An"');
    const file = await staff.post('/quan-ly/bao-cao/word', { ...fields, proposals: 'Không có' });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toBe('attachment; filename="bao-cao-2021-01-01-2022-07-31.docx"');
    const files = unzipSync(new Uint8Array(await file.arrayBuffer()));
    const document = strFromU8(files['word/document.xml'] ?? new Uint8Array());
    expect(document).toContain(difficulties);
    expect(document).toContain('Số:');
    const late = await staff.post('/quan-ly/bao-cao/word', { ...fields, proposals: 'Không có', to: '2020-01-01' });
    expect(late.status).toBe(422);
    expect(await late.text()).toContain('Ngày kết thúc phải bằng hoặc sau ngày bắt đầu.');
  });
});
