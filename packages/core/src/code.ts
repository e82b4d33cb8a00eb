import { decodeOlc, encodeOlc, recoverNearestOlc } from './olc.js';
import type { LatLon } from './types.js';

/**
 * The location code (*mã vị trí*, scheme `diachiso-dac/1`): diachiso's open, offline code of a
 * ≈ 3 m cell, `22366-65WW+848` = the 2025 ward code + an Open Location Code with its first four
 * characters dropped. Until version 0.2 it was presented as the *mã địa chỉ số*; that name
 * belongs to the platform's 10-digit national address code (see `ndas.ts`). Every string issued
 * under the old name still decodes to the same cell (docs/decisions/0007-codes.md).
 */

/**
 * The zone table of the location code: each zone (a 2025 ward code) has a fixed
 * reference point; `long` zones (too spread out for one reference point to recover four
 * dropped characters, e.g. the Trường Sa special zone) use the 14-character long form.
 * Zones are never reused: a retired zone stays in `zones` and is listed in `retired`.
 */
export interface ZoneTable {
  /** Scheme identifier, `diachiso-dac/1`. */
  readonly scheme: string;
  /** Zone code → reference point `[lat, lon]` and form. */
  readonly zones: Readonly<Record<string, { readonly ref: readonly [number, number]; readonly long?: boolean }>>;
  /** Retired zone code → date (ISO) it was retired. They keep decoding. */
  readonly retired: Readonly<Record<string, string>>;
}

/** A location code, decoded. */
export interface DecodedLocationCode {
  /** The code in its display form: `22366-65QW+GM8` (long form: `22736-5QXX6F+XX8`). */
  readonly code: string;
  /** The compact form: `22366 65QWGM8`. */
  readonly compact: string;
  /** The zone: the 5-digit 2025 ward code. */
  readonly zone: string;
  /** The location characters (7, or 9 in the long form), without `+`. */
  readonly locationCode: string;
  /** The full 11-character Plus Code of the cell, e.g. `7P5Q65QW+GM8`. */
  readonly plusCode: string;
  /** The centre of the cell. */
  readonly location: LatLon;
  /** The cell (≈ 3.5 m × 2.8 m): south, west, north, east edges in degrees. */
  readonly cell: { readonly south: number; readonly west: number; readonly north: number; readonly east: number };
  /** Set when the zone was retired (the date); the code still decodes. */
  readonly retired?: string;
}

/** Why a text is not a location code. */
export type LocationCodeReason =
  'empty' | 'too-long' | 'length' | 'zone-not-digits' | 'invalid-character' | 'unknown-zone' | 'wrong-form' | 'not-in-zone';

/** The result of {@link parseLocationCode}: a canonical code, or the reason it is not one. */
export type LocationCodeParse =
  | {
      readonly ok: true;
      /** Display form (`22366-65QW+GM8`). */
      readonly code: string;
      /** Compact form (`22366 65QWGM8`). */
      readonly compact: string;
      /** What was corrected in the input (`O→0 in the zone`), if anything. */
      readonly corrections: readonly string[];
    }
  | {
      readonly ok: false;
      /** Why not. */
      readonly reason: LocationCodeReason;
      /** Explanation in Vietnamese. */
      readonly vi: string;
      /** Explanation in English. */
      readonly en: string;
    };

/** What {@link encodeLocationCode} returns. */
export type EncodeLocationCodeResult =
  | (DecodedLocationCode & { readonly zoneKnown: true })
  | {
      readonly zoneKnown: false;
      /** The full 11-character Plus Code, usable anywhere. */
      readonly plusCode: string;
      /** Why there is no zone: the point is outside the area whose ward polygons are embedded. */
      readonly note: string;
    };

