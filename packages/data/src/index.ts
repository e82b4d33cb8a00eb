/**
 * The embedded diachiso dataset and its loader.
 *
 * @packageDocumentation
 */
export {
  loadDataset,
  loadManifest,
  defaultBaseUrl,
  clearMemoryCache,
  DatasetError,
  type DatasetParts,
  type PartName,
  type Manifest,
  type LoadOptions,
  type LoadProgress,
  type LoadedDataset,
} from './loader.js';
