import type { MessageKey, Params } from '#kernel/i18n/index.ts';
import { fold } from '#kernel/search/fold.ts';
import { expertNameKey } from '#modules/experts/index.ts';
import type { ImportKind } from './imports.taxonomy.ts';
import {
  isTicked,
  matchCommune,
  parseBirthYear,
  parseEmail,
  parseEthnicity,
  parsePhone,
  parseSex,
  type Unit,
} from './values.ts';

// Each data row of a sheet read into what the owning module needs, with its problems in words an
// officer can act on: the row number as Excel shows it, the column's header, what is wrong, how to
// fix it. A row with an error is left out of the import; a warning lets it in.

export interface Problem {
  /** The row number as the spreadsheet shows it (1-based). */
  row: number;
  /** The column's header as written in the file. */
  column: string;
  key: MessageKey;
  params: Params;
  severity: 'error' | 'warning';
}

export interface AttendeeRecord {
  kind: 'attendance';
  name: string;
  phone: string;
  email: string;
  commune: string | undefined;
  organisation: string;
  sex: 'male' | 'female';
  ethnicity: string;
  birthYear: number;
  /** Session numbers (1-based) ticked; empty when the list has no session columns: all of them. */
  sessions: number[];
}

export interface PartnerRecord {
  kind: 'partners';
  name: string;
  partnerKind: string;
  summary: string;
  address: string;
  commune: string | undefined;
  contactName: string;
  phone: string;
  email: string;
  website: string;
}

export interface ProjectRecord {
  kind: 'projects';
  name: string;
  commune: string;
  field: string;
  stage: string;
  summary: string;
  lead: { name: string; phone: string; email: string } | null;
  members: string[];
}

export interface SupportRecord {
  kind: 'support';
  projectId: string;
  projectName: string;
  supportKind: string;
  startedOn: string;
  endedOn: string | null;
  title: string;
  provider: string;
  outcome: string;
}

export interface ExpertRecord {
  kind: 'experts';
  /** The name as the experts module keeps it: with the title before it ("TS. Lê Thị Phương Thảo"). */
  name: string;
  specialties: string[];
  /** What they advise on, as written ('' when the file says nothing: the import writes a line). */
  headline: string;
  organisation: string;
  commune: string | undefined;
  phone: string;
  email: string;
}

export interface ProductRecord {
  kind: 'products';
  projectId: string;
  projectName: string;
  name: string;
  category: string;
  description: string;
  unit: string;
  priceMinVnd: number | undefined;
  priceMaxVnd: number | undefined;
  /** The platform it is listed on, when the row says one. */
  listing: { platform: string; url: string; listedOn: string | null; status: string; note: string } | null;
}

export type ImportRecord =
  | AttendeeRecord
  | ProjectRecord
  | PartnerRecord
  | SupportRecord
  | ExpertRecord
  | ProductRecord;

export interface ReadRow {
  row: number;
  /** What the officer recognises the row by (the name). */
  label: string;
  record: ImportRecord | null;
  problems: Problem[];
}

export interface RowContext {
  kind: ImportKind;
  /** The field of each column and its header. */
  fields: readonly string[];
  headers: readonly string[];
  units: readonly Unit[];
  /** Sessions of the chosen event (attendance). */
  sessionCount: number;
  /** Projects a support or product list may name: folded name → id (support, products). */
  projects?: ReadonlyMap<string, string>;
  /** E-mails of an expert list that are already an account's: an expert's, or someone else's (experts). */
  takenEmails?: ReadonlyMap<string, 'expert' | 'other'>;
  province?: string;
}

type Cells = (field: string) => { value: string; column: string; present: boolean };

function cellsOf(row: readonly string[], ctx: RowContext): Cells {
  return (field) => {
    const col = ctx.fields.indexOf(field);
    return {
      value: col >= 0 ? (row[col] ?? '').trim() : '',
      column: col >= 0 ? ctx.headers[col] || `#${col + 1}` : '',
      present: col >= 0,
    };
  };
}

