/**
 * Open Location Code (Plus Codes), after the reference implementation of
 * google/open-location-code (Apache-2.0). Checked against the official test vectors.
 */

const ALPHABET = '23456789CFGHJMPQRVWX';
const SEPARATOR = '+';
const SEPARATOR_POSITION = 8;
const PADDING = '0';
const ENCODING_BASE = 20;
const LATITUDE_MAX = 90;
const LONGITUDE_MAX = 180;
const MIN_DIGIT_COUNT = 2;
const MAX_DIGIT_COUNT = 15;
const PAIR_CODE_LENGTH = 10;
const GRID_CODE_LENGTH = MAX_DIGIT_COUNT - PAIR_CODE_LENGTH;
const GRID_COLUMNS = 4;
const GRID_ROWS = 5;
const FINAL_LAT_PRECISION = 8000 * 3125; // 20^3 * 5^5
const FINAL_LNG_PRECISION = 8000 * 1024; // 20^3 * 4^5
const GRID_LAT_FIRST_PLACE_VALUE = 625; // 5^4
const GRID_LNG_FIRST_PLACE_VALUE = 256; // 4^4
const PAIR_RESOLUTIONS = [20.0, 1.0, 0.05, 0.0025, 0.000125];

/** The area a Plus Code stands for. */
export interface CodeArea {
  /** South edge, degrees. */
  readonly latitudeLo: number;
  /** West edge, degrees. */
  readonly longitudeLo: number;
  /** North edge, degrees. */
  readonly latitudeHi: number;
  /** East edge, degrees. */
  readonly longitudeHi: number;
  /** Significant digits of the code. */
  readonly codeLength: number;
  /** Centre latitude, degrees. */
  readonly latitudeCenter: number;
  /** Centre longitude, degrees. */
  readonly longitudeCenter: number;
}

/**
 * Returns whether a string is a valid Plus Code (full or short).
 *
 * @param code - A candidate code.
 * @returns True when valid.
 * @example
 * ```ts
 * isValidOlc('7P28QPG4+4P7'); // true
 * ```
 */
export function isValidOlc(code: string): boolean {
  if (typeof code !== 'string' || code.length > 32) return false;
  const sep = code.indexOf(SEPARATOR);
  if (sep === -1 || sep !== code.lastIndexOf(SEPARATOR)) return false;
  if (code.length === 1) return false;
  if (sep > SEPARATOR_POSITION || sep % 2 === 1) return false;
  const pad = code.indexOf(PADDING);
  if (pad > -1) {
    if (sep < SEPARATOR_POSITION) return false;
    if (pad === 0) return false;
    const padMatch = code.match(/0+/g)!;
    if (padMatch.length > 1 || padMatch[0]!.length % 2 === 1 || padMatch[0]!.length > SEPARATOR_POSITION - 2) return false;
    if (code.charAt(code.length - 1) !== SEPARATOR) return false;
  }
  if (code.length - sep - 1 === 1) return false;
  const upper = code.toUpperCase();
  for (let i = 0; i < upper.length; i++) {
    const c = upper.charAt(i);
    if (c !== SEPARATOR && c !== PADDING && ALPHABET.indexOf(c) === -1) return false;
  }
  return true;
}

/**
 * Returns whether a string is a valid short Plus Code (a full code with leading digits removed).
 *
 * @param code - A candidate code.
 * @returns True when valid and short.
 */
export function isShortOlc(code: string): boolean {
  if (!isValidOlc(code)) return false;
  const sep = code.indexOf(SEPARATOR);
  return sep >= 0 && sep < SEPARATOR_POSITION;
}

/**
 * Returns whether a string is a valid full Plus Code.
 *
 * @param code - A candidate code.
 * @returns True when valid and full.
 */
export function isFullOlc(code: string): boolean {
  if (!isValidOlc(code) || isShortOlc(code)) return false;
  const upper = code.toUpperCase();
  const firstLat = ALPHABET.indexOf(upper.charAt(0)) * ENCODING_BASE;
  if (firstLat >= LATITUDE_MAX * 2) return false;
  if (upper.length > 1) {
    const firstLng = ALPHABET.indexOf(upper.charAt(1)) * ENCODING_BASE;
    if (firstLng >= LONGITUDE_MAX * 2) return false;
  }
  return true;
}

