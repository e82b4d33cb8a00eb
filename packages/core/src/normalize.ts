/**
 * Vietnamese text normalisation: NFC, one tone placement, case and diacritic folding, with a
 * map back to the caller's own text so a UI can highlight matches in the user's spelling.
 */

/** The longest input any text function looks at, in UTF-16 code units. Longer input is cut. */
export const MAX_INPUT_LENGTH = 1024;

const COMBINING = /[\u0300-\u036f]/;

/**
 * Returns the text in Unicode NFC with the tone mark of a final `oa`, `oe`, `uy` on the first
 * vowel (`hoà` → `hòa`, `thuỷ` → `thủy`, `khoẻ` → `khỏe`), the spelling of the 2025 resolutions;
 * after `q` the tone is the `y`'s (`Qúy` → `Quý`: `qu` is the consonant).
 *
 * @param text - Any string; lone surrogates and control characters are kept as they are.
 * @returns The canonical spelling.
 * @example
 * ```ts
 * canonicalSpelling('Khánh Hoà'); // 'Khánh Hòa'
 * ```
 */
export function canonicalSpelling(text: string): string {
  return (
    toNfc(text)
      .replace(/([oO])([àáảãạÀÁẢÃẠ])(?![\p{L}\p{M}])/gu, (_, o: string, a: string) => moveTone(o, a))
      .replace(/([oO])([èéẻẽẹÈÉẺẼẸ])(?![\p{L}\p{M}])/gu, (_, o: string, e: string) => moveTone(o, e))
      .replace(/(?<![qQ])([uU])([ỳýỷỹỵỲÝỶỸỴ])(?![\p{L}\p{M}])/gu, (_, u: string, y: string) => moveTone(u, y))
      // After q the u is the consonant's: the tone is the y's (`Quý`, never `Qúy`).
      .replace(/([qQ])([ùúủũụÙÚỦŨỤ])([yY])(?![\p{L}\p{M}])/gu, (_, q: string, u: string, y: string) => q + moveToneBack(u, y))
  );
}

/** `úy` → `uý`: the tone of the first vowel moved onto the second. */
function moveToneBack(toned: string, plain: string): string {
  const nfd = toned.normalize('NFD');
  return nfd[0]! + (plain + nfd.slice(1)).normalize('NFC');
}

function moveTone(first: string, toned: string): string {
  const nfd = toned.normalize('NFD');
  return (first + nfd.slice(1)).normalize('NFC') + nfd[0];
}

/**
 * Returns the NFC form of the text, or the text itself if it cannot be normalised.
 *
 * @param text - Any string.
 * @returns The NFC form.
 * @example
 * ```ts
 * toNfc('Ho\u0300a') === 'Hòa'; // true
 * ```
 */
export function toNfc(text: string): string {
  try {
    return text.normalize('NFC');
  } catch {
    return text;
  }
}

/** A folded text with, for each of its UTF-16 code units, the offset in the original text. */
export interface FoldedText {
  /** The original text, unchanged. */
  readonly original: string;
  /** Lower case, no diacritics, `đ` → `d`, NFC, the same length as `offsets`. */
  readonly folded: string;
  /** `offsets[i]` is where `folded[i]` starts in `original`; `offsets[folded.length]` is the end. */
  readonly offsets: readonly number[];
}

const foldCache = new Map<string, string>();

function foldCluster(cluster: string): string {
  let out = foldCache.get(cluster);
  if (out !== undefined) return out;
  out = cluster
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .normalize('NFC');
  if (foldCache.size < 4096) foldCache.set(cluster, out);
  return out;
}

/**
 * Folds text for matching (lower case, no diacritics, `đ` → `d`) and keeps, for every folded
 * character, its offset in the original, so that `original.slice(offsets[a], offsets[b])` is what
 * the user typed for `folded.slice(a, b)`, whether the input was NFC or NFD.
 *
 * @param text - Any string; only the first {@link MAX_INPUT_LENGTH} code units are read.
 * @returns The folded text and its offsets.
 * @example
 * ```ts
 * const f = foldWithOffsets('Phường Vĩnh Hải');
 * f.folded; // 'phuong vinh hai'
 * ```
 */
