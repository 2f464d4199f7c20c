import { fold } from '#kernel/search/fold.ts';
import { type ImportKind, importKinds } from './imports.taxonomy.ts';

// Which column holds what. Department lists are typed by hand: a few title rows, then a header
// row in any order and any common spelling ("Họ và tên", "Họ tên", "SĐT", "ĐT"), sometimes a second
// header row under merged cells ("Giới tính" over "Nam" | "Nữ"), sometimes a row of column numbers.

/** What a column can be, per kind; `session:N` is the Nth session of an event (attendance). */
export const fieldsOf: Record<ImportKind, readonly string[]> = {
  attendance: ['name', 'sex', 'male', 'female', 'birth', 'ethnicity', 'commune', 'phone', 'email', 'organisation'],
  projects: ['name', 'commune', 'field', 'stage', 'summary', 'lead', 'phone', 'email', 'members'],
  partners: ['name', 'kind', 'summary', 'address', 'commune', 'contactName', 'phone', 'email', 'website'],
  support: ['project', 'supportKind', 'date', 'endDate', 'title', 'provider', 'outcome'],
  experts: ['name', 'degree', 'specialty', 'headline', 'organisation', 'commune', 'phone', 'email'],
  products: [
    'project',
    'name',
    'category',
    'description',
    'unit',
    'price',
    'platform',
    'url',
    'listedOn',
    'listingStatus',
  ],
};

/** Fields a row cannot do without. */
export const requiredFields: Record<ImportKind, readonly string[]> = {
  attendance: ['name'],
  projects: ['name'],
  partners: ['name'],
  support: ['project', 'date'],
  experts: ['name'],
  products: ['project', 'name'],
};

/** Header spellings, folded (lower case, no diacritics, punctuation as spaces). */
const aliases: Record<string, readonly string[]> = {
  stt: ['stt', 'tt', 'so tt', 'so thu tu', 'thu tu'],
  name: [
    'ho va ten',
    'ho ten',
    'ten',
    'ho va ten hoc vien',
    'ho ten hoc vien',
    'ten hoc vien',
    'ho va ten nguoi tham du',
    'ho va ten dai bieu',
    'nguoi tham gia',
    'ten doi tac',
    'ten to chuc',
    'ten doanh nghiep',
    'ten don vi',
    'ten co quan',
  ],
  sex: ['gioi tinh', 'gioi', 'nam nu', 'nam hay nu'],
  male: ['nam'],
  female: ['nu'],
  birth: ['nam sinh', 'ngay sinh', 'ngay thang nam sinh', 'ns', 'sinh nam', 'ngay thang nam'],
  ethnicity: ['dan toc', 'dt dan toc'],
  commune: [
    'dia chi',
    'xa phuong',
    'xa',
    'phuong',
    'don vi',
    'noi o',
    'que quan',
    'dia ban',
    'xa thi tran',
    'noi cu tru',
  ],
  phone: ['so dien thoai', 'sdt', 'dt', 'dien thoai', 'so dt', 'dtdd', 'di dong', 'so dien thoai lien he'],
  email: ['email', 'e mail', 'thu dien tu', 'hop thu'],
  organisation: [
    'co quan',
    'to chuc',
    'co quan don vi',
    'don vi cong tac',
    'co quan cong tac',
    'hop tac xa',
    'doanh nghiep',
  ],
  kind: ['loai', 'loai hinh', 'loai doi tac', 'loai hinh to chuc'],
  summary: ['gioi thieu', 'mo ta', 'linh vuc', 'linh vuc hoat dong', 'noi dung hop tac', 'ghi chu'],
  address: ['dia chi tru so', 'tru so', 'dia chi lien he'],
  contactName: ['nguoi lien he', 'dau moi', 'nguoi dai dien', 'dau moi lien he'],
  website: ['website', 'trang web', 'trang thong tin dien tu'],
};

/** Spellings that mean something else in one kind of list ("Họ và tên" of a project list is its lead). */
const kindAliases: Partial<Record<ImportKind, Record<string, readonly string[]>>> = {
  projects: {
    name: ['ten du an', 'du an', 'ten san pham', 'ten y tuong', 'ten du an y tuong', 'ten du an san pham'],
    lead: [
      'ho va ten',
      'ho ten',
      'chu du an',
      'nguoi dai dien',
      'truong nhom',
      'chu nhiem du an',
      'tac gia',
      'ho va ten chu du an',
      'ho ten chu du an',
    ],
    field: ['linh vuc', 'nganh', 'nganh nghe', 'linh vuc hoat dong'],
    stage: ['giai doan', 'tinh trang', 'giai doan phat trien'],
    summary: ['mo ta', 'gioi thieu', 'tom tat', 'noi dung', 'mo ta du an', 'mo ta san pham'],
    members: ['thanh vien', 'thanh vien nhom', 'cac thanh vien', 'nhom thuc hien'],
  },
};

