// The numbers the whole-address parser and resolver score with, in one place. Each is a 0–1
// confidence. They only order things: the parser's say how a component was found; the
// resolver's order candidates (see `sortCandidates` in resolve.ts, which breaks ties by the
// share of the street in each ward, then the ward that kept an old city's name, then the pilot
// province, then 2025 before pre-2025). Nothing is ever dropped for a low score. Changing one
// changes the order of candidates only: run `npm run bench:address -- --no-peer` after.

/** Confidences the parser gives a component (`AddressComponent.confidence`). */
export const PARSE_WEIGHTS = {
  /** A unit marker (`P.`, `Huyện`, `F10`) followed by a known name, or a numbered ward (`Phường 3`). */
  markedKnownUnit: 0.95,
  /** A unit marker followed by a name the gazetteer does not know. */
  markedUnknownUnit: 0.7,
  /** A known unit name with no marker, placed by the order of the parts. */
  knownUnit: 0.85,
  /** An unmarked old-district name read as the 2025 ward of the same name (`Nha Trang, Khánh Hòa`). */
  districtAsWard: 0.6,
  /** A hamlet, alley or street introduced by its marker word (`Thôn`, `Hẻm 12`, `Đường`). */
  markedPart: 0.9,
  /** A house number or lot at the start of the street part. */
  houseNumber: 0.95,
  /** The words after a house number: the street. */
  streetAfterNumber: 0.75,
  /** The words after an alley's number: the street. */
  streetAfterAlley: 0.7,
  /** Leading words with no number and no marker: taken as the street by position alone. */
  streetByPosition: 0.5,
} as const;

/** Confidences the resolver gives a component it re-reads, and a 2025 candidate. */
export const RESOLVE_WEIGHTS = {
  /** A ward (2025 or pre-2025) named under a pre-2025 district typed with it. */
  wardInDistrict: 0.95,
  /** A 2025 ward named within a province or locality typed. */
  wardInPlace: 0.9,
  /** A pre-2025 ward named within a province or locality typed (its 2025 successor). */
  legacyWardInPlace: 0.85,
  /** A 2025 ward named with no province or locality typed. */
  wardAnywhere: 0.65,
  /** A pre-2025 ward named with no province or locality typed. */
  legacyWardAnywhere: 0.6,
  /** A ward the street passes through, no ward typed. */
  streetWard: 0.9,
  /** A ward of the old city/district typed, no ward or street found. */
  scopeWard: 0.8,
  /** A ward name the parser left unread and the resolver read (one slip off, or an old district's name). */
  rereadWard: 0.6,
  /** A unit name re-read as the street (`Hùng Vương` typed where a ward elsewhere has that name). */
  rereadStreet: 0.7,
  /**
   * Not a confidence: the least share of a street's length (its samples in the typed place) a
   * ward must hold to be a candidate when no ward was typed. Below it the street only crosses
   * the ward's boundary (the data build already drops wards under ~60 m of a street).
   */
  minorStreetShare: 0.05,
} as const;
