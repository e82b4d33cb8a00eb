import { DcsVerifyDialog } from './verify-dialog/verify-dialog.js';
import { attachContextRoot } from './internal/context-root.js';

attachContextRoot();
if (!customElements.get('dcs-verify-dialog')) customElements.define('dcs-verify-dialog', DcsVerifyDialog);

declare global {
  interface HTMLElementTagNameMap {
    'dcs-verify-dialog': DcsVerifyDialog;
  }
}
export { DcsVerifyDialog };
