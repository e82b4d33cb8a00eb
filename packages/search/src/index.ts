/**
 * The local fuzzy address index (flexsearch) and the reverse geocoder of diachiso.
 *
 * @packageDocumentation
 */
export { SearchIndex, highlight, type SuggestOptions, type SearchSources } from './search-index.js';
export { WardLocator } from './reverse.js';
export { OfflineEngine } from './engine.js';
