// The platform's data services on the embedded data, shared by the SDK's offline mode and the
// mock platform so both give the same answers: thematic layers, the data-sharing export and the
// coverage statistics.
import type { PoisData, Registration, UnitRef } from '@diachiso/core';
import type { OfflineEngine } from './engine.js';

/** Categories of the thematic layers (points of interest). */
export const LAYER_CATEGORIES = [
  'health',
  'education',
  'tourism',
  'lodging',
  'food',
  'shopping',
  'government',
  'religion',
  'fuel',
  'parking',
  'other',
] as const;
/** A thematic layer category. */
export type LayerCategory = (typeof LAYER_CATEGORIES)[number];

/** A GeoJSON point feature of a layer. */
export interface LayerFeature {
  /** GeoJSON type. */
  readonly type: 'Feature';
  /** The id (`poi:…`). */
  readonly id: string;
  /** The point. */
  readonly geometry: { readonly type: 'Point'; readonly coordinates: readonly [number, number] };
  /** Name, category, ward. */
  readonly properties: {
    readonly name: string;
    readonly category: string;
    readonly fclass: string;
    readonly ward?: UnitRef;
    readonly source: string;
  };
}

/** A GeoJSON FeatureCollection, with attribution. */
export interface LayerCollection {
  /** GeoJSON type. */
  readonly type: 'FeatureCollection';
  /** The features. */
  readonly features: readonly LayerFeature[];
  /** Attribution to show with the data. */
  readonly attribution: string;
}

const OSM = '© OpenStreetMap contributors, ODbL 1.0';

/**
 * Returns the points of interest of one category (or all), within a bounding box, as GeoJSON.
 *
 * @param pois - The `pois` part.
 * @param wardName - Returns the 2025 ward of a code.
 * @param category - A category, or `all`.
 * @param bbox - `[west, south, east, north]`, optional.
 * @returns The collection.
 */
export function layer(
  pois: PoisData,
  wardName: (code: string) => UnitRef | undefined,
  category: string,
  bbox?: readonly number[],
): LayerCollection {
  const [w, s, e, n] = bbox && bbox.length === 4 && bbox.every(Number.isFinite) ? bbox : [-180, -90, 180, 90];
  const features: LayerFeature[] = [];
  for (const [osm, name, cat, fclass, lon, lat, wardCode] of pois.pois) {
    if (category !== 'all' && cat !== category) continue;
    if (lon < w! || lon > e! || lat < s! || lat > n!) continue;
    const ward = wardName(wardCode);
    features.push({
      type: 'Feature',
      id: `poi:${osm}`,
      geometry: { type: 'Point', coordinates: [lon, lat] },
      properties: { name, category: cat, fclass, ...(ward ? { ward } : {}), source: 'osm' },
    });
  }
  return { type: 'FeatureCollection', features, attribution: OSM };
}

/** One record of the data-sharing export. */
export interface ExportRecord {
  /** Id: `poi:…` or a registration id. */
  readonly id: string;
  /** Name. */
  readonly name: string;
  /** Category. */
  readonly category: string;
  /** Status: `reference` for map data, or the registration's status. */
  readonly status: string;
  /** Digital address code. */
  readonly code: string;
  /** House number and street, where known. */
  readonly address: string;
  /** The 2025 ward. */
  readonly ward?: UnitRef;
  /** The 2025 province. */
  readonly province?: UnitRef;
  /** Latitude. */
  readonly lat: number;
  /** Longitude. */
  readonly lon: number;
  /** Last change (ISO 8601). */
  readonly updatedAt: string;
  /** Where it comes from (`osm`, `registration`). */
  readonly source: string;
}

/** Filters and paging of {@link exportRecords}. */
export interface ExportQuery {
  /** Province code. */
  province?: string;
  /** Ward code. */
  ward?: string;
  /** Category. */
  category?: string;
  /** Only records changed at or after this instant (ISO 8601). */
  updatedSince?: string;
  /** Page size (1–1000, default 100). */
  limit?: number;
  /** Opaque cursor from the previous page. */
  cursor?: string;
}

/** A page of the export. */
export interface ExportPage {
  /** The records. */
  readonly items: readonly ExportRecord[];
  /** Cursor of the next page, absent on the last page. */
  readonly nextCursor?: string;
  /** How many records match in all. */
  readonly total: number;
  /** Attribution to keep with the data. */
  readonly attribution: string;
}

const SNAPSHOT = '2021-05-01T00:00:00Z';

/**
 * Returns one page of the address records (points of interest and registrations), filtered by
 * province, ward, category and update time.
 *
 * @param engine - The offline engine.
 * @param registrations - Registrations to include (created or verified ones have codes).
 * @param q - Filters and paging.
 * @returns The page.
 */
