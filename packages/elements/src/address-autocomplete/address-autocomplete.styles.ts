import { css } from 'lit';
import { srOnly } from '../internal/styles.js';

export const styles = [
  srOnly,
  css`
    :host {
      --listbox-max-height: 20rem;
      display: block;
      position: relative;
      font: inherit;
      color: var(--dcs-color-text, CanvasText);
      color-scheme: light dark;
    }
    :host([hidden]) {
      display: none;
    }
    [part='label'] {
      display: block;
      margin-block-end: 0.25rem;
      font-weight: 600;
    }
    [part='input'] {
      box-sizing: border-box;
      width: 100%;
      font: inherit;
      padding: 0.5rem 0.75rem;
      color: inherit;
      background: var(--dcs-color-surface, Canvas);
      border: 1px solid var(--dcs-color-border, #767676);
      border-radius: var(--dcs-radius, 0.375rem);
    }
    [part='input']:focus-visible {
      outline: 3px solid var(--dcs-color-focus, #1a66d2);
      outline-offset: 1px;
    }
    [part='popup'] {
      position: absolute;
      z-index: var(--dcs-z-index, 1000);
      inset-inline: 0;
      margin: 0.25rem 0 0;
      background: var(--dcs-color-surface, Canvas);
      border: 1px solid var(--dcs-color-border, #767676);
      border-radius: var(--dcs-radius, 0.375rem);
      box-shadow: 0 6px 20px rgb(0 0 0 / 0.18);
      overflow: hidden;
    }
    [part='listbox'] {
      margin: 0;
      padding: 0.25rem 0;
      list-style: none;
      max-height: var(--listbox-max-height);
      overflow-y: auto;
    }
    [part='popup'][hidden],
    [part='listbox'][hidden] {
      display: none;
    }
    [part='attribution'] {
      padding: 0.25rem 0.75rem;
      font-size: 0.75em;
      border-top: 1px solid var(--dcs-color-border, #767676);
      color: var(--dcs-color-muted, #4a4a4a);
    }
    [part~='option'] {
      padding: 0.5rem 0.75rem;
      cursor: pointer;
      touch-action: manipulation;
    }
    [part~='option'][aria-selected='true'] {
      background: var(--dcs-color-accent, #0b57d0);
      color: var(--dcs-color-on-accent, #fff);
    }
    [part~='option'][aria-selected='true'] [part='description'] {
      color: inherit;
    }
    mark,
    [part='match'] {
      background: none;
      color: inherit;
      font-weight: 700;
    }
    [part='description'] {
      display: block;
      font-size: 0.85em;
      color: var(--dcs-color-muted, #4a4a4a);
    }
    [part='badge'] {
      display: inline-block;
      margin-inline-start: 0.4rem;
      padding: 0 0.35rem;
      font-size: 0.75em;
      border: 1px solid currentColor;
      border-radius: 0.25rem;
    }
    [part='message'] {
      padding: 0.5rem 0.75rem;
      color: var(--dcs-color-muted, #4a4a4a);
    }
    @media (prefers-color-scheme: dark) {
      [part='description'],
      [part='attribution'],
      [part='message'] {
        color: var(--dcs-color-muted, #c4c4c4);
      }
      [part~='option'][aria-selected='true'] {
        background: var(--dcs-color-accent, #a8c7fa);
        color: var(--dcs-color-on-accent, #062e6f);
      }
    }
  `,
];
