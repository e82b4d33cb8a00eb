import { DcsCodeBadge } from './code-badge/code-badge.js';

if (!customElements.get('dcs-code-badge')) customElements.define('dcs-code-badge', DcsCodeBadge);

declare global {
  interface HTMLElementTagNameMap {
    'dcs-code-badge': DcsCodeBadge;
  }
}
export { DcsCodeBadge };