function clipLatitude(lat: number): number {
  return Math.min(90, Math.max(-90, lat));
}
function normalizeLongitude(lng: number): number {
  let l = lng;
  while (l < -180) l += 360;
  while (l >= 180) l -= 360;
  return l;
}

/**
 * Returns the integer form of a coordinate pair at the finest precision, as the reference
 * implementation computes it (rounded to avoid floating-point drift).
 *
 * @internal
 */
export function locationToIntegers(latitude: number, longitude: number): [number, number] {
  let latVal = Math.floor(Math.round((latitude + LATITUDE_MAX) * FINAL_LAT_PRECISION * 1e6) / 1e6);
  if (latVal < 0) latVal = 0;
  else if (latVal >= 2 * LATITUDE_MAX * FINAL_LAT_PRECISION) latVal = 2 * LATITUDE_MAX * FINAL_LAT_PRECISION - 1;
  let lngVal = Math.floor(Math.round((longitude + LONGITUDE_MAX) * FINAL_LNG_PRECISION * 1e6) / 1e6);
  if (lngVal < 0) lngVal = (lngVal % (2 * LONGITUDE_MAX * FINAL_LNG_PRECISION)) + 2 * LONGITUDE_MAX * FINAL_LNG_PRECISION;
  else if (lngVal >= 2 * LONGITUDE_MAX * FINAL_LNG_PRECISION) lngVal = lngVal % (2 * LONGITUDE_MAX * FINAL_LNG_PRECISION);
  return [latVal, lngVal];
}

/**
 * Encodes a point as a Plus Code.
 *
 * @param latitude - Degrees north, clipped to [-90, 90].
 * @param longitude - Degrees east, normalised to [-180, 180).
 * @param codeLength - Significant digits: 2, 4, 6, 8, or 10 to 15 (default 10).
 * @returns The code.
 * @throws RangeError for an invalid length or a non-finite coordinate.
 * @example
 * ```ts
 * encodeOlc(12.2388, 109.1967, 11); // '7P5Q...'
 * ```
 */
export function encodeOlc(latitude: number, longitude: number, codeLength = PAIR_CODE_LENGTH): string {
  if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) throw new RangeError('Coordinates must be finite numbers');
  if (codeLength < MIN_DIGIT_COUNT || (codeLength < PAIR_CODE_LENGTH && codeLength % 2 === 1))
    throw new RangeError('Invalid Open Location Code length');
  const len = Math.min(codeLength, MAX_DIGIT_COUNT);
  const [latInt, lngInt] = locationToIntegers(latitude, longitude);
  return encodeIntegers(latInt, lngInt, len);
}

/** @internal */
export function encodeIntegers(latIn: number, lngIn: number, codeLength: number): string {
  let latVal = latIn;
  let lngVal = lngIn;
  const code: string[] = new Array(MAX_DIGIT_COUNT + 1);
  code[SEPARATOR_POSITION] = SEPARATOR;
  if (codeLength > PAIR_CODE_LENGTH) {
    for (let i = MAX_DIGIT_COUNT - PAIR_CODE_LENGTH; i >= 1; i--) {
      const latDigit = latVal % GRID_ROWS;
      const lngDigit = lngVal % GRID_COLUMNS;
      const ndx = latDigit * GRID_COLUMNS + lngDigit;
      code[SEPARATOR_POSITION + 2 + i] = ALPHABET.charAt(ndx);
      latVal = Math.floor(latVal / GRID_ROWS);
      lngVal = Math.floor(lngVal / GRID_COLUMNS);
    }
  } else {
    latVal = Math.floor(latVal / Math.pow(GRID_ROWS, GRID_CODE_LENGTH));
    lngVal = Math.floor(lngVal / Math.pow(GRID_COLUMNS, GRID_CODE_LENGTH));
  }
  code[SEPARATOR_POSITION + 1] = ALPHABET.charAt(latVal % ENCODING_BASE);
  code[SEPARATOR_POSITION + 2] = ALPHABET.charAt(lngVal % ENCODING_BASE);
  latVal = Math.floor(latVal / ENCODING_BASE);
  lngVal = Math.floor(lngVal / ENCODING_BASE);
  for (let i = PAIR_CODE_LENGTH / 2 + 1; i >= 0; i -= 2) {
    code[i] = ALPHABET.charAt(latVal % ENCODING_BASE);
    code[i + 1] = ALPHABET.charAt(lngVal % ENCODING_BASE);
    latVal = Math.floor(latVal / ENCODING_BASE);
    lngVal = Math.floor(lngVal / ENCODING_BASE);
  }
  let out: string;
  if (codeLength >= SEPARATOR_POSITION) out = code.slice(0, codeLength + 1).join('');
  else out = code.slice(0, codeLength).join('') + Array(SEPARATOR_POSITION - codeLength + 1).join(PADDING) + SEPARATOR;
  return out;
}

