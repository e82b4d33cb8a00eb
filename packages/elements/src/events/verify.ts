import type { VerifyChoice } from '../verify-dialog/verify-dialog.js';

/** Fired by `<dcs-verify-dialog>` when the user chose (or closed it). Bubbles and crosses shadow roots. */
export class DcsVerifyEvent extends CustomEvent<VerifyChoice> {
  /**
   * @param detail - The choice.
   */
  constructor(detail: VerifyChoice) {
    super('dcs-verify', { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'dcs-verify': DcsVerifyEvent;
  }
}
