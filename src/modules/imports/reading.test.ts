import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AppError } from '#kernel/http/errors.ts';
import { fromRoot } from '#kernel/paths.ts';
import { readCommuneFile } from '#modules/places/index.ts';
import { detectLayout, fieldOfHeader } from './columns.ts';
import { canUndo } from './imports.service.ts';
import { columnToUnicode, encodingOf, tcvn3ToUnicode, toUnicode, unicodeToTcvn3, vniToUnicode } from './legacy-text.ts';
import { checkUnzippedSize, kindOfFile, readCsv, readSheet } from './read-file.ts';
import { readRows } from './rows.ts';
import { matchCommune, parseBirthYear, parseEthnicity, parsePhone, parseSex } from './values.ts';

// What a Department's list looks like, read without a database: headers, values, encodings.

const units = readCommuneFile(fromRoot('src/modules/places/data/lang-son.csv')).map((r) => ({
  slug: r.slug,
  name: r.name,
  kind: r.kind === 'phường' ? ('ward' as const) : ('commune' as const),
  formerDistrictName: r.former_district,
}));
const fixture = (name: string) => new Uint8Array(readFileSync(fromRoot('e2e/fixtures', name)));

async function refusal(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e.fields.file;
    throw e;
  }
  return undefined;
}

describe('column headers in their common spellings', () => {
  it.each([
    ['Họ và tên', 'name'],
    ['Họ tên', 'name'],
    ['HỌ VÀ TÊN', 'name'],
    ['Họ và tên học viên', 'name'],
    ['Giới tính', 'sex'],
    ['Nam', 'male'],
    ['Nữ', 'female'],
    ['Năm sinh', 'birth'],
    ['Ngày sinh', 'birth'],
    ['Ngày, tháng, năm sinh', 'birth'],
    ['Dân tộc', 'ethnicity'],
    ['Địa chỉ', 'commune'],
    ['Xã, phường', 'commune'],
    ['Xã/phường', 'commune'],
    ['Đơn vị', 'commune'],
    ['Số điện thoại', 'phone'],
    ['SĐT', 'phone'],
    ['ĐT', 'phone'],
    ['Số điện thoại liên hệ', 'phone'],
    ['Email', 'email'],
    ['Buổi 1', 'session:1'],
    ['Buổi 2 (16/8)', 'session:2'],
    ['STT', 'stt'],
    ['Ghi chú', ''],
  ])('“%s” → %s', (header, field) => {
    expect(fieldOfHeader('attendance', header)).toBe(field);
  });

  it('finds the header in any order under title rows, and skips a row of column numbers', () => {
    const rows = [
      ['SỞ KHOA HỌC VÀ CÔNG NGHỆ'],
      ['DANH SÁCH HỌC VIÊN'],
      [],
      ['SĐT', 'Dân tộc', 'Họ tên', 'TT', 'Năm sinh'],
      ['1', '2', '3', '4', '5'],
      ['0912345678', 'Tày', 'Hoàng Văn Thắng', '1', '1985'],
    ];
    const layout = detectLayout('attendance', rows);
    expect(layout).toMatchObject({
      headerRow: 3,
      firstDataRow: 5,
      fields: ['phone', 'ethnicity', 'name', 'stt', 'birth'],
    });
  });

  it('no header row: null (the upload says so)', () => {
    expect(detectLayout('attendance', [['DANH SÁCH HỌC VIÊN'], ['Hoàng Văn Thắng', '0912345678']])).toBeNull();
  });
});