const partnerKindWords: Record<string, string> = {
  'doanh nghiep': 'business',
  'cong ty': 'business',
  'sieu thi': 'supermarket',
  'nha phan phoi': 'distributor',
  'phan phoi': 'distributor',
  'dai ly': 'distributor',
  'nha dau tu': 'investor',
  'quy dau tu': 'investor',
  'cau lac bo': 'club',
  clb: 'club',
  'hiep hoi': 'club',
  'truong hoc': 'school',
  truong: 'school',
  'dai hoc': 'school',
  'vuon uom': 'incubator',
  'co quan': 'agency',
  'co quan nha nuoc': 'agency',
  'chuong trinh': 'programme',
  'du an': 'programme',
};

/** Reads every data row; blank rows and footers (no name, no row number) are passed over. */
export function readRows(rows: readonly string[][], firstDataRow: number, ctx: RowContext): ReadRow[] {
  const out: ReadRow[] = [];
  for (let i = firstDataRow; i < rows.length; i++) {
    const row = rows[i] ?? [];
    const get = cellsOf(row, ctx);
    if (!get('name').value) {
      // A blank row or a footer ("Tổng cộng: 25 người", "Người lập biểu" and a signature): a cell
      // or two, no name. Nothing to import.
      const filled = ctx.fields.filter((f, col) => f && f !== 'stt' && (row[col] ?? '') !== '').length;
      if (filled <= 1 || row.filter((c) => c !== '').length <= 2) continue;
    }
    out.push(
      ctx.kind === 'attendance'
        ? readAttendee(i + 1, get, ctx)
        : ctx.kind === 'projects'
          ? readProject(i + 1, get, ctx)
          : ctx.kind === 'support'
            ? readSupport(i + 1, get, ctx)
            : ctx.kind === 'experts'
              ? readExpert(i + 1, get, ctx)
              : ctx.kind === 'products'
                ? readProduct(i + 1, get, ctx)
                : readPartner(i + 1, get, ctx),
    );
  }
  markDuplicates(out);
  return out;
}

function problem(
  row: number,
  column: string,
  key: MessageKey,
  params: Params = {},
  severity: 'error' | 'warning' = 'error',
): Problem {
  return { row, column, key, params, severity };
}

function readContacts(n: number, get: Cells, problems: Problem[]) {
  const phoneCell = get('phone');
  const { phone, several, valid } = parsePhone(phoneCell.value);
  if (!valid) problems.push(problem(n, phoneCell.column, 'imports.p.phone', { value: phoneCell.value }));
  else if (several) problems.push(problem(n, phoneCell.column, 'imports.p.phoneSeveral', { value: phone }, 'warning'));
  const emailCell = get('email');
  const { email, valid: emailValid } = parseEmail(emailCell.value);
  if (!emailValid) problems.push(problem(n, emailCell.column, 'imports.p.email', { value: emailCell.value }));
  return { phone: valid ? phone : '', email: emailValid ? email : '' };
}

function readCommune(n: number, get: Cells, ctx: RowContext, problems: Problem[]): string | undefined {
  const cell = get('commune');
  if (!cell.value) return undefined;
  const found = matchCommune(cell.value, ctx.units, ctx.province);
  if (!found) {
    problems.push(problem(n, cell.column, 'imports.p.commune', { value: cell.value }, 'warning'));
    return undefined;
  }
  if (found.how === 'district') {
    const unit = ctx.units.find((u) => u.slug === found.slug);
    problems.push(
      problem(n, cell.column, 'imports.p.communeDistrict', { value: cell.value, unit: unit?.name ?? '' }, 'warning'),
    );
  }
  return found.slug;
}

