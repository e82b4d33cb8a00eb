/**
 * The local fuzzy address index (flexsearch) and the reverse geocoder of diachiso.
 *
 * @packageDocumentation
 */
export {
  SearchIndex,
  highlight,
  editDistanceAtMost1,
  streetIds,
  type SuggestOptions,
  type SearchSources,
  type IndexSnapshot,
  type IndexOptions,
} from './search-index.js';
export { ShardedIndex, type ShardedOptions } from './index/shards.js';
export { WardLocator } from './reverse.js';
export { NearbyIndex, type NearbyOptions } from './nearby.js';
export { OfflineEngine } from './engine.js';
export {
  layer,
  exportRecords,
  toCsv,
  toGeoJson,
  coverage,
  LAYER_CATEGORIES,
  EXPORT_COLUMNS,
  type LayerCategory,
  type LayerCollection,
  type LayerFeature,
  type ExportRecord,
  type ExportQuery,
  type ExportPage,
  type WardCoverage,
} from './services.js';
// Re-exported so that clients loading the offline engine lazily get the registration logic with it.
export { RegistrationStore, noticeText } from '@diachiso/core';