const ALPHABET = '23456789CFGHJMPQRVWX';
const LEN = 11;
const MESSAGES: Record<LocationCodeReason, { vi: string; en: string }> = {
  empty: { vi: 'Chưa nhập mã.', en: 'No code was entered.' },
  'too-long': { vi: 'Nội dung quá dài để là một mã vị trí.', en: 'Too long to be a location code.' },
  length: {
    vi: 'Mã vị trí có 12 ký tự (5 chữ số và 7 ký tự vị trí), hoặc 14 ở dạng dài.',
    en: 'A location code has 12 characters (5 digits and 7 location characters), or 14 in the long form.',
  },
  'zone-not-digits': { vi: '5 ký tự đầu (vùng) phải là chữ số.', en: 'The first 5 characters (the zone) must be digits.' },
  'invalid-character': {
    vi: 'Phần vị trí chỉ dùng các ký tự 23456789CFGHJMPQRVWX.',
    en: 'The location part uses only the characters 23456789CFGHJMPQRVWX.',
  },
  'unknown-zone': { vi: 'Vùng (mã phường/xã) này không có trong bảng vùng.', en: 'This zone (ward code) is not in the zone table.' },
  'wrong-form': {
    vi: 'Vùng này dùng dạng mã khác (12 hoặc 14 ký tự).',
    en: 'This zone uses the other form of the code (12 or 14 characters).',
  },
  'not-in-zone': { vi: 'Vị trí này không thuộc vùng của mã.', en: 'This location is not in the code’s zone.' },
};

function fail(reason: LocationCodeReason): LocationCodeParse {
  return { ok: false, reason, ...MESSAGES[reason] };
}

function display(zone: string, loc: string): string {
  // 7 chars: 4 + '+' + 3; 9 chars (long form): 6 + '+' + 3.
  const cut = loc.length - 3;
  return `${zone}-${loc.slice(0, cut)}+${loc.slice(cut)}`;
}

/**
 * Reads a location code the way people type and read it aloud: lower case, spaces,
 * hyphens, dots, a missing `+`, and `O`/`0`, `I`/`L`/`1` confusions in the zone digits (said in
 * `corrections`). Anything else is rejected with a reason in Vietnamese and English.
 *
 * @param text - What the user typed.
 * @param zones - The zone table, to check the zone and the form; without it only the shape is checked.
 * @returns The canonical code, or why the text is not one.
 * @example
 * ```ts
 * parseLocationCode('22366 65qw gm8'); // { ok: true, code: '22366-65QW+GM8', compact: '22366 65QWGM8', corrections: [] }
 * parseLocationCode('2236O-65QW+GM8').corrections; // ['O→0 in the zone']
 * ```
 */
export function parseLocationCode(text: string, zones?: ZoneTable): LocationCodeParse {
  if (typeof text !== 'string' || !text.trim()) return fail('empty');
  if (text.length > 64) return fail('too-long');
  const raw = text
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\-–—.+_/]/g, '');
  if (raw.length !== 12 && raw.length !== 14) return fail('length');
  const corrections: string[] = [];
  let zone = '';
  for (const ch of raw.slice(0, 5)) {
    if (/\d/.test(ch)) zone += ch;
    else if (ch === 'O') {
      zone += '0';
      corrections.push('O→0 in the zone');
    } else if (ch === 'I' || ch === 'L') {
      zone += '1';
      corrections.push(`${ch}→1 in the zone`);
    } else return fail('zone-not-digits');
  }
  const loc = raw.slice(5);
  // 0, 1, O, I are not in the alphabet: a confusion there cannot be resolved, so it is rejected.
  for (const ch of loc) if (!ALPHABET.includes(ch)) return fail('invalid-character');
  if (zones) {
    const z = zones.zones[zone];
    if (!z) return fail('unknown-zone');
    if ((loc.length === 9) !== (z.long === true)) return fail('wrong-form');
  }
  return { ok: true, code: display(zone, loc), compact: `${zone} ${loc}`, corrections };
}

/**
 * Encodes a point as a location code: the 5-digit zone of the ward that contains it,
 * then its 11-digit Plus Code without the first four characters (two in the long form).
 *
 * @param point - The point.
 * @param zones - The zone table.
 * @param zoneAt - Returns the 2025 ward code containing a point, or `undefined` outside the
 *   covered area (e.g. `WardLocator.wardCodeAt` of `@diachiso/search`).
 * @returns The code, or a full Plus Code with `zoneKnown: false` outside the covered area.
 * @throws RangeError when the point is not a finite lat/lon.
 * @example
 * ```ts
 * encodeLocationCode({ lat: 12.24579, lon: 109.19533 }, zones, zoneAt).code; // '22366-65WW+848'
 * ```
 */