export function exportRecords(engine: OfflineEngine, registrations: readonly Registration[], q: ExportQuery = {}): ExportPage {
  const reg = engine.index.registry;
  const all: ExportRecord[] = [];
  for (const [osm, name, cat, , lon, lat, wardCode] of engine.pois.pois) {
    const w = reg.ward(wardCode);
    const p = w && reg.province(w.provinceCode);
    const c = engine.encodeCode({ lat, lon });
    all.push({
      id: `poi:${osm}`,
      name,
      category: cat,
      status: 'reference',
      code: c.zoneKnown ? c.code : c.plusCode,
      address: '',
      ...(w ? { ward: { code: w.code, name: w.fullName } } : {}),
      ...(p ? { province: { code: p.code, name: p.fullName } } : {}),
      lat,
      lon,
      updatedAt: SNAPSHOT,
      source: 'osm',
    });
  }
  for (const r of registrations) {
    const d = r.declaration;
    all.push({
      id: r.id,
      name: d.name,
      category: d.category,
      status: r.status,
      code: r.record?.code ?? '',
      address: [d.houseNumber, d.street ?? d.hamlet].filter(Boolean).join(' '),
      ward: d.ward,
      province: d.province,
      lat: d.location.lat,
      lon: d.location.lon,
      updatedAt: r.updatedAt,
      source: 'registration',
    });
  }
  const since = q.updatedSince ? Date.parse(q.updatedSince) : NaN;
  const items = all.filter(
    (x) =>
      (!q.province || x.province?.code === q.province) &&
      (!q.ward || x.ward?.code === q.ward) &&
      (!q.category || x.category === q.category) &&
      (Number.isNaN(since) || Date.parse(x.updatedAt) >= since),
  );
  const limit = Math.max(1, Math.min(1000, Math.floor(Number(q.limit ?? 100)) || 100));
  const offset = q.cursor && /^\d{1,7}$/.test(q.cursor) ? Number(q.cursor) : 0;
  const page = items.slice(offset, offset + limit);
  return {
    items: page,
    total: items.length,
    ...(offset + limit < items.length ? { nextCursor: String(offset + limit) } : {}),
    attribution: `${OSM}; registrations: platform data`,
  };
}

/** Fields of the CSV export, in order. */
export const EXPORT_COLUMNS = [
  'id',
  'name',
  'category',
  'status',
  'code',
  'address',
  'ward_code',
  'ward',
  'province_code',
  'province',
  'lat',
  'lon',
  'updated_at',
  'source',
] as const;

/**
 * Returns records as CSV (RFC 4180), with cells that a spreadsheet would run as a formula
 * (starting with `=`, `+`, `-`, `@`, tab or CR) prefixed with `'`.
 *
 * @param items - The records.
 * @returns The CSV text, with a header line.
 */
export function toCsv(items: readonly ExportRecord[]): string {
  const cell = (v: unknown) => {
    let s = v === undefined || v === null ? '' : String(v);
    if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [EXPORT_COLUMNS.join(',')];
  for (const x of items)
    lines.push(
      [
        x.id,
        x.name,
        x.category,
        x.status,
        x.code,
        x.address,
        x.ward?.code,
        x.ward?.name,
        x.province?.code,
        x.province?.name,
        x.lat,
        x.lon,
        x.updatedAt,
        x.source,
      ]
        .map(cell)
        .join(','),
    );
  return lines.join('\r\n') + '\r\n';
}

/**
 * Returns records as a GeoJSON FeatureCollection.
 *
 * @param page - A page of the export.
 * @returns The collection.
 */
export function toGeoJson(page: ExportPage): { type: 'FeatureCollection'; features: unknown[]; attribution: string } {
  return {
    type: 'FeatureCollection',
    attribution: page.attribution,
    features: page.items.map(({ lat, lon, ...props }) => ({
      type: 'Feature',
      id: props.id,
      geometry: { type: 'Point', coordinates: [lon, lat] },
      properties: props,
    })),
  };
}

/** Coverage of one ward, for the monthly reports. */
export interface WardCoverage {
  /** The ward. */
  readonly ward: UnitRef;
  /** Objects known (map points of interest and registrations). */
  readonly objects: number;
  /** Registrations declared (all statuses). */
  readonly declared: number;
  /** With a code (created or verified). */
  readonly withCode: number;
  /** Verified by an official. */
  readonly verified: number;
  /** Owners notified. */
  readonly notified: number;
  /** Plates fixed. */
  readonly plated: number;
}

/**
 * Returns coverage statistics per ward of a province (or one ward).
 *
 * @param engine - The offline engine.
 * @param registrations - The registrations.
 * @param province - Province code (default Khánh Hòa, 56).
 * @param ward - Only this ward.
 * @returns One row per ward.
 */
export function coverage(engine: OfflineEngine, registrations: readonly Registration[], province = '56', ward?: string): WardCoverage[] {
  const reg = engine.index.registry;
  const rows = new Map<
    string,
    { ward: UnitRef; objects: number; declared: number; withCode: number; verified: number; notified: number; plated: number }
  >();
  for (const w of reg.wardsOf(province)) {
    if (ward && w.code !== ward) continue;
    rows.set(w.code, {
      ward: { code: w.code, name: w.fullName },
      objects: 0,
      declared: 0,
      withCode: 0,
      verified: 0,
      notified: 0,
      plated: 0,
    });
  }
  for (const p of engine.pois.pois) {
    const r = rows.get(p[6]);
    if (r) r.objects++;
  }
  for (const x of registrations) {
    const r = rows.get(x.declaration.ward.code);
    if (!r) continue;
    r.objects++;
    r.declared++;
    if (x.status === 'created' || x.status === 'verified') r.withCode++;
    if (x.status === 'verified') r.verified++;
    if (x.notified) r.notified++;
    if (x.plated) r.plated++;
  }
  return [...rows.values()];
}
