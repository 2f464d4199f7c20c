import type { MessageKey, Params } from '#kernel/i18n/index.ts';
import { fold } from '#kernel/search/fold.ts';
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

export type ImportRecord = AttendeeRecord | ProjectRecord | PartnerRecord | SupportRecord;

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
  /** Projects a support list may name: folded name → id (support). */
  projects?: ReadonlyMap<string, string>;
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

/** The natural key of a record: phone or e-mail for people, name and commune for projects, the name for partners. */
export function naturalKey(r: ImportRecord): string {
  if (r.kind === 'attendance') return r.phone ? `p:${r.phone}` : `e:${r.email}`;
  if (r.kind === 'support') return `s:${r.projectId}|${r.supportKind}|${r.startedOn}|${fold(r.title).trim()}`;
  if (r.kind === 'projects') return `n:${fold(r.name).replace(/\s+/g, ' ').trim()}|${r.commune}`;
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