function readAttendee(n: number, get: Cells, ctx: RowContext): ReadRow {
  const problems: Problem[] = [];
  const nameCell = get('name');
  const name = nameCell.value;
  if (!name) problems.push(problem(n, nameCell.column || '—', 'imports.p.nameMissing'));

  let sex: 'male' | 'female' | null = null;
  const sexCell = get('sex');
  const male = get('male');
  const female = get('female');
  if (sexCell.value) {
    sex = parseSex(sexCell.value);
    if (!sex) problems.push(problem(n, sexCell.column, 'imports.p.sex', { value: sexCell.value }));
  } else if (male.present || female.present) {
    const m = isTicked(male.value);
    const f = isTicked(female.value);
    if (m && f) problems.push(problem(n, male.column, 'imports.p.sexBoth'));
    else sex = m ? 'male' : f ? 'female' : null;
    if (!m && !f) problems.push(problem(n, male.column || female.column, 'imports.p.sexMissing'));
  } else problems.push(problem(n, sexCell.column || '—', 'imports.p.sexMissing'));

  const birthCell = get('birth');
  const birthYear = parseBirthYear(birthCell.value);
  if (!birthCell.value) problems.push(problem(n, birthCell.column || '—', 'imports.p.birthMissing'));
  else if (birthYear === null)
    problems.push(problem(n, birthCell.column, 'imports.p.birth', { value: birthCell.value }));

  const ethCell = get('ethnicity');
  const ethnicity = parseEthnicity(ethCell.value);
  if (!ethnicity) problems.push(problem(n, ethCell.column || '—', 'imports.p.ethnicityMissing'));

  const { phone, email } = readContacts(n, get, problems);
  if (!phone && !email && !problems.some((p) => p.key === 'imports.p.phone' || p.key === 'imports.p.email'))
    problems.push(problem(n, get('phone').column || '—', 'imports.p.contactMissing'));

  const commune = readCommune(n, get, ctx, problems);

  const sessions: number[] = [];
  for (let s = 1; s <= ctx.sessionCount; s++) if (isTicked(get(`session:${s}`).value)) sessions.push(s);
  const sessionColumns = ctx.fields.filter((f) => f.startsWith('session:'));
  for (const f of sessionColumns) {
    const number = Number(f.slice('session:'.length));
    if (number > ctx.sessionCount && isTicked(get(f).value))
      problems.push(problem(n, get(f).column, 'imports.p.sessionUnknown', { n: number, total: ctx.sessionCount }));
  }
  if (sessionColumns.length > 0 && sessions.length === 0)
    problems.push(problem(n, get(sessionColumns[0] as string).column, 'imports.p.noSession', {}, 'warning'));

  const ok = !problems.some((p) => p.severity === 'error');
  return {
    row: n,
    label: name,
    problems,
    record:
      ok && sex && birthYear && ethnicity
        ? {
            kind: 'attendance',
            name: name.slice(0, 120),
            phone,
            email,
            commune,
            organisation: get('organisation').value.slice(0, 200),
            sex,
            ethnicity,
            birthYear,
            sessions: sessionColumns.length > 0 ? sessions : [],
          }
        : null,
  };
}

function readPartner(n: number, get: Cells, ctx: RowContext): ReadRow {
  const problems: Problem[] = [];
  const nameCell = get('name');
  const name = nameCell.value;
  if (name.length < 3) problems.push(problem(n, nameCell.column || '—', 'imports.p.partnerName'));
  const kindCell = get('kind');
  const k = fold(kindCell.value)
    .replace(/[^a-z]+/g, ' ')
    .trim();
  let partnerKind = partnerKindWords[k] ?? Object.entries(partnerKindWords).find(([w]) => k.startsWith(w))?.[1];
  if (!partnerKind) {
    if (kindCell.value)
      problems.push(problem(n, kindCell.column, 'imports.p.partnerKind', { value: kindCell.value }, 'warning'));
    partnerKind = 'business';
  }
  const { phone, email } = readContacts(n, get, problems);
  const commune = readCommune(n, get, ctx, problems);
  const website = get('website').value;
  const ok = !problems.some((p) => p.severity === 'error');
  return {
    row: n,
    label: name,
    problems,
    record: ok
      ? {
          kind: 'partners',
          name: name.slice(0, 200),
          partnerKind,
          summary: get('summary').value.slice(0, 500),
          address: (get('address').value || get('commune').value).slice(0, 300),
          commune,
          contactName: get('contactName').value.slice(0, 200),
          phone,
          email,
          website: /^https?:\/\//i.test(website) ? website.slice(0, 300) : '',
        }
      : null,
  };
}

