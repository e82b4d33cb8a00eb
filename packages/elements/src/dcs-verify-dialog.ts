import { DcsVerifyDialog } from './verify-dialog/verify-dialog.js';

if (!customElements.get('dcs-verify-dialog')) customElements.define('dcs-verify-dialog', DcsVerifyDialog);

declare global {
  interface HTMLElementTagNameMap {
    'dcs-verify-dialog': DcsVerifyDialog;
  }
}
export { DcsVerifyDialog };
