/**
 * What the sibling packages of `@diachiso/core` (search, sdk, mock, elements) share with it and
 * nobody else should use: the search keys and tokens, the street directory, the code issuer.
 * No semver promise: it changes with the packages that import it, which are released with it.
 *
 * @packageDocumentation
 * @internal
 */
export {
  canonicalSpelling,
  findMarkers,
  type FoldedText,
  foldWithOffsets,
  type Marker,
  PROVINCE_ALIASES,
  queryKey,
  type Token,
  tokenize,
  toNfc,
} from './normalize.js';
export { padCode } from './registry.js';
export { distanceToRingM, inPolygon, inRing, isLatLon } from './geo.js';
export { nameKey, squashKey } from './gazetteer.js';
export { MAX_CANDIDATES } from './legacy.js';
export { unitNameEn } from './format.js';
export { groupOf } from './record.js';
export { StreetDirectory, streetIds, streetKey } from './streets.js';
export { decodeTelex, decodeVni, prepareText, withinOneEdit } from './noisy.js';
export { addressSuggestions, composeAddress } from './compose.js';
export { codeIssuer, codeLookup } from './registration.js';
export { composeNdas, NDAS_MAP_URL } from './ndas.js';