const projectFieldWords: [string, string][] = [
  ['nong nghiep', 'agriculture'],
  ['trong trot', 'agriculture'],
  ['chan nuoi', 'agriculture'],
  ['lam nghiep', 'agriculture'],
  ['thuc pham', 'food'],
  ['che bien', 'food'],
  ['duoc lieu', 'herbal'],
  ['thu cong', 'handicraft'],
  ['du lich', 'tourism'],
  ['giao duc', 'education'],
  ['cong nghe', 'technology'],
  ['phan mem', 'technology'],
  ['moi truong', 'environment'],
  ['y te', 'health'],
  ['suc khoe', 'health'],
  ['dich vu', 'services'],
];
const projectStageWords: [string, string][] = [
  ['y tuong', 'idea'],
  ['nguyen mau', 'prototype'],
  ['thu nghiem', 'prototype'],
  ['mo rong', 'growing'],
  ['tang truong', 'growing'],
  ['thi truong', 'market'],
  ['dang ban', 'market'],
  ['san pham', 'market'],
];
const wordsOf = (s: string) =>
  ` ${fold(s)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()} `;
const codeFrom = (text: string, table: [string, string][]) =>
  table.find(([w]) => wordsOf(text).includes(` ${w} `))?.[1] ?? null;

function readProject(n: number, get: Cells, ctx: RowContext): ReadRow {
  const problems: Problem[] = [];
  const nameCell = get('name');
  const name = nameCell.value;
  if (name.length < 3) problems.push(problem(n, nameCell.column || '—', 'imports.p.projectName'));
  const communeCell = get('commune');
  const commune = readCommune(n, get, ctx, problems);
  if (!commune) {
    // A project is placed in a commune: without one the row cannot go in.
    const i = problems.findIndex((p) => p.key === 'imports.p.commune');
    if (i >= 0) problems.splice(i, 1);
    problems.push(problem(n, communeCell.column || '—', 'imports.p.projectCommune', { value: communeCell.value }));
  }
  const fieldCell = get('field');
  const field = codeFrom(fieldCell.value, projectFieldWords) ?? 'other';
  if (fieldCell.value && field === 'other')
    problems.push(problem(n, fieldCell.column, 'imports.p.projectField', { value: fieldCell.value }, 'warning'));
  const stage = codeFrom(get('stage').value, projectStageWords) ?? 'idea';
  const { phone, email } = readContacts(n, get, problems);
  const leadName = get('lead').value;
  const members = get('members')
    .value.split(/[,;\n]|\s-\s/)
    .map((m) => m.trim())
    .filter((m) => m.length >= 2)
    .slice(0, 19);
  const ok = !problems.some((p) => p.severity === 'error');
  return {
    row: n,
    label: name,
    problems,
    record:
      ok && commune
        ? {
            kind: 'projects',
            name: name.slice(0, 200),
            commune,
            field,
            stage,
            summary: get('summary').value.slice(0, 500),
            lead: leadName ? { name: leadName.slice(0, 200), phone, email } : null,
            members: members.map((m) => m.slice(0, 200)),
          }
        : null,
  };
}

const supportKindWords: [string, string][] = [
  ['tu van', 'consulting'],
  ['dao tao', 'training'],
  ['tap huan', 'training'],
  ['boi duong', 'training'],
  ['khong gian', 'space'],
  ['dia diem', 'space'],
  ['mat bang', 'space'],
  ['tieu thu', 'market_connection'],
  ['thi truong', 'market_connection'],
  ['san thuong mai dien tu', 'platform_listing'],
  ['nen tang', 'platform_listing'],
  ['gioi thieu doi tac', 'connection'],
  ['ket noi', 'connection'],
  ['hoi cho', 'event_introduction'],
  ['su kien', 'event_introduction'],
  ['cuoc thi', 'event_introduction'],
  ['kinh phi', 'funding'],
  ['tai chinh', 'funding'],
  ['von', 'funding'],
];

