/** Detail of {@link DcsMapReadyEvent}. */
export interface DcsMapReadyDetail {
  /** The MapLibre map (`maplibregl.Map`). */
  readonly map: unknown;
}

/** Fired by `<dcs-mini-map>` once its map has loaded. Bubbles and crosses shadow roots. */
export class DcsMapReadyEvent extends CustomEvent<DcsMapReadyDetail> {
  /**
   * @param detail - The map.
   */
  constructor(detail: DcsMapReadyDetail) {
    super('dcs-map-ready', { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'dcs-map-ready': DcsMapReadyEvent;
  }
}
