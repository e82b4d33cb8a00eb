import { type Gazetteer } from './gazetteer.js';
import {
  canonicalSpelling,
  findMarkers,
  MAX_INPUT_LENGTH,
  PROVINCE_ALIASES,
  tokenize,
  toNfc,
  type Marker,
  type Token,
  type UnitType,
} from './normalize.js';

/** The parts of a Vietnamese address the parser recognises. */
export type ComponentName = 'houseNumber' | 'alley' | 'street' | 'hamlet' | 'ward' | 'district' | 'province';

/** One recognised part of an address. */
export interface AddressComponent {
  /** The text as the user typed it (`P. Vinh Hai`). */
  readonly text: string;
  /** The canonical value where known (`Phường Vĩnh Hải`), else the typed text tidied. */
  readonly value: string;
  /** The name alone, as a lookup key (`vinh hai`), for units. */
  readonly key?: string;
  /** The unit type the text named or implied (`phuong`, `quan`, …), for units. */
  readonly unitType?: UnitType;
  /** Offset of the first character in the input. */
  readonly start: number;
  /** Offset just past the last character in the input. */
  readonly end: number;
  /** 0–1: how sure the parser is (a marker and a known name: 0.95; a known name alone: 0.85; a marker alone: 0.7; position alone: 0.5). */
  readonly confidence: number;
}

/** A piece of the input the parser did not recognise. */
export interface Unrecognized {
  /** The text. */
  readonly text: string;
  /** Offset of the first character. */
  readonly start: number;
  /** Offset just past the last character. */
  readonly end: number;
}

/** The result of {@link parseAddress}. */
export interface ParsedAddress {
  /** The input (cut to {@link MAX_INPUT_LENGTH}). */
  readonly input: string;
  /** The parts found. */
  readonly components: Partial<Record<ComponentName, AddressComponent>>;
  /** What was left over: said, not guessed. */
  readonly unrecognized: readonly Unrecognized[];
}

const WARD_TYPES: ReadonlySet<UnitType> = new Set(['phuong', 'xa', 'thi-tran', 'dac-khu']);
const DISTRICT_TYPES: ReadonlySet<UnitType> = new Set(['quan', 'huyen', 'thi-xa']);
const TYPE_WORD: Readonly<Record<UnitType, string>> = {
  phuong: 'Phường',
  xa: 'Xã',
  'thi-tran': 'Thị trấn',
  'dac-khu': 'Đặc khu',
  quan: 'Quận',
  huyen: 'Huyện',
  'thi-xa': 'Thị xã',
  'thanh-pho': 'Thành phố',
  tinh: 'Tỉnh',
};

type Role = 'ward' | 'district' | 'province';
const RANK: Readonly<Record<Role, number>> = { ward: 0, district: 1, province: 2 };
const ROLES: readonly Role[] = ['province', 'district', 'ward'];

type Extra = 'hamlet' | 'alley' | 'street' | 'lot' | 'number';
const EXTRA_MULTI: ReadonlyArray<[string[], Extra]> = [
  [['to', 'dan', 'pho'], 'hamlet'],
  [['khu', 'pho'], 'hamlet'],
  [['khu', 'dan', 'cu'], 'hamlet'],
  [['so', 'nha'], 'number'],
];
const EXTRA_SINGLE: Readonly<Record<string, Extra>> = {
  thon: 'hamlet',
  ap: 'hamlet',
  tdp: 'hamlet',
  kp: 'hamlet',
  to: 'hamlet',
  xom: 'hamlet',
  buon: 'hamlet',
  khom: 'hamlet',
  ban: 'hamlet',
  lang: 'hamlet',
  hem: 'alley',
  kiet: 'alley',
  ngo: 'alley',
  ngach: 'alley',
  hxh: 'alley',
  duong: 'street',
  pho: 'street',
  lo: 'lot',
  so: 'number',
  sn: 'number',
};