export function foldWithOffsets(text: string): FoldedText {
  const src = typeof text === 'string' ? text.slice(0, MAX_INPUT_LENGTH) : '';
  let folded = '';
  const offsets: number[] = [];
  let i = 0;
  while (i < src.length) {
    const start = i;
    const code = src.charCodeAt(i);
    // A base character with its following combining marks is one cluster.
    i += code >= 0xd800 && code <= 0xdbff && i + 1 < src.length ? 2 : 1;
    while (i < src.length && COMBINING.test(src[i]!)) i++;
    const cluster = src.slice(start, i);
    const f = code < 0x80 && cluster.length === 1 ? cluster.toLowerCase() : foldCluster(cluster);
    for (let k = 0; k < f.length; k++) {
      folded += f[k];
      offsets.push(start);
    }
  }
  offsets.push(src.length);
  return { original: src, folded, offsets };
}

/**
 * Folds text for matching: lower case, no diacritics, `đ` → `d`.
 *
 * @param text - Any string.
 * @returns The folded text.
 * @example
 * ```ts
 * fold('Đặc khu Trường Sa'); // 'dac khu truong sa'
 * ```
 */
export function fold(text: string): string {
  return foldWithOffsets(text).folded;
}

/** One word of a folded text, with its place in the original. */
export interface Token {
  /** The folded word (letters and digits only). */
  readonly text: string;
  /** Offset of the word's first character in the original text. */
  readonly start: number;
  /** Offset just past the word's last character in the original text. */
  readonly end: number;
  /** Whether a `.` follows the word in the original (`P.`, `TP.`). */
  readonly dotted: boolean;
  /** Whether a separator (`,` `;` `|` or a line break) comes between this word and the previous one. */
  readonly sep: boolean;
}

// Apostrophes inside a word belong to it (Ea T'Ling, Đắk R'Lấp).
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

/**
 * Splits text into folded words with their offsets in the original text. Punctuation, spaces,
 * symbols and control characters separate words.
 *
 * @param text - Any string.
 * @returns The words, in order.
 * @example
 * ```ts
 * tokenize('P.Vĩnh Hải').map((t) => t.text); // ['p', 'vinh', 'hai']
 * ```
 */
