import { decodeLocationCode, parseLocationCode, type ZoneTable } from './code.js';
import { parseNdas, validateNdas, type CodeFinding, type NdasContext } from './ndas.js';
import { parsePlusCode } from './plus-code.js';
import type { AdminRegistry } from './registry.js';
import type { LatLon, UnitRef } from './types.js';

/**
 * The three kinds of code an address can carry:
 * `ndas` — the national address code (10 digits, issued by the platform at registration);
 * `location` — diachiso's location code (`22366-65WW+848`, computed from the point, offline);
 * `plus` — a full Plus Code (`7P4F65WW+848`, the open grid both are built on).
 */
export type CodeKind = 'ndas' | 'location' | 'plus';

/** What {@link readCode} found in a text: which kind of code, its parts, and whether it is valid. */
export type CodeReading =
  | {
      readonly kind: 'ndas';
      /** The 10 digits. */
      readonly code: string;
      /** The ward's postal code (first 5 digits). */
      readonly postalCode: string;
      /** The serial assigned at registration (last 5 digits). */
      readonly serial: string;
      /** The ward whose postal code it is, where known. */
      readonly ward?: UnitRef;
      /** That ward's province. */
      readonly province?: UnitRef;
      /** The public map address (`https://diachiso.gov.vn/#/map/<10 digits>`). */
      readonly mapUrl: string;
      /** True when no finding is an error. */
      readonly valid: boolean;
      /** What was found, in Vietnamese and English. */
      readonly findings: readonly CodeFinding[];
    }
  | {
      readonly kind: 'location';
      /** Display form (`22366-65WW+848`). */
      readonly code: string;
      /** Compact form (`22366 65WW848`). */
      readonly compact: string;
      /** The zone: a 2025 ward code. */
      readonly zone: string;
      /** The zone's ward, where known. */
      readonly ward?: UnitRef;
      /** The full Plus Code of the cell, when the zone table was given. */
      readonly plusCode?: string;
      /** The centre of the cell, when the zone table was given. */
      readonly location?: LatLon;
      /** What was corrected in the input (`O→0 in the zone`). */
      readonly corrections: readonly string[];
      /** True when no finding is an error. */
      readonly valid: boolean;
      /** What was found. */
      readonly findings: readonly CodeFinding[];
    }
  | {
      readonly kind: 'plus';
      /** The code in upper case (`7P4F65WW+848`). */
      readonly code: string;
      /** The centre of its cell. */
      readonly location?: LatLon;
      /** True when no finding is an error. */
      readonly valid: boolean;
      /** What was found. */
      readonly findings: readonly CodeFinding[];
    }
  | {
      readonly kind: 'unknown';
      /** Always false. */
      readonly valid: false;
      /** Why the text is none of the three kinds. */
      readonly findings: readonly CodeFinding[];
    };

/** What {@link readCode} can check a code against. */
export interface ReadCodeOptions extends NdasContext {
  /** The 2025 registry with postal codes: checks a national code's postal code, names wards. */
  readonly registry?: AdminRegistry;
  /** The location code's zone table: checks zones and decodes cells. */
  readonly zones?: ZoneTable;
}

const err = (reason: string, vi: string, en: string): CodeFinding => ({ reason, severity: 'error', vi, en });

const UNKNOWN = err(
  'unrecognised',
  'Không nhận ra mã: mã địa chỉ số có 10 chữ số, mã vị trí có dạng 22366-65WW+848, Plus Code có dạng 7P4F65WW+848.',
  'Not a code we recognise: a national address code has 10 digits, a location code looks like 22366-65WW+848, a Plus Code like 7P4F65WW+848.',
);

/**
 * Reads a code of any kind and says which it is: a national address code (10 digits, spaces and
 * dashes allowed), a location code, or a full Plus Code, each with its parts and findings
 * (vi/en). Never throws for bad input. With a registry, a national code's postal code is checked
 * against the province's prefixes and the ward's postal code (a disagreement is an error
 * finding, never a silent pass) and its ward is named; with a zone table, a location code is
 * decoded.
 *
 * @param text - What the user typed.
 * @param opts - Registry, zone table, and the ward/province the code is said to belong to.
 * @returns The reading.
 * @example
 * ```ts
 * readCode('5713312345', { registry });
 * // { kind: 'ndas', code: '5713312345', postalCode: '57133', serial: '12345',
 * //   ward: { code: '22366', name: 'Phường Nha Trang', postalCode: '57133' }, valid: true, findings: [], … }
 * readCode('22366-65WW+848').kind; // 'location'
 * readCode('7P4F65WW+848').kind;   // 'plus'
 * ```
 */
