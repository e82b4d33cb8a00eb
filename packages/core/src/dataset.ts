/**
 * The shapes of the embedded dataset's parts, as built by `@diachiso/data` (`npm run data`).
 * Kept in core so that every package can read them without depending on the loader.
 */

/** `[code, name, type]`, e.g. `['56', 'Khánh Hòa', 'Tỉnh']`. */
export type ProvinceRow = readonly [code: string, name: string, type: string];
/** `[code, name, type, provinceCode, nameEn]`, e.g. `['22333', 'Bắc Nha Trang', 'Phường', '56', 'Bac Nha Trang']`. */
export type WardRow = readonly [code: string, name: string, type: string, provinceCode: string, nameEn: string];

/** The `admin` part: the 34 provinces and 3,321 wards/communes of 2025. */
export interface AdminData {
  /** The provinces. */
  readonly provinces: readonly ProvinceRow[];
  /** The wards, communes and special zones. */
  readonly wards: readonly WardRow[];
  /** Khánh Hòa wards' centroid `[lon, lat]` and bbox `[w, s, e, n]`, computed from the polygons. */
  readonly khanhHoa: Readonly<Record<string, { centroid: readonly [number, number]; bbox: readonly number[] }>>;
  /** Postal codes of the 2025 wards (absent in datasets before 2025.1 with postal codes). */
  readonly postal?: PostalData;
}

/** The postal codes of Decision 2334/QĐ-BKHCN (24/08/2025): one 5-digit code per 2025 ward. */
export interface PostalData {
  /** The decision, `2334/QĐ-BKHCN`. */
  readonly decision: string;
  /** Province code → the 2-digit prefixes its postal codes start with (`56` → `['57', '59']`). */
  readonly prefixes: Readonly<Record<string, readonly string[]>>;
  /** Five digits per ward, in the order of {@link AdminData.wards} (`'11120111191111011024…'`). */
  readonly codes: string;
}

/**
 * One row per (pre-2025 unit, 2025 unit) pair:
 * `[oldProvinceCode, oldProvince, oldDistrictCode, oldDistrict, oldWardCode, oldWard, newWardCode, divided, clause]`.
 * `clause` is the clause of Article 1 of the citing resolution (0 when none is known).
 */
export type LegacyRow = readonly [
  oldProvinceCode: string,
  oldProvince: string,
  oldDistrictCode: string,
  oldDistrict: string,
  oldWardCode: string,
  oldWard: string,
  newWardCode: string,
  divided: 0 | 1,
  clause: number,
];

/** The `legacy` part: the nationwide pre-2025 → 2025 mapping. */
export interface LegacyData {
  /** The rows. */
  readonly rows: readonly LegacyRow[];
  /** Former names of pre-2025 wards: `[key, oldWardCode]`, key folded with no spaces (`phuongxuonghuan`). */
  readonly aliases?: ReadonlyArray<readonly [key: string, oldWardCode: string]>;
  /** Other names of pre-2025 districts: `[key, oldDistrictCode]` (`quan9`, `q9`). */
  readonly districtAliases?: ReadonlyArray<readonly [key: string, oldDistrictCode: string]>;
  /** The resolution behind Khánh Hòa's clauses. */
  readonly citation: {
    readonly document: string;
    readonly title: string;
    readonly article: number;
    readonly clauses: Readonly<Record<string, string>>;
  };
}

/** A ring of `[lon, lat]` points, closed. */
export type Ring = ReadonlyArray<readonly [number, number]>;

/** The `wards` part: Khánh Hòa's 65 ward polygons, simplified. */
export interface WardsData {
  /** Douglas–Peucker tolerance used, in degrees. */
  readonly tolerance: number;
  /** One entry per ward. */
  readonly wards: ReadonlyArray<{
    readonly code: string;
    readonly bbox: readonly number[];
    /** MultiPolygon: polygons of rings, the first ring outer. */
    readonly polygons: ReadonlyArray<ReadonlyArray<Ring>>;
  }>;
}

/**
 * `[name, lon, lat, bbox, wardCode, segments, lines, wards]` of one named street; `lines` are its
 * road lines as `[lon, lat]` points, simplified to about 11 m (absent in datasets before
 * 2025.1-0909); `wards` are the 2025 wards the street passes through, from its geometry, most
 * of the street first (absent in older datasets).
 */
export type StreetRow = readonly [
  name: string,
  lon: number,
  lat: number,
  bbox: readonly number[],
  wardCode: string,
  segments: number,
  lines?: ReadonlyArray<ReadonlyArray<readonly [number, number]>>,
  wards?: ReadonlyArray<StreetWard>,
];

/**
 * `[wardCode, lon, lat, samples]`: one 2025 ward a street passes through, a point on the street
 * inside that ward, and how many ~22 m samples of the street fall in it.
 */
export type StreetWard = readonly [wardCode: string, lon: number, lat: number, samples: number];

/** The `streets` part: named streets of Nha Trang (OSM, ODbL). */
export interface StreetsData {
  /** The streets. */
  readonly streets: readonly StreetRow[];
}

/** `[osmId, name, category, fclass, lon, lat, wardCode]` of one point of interest. */
export type PoiRow = readonly [osmId: string, name: string, category: string, fclass: string, lon: number, lat: number, wardCode: string];

/** The `pois` part: points of interest of Nha Trang (OSM, ODbL). */
export interface PoisData {
  /** The points. */
  readonly pois: readonly PoiRow[];
}

/** `[name, fclass, points]` of one road line. */
export type RoadRow = readonly [name: string, fclass: string, points: ReadonlyArray<readonly [number, number]>];

/** The `roads` part: road geometry of Nha Trang for the offline map (OSM, ODbL). */
export interface RoadsData {
  /** The road lines. */
  readonly roads: readonly RoadRow[];
}

/** The `zones` part: the digital address code's zone table (see `ZoneTable` in the code module). */
export type ZonesData = import('./code.js').ZoneTable;
