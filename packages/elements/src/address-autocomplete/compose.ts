import { fold, parseAddress, type Suggestion } from '@diachiso/core';
import { tokenize } from '@diachiso/core/internal';

/** The address text an autocomplete shows after a pick, and the parts it kept from what was typed. */
export interface ComposedAddress {
  /** The whole address: what the user typed for the house, alley and street, then the chosen record. */
  readonly text: string;
  /** The house number kept (`12/3`, `K448/20`), if any. */
  readonly houseNumber?: string;
  /** The alley kept (`Hẻm 5`), if any. */
  readonly alley?: string;
  /** The street: the chosen street's name, or the one typed, if any. */
  readonly street?: string;
  /** The hamlet kept (`Thôn Phú Hội`), if any. */
  readonly hamlet?: string;
}

// Words that only say a unit's type; in the tail of what was typed they belong to the chosen unit.
const MARKER_WORDS = new Set(
  'p ph f phuong x xa tt thi tran q quan h huyen tp t thanh pho tx dk dac khu tinh tinhthanh city ward district province commune'.split(
    ' ',
  ),
);

/** The record's own name words (ward, province, legacy ward, district and province), folded. */
function placeWords(s: Suggestion): Set<string> {
  const names = [s.ward?.name, s.province?.name, s.legacy?.ward.name, s.legacy?.district?.name, s.legacy?.province.name];
  if (s.kind === 'province' || s.kind === 'ward') names.push(s.label);
  const out = new Set<string>();
  for (const n of names) if (n) for (const t of tokenize(n)) if (!MARKER_WORDS.has(t.text)) out.add(t.text);
  return out;
}

/**
 * Returns where the house-and-street part of what was typed ends: at the first unit the parser
 * found, or earlier, where a tail made only of the chosen record's names and type words starts
 * (`so 8 hung vuong | loc tho nha trang` after choosing a ward of Nha Trang keeps `so 8 hung vuong`
 * only when those names are the record's).
 */
function localEnd(typed: string, s: Suggestion, unitStart: number): number {
  const names = placeWords(s);
  const tokens = tokenize(typed).filter((t) => t.end <= unitStart);
  let cut = unitStart;
  for (let j = tokens.length - 1; j >= 0; j--) {
    const w = tokens[j]!.text;
    if (names.has(w) || MARKER_WORDS.has(w)) cut = tokens[j]!.start;
    else break;
  }
  return cut;
}

const tidy = (t: string) =>
  t
    .replace(/[\s,;|]+$/u, '')
    .replace(/^[\s,;|]+/u, '')
    .replace(/\s+/gu, ' ');

/**
 * Returns the address text for a chosen suggestion, keeping the house number, alley, street and
 * hamlet the user typed and merging them with the record: a chosen street takes the typed house
 * number (`12 tran phu` → `12 Trần Phú, Phường Nha Trang, Tỉnh Khánh Hòa`); a chosen ward also
 * keeps the typed street (`so 8 hung vuong` + Phường Nha Trang → `8 hung vuong, Phường Nha Trang,
 * Tỉnh Khánh Hòa`). A suggestion that already carries `houseNumber` is composed by the platform:
 * its label is used as is. A point of interest keeps its own label.
 *
 * @param typed - What the user typed.
 * @param s - The chosen suggestion.
 * @returns The text and the parts kept.
 */
export function composeAddress(typed: string, s: Suggestion): ComposedAddress {
  const base = s.legacy && s.ward && s.province ? `${s.ward.name}, ${s.province.name}` : s.label;
  const own = s as Suggestion & { houseNumber?: string; alley?: string; street?: string };
  if (own.houseNumber || s.kind === 'address') {
    return {
      text: s.label,
      ...(own.houseNumber ? { houseNumber: own.houseNumber } : {}),
      ...(own.alley ? { alley: own.alley } : {}),
      ...(own.street ? { street: own.street } : {}),
    };
  }
  if (s.kind === 'poi' || typeof typed !== 'string' || !typed.trim()) return { text: base };
  const p = parseAddress(typed).components;
  const unitStart = Math.min(p.ward?.start ?? Infinity, p.district?.start ?? Infinity, p.province?.start ?? Infinity, typed.length);
  // The parser found where the units start; otherwise the tail naming the record is the units.
  const end = unitStart < typed.length ? unitStart : localEnd(typed, s, unitStart);
  const within = (c: { start: number; end: number; value: string } | undefined) => (c && c.start < end ? c : undefined);
  const hn = within(p.houseNumber)?.value;
  const alley = within(p.alley)?.value;
  const hamlet = within(p.hamlet);
  const hamletText = hamlet ? tidy(hamlet.end <= end ? hamlet.value : typed.slice(hamlet.start, end)) : '';
  if (s.kind === 'street') {
    const name = own.street ?? tidy(s.label.split(',')[0] ?? '');
    const head = [hn, alley].filter(Boolean).join(' ');
    return {
      text: head ? `${head} ${s.label}` : s.label,
      ...(hn ? { houseNumber: hn } : {}),
      ...(alley ? { alley } : {}),
      ...(name ? { street: name } : {}),
    };
  }
  const st = within(p.street);
  const street = st ? tidy(st.end <= end ? st.value : typed.slice(st.start, end)) : '';
  // A street that is only the record's own names (`nha trang`) is not a street.
  const streetKept = street && !tokenize(street).every((t) => placeWords(s).has(t.text) || MARKER_WORDS.has(t.text)) ? street : '';
  const line = [hn, alley, streetKept].filter(Boolean).join(' ');
  const text = [line, hamletText, base].filter(Boolean).join(', ');
  return {
    text,
    ...(hn ? { houseNumber: hn } : {}),
    ...(alley ? { alley } : {}),
    ...(streetKept ? { street: streetKept } : {}),
    ...(hamletText ? { hamlet: hamletText } : {}),
  };
}

/**
 * Returns whether a text still names the same place as a composed pick (the user only fixed
 * spacing, case or diacritics).
 *
 * @param a - One text.
 * @param b - The other.
 * @returns True when they fold to the same words.
 * @internal
 */
export function sameAddress(a: string, b: string): boolean {
  const k = (t: string) =>
    fold(t)
      .replace(/[^\p{L}\p{N}/]+/gu, ' ')
      .trim();
  return k(a) === k(b);
}
