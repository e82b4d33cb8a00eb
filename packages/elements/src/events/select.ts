import type { Suggestion } from '@diachiso/core';

/** Detail of {@link DcsSelectEvent}. */
export interface DcsSelectDetail {
  /** The chosen suggestion, as the client returned it. */
  readonly suggestion: Suggestion;
  /**
   * The address now in the field: the house number, alley and street the user typed merged with
   * the chosen record (`12 Trần Phú, Phường Nha Trang, Tỉnh Khánh Hòa`).
   */
  readonly text: string;
}

/**
 * Fired when the user chooses a suggestion (click, tap, Enter or Tab). Bubbles and crosses
 * shadow roots.
 */
export class DcsSelectEvent extends CustomEvent<DcsSelectDetail> {
  /**
   * @param detail - The chosen suggestion and the composed text.
   */
  constructor(detail: DcsSelectDetail) {
    super('dcs-select', { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'dcs-select': DcsSelectEvent;
  }
}
