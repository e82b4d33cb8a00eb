import { DcsAddressAutocomplete } from './address-autocomplete/address-autocomplete.js';
import { attachContextRoot } from './internal/context-root.js';

// Defines the tag (the side effect of this module), if no other version took it; a late
// `<dcs-platform>` still reaches the elements that asked before it was defined.
attachContextRoot();
if (!customElements.get('dcs-address-autocomplete')) customElements.define('dcs-address-autocomplete', DcsAddressAutocomplete);

declare global {
  interface HTMLElementTagNameMap {
    'dcs-address-autocomplete': DcsAddressAutocomplete;
  }
}
export { DcsAddressAutocomplete };