/**
 * Decodes a full Plus Code into the area it stands for.
 *
 * @param code - A full code.
 * @returns The area.
 * @throws TypeError when the code is not a valid full code.
 */
export function decodeOlc(code: string): CodeArea {
  if (!isFullOlc(code)) throw new TypeError(`Not a valid full Open Location Code: ${String(code).slice(0, 32)}`);
  const clean = code.replace(SEPARATOR, '').replace(/0+/, '').toUpperCase();
  let normalLat = -LATITUDE_MAX * FINAL_LAT_PRECISION;
  let normalLng = -LONGITUDE_MAX * FINAL_LNG_PRECISION;
  let gridLat = 0;
  let gridLng = 0;
  let digits = Math.min(clean.length, PAIR_CODE_LENGTH);
  // Place value of the first pair digit, in final-precision units, for latitude and longitude.
  let latPv = Math.pow(ENCODING_BASE, 4) * Math.pow(GRID_ROWS, GRID_CODE_LENGTH);
  let lngPv = Math.pow(ENCODING_BASE, 4) * Math.pow(GRID_COLUMNS, GRID_CODE_LENGTH);
  for (let i = 0; i < digits; i += 2) {
    normalLat += ALPHABET.indexOf(clean.charAt(i)) * latPv;
    normalLng += ALPHABET.indexOf(clean.charAt(i + 1)) * lngPv;
    if (i < digits - 2) {
      latPv /= ENCODING_BASE;
      lngPv /= ENCODING_BASE;
    }
  }
  let latPrecision = latPv / FINAL_LAT_PRECISION;
  let lngPrecision = lngPv / FINAL_LNG_PRECISION;
  if (clean.length > PAIR_CODE_LENGTH) {
    let rowpv = GRID_LAT_FIRST_PLACE_VALUE;
    let colpv = GRID_LNG_FIRST_PLACE_VALUE;
    digits = Math.min(clean.length, MAX_DIGIT_COUNT);
    for (let i = PAIR_CODE_LENGTH; i < digits; i++) {
      const digitVal = ALPHABET.indexOf(clean.charAt(i));
      const row = Math.floor(digitVal / GRID_COLUMNS);
      const col = digitVal % GRID_COLUMNS;
      gridLat += row * rowpv;
      gridLng += col * colpv;
      if (i < digits - 1) {
        rowpv /= GRID_ROWS;
        colpv /= GRID_COLUMNS;
      }
    }
    latPrecision = rowpv / FINAL_LAT_PRECISION;
    lngPrecision = colpv / FINAL_LNG_PRECISION;
  }
  const lat = normalLat / FINAL_LAT_PRECISION + gridLat / FINAL_LAT_PRECISION;
  const lng = normalLng / FINAL_LNG_PRECISION + gridLng / FINAL_LNG_PRECISION;
  const latitudeLo = Math.round(lat * 1e14) / 1e14;
  const longitudeLo = Math.round(lng * 1e14) / 1e14;
  const latitudeHi = Math.round((lat + latPrecision) * 1e14) / 1e14;
  const longitudeHi = Math.round((lng + lngPrecision) * 1e14) / 1e14;
  return {
    latitudeLo,
    longitudeLo,
    latitudeHi,
    longitudeHi,
    codeLength: Math.min(clean.length, MAX_DIGIT_COUNT),
    latitudeCenter: Math.min(latitudeLo + (latitudeHi - latitudeLo) / 2, LATITUDE_MAX),
    longitudeCenter: Math.min(longitudeLo + (longitudeHi - longitudeLo) / 2, LONGITUDE_MAX),
  };
}

