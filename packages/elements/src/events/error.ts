/** Detail of {@link DcsErrorEvent}. */
export interface DcsErrorDetail {
  /** The error's code (`network`, `timeout`, …). */
  readonly code: string;
  /** A message for people, in the element's language. */
  readonly message: string;
}

/** Fired when suggestions could not be loaded. Bubbles and crosses shadow roots. */
export class DcsErrorEvent extends CustomEvent<DcsErrorDetail> {
  /**
   * @param detail - What went wrong.
   */
  constructor(detail: DcsErrorDetail) {
    super('dcs-error', { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'dcs-error': DcsErrorEvent;
  }
}
