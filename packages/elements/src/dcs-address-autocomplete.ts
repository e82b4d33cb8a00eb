import { DcsAddressAutocomplete } from './address-autocomplete/address-autocomplete.js';

// Defines the tag (the only side effect of this module), if no other version took it.
if (!customElements.get('dcs-address-autocomplete')) customElements.define('dcs-address-autocomplete', DcsAddressAutocomplete);

declare global {
  interface HTMLElementTagNameMap {
    'dcs-address-autocomplete': DcsAddressAutocomplete;
  }
}
export { DcsAddressAutocomplete };
