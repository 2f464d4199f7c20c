// Text typed with the legacy Vietnamese fonts of the 1990s–2000s, still found in office files:
// TCVN3 (ABC, fonts ".VnTime") keeps one byte per accented letter; VNI (fonts "VNI-Times") keeps
// the letter and then one or two bytes for its marks. Read as Unicode both look like Latin-1
// gibberish ("Hoµng V¨n", "Hoaøng Vaên"). No kept npm library does this (decision 0028), so these
// are the two published tables, checked by the tests on every letter.

const unicodeLetters = 'àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵĂÂĐÊÔƠƯ';
/** TCVN3 byte (as a Latin-1 character) of each letter above, in the same order. */
const tcvn3Letters = 'µ¸¶·¹¨»¾¼½Æ©ÇÊÈÉË®ÌÐÎÏÑªÒÕÓÔÖ×ÝØÜÞßãáâä«åèæçé¬êíëìîïóñòô\u00adõøö÷ùúýûüþ¡¢§£¤¥¦';

const fromTcvn3 = new Map<string, string>();
for (let i = 0; i < tcvn3Letters.length; i++) fromTcvn3.set(tcvn3Letters[i] as string, unicodeLetters[i] as string);

const toTcvn3 = new Map<string, string>();
for (let i = 0; i < unicodeLetters.length; i++) toTcvn3.set(unicodeLetters[i] as string, tcvn3Letters[i] as string);

/** Unicode text as an old TCVN3 file holds it (for sample files and tests); capitals lose their marks' case. */
export function unicodeToTcvn3(s: string): string {
  let out = '';
  for (const ch of s.normalize('NFC')) out += toTcvn3.get(ch) ?? toTcvn3.get(ch.toLowerCase()) ?? ch;
  return out;
}

/** TCVN3 (ABC) text to Unicode: "Hoµng V¨n Th¾ng" → "Hoàng Văn Thắng". */
export function tcvn3ToUnicode(s: string): string {
  let out = '';
  for (const ch of s) out += fromTcvn3.get(ch) ?? ch;
  return out.normalize('NFC');
}

// VNI: a base letter followed by its marks. Vowel + mark pairs, lower case (upper case uses the
// upper-case forms of the same marks).
const vniVowels: Record<string, string> = {
  a: 'a',
  aø: 'à',
  aù: 'á',
  aû: 'ả',
  aõ: 'ã',
  aï: 'ạ',
  aê: 'ă',
  aè: 'ằ',
  aé: 'ắ',
  aú: 'ẳ',
  aü: 'ẵ',
  aë: 'ặ',
  aâ: 'â',
  aà: 'ầ',
  aá: 'ấ',
  aå: 'ẩ',
  aã: 'ẫ',
  aä: 'ậ',
  eø: 'è',
  eù: 'é',
  eû: 'ẻ',
  eõ: 'ẽ',
  eï: 'ẹ',
  eâ: 'ê',
  eà: 'ề',
  eá: 'ế',
  eå: 'ể',
  eã: 'ễ',
  eä: 'ệ',
  oø: 'ò',
  où: 'ó',
  oû: 'ỏ',
  oõ: 'õ',
  oï: 'ọ',
  oâ: 'ô',
  oà: 'ồ',
  oá: 'ố',
  oå: 'ổ',
  oã: 'ỗ',
  oä: 'ộ',
  ôø: 'ờ',
  ôù: 'ớ',
  ôû: 'ở',
  ôõ: 'ỡ',
  ôï: 'ợ',
  uø: 'ù',
  uù: 'ú',
  uû: 'ủ',
  uõ: 'ũ',
  uï: 'ụ',
  öø: 'ừ',
  öù: 'ứ',
  öû: 'ử',
  öõ: 'ữ',
  öï: 'ự',
  yø: 'ỳ',
  yù: 'ý',
  yû: 'ỷ',
  yõ: 'ỹ',
};
/** Single bytes: ơ, ư, đ, the i's and ỵ. */
const vniSingles: Record<string, string> = {
  ô: 'ơ',
  Ô: 'Ơ',
  ö: 'ư',
  Ö: 'Ư',
  ñ: 'đ',
  Ñ: 'Đ',
  ì: 'ì',
  í: 'í',
  æ: 'ỉ',
  ó: 'ĩ',
  ò: 'ị',
  Ì: 'Ì',
  Í: 'Í',
  Æ: 'Ỉ',
  Ó: 'Ĩ',
  Ò: 'Ị',
  î: 'ỵ',
  Î: 'Ỵ',
};
const vniPairs = new Map<string, string>();
for (const [k, v] of Object.entries(vniVowels)) {
  if (k.length !== 2) continue;
  vniPairs.set(k, v);
  vniPairs.set(k.toUpperCase(), v.toUpperCase());
  // Office files often mix: an upper-case letter with a lower-case mark byte.
  vniPairs.set((k[0] as string).toUpperCase() + (k[1] as string), v.toUpperCase());
}