describe('values as Department lists write them', () => {
  it('phones typed as numbers get their leading 0 back; several numbers keep the first', () => {
    expect(parsePhone('912345678')).toEqual({ phone: '0912345678', several: false, valid: true });
    expect(parsePhone('+84 912 345 678').phone).toBe('0912345678');
    expect(parsePhone('2053812345').phone).toBe('02053812345');
    expect(parsePhone('0912.000.333 - 0987000333')).toMatchObject({ phone: '0912000333', several: true });
    expect(parsePhone('12345').valid).toBe(false);
  });

  it('year of birth from a year, a dd/mm/yyyy date, an ISO date or an Excel day number', () => {
    expect(parseBirthYear('1985')).toBe(1985);
    expect(parseBirthYear('12/05/1978')).toBe(1978);
    expect(parseBirthYear('1-2-1990')).toBe(1990);
    expect(parseBirthYear('1990-02-01')).toBe(1990);
    expect(parseBirthYear('32874')).toBe(1990); // 01/01/1990 in Excel
    expect(parseBirthYear('198')).toBeNull();
    expect(parseBirthYear('13/13/1990')).toBeNull();
    expect(parseBirthYear('2999')).toBeNull();
  });

  it('sex, ethnicity', () => {
    expect(parseSex('Nữ')).toBe('female');
    expect(parseSex('nu')).toBe('female');
    expect(parseSex('NAM')).toBe('male');
    expect(parseSex('?')).toBeNull();
    expect(parseEthnicity("H'Mông")).toBe('hmong');
    expect(parseEthnicity('Dân tộc Tày')).toBe('tay');
    expect(parseEthnicity('Cao Lan')).toBe('san_chay');
    expect(parseEthnicity('Mường')).toBe('other');
    expect(parseEthnicity('')).toBeNull();
  });

  it('communes: the current unit an address names, else the former district’s unit', () => {
    expect(matchCommune('Thôn Nà Pàn, xã Thất Khê, huyện Tràng Định', units)).toEqual({
      slug: 'that-khe',
      how: 'name',
    });
    expect(matchCommune('Phường Tam Thanh, tỉnh Lạng Sơn', units)).toEqual({ slug: 'tam-thanh', how: 'name' });
    expect(matchCommune('xã Yên Trạch, huyện Cao Lộc', units)).toEqual({ slug: 'cao-loc', how: 'district' });
    expect(matchCommune('huyện Đình Lập', units)).toEqual({ slug: 'dinh-lap', how: 'district' });
    expect(matchCommune('Quý Hoà', units)?.slug).toBe('quy-hoa');
    expect(matchCommune('Thôn Khuổi Phầy', units)).toBeNull();
    // A ward of before the merger whose name a xã has today: its district says where it is now.
    expect(matchCommune('Phường Chi Lăng, TP Lạng Sơn', units)).toEqual({ slug: 'dong-kinh', how: 'district' });
    expect(matchCommune('xã Chi Lăng', units)).toEqual({ slug: 'chi-lang', how: 'name' });
  });
});

describe('text typed in TCVN3 (ABC) or VNI', () => {
  const letters = 'àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ';

  it('every lower-case letter goes through TCVN3 and back', () => {
    expect(tcvn3ToUnicode(unicodeToTcvn3(letters))).toBe(letters);
  });

  it('names and places are recognised and converted', () => {
    expect(toUnicode('Hoµng V¨n Th¾ng')).toEqual({ text: 'Hoàng Văn Thắng', encoding: 'tcvn3' });
    expect(toUnicode('L¹ng S¬n').text).toBe('Lạng Sơn');
    expect(toUnicode('Tr\u00adêng').text).toBe('Trường');
    expect(toUnicode('Hoaøng Vaên Thaéng')).toEqual({ text: 'Hoàng Văn Thắng', encoding: 'vni' });
    expect(vniToUnicode('Ñình Laäp')).toBe('Đình Lập');
    expect(toUnicode('Ngöôøi').text).toBe('Người');
  });

  it('Unicode text is left alone, even without a letter only Vietnamese has', () => {
    for (const s of ['Hoàng A Páo', 'Nguyễn Thị Hà', 'Khoá học', 'Vi Thị Hồng Nhung'])
      expect(encodingOf([s])).toBe('unicode');
  });

  it('a column is converted as a whole; a Unicode title above it is kept', () => {
    const { cells, encoding } = columnToUnicode(['DÂN TỘC', 'Tµy', 'Nïng', 'Kinh', "H'M«ng"]);
    expect(encoding).toBe('tcvn3');
    expect(cells).toEqual(['DÂN TỘC', 'Tày', 'Nùng', 'Kinh', "H'Mông"]);
  });
});

describe('undo', () => {
  it('is possible for 30 days after the import, once', () => {
    const importedAt = new Date('2026-01-01T03:00:00Z');
    expect(canUndo({ status: 'imported', importedAt }, new Date('2026-01-31T02:00:00Z'))).toBe(true);
    expect(canUndo({ status: 'imported', importedAt }, new Date('2026-02-01T04:00:00Z'))).toBe(false);
    expect(canUndo({ status: 'undone', importedAt }, new Date('2026-01-02T00:00:00Z'))).toBe(false);
    expect(canUndo({ status: 'draft', importedAt: null }, new Date('2026-01-02T00:00:00Z'))).toBe(false);
  });
});