/** The canonical spelling of hamlet and alley words. */
const MARKER_WORDS: Readonly<Record<string, string>> = {
  thon: 'Thôn',
  ap: 'Ấp',
  to: 'Tổ',
  tdp: 'Tổ dân phố',
  'to dan pho': 'Tổ dân phố',
  kp: 'Khu phố',
  'khu pho': 'Khu phố',
  'khu dan cu': 'Khu dân cư',
  xom: 'Xóm',
  buon: 'Buôn',
  khom: 'Khóm',
  ban: 'Bản',
  lang: 'Làng',
  hem: 'Hẻm',
  kiet: 'Kiệt',
  ngo: 'Ngõ',
  ngach: 'Ngách',
  hxh: 'Hẻm xe hơi',
};

interface Seg {
  a: number; // first token index
  b: number; // one past the last token index
  marker?: Marker;
  extra?: { kind: Extra; length: number };
}

/** Expands province short forms (`KH`, `HCM`, `TP HCM`) to the province's key. */
function provinceKey(key: string): string {
  return PROVINCE_ALIASES[key.replace(/ /g, '')] ?? key;
}

function titleCase(s: string): string {
  return s.replace(/(^|\s)(\p{Ll})/gu, (_, sp: string, c: string) => sp + c.toLocaleUpperCase('vi'));
}

// 12, 12A, 12/3/5B, K448/20 (kiệt 448, ngách 20), 12-14.
const HOUSE =
  /^\s*(?:(?:số nhà|so nha|số|so|sn|nhà|nha)\s*)?((?:[A-Za-z]{1,2}(?=\d))?\d{1,5}[A-Za-z]?(?:\s*[/-]\s*\d{1,5}[A-Za-z]?){0,4})(?![\p{L}\p{N}])/iu;
const LOT = /^\s*(?:lô|lo)\s+([A-Za-z]{0,3}\d{1,4}[A-Za-z0-9-]{0,6})(?![\p{L}\p{N}])/iu;

/** Whether the tokens from the start of token `i`'s part up to it are a house number (12, 12/3, K448/20). */
function houseBefore(tokens: readonly Token[], i: number): boolean {
  let a = i - 1;
  while (a > 0 && !tokens[a]!.sep) a--;
  if (i - a > 4) return false;
  for (let k = a; k < i; k++) if (!/^(?:[a-z]{1,2})?\d{1,5}[a-z]?$/.test(tokens[k]!.text)) return false;
  return /^(?:[a-z]{1,2})?\d/.test(tokens[a]!.text);
}

/**
 * Parses a free-text Vietnamese address into house number, alley, street, hamlet, ward,
 * (pre-2025) district and province, with a confidence for each, and says which parts it did
 * not recognise instead of guessing. Commas help but are not needed; markers (`P.`, `Q.`,
 * `TP.`, `H.`, `X.`, `TT.`, `F10`, `thôn`, `hẻm`, …) and the names in the gazetteer place the
 * rest.
 *
 * @param text - The address as typed (any string; cut to {@link MAX_INPUT_LENGTH}).
 * @param gazetteer - The known unit names (without it, only markers and position are used).
 * @returns The components and the unrecognised pieces.
 * @example
 * ```ts
 * const p = parseAddress('12/3 Trần Phú, P. Vĩnh Hải, TP. Nha Trang, Khánh Hòa', gazetteer);
 * p.components.houseNumber?.value; // '12/3'
 * p.components.ward?.value; // 'Phường Vĩnh Hải'
 * p.components.district?.value; // 'Thành phố Nha Trang'
 * ```
 */
