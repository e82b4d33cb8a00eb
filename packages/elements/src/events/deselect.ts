import type { Suggestion } from '@diachiso/core';

/** Detail of {@link DcsDeselectEvent}. */
export interface DcsDeselectDetail {
  /** The suggestion the user had chosen before editing the text. */
  readonly previous: Suggestion;
  /** The text in the field now. */
  readonly text: string;
  /** The `name`s (or `data-dcs-field`s) of the form fields the pick had filled and that were cleared. */
  readonly cleared: readonly string[];
}

/**
 * Fired when the user edits the text after choosing a suggestion, which undoes the choice: the
 * element's value is cleared, and so are the form fields the choice had filled (those the user
 * had not changed since). Listeners drop what they derived from the choice (a pin, a code).
 * Bubbles and crosses shadow roots. Never fired when code sets `.value` or `.text`.
 */
export class DcsDeselectEvent extends CustomEvent<DcsDeselectDetail> {
  /**
   * @param detail - The undone choice and what was cleared.
   */
  constructor(detail: DcsDeselectDetail) {
    super('dcs-deselect', { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'dcs-deselect': DcsDeselectEvent;
  }
}
