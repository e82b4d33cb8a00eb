// Noisy text as people type it: type words glued to names, Vietnamese typed with the input
// method switched off (Telex, VNI), city nicknames. Each repair is kept only when it turns a
// part of the address into a known name, so ordinary words are never rewritten.
import { nameKey, type Gazetteer } from './gazetteer.js';
import { toNfc } from './normalize.js';
import type { StreetDirectory } from './streets.js';

const TONES: Readonly<Record<string, string>> = { s: '\u0301', f: '\u0300', r: '\u0309', x: '\u0303', j: '\u0323' };
const VNI_TONES: Readonly<Record<string, string>> = { '1': '\u0301', '2': '\u0300', '3': '\u0309', '4': '\u0303', '5': '\u0323' };
const VOWELS = 'aăâeêioôơuưy';

/** Puts a combining tone mark on the right vowel of one syllable (modern placement). */
function placeTone(word: string, mark: string): string {
  const lower = word.toLowerCase();
  const idx: number[] = [];
  for (let i = 0; i < lower.length; i++) if (VOWELS.includes(lower[i]!)) idx.push(i);
  // "qu" and "gi" before another vowel: the u / i is part of the consonant.
  if (idx.length > 1 && ((lower[idx[0]! - 1] === 'q' && lower[idx[0]!] === 'u') || (lower[idx[0]! - 1] === 'g' && lower[idx[0]!] === 'i')))
    idx.shift();
  if (!idx.length) return word;
  let at = idx.find((i) => 'ăâêôơư'.includes(lower[i]!) && !(lower[i] === 'ư' && lower[i + 1] === 'ơ'));
  if (at === undefined) {
    const last = idx[idx.length - 1]!;
    const closed = last < lower.length - 1;
    at = idx.length === 1 || closed ? last : idx.length === 3 ? idx[1]! : idx[0]!;
  }
  return (word.slice(0, at + 1) + mark + word.slice(at + 1)).normalize('NFC');
}

/**
 * Decodes one word typed in Telex without an input method (`nguyeenx` → `nguyễn`), or returns
 * it unchanged when it has no Telex keys.
 *
 * @param word - One word.
 * @returns The decoded word.
 */
export function decodeTelex(word: string): string {
  if (!/^[a-z]+$/i.test(word) || word.length < 2) return word;
  let w = word;
  let tone = '';
  const lastCh = w[w.length - 1]!.toLowerCase();
  if (TONES[lastCh] && /[aeiouy]/i.test(w.slice(0, -1))) {
    tone = TONES[lastCh]!;
    w = w.slice(0, -1);
  }
  // The case of the first letter typed is kept (Dd → Đ).
  const keep = (to: string) => (m: string) => (m[0] === m[0]!.toUpperCase() ? to[0]!.toUpperCase() + to.slice(1) : to);
  w = w
    .replace(/uow/gi, keep('ươ'))
    .replace(/dd/gi, keep('đ'))
    .replace(/aa/gi, keep('â'))
    .replace(/aw/gi, keep('ă'))
    .replace(/ee/gi, keep('ê'))
    .replace(/oo/gi, keep('ô'))
    .replace(/ow/gi, keep('ơ'))
    .replace(/uw/gi, keep('ư'));
  return tone ? placeTone(w, tone) : w;
}

/**
 * Decodes one word typed in VNI without an input method (`nguye6n4` → `nguyễn`), or returns it
 * unchanged when it has no VNI digits after a letter.
 *
 * @param word - One word.
 * @returns The decoded word.
 */
export function decodeVni(word: string): string {
  if (!/^[a-z][a-z1-9]*$/i.test(word) || !/[a-z][1-9]/i.test(word) || !/[aeiouy]/i.test(word)) return word;
  let letters = word.replace(/\d/g, '');
  let tone = '';
  const mod = (re: RegExp, f: (s: string) => string) => {
    const m = [...letters.matchAll(re)].at(-1);
    if (m) letters = letters.slice(0, m.index) + f(m[0]) + letters.slice(m.index + m[0].length);
  };
  for (const d of word.replace(/[^1-9]/g, '')) {
    if (VNI_TONES[d]) tone = VNI_TONES[d]!;
    else if (d === '6') mod(/[aeo]/gi, (s) => ({ a: 'â', e: 'ê', o: 'ô', A: 'Â', E: 'Ê', O: 'Ô' })[s] ?? s);
    else if (d === '8') mod(/a/gi, (s) => (s === 'a' ? 'ă' : 'Ă'));
    else if (d === '9') mod(/d/gi, (s) => (s === 'd' ? 'đ' : 'Đ'));
    else if (d === '7') {
      if (/uo/i.test(letters)) letters = letters.replace(/uo/i, (s) => (s[0] === 'U' ? 'Ươ' : 'ươ'));
      else mod(/[ou]/gi, (s) => ({ o: 'ơ', u: 'ư', O: 'Ơ', U: 'Ư' })[s] ?? s);
    }
  }
  return tone ? placeTone(letters, tone) : letters;
}