export function encodeLocationCode(point: LatLon, zones: ZoneTable, zoneAt: (p: LatLon) => string | undefined): EncodeLocationCodeResult {
  const { lat, lon } = point ?? ({} as LatLon);
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180)
    throw new RangeError('The point must have a finite lat in [-90, 90] and lon in [-180, 180].');
  const full = encodeOlc(lat, lon, LEN);
  const zone = zoneAt({ lat, lon });
  const z = zone ? zones.zones[zone] : undefined;
  if (!zone || !z)
    return { zoneKnown: false, plusCode: full, note: 'The point is outside the area whose ward polygons are embedded: no zone.' };
  const loc = full.replace('+', '').slice(z.long ? 2 : 4);
  const decoded = decodeLocationCode(display(zone, loc), zones);
  if (!decoded) throw new Error(`internal: ${zone} did not round-trip`);
  return { ...decoded, zoneKnown: true };
}

/**
 * Decodes a location code into its zone and cell.
 *
 * @param code - A code in any form {@link parseLocationCode} accepts.
 * @param zones - The zone table.
 * @returns The decoded code, or `undefined` when the text is not a valid code of a known zone
 *   (use {@link parseLocationCode} for the reason).
 * @example
 * ```ts
 * decodeLocationCode('22366-65WW+848', zones)?.location; // { lat: 12.2457875, lon: 109.195328125 }
 * ```
 */
export function decodeLocationCode(code: string, zones: ZoneTable): DecodedLocationCode | undefined {
  const p = parseLocationCode(code, zones);
  if (!p.ok) return undefined;
  const [zone, loc] = p.compact.split(' ') as [string, string];
  const z = zones.zones[zone]!;
  const short = `${loc.slice(0, loc.length - 3)}+${loc.slice(loc.length - 3)}`;
  const full = recoverNearestOlc(short, z.ref[0], z.ref[1]);
  const a = decodeOlc(full);
  const retired = zones.retired[zone];
  return {
    code: p.code,
    compact: p.compact,
    zone,
    locationCode: loc,
    plusCode: full,
    location: { lat: a.latitudeCenter, lon: a.longitudeCenter },
    cell: { south: a.latitudeLo, west: a.longitudeLo, north: a.latitudeHi, east: a.longitudeHi },
    ...(retired ? { retired } : {}),
  };
}

/**
 * Formats a location code: `display` (`22366-65WW+848`, on plates and badges; default) or
 * `compact` (`22366 65WW848`).
 *
 * @param text - A code in any form {@link parseLocationCode} accepts.
 * @param style - `display` or `compact`.
 * @returns The formatted code, or `undefined` when the text does not have a location code's shape.
 * @example
 * ```ts
 * formatLocationCode('22366 65ww848'); // '22366-65WW+848'
 * ```
 */
export function formatLocationCode(text: string, style: 'display' | 'compact' = 'display'): string | undefined {
  const p = parseLocationCode(text);
  return p.ok ? (style === 'compact' ? p.compact : p.code) : undefined;
}

// The names before 0.2, when the location code was called the digital address code. Kept so that
// code written against them keeps working; see docs/decisions/0007-codes.md.

/** @deprecated Since 0.2 the location code's decoded form is {@link DecodedLocationCode}. */
export type DecodedCode = DecodedLocationCode;
/** @deprecated Since 0.2: {@link LocationCodeReason}. */
export type CodeErrorReason = LocationCodeReason;
/** @deprecated Since 0.2: {@link LocationCodeParse}. */
export type ParseCodeResult = LocationCodeParse;
/** @deprecated Since 0.2: {@link EncodeLocationCodeResult}. */
export type EncodeCodeResult = EncodeLocationCodeResult;
/**
 * Reads a location code. Since 0.2 the same function is {@link parseLocationCode}; to read a
 * code of any kind (national address code, location code, Plus Code) use `readCode`.
 *
 * @deprecated Use {@link parseLocationCode}, or `readCode` for any kind of code.
 */
export const parseCode: typeof parseLocationCode = parseLocationCode;
/**
 * Encodes a point as a location code.
 *
 * @deprecated Use {@link encodeLocationCode}.
 */
export const encodeCode: typeof encodeLocationCode = encodeLocationCode;
/**
 * Decodes a location code.
 *
 * @deprecated Use {@link decodeLocationCode}.
 */
export const decodeCode: typeof decodeLocationCode = decodeLocationCode;
