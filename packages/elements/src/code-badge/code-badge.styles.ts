import { css } from 'lit';
import { srOnly } from '../internal/styles.js';

export const styles = [
  srOnly,
  css`
    :host {
      --badge-qr-size: 96px;
      display: inline-block;
      font: inherit;
      color: var(--dcs-color-text, CanvasText);
    }
    :host([hidden]) {
      display: none;
    }
    [part='base'] {
      display: inline-flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem;
      padding: 0.35rem 0.6rem;
      border: 1px solid var(--dcs-color-border, #767676);
      border-radius: var(--dcs-radius, 0.375rem);
      background: var(--dcs-color-surface, Canvas);
    }
    [part='label'] {
      font-size: 0.8em;
      color: var(--dcs-color-muted, #4a4a4a);
    }
    [part='code'] {
      font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
      font-weight: 700;
      letter-spacing: 0.04em;
      user-select: all;
    }
    [part='copy-button'],
    [part='map-link'] {
      font: inherit;
      font-size: 0.85em;
      padding: 0.2rem 0.5rem;
      border: 1px solid var(--dcs-color-border, #767676);
      border-radius: var(--dcs-radius, 0.375rem);
      background: transparent;
      color: inherit;
      cursor: pointer;
      text-decoration: none;
    }
    [part='copy-button']:focus-visible,
    [part='map-link']:focus-visible {
      outline: 3px solid var(--dcs-color-focus, #1a66d2);
      outline-offset: 1px;
    }
    [part='qr'] {
      width: var(--badge-qr-size);
      height: var(--badge-qr-size);
    }
    @media (prefers-color-scheme: dark) {
      [part='label'] {
        color: var(--dcs-color-muted, #c4c4c4);
      }
    }
  `,
];