kindAliases.support = {
  project: ['du an', 'ten du an', 'du an duoc ho tro', 'ten du an san pham', 'doi tuong duoc ho tro'],
  supportKind: ['loai ho tro', 'hinh thuc ho tro', 'loai hinh ho tro', 'hinh thuc'],
  date: ['ngay', 'ngay ho tro', 'thoi gian', 'ngay bat dau', 'tu ngay', 'ngay thuc hien'],
  endDate: ['ngay ket thuc', 'den ngay'],
  title: ['noi dung', 'noi dung ho tro', 'ten hoat dong', 'hoat dong'],
  provider: ['don vi ho tro', 'nguoi ho tro', 'don vi thuc hien', 'chuyen gia', 'don vi to chuc'],
  outcome: ['ket qua', 'ket qua dat duoc', 'ghi chu'],
};

kindAliases.experts = {
  name: [
    'ho va ten',
    'ho ten',
    'ten',
    'ten chuyen gia',
    'ho va ten chuyen gia',
    'ho ten chuyen gia',
    'chuyen gia',
    'nha khoa hoc',
  ],
  degree: ['hoc ham hoc vi', 'hoc ham', 'hoc vi', 'trinh do', 'trinh do chuyen mon', 'chuc danh khoa hoc'],
  specialty: [
    'linh vuc chuyen mon',
    'chuyen mon',
    'chuyen nganh',
    'linh vuc tu van',
    'linh vuc',
    'noi dung tu van',
    'linh vuc ho tro',
    'chuyen sau',
  ],
  headline: ['gioi thieu', 'mo ta', 'tom tat', 'kinh nghiem', 'chuc vu', 'chuc danh', 'ghi chu'],
  organisation: [
    'co quan',
    'don vi',
    'to chuc',
    'co quan don vi',
    'don vi cong tac',
    'co quan cong tac',
    'noi cong tac',
  ],
  commune: ['dia chi', 'xa phuong', 'noi o', 'dia ban', 'dia chi lien he', 'noi cu tru', 'dia ban hoat dong'],
};

kindAliases.products = {
  project: [
    'du an',
    'ten du an',
    'chu the',
    'co so san xuat',
    'ten co so',
    'co so',
    'chu san pham',
    'don vi san xuat',
    'chu the san xuat',
    'ten du an chu the',
  ],
  name: ['ten san pham', 'san pham', 'ten hang hoa', 'ten san pham hang hoa', 'mat hang', 'ten mat hang'],
  category: ['nhom san pham', 'loai san pham', 'phan loai', 'nhom hang', 'loai', 'nhom'],
  description: ['mo ta', 'mo ta san pham', 'gioi thieu', 'thong tin san pham', 'dac diem'],
  unit: ['don vi tinh', 'dvt', 'quy cach', 'quy cach dong goi', 'don vi'],
  price: ['gia ban', 'gia', 'gia ban le', 'don gia', 'gia niem yet'],
  platform: [
    'san thuong mai dien tu',
    'san tmdt',
    'nen tang',
    'kenh ban',
    'san',
    'ten san',
    'kenh ban hang',
    'san dang ban',
    'noi dang ban',
  ],
  url: ['duong dan', 'link', 'duong link', 'dia chi gian hang', 'dia chi trang', 'lien ket', 'url', 'link gian hang'],
  listedOn: ['ngay dang', 'ngay len san', 'ngay dua len san', 'thoi gian dang', 'ngay dang ban', 'ngay'],
  listingStatus: ['trang thai', 'tinh trang', 'trang thai gian hang'],
};

const aliasesOf = (kind: ImportKind, field: string) => kindAliases[kind]?.[field] ?? aliases[field] ?? [];

/** A header as compared: folded, `Đ`→`d`, punctuation to spaces, spaces single. */
export const headerKey = (s: string) =>
  fold(s)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

const sessionPattern = /^(?:buoi|ngay|buoi hoc|buoi thu)\s*(\d{1,2})\b/;

/**
 * The field a header names for this kind, or '' when it names none (or only the row number).
 * @example fieldOfHeader('attendance', 'Họ và tên') === 'name'; fieldOfHeader('attendance', 'Buổi 2') === 'session:2'
 */
