/**
 * Vietnamese address model and logic for diachiso: types, normalisation, the administrative
 * registry, the legacy→2025 mapping and the digital address code. No DOM, no network.
 *
 * @packageDocumentation
 */
export * from './types.js';
export * from './dataset.js';
export * from './normalize.js';
export * from './registry.js';
export * from './geo.js';
export { encodeOlc, decodeOlc, isValidOlc, isShortOlc, isFullOlc, recoverNearestOlc, shortenOlc, type CodeArea } from './olc.js';
export * from './gazetteer.js';
export * from './parse.js';
export * from './legacy.js';
export * from './format.js';
export * from './record.js';
export * from './code.js';
export * from './verify.js';
export * from './streets.js';
export * from './noisy.js';
export * from './resolve.js';
export * from './compose.js';
export * from './registration.js';
export * from './ndas.js';
export * from './plus-code.js';
export * from './read-code.js';