function computeLatitudePrecision(codeLength: number): number {
  if (codeLength <= PAIR_CODE_LENGTH) return Math.pow(ENCODING_BASE, Math.floor(codeLength / -2 + 2));
  return Math.pow(ENCODING_BASE, -3) / Math.pow(GRID_ROWS, codeLength - PAIR_CODE_LENGTH);
}

/**
 * Recovers the nearest full code from a short code and a reference point.
 *
 * @param shortCode - A short code (or a full code, returned upper-cased).
 * @param referenceLatitude - Reference latitude, degrees.
 * @param referenceLongitude - Reference longitude, degrees.
 * @returns The full code nearest the reference.
 * @throws TypeError when the code is not valid.
 */
export function recoverNearestOlc(shortCode: string, referenceLatitude: number, referenceLongitude: number): string {
  if (!isShortOlc(shortCode)) {
    if (isFullOlc(shortCode)) return shortCode.toUpperCase();
    throw new TypeError(`Not a valid short Open Location Code: ${String(shortCode).slice(0, 32)}`);
  }
  const refLat = clipLatitude(referenceLatitude);
  const refLng = normalizeLongitude(referenceLongitude);
  const code = shortCode.toUpperCase();
  const paddingLength = SEPARATOR_POSITION - code.indexOf(SEPARATOR);
  const resolution = Math.pow(20, 2 - paddingLength / 2);
  const halfResolution = resolution / 2.0;
  const area = decodeOlc(encodeOlc(refLat, refLng).substring(0, paddingLength) + code);
  let lat = area.latitudeCenter;
  let lng = area.longitudeCenter;
  if (refLat + halfResolution < lat && lat - resolution >= -LATITUDE_MAX) lat -= resolution;
  else if (refLat - halfResolution > lat && lat + resolution <= LATITUDE_MAX) lat += resolution;
  if (refLng + halfResolution < lng) lng -= resolution;
  else if (refLng - halfResolution > lng) lng += resolution;
  return encodeOlc(lat, lng, area.codeLength);
}

/**
 * Removes leading characters of a full code when a reference point is close enough that
 * {@link recoverNearestOlc} gets them back.
 *
 * @param code - A full code.
 * @param latitude - Reference latitude, degrees.
 * @param longitude - Reference longitude, degrees.
 * @returns The shortest safe short code, or the code itself.
 * @throws TypeError when the code is not full or is padded.
 */
export function shortenOlc(code: string, latitude: number, longitude: number): string {
  if (!isFullOlc(code)) throw new TypeError(`Not a valid full Open Location Code: ${String(code).slice(0, 32)}`);
  if (code.indexOf(PADDING) !== -1) throw new TypeError('Cannot shorten padded codes');
  const upper = code.toUpperCase();
  const area = decodeOlc(upper);
  if (area.codeLength < 6) throw new TypeError('Code length must be at least 6');
  const lat = clipLatitude(latitude);
  const lng = normalizeLongitude(longitude);
  const range = Math.max(Math.abs(area.latitudeCenter - lat), Math.abs(area.longitudeCenter - lng));
  for (let i = PAIR_RESOLUTIONS.length - 2; i >= 1; i--) {
    if (range < PAIR_RESOLUTIONS[i]! * 0.3) return upper.substring((i + 1) * 2);
  }
  return upper;
}

/** @internal */
export const OLC_ALPHABET = ALPHABET;
/** @internal */
export const olcLatitudePrecision = computeLatitudePrecision;
