import { normalisePhone } from '#kernel/http/validation.ts';
import { fold } from '#kernel/search/fold.ts';

// Cell texts as Department lists write them, read into the values the site keeps.

/**
 * A year of birth from "1985", "12/03/1985", "12-3-85"? (no: two-digit years are refused), an
 * ISO date, or an Excel day number left unformatted. Null when the cell says none of these.
 */
export function parseBirthYear(text: string, thisYear = new Date().getFullYear()): number | null {
  const s = text.trim();
  let year: number | null = null;
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (/^\d{4}$/.test(s)) year = Number(s);
  else if (dmy) {
    const day = Number(dmy[1]);
    const month = Number(dmy[2]);
    if (day >= 1 && day <= 31 && month >= 1 && month <= 12) year = Number(dmy[3]);
  } else if (iso) year = Number(iso[1]);
  else if (/^\d{5}(\.\d+)?$/.test(s)) {
    // An Excel day number (days since 30/12/1899) in a cell not formatted as a date.
    const date = new Date(Date.UTC(1899, 11, 30) + Math.floor(Number(s)) * 86_400_000);
    year = date.getUTCFullYear();
  }
  if (year === null || year < 1900 || year > thisYear) return null;
  return year;
}

/**
 * A phone number as kept (`0…`, digits only). Excel keeps numbers typed as numbers without their
 * leading 0 ("912345678"): it is put back. Of several numbers in one cell, the first is taken.
 */
export function parsePhone(text: string): { phone: string; several: boolean; valid: boolean } {
  const parts = text
    .split(/[,;/]|\s-\s|\s{2,}|\bhoặc\b/)
    .map((p) => p.trim())
    .filter(Boolean);
  const first = (parts[0] ?? '').replace(/\.0$/, '');
  let phone = normalisePhone(first);
  if (/^[1-9]\d{8,9}$/.test(phone)) phone = `0${phone}`;
  return { phone, several: parts.length > 1, valid: phone === '' || /^0\d{9,10}$/.test(phone) };
}

export const parseEmail = (text: string) => {
  const email = text.trim().toLowerCase();
  return { email, valid: email === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) };
};

/** "x", "X", "1", "✓", "có" mark a ticked cell (Nam / Nữ columns, sessions). */
export const isTicked = (text: string) => /^(x|1|v|✓|✔|co|có|yes|đ|d|\+)$/i.test(text.trim());

/** Sex from "Nam", "Nữ", "nu", "M", "F". */
export function parseSex(text: string): 'male' | 'female' | null {
  const k = fold(text).trim();
  if (['nam', 'm', 'male', 'trai'].includes(k)) return 'male';
  if (['nu', 'f', 'female', 'gai'].includes(k)) return 'female';
  return null;
}

const ethnicityNames: Record<string, string> = {
  kinh: 'kinh',
  viet: 'kinh',
  tay: 'tay',
  nung: 'nung',
  dao: 'dao',
  'san chay': 'san_chay',
  'cao lan': 'san_chay',
  'san chi': 'san_chay',
  hmong: 'hmong',
  'h mong': 'hmong',
  mong: 'hmong',
  meo: 'hmong',
  hoa: 'hoa',
  'san diu': 'san_diu',
};

/** An ethnicity's code; a named one the site does not list is `other`; empty is null. */
export function parseEthnicity(text: string): string | null {
  const k = fold(text)
    .replace(/^dan toc\s+/, '')
    .replace(/[^a-z]+/g, ' ')
    .trim();
  if (!k) return null;
  return ethnicityNames[k] ?? 'other';
}

/** A unit of the province as the matcher needs it. */
export interface Unit {
  slug: string;
  name: string;
  /** A commune (xã) or a ward (phường), when known. */
  kind?: 'commune' | 'ward';
  formerDistrictName: string | null;
}

const words = (s: string) =>
  ` ${fold(s)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()} `;

/**
 * Finds the current unit (after the July 2025 merger) an address names: a unit's name in it
 * ("Thôn Nà Pàn, xã Yên Trạch" → Yên Trạch), preferring a name written after "xã", "phường" or
 * "thị trấn"; else a former district it names ("huyện Đình Lập") → that district's unit of the
 * same name, else its first unit; the province's own name is left out. `how` says which.
 */
export function matchCommune(
  text: string,
  units: readonly Unit[],
  province = 'Lạng Sơn',
): { slug: string; how: 'name' | 'district' } | null {
  const provinceWords = words(province).trim();
  const hay = words(text).replace(new RegExp(` tinh ${provinceWords} `, 'g'), ' ');
  if (!hay.trim()) return null;
  let best: { slug: string; score: number } | null = null;
  for (const u of units) {
    const name = words(u.name);
    const at = hay.indexOf(name);
    if (at < 0) continue;
    const before = hay.slice(0, at);
    // "huyện Cao Lộc", "TP Lạng Sơn": a former district, not the unit of the same name.
    if (/(huyen|thanh pho|tp)\s*$/.test(before.trim())) continue;
    const marker = /(xa|phuong|thi tran|tt|p)$/.exec(before.trim())?.[1];
    // "Phường Chi Lăng" where today's Chi Lăng is a xã: a unit of before the merger, of the same
    // name; its district (if written) says better where it is now.
    const wrongKind =
      (marker === 'xa' && u.kind === 'ward') || ((marker === 'phuong' || marker === 'p') && u.kind === 'commune');
    if (wrongKind) continue;
    const marked = marker ? 1000 : 0;
    const score = marked + name.length;
    if (!best || score > best.score) best = { slug: u.slug, score };
  }
  if (best) return { slug: best.slug, how: 'name' };
  const districts = new Map<string, Unit[]>();
  for (const u of units) {
    if (!u.formerDistrictName) continue;
    const key = words(u.formerDistrictName.replace(/^(Thành phố|Huyện)\s+/i, ''));
    districts.set(key, [...(districts.get(key) ?? []), u]);
  }
  // A district written as one ("huyện Đình Lập", "TP Lạng Sơn") before one only named.
  const named = [...districts.keys()].filter((key) => hay.includes(key));
  const marked = named.filter((key) => new RegExp(` (huyen|thanh pho|tp|h)${key}`).test(hay));
  const key = marked[0] ?? named[0];
  const list = key ? (districts.get(key) ?? []) : [];
  const same = list.find((u) => words(u.name) === key);
  const chosen = same ?? [...list].sort((a, b) => a.slug.localeCompare(b.slug))[0];
  if (chosen) return { slug: chosen.slug, how: 'district' };
  return null;
}