describe('files', () => {
  it('the sample course list: merged title, two header rows, Excel dates, TCVN3 column', async () => {
    const sheet = await readSheet(fixture('hoc-vien-tap-huan-2022.xlsx'));
    expect(sheet.fileKind).toBe('xlsx');
    expect(sheet.rows[3]?.[0]).toContain('DANH SÁCH HỌC VIÊN THAM DỰ LỚP TẬP HUẤN');
    // A real Excel date shows as the day it is.
    expect(sheet.rows[10]?.[4]).toBe('12/05/1978');
    // A phone typed as a number has lost its 0.
    expect(sheet.rows[8]?.[7]).toBe('912345678');
    const converted = sheet.rows.map((r) => [...r]);
    const column = columnToUnicode(sheet.rows.map((r) => r[5] ?? ''));
    column.cells.forEach((c, i) => {
      if (converted[i] && converted[i].length > 5) converted[i][5] = c;
    });
    const layout = detectLayout('attendance', converted);
    expect(layout?.fields).toEqual([
      'stt',
      'name',
      'male',
      'female',
      'birth',
      'ethnicity',
      'commune',
      'phone',
      'session:1',
      'session:2',
      '',
    ]);
    const rows = readRows(converted, layout?.firstDataRow ?? 0, {
      kind: 'attendance',
      fields: layout?.fields ?? [],
      headers: layout?.headers ?? [],
      units,
      sessionCount: 2,
    });
    // The footer ("Tổng cộng", "Người lập biểu") is not a row.
    expect(rows.map((r) => r.row)).toEqual([9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
    expect(rows[0]?.record).toMatchObject({
      name: 'Hoàng Văn Thắng',
      phone: '0912345678',
      ethnicity: 'tay',
      sessions: [1, 2],
    });
    expect(rows[5]?.record).toMatchObject({ name: 'Lý Thị Sáu', ethnicity: 'hmong', sessions: [2] });
  });

  it('CSV in UTF-8 with its mark, or Windows-1258 from old Excel; `;` as separator', async () => {
    const utf8 = await readCsv(new TextEncoder().encode('\uFEFFHọ tên;SĐT\nVi Thị Hồng Nhung;987654321\n'));
    expect(utf8.rows).toEqual([
      ['Họ tên', 'SĐT'],
      ['Vi Thị Hồng Nhung', '987654321'],
    ]);
    // "Lò" in Windows-1258: L, o and a combining grave accent.
    const cp1258 = await readCsv(new Uint8Array([0x4c, 0x6f, 0xcc, 0x2c, 0x31, 0x0a]));
    expect(cp1258.rows[0]?.[0]).toBe('Lò');
  });

  it('refuses by content, not by name: a PDF, an .xls, a zip bomb, an empty file, a file over the limit', async () => {
    expect(await refusal(kindOfFile(fixture('bad/khong-phai-excel.xlsx')))).toBe('imports.bad.type');
    expect(await refusal(kindOfFile(fixture('bad/danh-sach-cu.xls')))).toBe('imports.bad.xls');
    expect(await refusal(kindOfFile(new Uint8Array()))).toBe('imports.bad.empty');
    expect(await refusal(kindOfFile(fixture('doi-tac.xlsx'), 1000))).toBe('imports.bad.tooLarge');
    expect(() => checkUnzippedSize(fixture('doi-tac.xlsx'), 10_000)).toThrow(AppError);
    expect(() => checkUnzippedSize(fixture('doi-tac.xlsx'))).not.toThrow();
    expect(await refusal(readSheet(fixture('bad/trang-trong.xlsx')))).toBe('imports.bad.emptySheet');
  });

  it('formulas are read by the values Excel saved with them', async () => {
    const sheet = await readSheet(fixture('cong-thuc.xlsx'));
    expect(sheet.formulas).toBe(2);
    expect(sheet.rows[3]?.slice(0, 4)).toEqual(['2', 'Dương Văn Khánh', 'Nam', '1984']);
  });
});
