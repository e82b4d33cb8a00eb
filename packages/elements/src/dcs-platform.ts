import { DcsPlatform } from './platform/platform.js';
import { attachContextRoot } from './internal/context-root.js';

// Defines the tag (the side effect of this module), if no other version took it; a late
// `<dcs-platform>` still reaches the elements that asked before it was defined.
attachContextRoot();
if (!customElements.get('dcs-platform')) customElements.define('dcs-platform', DcsPlatform);

declare global {
  interface HTMLElementTagNameMap {
    'dcs-platform': DcsPlatform;
  }
}
export { DcsPlatform };
