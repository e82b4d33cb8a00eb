/**
 * Vietnamese address model and logic for diachiso: types, normalisation, the administrative
 * registry, the legacy→2025 mapping and the digital address code. No DOM, no network.
 *
 * The list is curated: every name here is public API, recorded in `api/core.api.md` and checked
 * by `scripts/api-report.test.ts`. What only the sibling packages need is in `./internal.ts`
 * (`@diachiso/core/internal`).
 *
 * @packageDocumentation
 */
export {
  type Citation,
  type LatLon,
  type LegacyInfo,
  type NearbyPoi,
  type NearbyStreet,
  type Range,
  type ReverseResult,
  type Suggestion,
  type SuggestionKind,
  type UnitRef,
} from './types.js';
export {
  type AdminData,
  type LegacyData,
  type LegacyRow,
  type PoiRow,
  type PoisData,
  type PostalData,
  type ProvinceRow,
  type Ring,
  type RoadRow,
  type RoadsData,
  type StreetRow,
  type StreetsData,
  type StreetWard,
  type WardRow,
  type WardsData,
  type ZonesData,
} from './dataset.js';
export { fold, MAX_INPUT_LENGTH, type UnitType } from './normalize.js';
export { AdminRegistry, type Province, type Ward } from './registry.js';
export { distanceM } from './geo.js';
export { type CodeArea, decodeOlc, encodeOlc, isFullOlc, isShortOlc, isValidOlc, recoverNearestOlc, shortenOlc } from './olc.js';
export { Gazetteer, type LegacyDistrict, type LegacyProvince, type LegacyTarget, type LegacyWard, unitKey } from './gazetteer.js';
export { type AddressComponent, type ComponentName, parseAddress, type ParsedAddress, type Unrecognized } from './parse.js';
export { type ConversionCandidate, type ConversionResult, LegacyConverter } from './legacy.js';
export { formatAddress, type FormatOptions, type FormattableAddress } from './format.js';
export {
  type AddressRecord,
  type AdvancedFields,
  type BasicFields,
  type FieldIssue,
  OBJECT_CATEGORIES,
  type ObjectCategory,
  type ObjectGroup,
  RECORD_FIELDS,
  validateRecord,
} from './record.js';
export {
  type CodeErrorReason,
  decodeCode,
  type DecodedCode,
  type DecodedLocationCode,
  decodeLocationCode,
  encodeCode,
  type EncodeCodeResult,
  encodeLocationCode,
  type EncodeLocationCodeResult,
  formatLocationCode,
  type LocationCodeParse,
  type LocationCodeReason,
  parseCode,
  type ParseCodeResult,
  parseLocationCode,
  type ZoneTable,
} from './code.js';
export {
  type AddressComponents,
  type Finding,
  type FindingKind,
  type VerifiedAddress,
  verifyAddress,
  type VerifyResult,
  type VerifyStatus,
} from './verify.js';
export { type StreetPlace } from './streets.js';
export {
  type ComponentVerdict,
  type ComponentVerdictKind,
  type Granularity,
  type Resolution,
  resolveAddress,
  type ResolvedCandidate,
} from './resolve.js';
export { addressId, type AddressIdParts, parseAddressId } from './compose.js';
export {
  type Actor,
  type CodeIssuer,
  type CodeLookup,
  type Declaration,
  type HistoryEntry,
  type Notice,
  type NoticeChannel,
  noticeText,
  type Registration,
  RegistrationError,
  type RegistrationSnapshot,
  type RegistrationStatus,
  RegistrationStore,
  type RegistrationStoreOptions,
} from './registration.js';
export {
  type CodeFinding,
  formatNdas,
  type NdasContext,
  ndasMapUrl,
  type NdasParse,
  type NdasReason,
  parseNdas,
  validateNdas,
} from './ndas.js';
export { formatPlusCode, parsePlusCode, type PlusCodeParse, type PlusCodeReason } from './plus-code.js';
export { type CodeKind, type CodeReading, readCode, type ReadCodeOptions } from './read-code.js';