const pad2 = (n: string) => n.padStart(2, '0');
/** A day from dd/mm/yyyy (or d-m-yyyy, an ISO date): ISO, or null. */
export function parseDay(text: string): string | null {
  const s = text.trim();
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  const [y, m, d] = dmy ? [dmy[3], pad2(dmy[2] ?? ''), pad2(dmy[1] ?? '')] : iso ? [iso[1], iso[2], iso[3]] : [];
  if (!y || !m || !d) return null;
  const day = `${y}-${m}-${d}`;
  const date = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== day || Number(y) < 1990 ? null : day;
}

function readSupport(n: number, get: Cells, ctx: RowContext): ReadRow {
  const problems: Problem[] = [];
  const projectCell = get('project');
  const projectId = ctx.projects?.get(fold(projectCell.value).trim()) ?? null;
  if (!projectCell.value) problems.push(problem(n, projectCell.column || '—', 'imports.p.supportProjectMissing'));
  else if (!projectId)
    problems.push(problem(n, projectCell.column, 'imports.p.supportProject', { value: projectCell.value }));
  const dateCell = get('date');
  const startedOn = parseDay(dateCell.value);
  if (!startedOn) problems.push(problem(n, dateCell.column || '—', 'imports.p.day', { value: dateCell.value }));
  const endCell = get('endDate');
  const endedOn = endCell.value ? parseDay(endCell.value) : null;
  if (endCell.value && !endedOn) problems.push(problem(n, endCell.column, 'imports.p.day', { value: endCell.value }));
  if (startedOn && endedOn && endedOn < startedOn)
    problems.push(problem(n, endCell.column, 'imports.p.dayOrder', { value: endCell.value }));
  const kindCell = get('supportKind');
  const supportKind = codeFrom(kindCell.value, supportKindWords) ?? 'other';
  if (kindCell.value && supportKind === 'other')
    problems.push(problem(n, kindCell.column, 'imports.p.supportKind', { value: kindCell.value }, 'warning'));
  const title = (get('title').value || kindCell.value).slice(0, 300);
  if (!title) problems.push(problem(n, get('title').column || '—', 'imports.p.supportTitle'));
  const ok = !problems.some((p) => p.severity === 'error');
  return {
    row: n,
    label: projectCell.value,
    problems,
    record:
      ok && projectId && startedOn
        ? {
            kind: 'support',
            projectId,
            projectName: projectCell.value,
            supportKind,
            startedOn,
            endedOn,
            title,
            provider: get('provider').value.slice(0, 200),
            outcome: get('outcome').value.slice(0, 2000),
          }
        : null,
  };
}

/**
 * The natural key of a record: phone or e-mail for people, name and commune for projects, the name
 * for partners and experts, project and name (and platform) for products.
 */
export function naturalKey(r: ImportRecord): string {
  if (r.kind === 'attendance') return r.phone ? `p:${r.phone}` : `e:${r.email}`;
  if (r.kind === 'support') return `s:${r.projectId}|${r.supportKind}|${r.startedOn}|${fold(r.title).trim()}`;
  if (r.kind === 'projects') return `n:${fold(r.name).replace(/\s+/g, ' ').trim()}|${r.commune}`;
  if (r.kind === 'experts') return `x:${expertNameKey(r.name)}`;
  if (r.kind === 'products')
    return `pr:${r.projectId}|${fold(r.name).replace(/\s+/g, ' ').trim()}|${r.listing?.platform ?? ''}`;
  return `n:${fold(r.name).replace(/\s+/g, ' ').trim()}`;
}

