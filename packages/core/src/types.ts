/** A WGS 84 point in decimal degrees. */
export interface LatLon {
  /** Latitude, degrees north. */
  readonly lat: number;
  /** Longitude, degrees east. */
  readonly lon: number;
}

/** A reference to an administrative unit: its official code and its name. */
export interface UnitRef {
  /** Official code: 2 digits for a province, 5 digits for a ward/commune (zero-padded). */
  readonly code: string;
  /** The name with its type word, e.g. `Phường Bắc Nha Trang`, `Tỉnh Khánh Hòa`. */
  readonly name: string;
  /** A ward's 5-digit postal code (Decision 2334/QĐ-BKHCN), where known. */
  readonly postalCode?: string;
}

/** What a suggestion points to. */
export type SuggestionKind = 'province' | 'ward' | 'street' | 'poi' | 'address';

/** A range `[start, end)` of UTF-16 offsets in a string. */
export type Range = readonly [number, number];

/** The 2025 unit a pre-2025 unit became, with the legal text that says so. */
export interface LegacyInfo {
  /** The pre-2025 ward/commune, with its type (`Phường Vĩnh Hải`). */
  readonly ward: UnitRef;
  /** The pre-2025 district (`Thành phố Nha Trang`), if it had one. */
  readonly district?: UnitRef;
  /** The pre-2025 province (`Tỉnh Khánh Hòa`, `Tỉnh Ninh Thuận`). */
  readonly province: UnitRef;
  /** True when the old unit was divided between several 2025 units. */
  readonly split: boolean;
  /** The legal basis of the change, where known. */
  readonly citation?: Citation;
}

/** A citation of the legal act that reorganised a unit. */
export interface Citation {
  /** The act's number, e.g. `1667/NQ-UBTVQH15`. */
  readonly document: string;
  /** The article (Điều). */
  readonly article: number;
  /** The clause (khoản) of the article. */
  readonly clause: number;
  /** The clause's text, from the act itself. */
  readonly text: string;
}

/** One as-you-type suggestion. */
export interface Suggestion {
  /** A stable id, usable with `retrieve` (`ward:22333`, `legacy:22330:22333`, `street:…`). */
  readonly id: string;
  /** What the suggestion points to. A legacy unit is a `ward` with {@link Suggestion.legacy} set. */
  readonly kind: SuggestionKind;
  /** The text to show, in the 2025 form (`Phường Bắc Nha Trang, Tỉnh Khánh Hòa`). */
  readonly label: string;
  /** Secondary text, e.g. the province, or `Vĩnh Hải (cũ) → Phường Bắc Nha Trang`. */
  readonly description?: string;
  /** The 2025 ward/commune. */
  readonly ward?: UnitRef;
  /** The province (2025). */
  readonly province?: UnitRef;
  /** A representative point, where known. */
  readonly location?: LatLon;
  /** Set when the match was on a pre-2025 name; says which 2025 unit it became. */
  readonly legacy?: LegacyInfo;
  /** Ranges of {@link Suggestion.label} that matched the query, for highlighting. */
  readonly matches?: readonly Range[];
  /** A category for points of interest (`health`, `education`, `tourism`, …). */
  readonly category?: string;
  /** Relevance, higher is better; comparable within one response only. */
  readonly score?: number;
  /** The house number as typed, canonical (`12/3/5B`, `K448/20`); set on `address` suggestions. */
  readonly houseNumber?: string;
  /** The alley as typed (`Hẻm 42`), if any. */
  readonly alley?: string;
  /** The street's name, as in the data or as typed. */
  readonly street?: string;
  /** How well {@link Suggestion.location} places it: on the house, on the street in the ward, at the ward, at the province. */
  readonly precision?: 'address' | 'street' | 'ward' | 'province';
}

/** The answer of a reverse lookup: which 2025 ward and province contain a point. */
export interface ReverseResult {
  /** The 2025 ward/commune containing the point. */
  readonly ward: UnitRef;
  /** The province containing the point. */
  readonly province: UnitRef;
  /** Distance in metres to the ward polygon when the point fell in a gap between polygons. */
  readonly distanceM?: number;
  /** The nearest named streets, nearest first (offline: Nha Trang's OSM streets). */
  readonly streets?: readonly NearbyStreet[];
  /** The nearest points of interest, nearest first. */
  readonly pois?: readonly NearbyPoi[];
}

/** A street near a point, in a {@link ReverseResult}. */
export interface NearbyStreet {
  /** The street's suggestion id (`street:…`), usable with `retrieve`. */
  readonly id: string;
  /** The street's name. */
  readonly name: string;
  /** Distance from the point to the street's nearest segment, in whole metres. */
  readonly distanceM: number;
}

/** A point of interest near a point, in a {@link ReverseResult}. */
export interface NearbyPoi {
  /** The point's suggestion id (`poi:…`). */
  readonly id: string;
  /** Its name. */
  readonly name: string;
  /** Its thematic category (`health`, `education`, `tourism`, …). */
  readonly category: string;
  /** Distance from the point, in whole metres. */
  readonly distanceM: number;
}