export function tokenize(text: string): Token[] {
  const f = foldWithOffsets(text);
  const out: Token[] = [];
  for (const m of f.folded.matchAll(WORD)) {
    const a = m.index;
    let b = a + m[0].length;
    // One original character can fold to several (ﬀ, some precomposed letters): end the token
    // at the next original character, never inside one.
    while (b < f.folded.length && f.offsets[b] === f.offsets[b - 1]) b++;
    const end = f.offsets[b]!;
    const start = f.offsets[a]!;
    const prevEnd = out.length ? out[out.length - 1]!.end : 0;
    out.push({
      text: m[0].replace(/['’]/g, ''),
      start,
      end,
      dotted: f.original[end] === '.',
      sep: out.length > 0 && /[,;|\n]/.test(f.original.slice(prevEnd, start)),
    });
  }
  return out;
}

/** Administrative-unit types, as the markers people type name them. */
export type UnitType = 'tinh' | 'thanh-pho' | 'phuong' | 'xa' | 'dac-khu' | 'thi-tran' | 'quan' | 'huyen' | 'thi-xa';

/** A word or abbreviation that names a unit type, as found in text. */
export interface Marker {
  /** The unit type. */
  readonly type: UnitType;
  /** Index of the marker's first token. */
  readonly tokenIndex: number;
  /** How many tokens the marker spans (`thanh pho` = 2; `p10` = 1 with a number). */
  readonly length: number;
  /** A number glued to the marker (`P10`, `F.10`, `Q1`), if any. */
  readonly number?: string;
}

const MULTI: ReadonlyArray<[string[], UnitType]> = [
  [['thanh', 'pho'], 'thanh-pho'],
  [['thi', 'tran'], 'thi-tran'],
  [['thi', 'xa'], 'thi-xa'],
  [['dac', 'khu'], 'dac-khu'],
  [['t', 'p'], 'thanh-pho'],
];
const SINGLE: Readonly<Record<string, UnitType>> = {
  phuong: 'phuong',
  p: 'phuong',
  ph: 'phuong',
  f: 'phuong',
  xa: 'xa',
  x: 'xa',
  tt: 'thi-tran',
  quan: 'quan',
  q: 'quan',
  huyen: 'huyen',
  h: 'huyen',
  tp: 'thanh-pho',
  tx: 'thi-xa',
  tinh: 'tinh',
  t: 'tinh',
  dk: 'dac-khu',
};
/** Abbreviations that are also ordinary one- or two-letter words. */
const SHORT: ReadonlySet<string> = new Set(['p', 'ph', 'f', 'x', 'q', 'h', 't', 'dk']);
const GLUED = /^(p|f|q|ph|phuong|quan)(\d{1,2})$/;

/**
 * Finds the unit-type markers in a token list: `P.`, `Ph.`, `F`, `X.`, `TT.`, `Q.`, `H.`, `TP.`,
 * `T.P`, `TX.`, `T.`, the full words, and numbered wards (`P10`, `F.10`, `phường 10`).
 *
 * Single letters count as markers only when dotted or followed by more words, so a name like
 * `Tổ 5` is not taken apart.
 *
 * @param tokens - Tokens from {@link tokenize}.
 * @param isName - Says whether words are a known unit name, so that a marker word ending a
 *   name (`Tây Phương`) is not taken for a marker; given a unit type too, whether they are a
 *   name of that level (a ward's for `phuong`, an old district's for `quan`).
 * @returns The markers, in order.
 * @example
 * ```ts
 * findMarkers(tokenize('P. Vĩnh Hải, TP. Nha Trang')).map((m) => m.type); // ['phuong', 'thanh-pho']
 * ```
 */
export function findMarkers(tokens: readonly Token[], isName?: (key: string, type?: UnitType) => boolean): Marker[] {
  const out: Marker[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    // A marker word that ends a known name is part of it (Tây Phương, Sơn Tịnh, Thượng Quan).
    if (isName && SINGLE[t.text] && !t.dotted) {
      let inName = false;
      for (let j = Math.max(0, i - 3); j < i && !inName; j++) {
        if (out.some((m) => m.tokenIndex >= j && m.tokenIndex < i)) continue;
        if (tokens.slice(j + 1, i + 1).some((x) => x.sep)) continue; // not across a comma
        if (
          isName(
            tokens
              .slice(j, i + 1)
              .map((x) => x.text)
              .join(' '),
          )
        )
          inName = true;
      }
      if (inName) continue;
      // An undotted full word that starts a known name is the name (Phương Sài, Quan Hoa), unless
      // the words after it are a known name too (then it is a marker: Phường Vĩnh Hải).
      if (!SHORT.has(t.text) && t.text.length > 2) {
        let withWord = false;
        let without = false;
        for (let k = i + 2; k <= Math.min(tokens.length, i + 5); k++) {
          if (tokens.slice(i + 1, k).some((x) => x.sep)) break;
          if (
            isName(
              tokens
                .slice(i, k)
                .map((x) => x.text)
                .join(' '),
            )
          )
            withWord = true;
          if (
            isName(
              tokens
                .slice(i + 1, k)
                .map((x) => x.text)
                .join(' '),
            )
          )
            without = true;
        }
        if (withWord && !without) continue;
      }
      // Inside a segment (not after a comma), an undotted marker word must introduce a known
      // name of its level or a number: "Huỳnh Tịnh Của" is a street, "Trần Phú Phường Vĩnh
      // Hải" is not, nor is "Lạc Long Quân Tân Tiến" (Tân Tiến is a ward, not a district).
      const midSegment = i > 0 && !t.sep && !/^\d/.test(tokens[i - 1]!.text) && !out.some((m) => m.tokenIndex + m.length === i);
      if (midSegment && !GLUED.test(t.text)) {
        let known = /^\d{1,2}$/.test(tokens[i + 1]?.text ?? '');
        for (let k = i + 2; k <= Math.min(tokens.length, i + 5) && !known; k++) {
          if (tokens.slice(i + 1, k).some((x, n) => n > 0 && x.sep)) break;
          if (
            isName(
              tokens
                .slice(i + 1, k)
                .map((x) => x.text)
                .join(' '),
              SINGLE[t.text],
            )
          )
            known = true;
        }
        // multi-word markers (thành phố, thị xã) are checked on their own words below
        if (!known && !MULTI.some(([w]) => w.every((x, n) => tokens[i + n]?.text === x))) continue;
      }
    }
    // A marker word right after a marker starts the name: Phường Phương Sài, Xã Tịnh Bình,
    // Phường Quan Hoa, Quận Phú Nhuận.
    const prev = out.at(-1);
    if (prev && !prev.number && prev.tokenIndex + prev.length === i) continue;
    let hit: Marker | undefined;
    for (const [words, type] of MULTI) {
      if (words.every((w, k) => tokens[i + k]?.text === w)) {
        hit = { type, tokenIndex: i, length: words.length };
        break;
      }
    }
    if (!hit) {
      const glued = GLUED.exec(t.text);
      if (glued) {
        hit = { type: SINGLE[glued[1]!]!, tokenIndex: i, length: 1, number: glued[2]! };
      } else {
        const type = SINGLE[t.text];
        const next = tokens[i + 1];
        const numbered = next && /^\d{1,2}$/.test(next.text) && (type === 'phuong' || type === 'quan');
        // Full words (phường, xã, quận, …) and the unambiguous TT/TP/TX are markers whenever a
        // name follows; one- and two-letter abbreviations only when dotted or before a name.
        const abbreviation = SHORT.has(t.text);
        if (type && next && (numbered || !abbreviation || t.dotted || (/^\p{L}/u.test(next.text) && !SINGLE[next.text]))) {
          hit = numbered ? { type, tokenIndex: i, length: 2, number: next.text } : { type, tokenIndex: i, length: 1 };
        }
      }
    }
    if (hit) {
      out.push(hit);
      i += hit.length - 1;
    }
  }
  return out;
}

/** Common short forms of province names that people type. */
export const PROVINCE_ALIASES: Readonly<Record<string, string>> = {
  kh: 'khanh hoa',
  // NT is Nha Trang or Ninh Thuận: both are in Khánh Hòa since 2025, so NT names that province.
  nt: 'khanh hoa',
  hcm: 'ho chi minh',
  tphcm: 'ho chi minh',
  sg: 'ho chi minh',
  hn: 'ha noi',
  tphn: 'ha noi',
};

/**
 * Returns the folded search key of a query: folded, markers removed (they are hints, not
 * names), numbered wards written as `phuong 10` → `10`, province aliases expanded.
 *
 * @param text - What the user typed.
 * @returns The words to match (markers removed), all the words as typed, and the unit-type
 *   hints found.
 * @example
 * ```ts
 * queryKey('P. Vinh Hai, TP Nha Trang').words; // ['vinh', 'hai', 'nha', 'trang']
 * ```
 */
export function queryKey(text: string): { words: string[]; allWords: string[]; tokens: Token[]; hints: UnitType[] } {
  const tokens = tokenize(text);
  const markers = findMarkers(tokens);
  const skip = new Set<number>();
  const hints: UnitType[] = [];
  const numbered = new Map<number, string>();
  for (const m of markers) {
    hints.push(m.type);
    for (let k = 0; k < m.length; k++) skip.add(m.tokenIndex + k);
    if (m.number) numbered.set(m.tokenIndex, m.number.replace(/^0+(?=\d)/, ''));
  }
  const words: string[] = [];
  const kept: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const num = numbered.get(i);
    if (num !== undefined) {
      words.push(num);
      kept.push(tokens[i]!);
      continue;
    }
    if (skip.has(i)) continue;
    const t = tokens[i]!;
    const alias = PROVINCE_ALIASES[t.text];
    if (alias && t.text.length <= 5) words.push(...alias.split(' '));
    else words.push(t.text);
    kept.push(t);
  }
  // A marker word can also be part of a name (Tây Phương, Thượng Quan, Tĩnh Gia): the words
  // as typed are kept too, so a caller can try both readings.
  const allWords = tokens.map((t) => t.text);
  return { words, allWords, tokens: kept, hints };
}
