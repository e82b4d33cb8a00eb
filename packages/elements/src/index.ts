/**
 * Lit web components for Vietnamese digital addresses. Importing this module defines no tag;
 * import `@diachiso/elements/define` (or the single-file bundle) to define them all.
 *
 * @packageDocumentation
 */
export { DcsAddressAutocomplete, highlightLabel } from './address-autocomplete/address-autocomplete.js';
export { DcsCodeBadge } from './code-badge/code-badge.js';
export { DcsCodePlate } from './code-plate/code-plate.js';
export { DcsVerifyDialog, type VerifyChoice } from './verify-dialog/verify-dialog.js';
export { DcsMiniMap, type DcsMoveDetail } from './mini-map/mini-map.js';
export { DcsSelectEvent, DcsErrorEvent, type DcsSelectDetail, type DcsErrorDetail } from './events/select.js';
export { type Lang } from './internal/localize.js';