/** VNI text to Unicode: "Hoaøng Vaên Thaéng" → "Hoàng Văn Thắng". */
export function vniToUnicode(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const pair = vniPairs.get(s.slice(i, i + 2));
    if (pair) {
      out += pair;
      i++;
      continue;
    }
    const ch = s[i] as string;
    out += vniSingles[ch] ?? ch;
  }
  return out.normalize('NFC');
}

export type Encoding = 'unicode' | 'tcvn3' | 'vni';

const vietnameseLetters = new Set(`${unicodeLetters}${unicodeLetters.toUpperCase()}aeiouyAEIOUY`.normalize('NFC'));
/** How far a text is from Vietnamese: letters no Vietnamese word has, and capitals inside words. */
function oddness(s: string): number {
  let odd = 0;
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0;
    if (code > 0x7f && !vietnameseLetters.has(ch)) odd += 10;
  }
  odd += 3 * (s.match(/\p{Ll}\p{Lu}/gu)?.length ?? 0);
  for (const word of s.toLowerCase().split(/[^\p{L}]+/u)) odd += 5 * oddWord(word);
  return odd;
}

/** Vowel groups a Vietnamese syllable may have (tone marks left out). */
const vowelGroups = new Set(
  'a ă â e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi ơi oo ua uâ uê ui uô uơ ưa ưi ươ ưu uy ya yê iêu oai oao oay oeo uây uôi ươi ươu uya uyê uyu yêu'.split(
    ' ',
  ),
);
const tones = /[\u0300\u0301\u0303\u0309\u0323]/g;

/** 1 when a word cannot be a Vietnamese syllable: a vowel group none has, or two tone marks. */
function oddWord(word: string): number {
  if (!word) return 0;
  const decomposed = word.normalize('NFD');
  if ((decomposed.match(tones)?.length ?? 0) > 1) return 1;
  const bare = decomposed.replace(tones, '').normalize('NFC');
  const groups = bare.replace(/^(qu|gi)(?=[aăâeêioôơuưy])/, '').match(/[aăâeêioôơuưy]+/g) ?? [];
  return groups.length > 1 || groups.some((g) => !vowelGroups.has(g)) ? 1 : 0;
}

const converters: Record<Encoding, (s: string) => string> = {
  unicode: (s) => s.normalize('NFC'),
  tcvn3: tcvn3ToUnicode,
  vni: vniToUnicode,
};

/**
 * Which encoding some texts (a column's cells, typed with one font) were typed in: Unicode when
 * they read as Vietnamese already; else the legacy table whose result reads most like Vietnamese.
 * @example encodingOf(['Hoµng V¨n Th¾ng']) === 'tcvn3'
 */
export function encodingOf(texts: readonly string[]): Encoding {
  const score = (e: Encoding) => texts.reduce((n, s) => n + oddness(converters[e](s)), 0);
  const unicode = score('unicode');
  if (unicode === 0) return 'unicode';
  const tcvn3 = score('tcvn3');
  const vni = score('vni');
  const best = Math.min(unicode, tcvn3, vni);
  if (best === unicode) return 'unicode';
  return tcvn3 <= vni ? 'tcvn3' : 'vni';
}

/** A text as Unicode (NFC), given the encoding it was typed in. */
export const convertText = (s: string, encoding: Encoding) => converters[encoding](s);

/** Any text as Unicode (NFC), its encoding guessed from itself alone. */
export function toUnicode(s: string): { text: string; encoding: Encoding } {
  const encoding = encodingOf([s]);
  return { text: convertText(s, encoding), encoding };
}

/**
 * A column's cells as Unicode: the column's encoding is guessed from all its cells (one font per
 * column, as typed); cells that already read as Vietnamese (a title above, say) are left alone.
 */
export function columnToUnicode(cells: readonly string[]): { cells: string[]; encoding: Encoding } {
  const filled = cells.filter((c) => c !== '');
  const encoding = encodingOf(filled);
  if (encoding === 'unicode') return { cells: cells.map((c) => c.normalize('NFC')), encoding };
  return {
    cells: cells.map((c) => (c && oddness(c.normalize('NFC')) > 0 ? convertText(c, encoding) : c.normalize('NFC'))),
    encoding,
  };
}