export function fieldOfHeader(kind: ImportKind, header: string): string {
  const key = headerKey(header);
  if (!key) return '';
  const allowed = fieldsOf[kind];
  if (kind === 'attendance') {
    const m = sessionPattern.exec(key);
    if (m) return `session:${Number(m[1])}`;
  }
  if (aliases.stt?.includes(key)) return 'stt';
  for (const field of allowed) if (aliasesOf(kind, field).includes(key)) return field;
  // Longer headers ("Họ và tên học viên (ghi rõ)", "Số điện thoại liên hệ"): the first alias
  // that starts the header, longest aliases first so that "dia chi" is not taken for "dia chi tru so".
  const candidates = allowed
    .flatMap((field) =>
      aliasesOf(kind, field)
        .filter((a) => a.length >= 4)
        .map((a) => ({ field, a })),
    )
    .sort((x, y) => y.a.length - x.a.length);
  for (const { field, a } of candidates) if (key.startsWith(`${a} `)) return field;
  return '';
}

/** Where the header is and what each column holds. */
export interface Layout {
  /** Index (0-based) of the header row; its sub-header, if any, is the next one. */
  headerRow: number;
  /** Index of the first data row. */
  firstDataRow: number;
  /** The header text of each column (with its sub-header joined: "Giới tính – Nam"). */
  headers: string[];
  /** The field each column holds ('' for none). */
  fields: string[];
}

const looksLikeNumbers = (row: string[]) => {
  const cells = row.filter((c) => c !== '');
  return cells.length >= 2 && cells.every((c) => /^\(?\d{1,2}\)?$/.test(c));
};

/**
 * Finds the header row among the first rows (title rows and blank rows above it are skipped): the
 * row whose cells name the most fields, which must include every required one. Null when no row
 * does (an empty sheet, a sheet with only a title, a list without headers).
 */
export function detectLayout(kind: ImportKind, rows: string[][], scan = 30): Layout | null {
  let best: { index: number; score: number } | null = null;
  for (let i = 0; i < Math.min(rows.length, scan); i++) {
    const found = new Set((rows[i] ?? []).map((c) => fieldOfHeader(kind, c)).filter((f) => f && f !== 'stt'));
    const score = found.size;
    const hasRequired = requiredFields[kind].every((f) => found.has(f));
    if (hasRequired && score >= 2 && (!best || score > best.score)) best = { index: i, score };
  }
  if (!best) return null;
  const header = rows[best.index] ?? [];
  const below = rows[best.index + 1] ?? [];
  const width = Math.max(header.length, below.length);
  const headers: string[] = [];
  const fields: string[] = [];
  // A second header row: cells under a merged group ("Giới tính" over "Nam" | "Nữ", "Điểm danh"
  // over "Buổi 1" | "Buổi 2") name the columns better than the group does.
  const subFields = below.map((c) => fieldOfHeader(kind, c));
  // …and is no data row: it has nothing under the name column.
  const nameCol = header.findIndex((c) => fieldOfHeader(kind, c) === 'name');
  const isSubHeader =
    (below[nameCol] ?? '') === '' && subFields.some((f) => f === 'male' || f === 'female' || f.startsWith('session:'));
  let group = '';
  for (let col = 0; col < width; col++) {
    const top = header[col] ?? '';
    if (top) group = top;
    const sub = isSubHeader ? (below[col] ?? '') : '';
    const subField = isSubHeader ? (subFields[col] ?? '') : '';
    if (sub && subField) {
      headers.push(top || group ? `${top || group} – ${sub}` : sub);
      fields.push(subField);
    } else {
      headers.push(top);
      fields.push(fieldOfHeader(kind, top));
    }
  }
  // A field named twice keeps its first column.
  const seen = new Set<string>();
  for (let col = 0; col < fields.length; col++) {
    const f = fields[col] as string;
    if (!f) continue;
    if (seen.has(f)) fields[col] = '';
    seen.add(f);
  }
  let firstDataRow = best.index + (isSubHeader ? 2 : 1);
  if (looksLikeNumbers(rows[firstDataRow] ?? [])) firstDataRow++;
  return { headerRow: best.index, firstDataRow, headers, fields };
}

/** Every choice of a column's field for a kind (for the matching form), sessions included. */
export function fieldChoices(kind: ImportKind, sessions = 0): string[] {
  const list = [...fieldsOf[kind]];
  if (kind === 'attendance') for (let i = 1; i <= sessions; i++) list.push(`session:${i}`);
  return list;
}

export const isImportKind = (v: string): v is ImportKind => (importKinds as readonly string[]).includes(v);