export function readCode(text: string, opts: ReadCodeOptions = {}): CodeReading {
  if (typeof text !== 'string' || !text.trim())
    return { kind: 'unknown', valid: false, findings: [err('empty', 'Chưa nhập mã.', 'No code was entered.')] };
  if (text.length > 64)
    return { kind: 'unknown', valid: false, findings: [err('too-long', 'Nội dung quá dài để là một mã.', 'Too long to be a code.')] };
  // What QR symbols carry: the platform's public map (`…/#/map/<10 digits>`), and before 0.2 our
  // own link to a location code (`https://diachiso.vn/c/22366-65WW%2B848`).
  const url = /^\s*https?:\/\/(?:www\.)?(?:diachiso\.gov\.vn\/#\/map\/|diachiso\.vn\/c\/)([^?#\s]{1,64})\s*$/i.exec(text);
  let inner = url?.[1];
  if (inner !== undefined)
    try {
      inner = decodeURIComponent(inner);
    } catch {
      inner = undefined;
    }
  const t = (inner ?? text).normalize('NFKC').trim().toUpperCase();
  const sig = t.replace(/[\s\-–—._/]/g, '');
  const plusAt = sig.indexOf('+');
  // A Plus Code has its `+` after 8 characters (fewer in a short code); a location code after 9 or 11.
  if (plusAt >= 0 && plusAt <= 8) {
    const r = plus(t);
    if (r.valid) return r;
    // A location code with its `+` typed in the wrong place is still a location code.
    const moved = parseLocationCode(t, opts.zones);
    return moved.ok ? location(moved, opts) : r;
  }
  if (plusAt < 0 && /^\d+$/.test(sig) && sig.length !== 12 && sig.length !== 14) return ndas(t, opts);
  const loc = parseLocationCode(t, opts.zones);
  if (loc.ok) return location(loc, opts);
  // Mostly digits, about ten of them: a national code typed with a slip (a letter, a lost digit).
  const digits = sig.replace(/\D/g, '').length;
  if (plusAt < 0 && sig.length >= 8 && sig.length <= 12 && digits >= sig.length - 2) return ndas(t, opts);
  if (loc.reason !== 'length' && loc.reason !== 'zone-not-digits')
    return {
      kind: 'location',
      code: t.slice(0, 64),
      compact: '',
      zone: sig.slice(0, 5),
      corrections: [],
      valid: false,
      findings: [err(loc.reason, loc.vi, loc.en)],
    };
  return { kind: 'unknown', valid: false, findings: [UNKNOWN] };
}

function ndas(t: string, opts: ReadCodeOptions): CodeReading {
  const p = parseNdas(t);
  if (!p.ok) {
    const digits = t.replace(/\D/g, '');
    return {
      kind: 'ndas',
      code: digits.slice(0, 10),
      postalCode: digits.slice(0, 5),
      serial: digits.slice(5, 10),
      mapUrl: '',
      valid: false,
      findings: [err(p.reason, p.vi, p.en)],
    };
  }
  const v = opts.registry
    ? validateNdas(p.code, opts.registry, {
        ...(opts.ward ? { ward: opts.ward } : {}),
        ...(opts.province ? { province: opts.province } : {}),
      })
    : { findings: [] as CodeFinding[] };
  return {
    kind: 'ndas',
    code: p.code,
    postalCode: p.postalCode,
    serial: p.serial,
    ...(v.ward ? { ward: v.ward } : {}),
    ...(v.province ? { province: v.province } : {}),
    mapUrl: `https://diachiso.gov.vn/#/map/${p.code}`,
    valid: !v.findings.some((f) => f.severity === 'error'),
    findings: v.findings,
  };
}

function location(p: Extract<ReturnType<typeof parseLocationCode>, { ok: true }>, opts: ReadCodeOptions): CodeReading {
  const zone = p.compact.slice(0, 5);
  const w = opts.registry?.ward(zone);
  const d = opts.zones ? decodeLocationCode(p.code, opts.zones) : undefined;
  const findings: CodeFinding[] = [];
  if (opts.ward && opts.ward !== zone)
    findings.push(
      err(
        'zone-not-ward',
        `Mã vị trí thuộc vùng ${zone}, không phải phường/xã ${opts.ward} của địa chỉ.`,
        `The location code is in zone ${zone}, not in the address's ward ${opts.ward}.`,
      ),
    );
  return {
    kind: 'location',
    code: p.code,
    compact: p.compact,
    zone,
    ...(w ? { ward: { code: w.code, name: w.fullName, ...(w.postalCode ? { postalCode: w.postalCode } : {}) } } : {}),
    ...(d ? { plusCode: d.plusCode, location: d.location } : {}),
    corrections: p.corrections,
    valid: !findings.length,
    findings,
  };
}

function plus(t: string): CodeReading {
  const p = parsePlusCode(t.replace(/\s+/g, ''));
  if (!p.ok) return { kind: 'plus', code: t.slice(0, 64), valid: false, findings: [err(p.reason, p.vi, p.en)] };
  return { kind: 'plus', code: p.code, location: { lat: p.area.latitudeCenter, lon: p.area.longitudeCenter }, valid: true, findings: [] };
}
