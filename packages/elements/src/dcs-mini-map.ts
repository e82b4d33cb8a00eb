import { DcsMiniMap } from './mini-map/mini-map.js';
import { attachContextRoot } from './internal/context-root.js';

// The only module that (lazily) pulls maplibre-gl. A late `<dcs-platform>` still reaches the
// elements that asked before it was defined.
attachContextRoot();
if (!customElements.get('dcs-mini-map')) customElements.define('dcs-mini-map', DcsMiniMap);

declare global {
  interface HTMLElementTagNameMap {
    'dcs-mini-map': DcsMiniMap;
  }
}
export { DcsMiniMap };
