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
export { DcsPlatform } from './platform/platform.js';
export { DcsSelectEvent, type DcsSelectDetail } from './events/select.js';
export { DcsErrorEvent, type DcsErrorDetail } from './events/error.js';
export { DcsDeselectEvent, type DcsDeselectDetail } from './events/deselect.js';
export { DcsVerifyEvent } from './events/verify.js';
export { DcsMoveEvent } from './events/move.js';
export { DcsMapReadyEvent, type DcsMapReadyDetail } from './events/map-ready.js';
export {
  SuggestSession,
  type SuggestSessionOptions,
  type SuggestSource,
  type SuggestState,
  type SuggestStatus,
} from './internal/suggest-session.js';
export { composeAddress, type ComposedAddress } from './address-autocomplete/compose.js';
export { type Lang } from './internal/localize.js';
