import type { DcsMoveDetail } from '../mini-map/mini-map.js';

/** Fired by `<dcs-mini-map>` when the user moved the pin (drag or arrow keys). Bubbles and crosses shadow roots. */
export class DcsMoveEvent extends CustomEvent<DcsMoveDetail> {
  /**
   * @param detail - The new point, its ward and code.
   */
  constructor(detail: DcsMoveDetail) {
    super('dcs-move', { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'dcs-move': DcsMoveEvent;
  }
}
