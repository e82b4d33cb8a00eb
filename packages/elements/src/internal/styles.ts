import { css } from 'lit';

/** Visually hidden, still read by screen readers (live regions). Shared by every element. */
export const srOnly = css`
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;