/** A second row of the same person (or partner) in one file is imported once: it is told. */
function markDuplicates(rows: ReadRow[]) {
  const first = new Map<string, number>();
  for (const r of rows) {
    if (!r.record) continue;
    const key = naturalKey(r.record);
    const seen = first.get(key);
    if (seen === undefined) first.set(key, r.row);
    else {
      r.problems.push(problem(r.row, '—', 'imports.p.duplicate', { first: seen }, 'warning'));
      r.record = null;
    }
  }
}

const degreeWords: [string, string][] = [
  ['pho giao su tien si', 'PGS.TS.'],
  ['pho giao su', 'PGS.'],
  ['pgs ts', 'PGS.TS.'],
  ['pgs', 'PGS.'],
  ['giao su', 'GS.'],
  ['gs', 'GS.'],
  ['tien si khoa hoc', 'TSKH.'],
  ['tien si', 'TS.'],
  ['ts', 'TS.'],
  ['thac si', 'ThS.'],
  ['ths', 'ThS.'],
  ['ky su', 'KS.'],
  ['ks', 'KS.'],
  ['bac si', 'BS.'],
  ['bs', 'BS.'],
  ['luat su', 'Luật sư'],
  ['ls', 'Luật sư'],
  ['nghe nhan', 'Nghệ nhân'],
];

const specialtyWords: [string, string][] = [
  ['an toan thuc pham', 'food_safety'],
  ['attp', 'food_safety'],
  ['ve sinh an toan', 'food_safety'],
  ['quy trinh san xuat', 'production'],
  ['san xuat', 'production'],
  ['che bien', 'production'],
  ['trong trot', 'production'],
  ['chan nuoi', 'production'],
  ['phat trien san pham', 'product_development'],
  ['bao bi', 'product_development'],
  ['thiet ke', 'product_development'],
  ['nhan hieu', 'trademark_ip'],
  ['so huu tri tue', 'trademark_ip'],
  ['chi dan dia ly', 'trademark_ip'],
  ['thuong hieu', 'trademark_ip'],
  ['tieu chuan', 'standards_labels'],
  ['nhan hang hoa', 'standards_labels'],
  ['ma vach', 'standards_labels'],
  ['truy xuat', 'standards_labels'],
  ['chat luong', 'standards_labels'],
  ['tiep thi', 'marketing_sales'],
  ['marketing', 'marketing_sales'],
  ['ban hang', 'marketing_sales'],
  ['thi truong', 'marketing_sales'],
  ['xuc tien', 'marketing_sales'],
  ['tai chinh', 'finance_investment'],
  ['dau tu', 'finance_investment'],
  ['goi von', 'finance_investment'],
  ['ke toan', 'finance_investment'],
  ['chuyen doi so', 'digital'],
  ['thuong mai dien tu', 'digital'],
  ['tmdt', 'digital'],
  ['so hoa', 'digital'],
  ['phap ly', 'legal'],
  ['phap luat', 'legal'],
  ['luat', 'legal'],
  ['giao duc', 'education'],
  ['dao tao', 'education'],
  ['du lich', 'tourism'],
  ['cong nghe', 'technology'],
  ['ky thuat', 'technology'],
  ['co khi', 'technology'],
  ['phan mem', 'technology'],
];

/** Every code whose words the text holds, in the order of the table, once each. */
const codesFrom = (text: string, table: [string, string][]) => {
  const words = wordsOf(text);
  return [...new Set(table.filter(([w]) => words.includes(` ${w} `)).map(([, code]) => code))];
};