const TYPE_WORDS = 'Phường|Xã|Quận|Huyện|Thị xã|Thị trấn|Thành phố|Tỉnh|Đặc khu|Đường|Thôn|Ấp|Phố|Hẻm|Ngõ|Kiệt|Ngách';
const GLUED = new RegExp(`(^|[\\s,.;])(${TYPE_WORDS}|TP\\.|Tp\\.|P\\.|Q\\.|H\\.|X\\.|TX\\.|TT\\.)(?=\\p{Lu})`, 'gu');
/** A type word typed twice (`Thị xã Thị Xã Buôn Hồ`, `Phường phường 5`): said once. */
const DOUBLED = new RegExp(`(^|[\\s,.;])(${TYPE_WORDS})\\s+\\2(?=\\s)`, 'giu');

/** Nicknames people type for cities, replaced by the name the gazetteer knows. */
const NICKNAMES: ReadonlyArray<[RegExp, string]> = [
  [/(^|[\s,])BMT(?=$|[\s,.])/giu, '$1Buôn Ma Thuột'],
  [/(^|[\s,])PR\s*-?\s*TC(?=$|[\s,.])/giu, '$1Phan Rang - Tháp Chàm'],
  [/(^|[\s,])(?:TP\.?\s*)?S[àa]i\s*G[òo]n(?=$|[\s,.])/giu, '$1Thành phố Hồ Chí Minh'],
];

const TYPE_PREFIX = /^(?:phuong|xa|quan|huyen|thi xa|thi tran|dac khu|thanh pho|tinh|t p|tp|p|q|h|x|tt|tx|duong|d|thon)\s+/;

/** A word typed in VNI beyond doubt: a mark digit between letters (`tra6n2`, `d9oan2`, `phuo7ng2`). */
const VNI_INSIDE = /^[a-z]+(?:[1-9]+[a-z]+)+[1-9]*$/i;
/** A word that may be VNI: a syllable with a vowel followed by mark digits (`thap1`, `so61`). */
const VNI_END = /^[a-z]*[aeiouy][a-z]*[1-9]{1,2}$/i;

/**
 * Whether a part of the text was typed in VNI beyond doubt: a word with a mark digit between
 * letters, or two words ending in mark digits. Unit numbers (`F11`, `Q1`, `K448`) have no vowel.
 */
function typedInVni(part: string): boolean {
  const words = part.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  return words.some((w) => VNI_INSIDE.test(w) && /[aeiouy]/i.test(w)) || words.filter((w) => VNI_END.test(w)).length >= 2;
}

/**
 * Collapses a letter typed twice in a row (`KKhánh HHoà` → `Khánh Hoà`, `Nha Trangg`): Vietnamese
 * never doubles a letter (Telex keys aside, which are tried first).
 */
function undouble(part: string): string {
  return part.replace(/(\p{L})\1+/giu, '$1');
}

/** The same, but plain a, e, o typed twice are kept (`Bờ Ngoong`, `Soóc` have them). */
function undoubleConsonants(part: string): string {
  return part.replace(/([^\P{L}aeo])\1+/giu, '$1');
}

/** "Số" / "Số nhà" typed in Telex or VNI before a number (`soos nhaf 7`, `So61 nha2 7`). */
const HOUSE_WORD = /(^|[,;\n]\s*)(?:soos|so61)(\s+(?:nhaf|nha2))?(?=\s*\d)/giu;

/**
 * The one province (2025 or pre-2025) or pre-2025 city/district whose name is one slip from the
 * name in `part` (a letter wrong, missing, added or two swapped), written in full; else undefined.
 */
