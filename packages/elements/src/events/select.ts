import type { Suggestion } from '@diachiso/core';

/** Detail of {@link DcsSelectEvent}. */
export interface DcsSelectDetail {
  /** The chosen suggestion, as the client returned it. */
  readonly suggestion: Suggestion;
}

/**
 * Fired when the user chooses a suggestion (click, tap, Enter or Tab). Bubbles and crosses
 * shadow roots.
 */
export class DcsSelectEvent extends CustomEvent<DcsSelectDetail> {
  /**
   * @param detail - The chosen suggestion.
   */
  constructor(detail: DcsSelectDetail) {
    super('dcs-select', { detail, bubbles: true, composed: true });
  }
}

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
    'dcs-select': DcsSelectEvent;
    'dcs-error': DcsErrorEvent;
  }
}