function readExpert(n: number, get: Cells, ctx: RowContext): ReadRow {
  const problems: Problem[] = [];
  const nameCell = get('name');
  const bare = nameCell.value.replace(/\s+/g, ' ');
  if (bare.length < 3) problems.push(problem(n, nameCell.column || '—', 'imports.p.expertName'));
  const degreeCell = get('degree');
  const degree = degreeCell.value ? (codeFrom(degreeCell.value.replace(/\./g, ' '), degreeWords) ?? '') : '';
  // The name as the module keeps it: "TS. Lê Thị Phương Thảo" (unless the name cell already has a title).
  const name =
    degree &&
    expertNameKey(bare) ===
      fold(bare)
        .replace(/[^a-z0-9]+/g, ' ')
        .trim()
      ? `${degree} ${bare}`
      : bare;
  const specialtyCell = get('specialty');
  const specialties = codesFrom(specialtyCell.value, specialtyWords);
  if (specialtyCell.value && specialties.length === 0)
    problems.push(
      problem(n, specialtyCell.column, 'imports.p.expertSpecialty', { value: specialtyCell.value }, 'warning'),
    );
  const { phone, email } = readContacts(n, get, problems);
  const emailCell = get('email');
  if (!email && !problems.some((p) => p.key === 'imports.p.email'))
    problems.push(problem(n, emailCell.column || '—', 'imports.p.expertEmail'));
  else if (email && ctx.takenEmails?.get(email) === 'other')
    problems.push(problem(n, emailCell.column, 'imports.p.expertEmailTaken', { value: email }));
  const commune = readCommune(n, get, ctx, problems);
  const written = get('headline').value;
  const headline = written.length >= 10 ? written : specialtyCell.value.length >= 10 ? specialtyCell.value : '';
  const ok = !problems.some((p) => p.severity === 'error');
  return {
    row: n,
    label: name,
    problems,
    record: ok
      ? {
          kind: 'experts',
          name: name.slice(0, 200),
          specialties,
          headline: headline.slice(0, 300),
          organisation: get('organisation').value.slice(0, 200),
          commune,
          phone,
          email,
        }
      : null,
  };
}

const productCategoryWords: [string, string][] = [
  ['duoc lieu', 'herbal'],
  ['thao duoc', 'herbal'],
  ['thuoc nam', 'herbal'],
  ['thu cong', 'handicraft'],
  ['my nghe', 'handicraft'],
  ['du lich', 'tourism_service'],
  ['luu tru', 'tourism_service'],
  ['homestay', 'tourism_service'],
  ['giao duc', 'education_service'],
  ['dao tao', 'education_service'],
  ['cong nghe', 'technology'],
  ['phan mem', 'technology'],
  ['thiet bi', 'technology'],
  ['nong san', 'agricultural'],
  ['nong nghiep', 'agricultural'],
  ['trai cay', 'agricultural'],
  ['hoa qua', 'agricultural'],
  ['rau', 'agricultural'],
  ['thuc pham', 'food'],
  ['do uong', 'food'],
  ['che bien', 'food'],
  ['dac san', 'food'],
];

const platformWords: [string, string][] = [
  ['techfest', 'techfest247'],
  ['techfest247', 'techfest247'],
  ['postmart', 'postmart'],
  ['voso', 'voso'],
  ['sendo', 'sendo'],
  ['shopee', 'shopee'],
  ['lazada', 'lazada'],
  ['tiki', 'tiki'],
];

const listingStatusWords: [string, string][] = [
  ['cho duyet', 'pending'],
  ['dang cho', 'pending'],
  ['cho', 'pending'],
  ['dang ky', 'pending'],
  ['ngung', 'ended'],
  ['dung', 'ended'],
  ['da go', 'ended'],
  ['het han', 'ended'],
  ['ket thuc', 'ended'],
  ['dang ban', 'live'],
  ['hoat dong', 'live'],
  ['da len san', 'live'],
];

/** A price in đồng from "120.000", "120000 đ", "120,000 VNĐ", "1,2 triệu"; null when it is none. */
export function parsePrice(text: string): number | null {
  const s = fold(text).replace(/\s+/g, ' ').trim();
  if (!s) return null;
  const million = /^(\d+(?:[.,]\d+)?)\s*(?:trieu|tr)\b/.exec(s);
  if (million) return Math.round(Number((million[1] ?? '').replace(',', '.')) * 1_000_000);
  const thousand = /^(\d+)\s*(?:k|nghin|ngan)\b/.exec(s);
  if (thousand) return Number(thousand[1]) * 1000;
  const m = /^(\d{1,3}(?:[.,\s]\d{3})+|\d+)(?:[.,]0+)?\s*(?:d|dong|vnd|vnđ|đ)?$/.exec(s);
  if (!m) return null;
  const n = Number((m[1] ?? '').replace(/[.,\s]/g, ''));
  return Number.isSafeInteger(n) && n <= 1_000_000_000 ? n : null;
}