function nearName(part: string, g: Gazetteer): string | undefined {
  if (/\d/.test(part)) return undefined;
  const k = nameKey(part).replace(TYPE_PREFIX, '');
  if (k.replace(/ /g, '').length < 5) return undefined;
  const near = (keys: Iterable<string>) => {
    let hit: string | undefined;
    for (const x of keys) {
      if (Math.abs(x.length - k.length) > 1 || !withinOneEdit(k, x)) continue;
      if (hit !== undefined && hit !== x) return null;
      hit = x;
    }
    return hit;
  };
  const p = near([...g.provincesByKey.keys(), ...g.legacyProvincesByKey.keys()]);
  if (p === null) return undefined;
  if (p) return g.provincesByKey.get(p)?.[0]?.fullName ?? g.legacyProvincesByKey.get(p)?.[0]?.fullName;
  const d = near(g.legacyDistrictsByKey.keys());
  const ds = d ? g.legacyDistrictsByKey.get(d) : undefined;
  return ds && new Set(ds.map((x) => x.fullName)).size === 1 ? ds[0]!.fullName : undefined;
}

/**
 * Repairs noisy address text: splits type words glued to names (`PhườngBến Nghé`), expands city
 * nicknames (`BMT`, `PR-TC`, `Sài Gòn`), and decodes Telex or VNI typed without an input method
 * in a comma-separated part when the decoded part is a known name (a unit or a street).
 *
 * @param text - The address as typed.
 * @param g - The gazetteer (known unit names).
 * @param streets - The streets of the data, if loaded.
 * @returns The repaired text (the same text when nothing needed repair).
 * @example
 * ```ts
 * prepareText('12 Nguyeenx Traix, Nha Trang', g, streets); // '12 Nguyễn Trãi, Nha Trang'
 * ```
 */
export function prepareText(text: string, g: Gazetteer, streets?: StreetDirectory): string {
  let t = toNfc(text).replace(GLUED, '$1$2 ').replace(DOUBLED, '$1$2');
  for (const [re, to] of NICKNAMES) t = t.replace(re, to);
  if (!/[a-z][a-z1-9]/i.test(t)) return t;
  t = t.replace(HOUSE_WORD, (_m, lead: string, nha?: string) => `${lead}${/^s/.test(_m.trimStart()) ? 's' : 'S'}ố${nha ? ' nhà' : ''}`);
  const known = (part: string) => {
    const k = nameKey(part)
      .replace(/^(?:so nha |so |sn )?\d+[a-z]?(?:\s*\d+[a-z]?)*\s+/, '')
      .replace(TYPE_PREFIX, '');
    if (!k) return false;
    return g.wardsByKey.has(k) || g.legacyWardsByKey.has(k) || g.legacyDistrictsByKey.has(k) || g.isProvince(k) || !!streets?.has(k);
  };
  const parts = t.split(/([,;\n])/);
  let last = parts.length - 1;
  while (last > 0 && !/\p{L}/u.test(parts[last]!)) last--;
  return parts
    .map((part, i) => {
      if (/^[,;\n]$/.test(part) || known(part)) return part;
      const vni = part.replace(/[\p{L}\p{N}]+/gu, (w) => (/^\d/.test(w) ? w : decodeVni(w)));
      const tries = [part.replace(/[\p{L}\p{N}]+/gu, (w) => (/^\d/.test(w) ? w : decodeTelex(w))), vni];
      tries.push(...tries.map(undouble), undouble(part), undoubleConsonants(part));
      for (const d of tries) if (d !== part && known(d)) return d;
      // Typed in VNI beyond doubt: decoded even when the name is not one the data knows (so the
      // mark digits are never read as house numbers).
      const base = typedInVni(part) ? vni : part;
      // The place's name with one slip (`Đồnbg Tháp`, `Nha Trnag`), only where a place's name
      // goes: the last part, or a part with a type word of a province or city/district.
      if (i === last || /^\s*(?:tỉnh|tinh|thành phố|thanh pho|tp\.?|t\.p\.?|quận|quan|huyện|huyen|thị xã|thi xa|tx\.?)\s/iu.test(base)) {
        const lead = /^\s*/.exec(base)![0];
        const near = nearName(undouble(base), g);
        if (near) return lead + near;
      }
      return base;
    })
    .join('');
}

/**
 * Returns whether two strings differ by at most one insertion, deletion, substitution or swap
 * of adjacent letters.
 *
 * @param a - One string.
 * @param b - The other.
 * @returns True when they are that close.
 */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
