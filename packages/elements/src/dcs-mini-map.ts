import { DcsMiniMap } from './mini-map/mini-map.js';

// The only module that (lazily) pulls maplibre-gl.
if (!customElements.get('dcs-mini-map')) customElements.define('dcs-mini-map', DcsMiniMap);

declare global {
  interface HTMLElementTagNameMap {
    'dcs-mini-map': DcsMiniMap;
  }
}
export { DcsMiniMap };