function readProduct(n: number, get: Cells, ctx: RowContext): ReadRow {
  const problems: Problem[] = [];
  const projectCell = get('project');
  const projectId = ctx.projects?.get(fold(projectCell.value).trim()) ?? null;
  if (!projectCell.value) problems.push(problem(n, projectCell.column || '—', 'imports.p.productProjectMissing'));
  else if (!projectId)
    problems.push(problem(n, projectCell.column, 'imports.p.supportProject', { value: projectCell.value }));
  const nameCell = get('name');
  const name = nameCell.value.replace(/\s+/g, ' ');
  if (name.length < 3) problems.push(problem(n, nameCell.column || '—', 'imports.p.productName'));
  const categoryCell = get('category');
  const category = codeFrom(categoryCell.value, productCategoryWords) ?? 'other';
  if (categoryCell.value && category === 'other')
    problems.push(
      problem(n, categoryCell.column, 'imports.p.productCategory', { value: categoryCell.value }, 'warning'),
    );
  const priceCell = get('price');
  const [low = '', high = ''] = priceCell.value.split(/\s*(?:[-–—]|đến|den)\s*/);
  const priceMin = low ? parsePrice(low) : null;
  const priceMax = high ? parsePrice(high) : priceMin;
  const priceOk = !priceCell.value || (priceMin !== null && priceMax !== null && priceMax >= priceMin);
  if (!priceOk) problems.push(problem(n, priceCell.column, 'imports.p.price', { value: priceCell.value }, 'warning'));

  const platformCell = get('platform');
  const urlCell = get('url');
  const url = /^https?:\/\/\S+$/i.test(urlCell.value) ? urlCell.value.slice(0, 500) : '';
  if (urlCell.value && !url)
    problems.push(problem(n, urlCell.column, 'imports.p.url', { value: urlCell.value }, 'warning'));
  let listing: ProductRecord['listing'] = null;
  if (platformCell.value || url) {
    const found = codeFrom(`${platformCell.value} ${url.replace(/[^a-z0-9]+/gi, ' ')}`, platformWords);
    if (!found)
      problems.push(
        problem(
          n,
          platformCell.column || urlCell.column,
          'imports.p.platform',
          { value: platformCell.value || url },
          'warning',
        ),
      );
    const dayCell = get('listedOn');
    const listedOn = dayCell.value ? parseDay(dayCell.value) : null;
    if (dayCell.value && !listedOn)
      problems.push(problem(n, dayCell.column, 'imports.p.day', { value: dayCell.value }));
    else if (!dayCell.value)
      problems.push(problem(n, dayCell.column || '—', 'imports.p.listedOnMissing', {}, 'warning'));
    const statusCell = get('listingStatus');
    listing = {
      platform: found ?? 'other',
      url,
      listedOn,
      status: codeFrom(statusCell.value, listingStatusWords) ?? 'live',
      note: found ? '' : platformCell.value.slice(0, 200),
    };
  }
  const ok = !problems.some((p) => p.severity === 'error');
  return {
    row: n,
    label: name,
    problems,
    record:
      ok && projectId
        ? {
            kind: 'products',
            projectId,
            projectName: projectCell.value,
            name: name.slice(0, 200),
            category,
            description: get('description').value.slice(0, 5000),
            unit: get('unit').value.slice(0, 60),
            priceMinVnd: priceOk ? (priceMin ?? undefined) : undefined,
            priceMaxVnd: priceOk ? (priceMax ?? undefined) : undefined,
            listing,
          }
        : null,
  };
}