export function parseAddress(text: string, gazetteer?: Gazetteer): ParsedAddress {
  const input = typeof text === 'string' ? text.slice(0, MAX_INPUT_LENGTH) : '';
  const tokens = tokenize(input);
  const components: Partial<Record<ComponentName, AddressComponent>> = {};
  const unrecognized: Unrecognized[] = [];
  if (tokens.length === 0) return { input, components, unrecognized };

  const span = (a: number, b: number) => ({ start: tokens[a]!.start, end: tokens[b - 1]!.end });
  const textOf = (a: number, b: number) => {
    const s = span(a, b);
    return input.slice(s.start, s.end);
  };
  const keyOf = (a: number, b: number) =>
    tokens
      .slice(a, b)
      .map((t) => t.text)
      .join(' ')
      .replace(/^0+(?=\d)/, '');
  const isName = (key: string) =>
    !!gazetteer &&
    !/^\d+$/.test(key) &&
    (gazetteer.wardsByKey.has(key) ||
      gazetteer.legacyWardsByKey.has(key) ||
      gazetteer.legacyDistrictsByKey.has(key) ||
      gazetteer.isProvince(provinceKey(key)));

  // ---- separators: commas, semicolons, line breaks, " - " between tokens
  // Separators: commas, semicolons, bars, line breaks. Dashes are not: they sit inside names
  // (Bà Rịa - Vũng Tàu, Cầu Dứa - Phú Nông), and a part after a dash starts with a marker anyway.
  const breakBefore = new Set<number>();
  for (let i = 1; i < tokens.length; i++) if (tokens[i]!.sep) breakBefore.add(i);

  // ---- markers of units, and of hamlets, alleys, streets, lots, house numbers
  const unitMarkers = new Map<number, Marker>();
  for (const m of findMarkers(tokens, gazetteer ? isName : undefined)) {
    // "12A Phương Câu": a marker word right after a house number starts a street name.
    const i = m.tokenIndex;
    if (i > 0 && !tokens[i]!.sep && !tokens[i]!.dotted && !m.number && houseBefore(tokens, i)) continue;
    unitMarkers.set(i, m);
  }
  const extraMarkers = new Map<number, { kind: Extra; length: number }>();
  const afterUnitMarker = new Set([...unitMarkers.values()].filter((m) => !m.number).map((m) => m.tokenIndex + m.length));
  for (let i = 0; i < tokens.length; i++) {
    if (unitMarkers.has(i) || afterUnitMarker.has(i)) continue; // Xã Ngô Quyền, Phường Tổ …
    const multi = EXTRA_MULTI.find(([w]) => w.every((x, k) => tokens[i + k]?.text === x));
    if (multi) {
      extraMarkers.set(i, { kind: multi[1], length: multi[0].length });
      i += multi[0].length - 1;
      continue;
    }
    const kind = EXTRA_SINGLE[tokens[i]!.text];
    const next = tokens[i + 1];
    if (!kind || !next || next.sep) continue;
    const segStart = i === 0 || breakBefore.has(i);
    const afterNumber = i > 0 && !breakBefore.has(i) && /^\d/.test(tokens[i - 1]!.text);
    const numberNext = /^\d/.test(next.text);
    // Alleys have numbers (hẻm 42, ngõ 5, kiệt 12): "Ngô Gia Tự", "Lý Thường Kiệt" are names.
    if (kind === 'alley' && !numberNext) continue;
    // Hamlets start a segment; "Tổ" needs its number ("Tố Hữu", "Tô Vĩnh Diện" are streets).
    if (kind === 'hamlet' && (!segStart || (tokens[i]!.text === 'to' && !numberNext))) continue;
    // Street words start a segment or follow the house number ("12 Đường 2 Tháng 4").
    if (kind === 'street' && !segStart && !afterNumber) continue;
    if ((kind === 'number' || kind === 'lot') && !segStart) continue;
    if (kind === 'number' && !numberNext) continue;
    if (isName(keyOf(i, Math.min(tokens.length, i + 3)))) continue;
    extraMarkers.set(i, { kind, length: 1 });
  }

  // ---- segments
  const segs: Seg[] = [];
  let cur: Seg = { a: 0, b: 0 };
  for (let i = 0; i < tokens.length; i++) {
    const um = unitMarkers.get(i);
    const em = extraMarkers.get(i);
    if (i > 0 && (breakBefore.has(i) || um || (em && em.kind !== 'number'))) {
      cur.b = i;
      segs.push(cur);
      cur = { a: i, b: i };
    }
    if (um && cur.a === i) cur.marker = um;
    if (em && cur.a === i) cur.extra = em;
  }
  cur.b = tokens.length;
  segs.push(cur);

  const set = (name: ComponentName, c: AddressComponent) => {
    if (!components[name]) components[name] = c;
    else unrecognized.push({ text: c.text, start: c.start, end: c.end });
  };
  const unitComponent = (
    a: number,
    nameA: number,
    b: number,
    type: UnitType | undefined,
    value: string,
    confidence: number,
    key = keyOf(nameA, b),
  ): AddressComponent => ({
    text: textOf(a, b),
    value,
    key,
    ...(type ? { unitType: type } : {}),
    ...span(a, b),
    confidence,
  });
  const typed = (a: number, b: number) => canonicalSpelling(toNfc(textOf(a, b))).replace(/\s+/g, ' ');
  const knownName = (key: string, role: 'ward' | 'district' | 'province', a?: number, b?: number): string | undefined => {
    if (!gazetteer) return undefined;
    // The user's own diacritics win (Cam Lộc and Cẩm Lộc share a key); names typed without
    // diacritics take the gazetteer's spelling.
    if (a !== undefined && b !== undefined) {
      const t = typed(a, b);
      if (t.normalize('NFD') !== t && role !== 'province') return titleCase(t);
    }
    if (role === 'province')
      return (
        gazetteer.provincesByKey.get(key)?.[0]?.name ??
        gazetteer.legacyProvincesByKey.get(key)?.[0]?.fullName.replace(/^(Tỉnh|Thành phố)\s+/u, '')
      );
    if (role === 'district')
      return gazetteer.legacyDistrictsByKey.get(key)?.[0]?.fullName.replace(/^(Quận|Huyện|Thị xã|Thành phố)\s+/u, '');
    return gazetteer.wardsByKey.get(key)?.[0]?.name ?? gazetteer.legacyWardsByKey.get(key)?.[0]?.name;
  };

  const canProvince = (key: string) => !!gazetteer && gazetteer.isProvince(provinceKey(key));
  const canDistrict = (key: string) => !!gazetteer && !/^\d+$/.test(key) && gazetteer.legacyDistrictsByKey.has(key);
  const canWard = (key: string) =>
    !!gazetteer && !/^\d+$/.test(key) && (gazetteer.wardsByKey.has(key) || gazetteer.legacyWardsByKey.has(key));
  const can = (role: Role, key: string) => (role === 'province' ? canProvince(key) : role === 'district' ? canDistrict(key) : canWard(key));

  // ---- marked unit segments
  const rest: Seg[] = [];
  const placed: Array<{ rank: number; start: number }> = [];
  for (const s of segs) {
    const m = s.marker;
    if (!m) {
      rest.push(s);
      continue;
    }
    const nameA = m.number ? s.a : s.a + m.length;
    if (m.number === undefined && nameA >= s.b) {
      unrecognized.push({ text: textOf(s.a, s.b), ...span(s.a, s.b) });
      continue;
    }
    let nameB = m.number ? s.a + m.length : s.b;
    let key = m.number ? m.number.replace(/^0+(?=\d)/, '') : keyOf(nameA, nameB);
    let numberName: string | undefined;
    if (m.number && gazetteer) {
      // "Phường 1 Bảo Lộc" is a 2025 ward's whole name.
      for (let k = Math.min(s.b, nameB + 4); k > nameB; k--) {
        const longer = `${key} ${keyOf(nameB, k)}`;
        const w = gazetteer.wardsByKey.get(longer)?.[0];
        if (w) {
          key = longer;
          nameB = k;
          numberName = w.name;
          break;
        }
      }
    }
    let role: Role;
    if (WARD_TYPES.has(m.type)) role = 'ward';
    else if (DISTRICT_TYPES.has(m.type)) role = 'district';
    else if (m.type === 'tinh') role = 'province';
    else role = gazetteer?.provincesByKey.get(provinceKey(key))?.some((p) => p.type === 'Thành phố') ? 'province' : 'district';
    if (!m.number && gazetteer && !can(role, key)) {
      // "Phường Vĩnh Hải Nha Trang Khánh Hòa": the marker names the longest known name after it;
      // the words after that are read like any unmarked text.
      for (let k = nameB - 1; k > nameA; k--) {
        if (can(role, keyOf(nameA, k))) {
          nameB = k;
          key = keyOf(nameA, k);
          break;
        }
      }
    }
    const known = m.number ? undefined : knownName(role === 'province' ? provinceKey(key) : key, role, nameA, nameB);
    const name = numberName ?? m.number ?? known ?? typed(nameA, nameB);
    const typeWord = role === 'province' && m.type === 'thanh-pho' ? 'Thành phố' : TYPE_WORD[m.type];
    set(role, unitComponent(s.a, nameA, nameB, m.type, `${typeWord} ${name}`, known || m.number ? 0.95 : 0.7, key));
    placed.push({ rank: RANK[role], start: tokens[s.a]!.start });
    if (nameB < s.b) rest.push({ a: nameB, b: s.b });
  }
  rest.sort((x, y) => x.a - y.a);

  // ---- unmarked segments: names peeled from the right, in the order Vietnamese addresses take
  // (…, ward, district, province), between the marked units around them; the street part is
  // what is left on the far left.
  const street: Seg[] = [];
  let districtPiece: { a: number; b: number } | undefined;
  let ceiling = 2; // highest rank still possible, reading right to left
  let streetFrom = -1; // index in rest from which (leftwards) everything is street part
  for (let idx = rest.length - 1; idx >= 0; idx--) {
    const s = rest[idx]!;
    const st = tokens[s.a]!.start;
    const rightMarked = placed.filter((p) => p.start > st).map((p) => p.rank);
    const leftMarked = placed.filter((p) => p.start < st).map((p) => p.rank);
    const hi = Math.min(ceiling, ...rightMarked.map((r) => r - 1));
    const lo = leftMarked.length ? Math.max(...leftMarked) + 1 : 0;
    if (s.extra || !gazetteer || hi < lo) {
      if (s.extra || leftMarked.length === 0) {
        streetFrom = idx;
        break;
      }
      unrecognized.push({ text: textOf(s.a, s.b), ...span(s.a, s.b) });
      continue;
    }
    let b = s.b;
    let top = hi;
    while (b > s.a && top >= lo) {
      let hit: { a: number; role: Role } | undefined;
      for (let a = Math.max(s.a, b - gazetteer.maxWords); a < b && !hit; a++) {
        const key = keyOf(a, b);
        for (const role of ROLES) {
          if (RANK[role] > top || RANK[role] < lo || components[role]) continue;
          if (can(role, key)) {
            hit = { a, role };
            break;
          }
        }
      }
      if (!hit) break;
      const key = keyOf(hit.a, b);
      const known = knownName(hit.role === 'province' ? provinceKey(key) : key, hit.role, hit.a, b)!;
      set(hit.role, unitComponent(hit.a, hit.a, b, undefined, known, 0.85));
      if (hit.role === 'district') districtPiece = { a: hit.a, b };
      top = RANK[hit.role] - 1;
      b = hit.a;
    }
    ceiling = top;
    if (b > s.a) {
      if (leftMarked.length === 0) {
        // Not a known name and nothing marked to its left: the street part starts here.
        rest[idx] = { a: s.a, b };
        streetFrom = idx;
        break;
      }
      unrecognized.push({ text: textOf(s.a, b), ...span(s.a, b) });
    }
  }
  if (streetFrom >= 0) street.push(...rest.slice(0, streetFrom + 1));
  // "Nha Trang, Khánh Hòa": with no ward, a district name that is also a 2025 ward is the ward.
  if (!components.ward && districtPiece && components.district?.unitType === undefined) {
    const key = keyOf(districtPiece.a, districtPiece.b);
    if (gazetteer?.wardsByKey.has(key)) {
      delete components.district;
      set(
        'ward',
        unitComponent(
          districtPiece.a,
          districtPiece.a,
          districtPiece.b,
          undefined,
          knownName(key, 'ward', districtPiece.a, districtPiece.b)!,
          0.6,
        ),
      );
    }
  }

  // ---- house number, lot, alley, street, hamlet
  for (const s of street) {
    let a = s.a;
    const e = s.extra;
    if (e && (e.kind === 'hamlet' || e.kind === 'alley' || e.kind === 'street')) {
      const nameA = a + e.length;
      if (nameA >= s.b) {
        unrecognized.push({ text: textOf(s.a, s.b), ...span(s.a, s.b) });
        continue;
      }
      if (e.kind === 'alley') {
        // "Hẻm 12 Trần Phú": the alley's number, then maybe the street.
        let nb = nameA;
        while (nb < s.b && /^\d/.test(tokens[nb]!.text)) nb++;
        if (nb === nameA) nb = s.b;
        set('alley', {
          text: textOf(a, nb),
          value: `${MARKER_WORDS[tokens[a]!.text] ?? typed(a, a + e.length)} ${typed(nameA, nb)}`,
          ...span(a, nb),
          confidence: 0.9,
        });
        if (nb < s.b) set('street', { text: textOf(nb, s.b), value: typed(nb, s.b), ...span(nb, s.b), confidence: 0.7 });
        continue;
      }
      // "Đường" is dropped from the street's name; "Phố" is part of many (Phố Huế).
      // Hamlet words are written in full and with their diacritics (thon → Thôn, tdp → Tổ dân phố).
      const markerKey = tokens
        .slice(a, nameA)
        .map((t) => t.text)
        .join(' ');
      const raw =
        e.kind === 'street' && tokens[a]!.text === 'duong'
          ? typed(nameA, s.b)
          : e.kind === 'hamlet' && MARKER_WORDS[markerKey]
            ? `${MARKER_WORDS[markerKey]} ${typed(nameA, s.b)}`
            : typed(a, s.b);
      const value = raw.charAt(0).toLocaleUpperCase('vi') + raw.slice(1);
      const prev = components.hamlet;
      if (e.kind === 'hamlet' && prev) {
        // "Tổ 3, Khu phố 2": residential group within a quarter — one component, both parts.
        components.hamlet = {
          text: input.slice(prev.start, span(a, s.b).end),
          value: `${prev.value}, ${value}`,
          start: prev.start,
          end: span(a, s.b).end,
          confidence: 0.9,
        };
        continue;
      }
      set(e.kind, { text: textOf(a, s.b), value, ...span(a, s.b), confidence: 0.9 });
      continue;
    }
    // House number or lot at the start of the segment.
    const from = tokens[a]!.start;
    const segText = input.slice(from, tokens[s.b - 1]!.end);
    const lot = LOT.exec(segText);
    const house = lot ? undefined : HOUSE.exec(segText);
    const hm = lot ?? house;
    if (hm && !components.houseNumber) {
      const endOff = from + hm[0].length;
      const value = lot ? `Lô ${hm[1]!.toUpperCase()}` : hm[1]!.replace(/\s+/g, '').toUpperCase();
      set('houseNumber', {
        text: input.slice(from, endOff).trim(),
        value,
        start: from + (hm[0].length - hm[0].trimStart().length),
        end: endOff,
        confidence: 0.95,
      });
      while (a < s.b && tokens[a]!.start < endOff) a++;
    }
    if (a < s.b) {
      if (!components.street) set('street', { text: textOf(a, s.b), value: typed(a, s.b), ...span(a, s.b), confidence: hm ? 0.75 : 0.5 });
      else unrecognized.push({ text: textOf(a, s.b), ...span(a, s.b) });
    }
  }
  unrecognized.sort((x, y) => x.start - y.start);
  return { input, components, unrecognized };
}

/** @internal */
export type { Token };
