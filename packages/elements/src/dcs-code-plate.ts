import { DcsCodePlate } from './code-plate/code-plate.js';

if (!customElements.get('dcs-code-plate')) customElements.define('dcs-code-plate', DcsCodePlate);

declare global {
  interface HTMLElementTagNameMap {
    'dcs-code-plate': DcsCodePlate;
  }
}
export { DcsCodePlate };
