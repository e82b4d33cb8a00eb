import { css } from 'lit';
import { srOnly } from '../internal/styles.js';

export const styles = [
  srOnly,
  css`
    :host {
      --map-height: 18rem;
      display: block;
      position: relative;
      color-scheme: light dark;
    }
    :host([hidden]) {
      display: none;
    }
    [part='base'] {
      position: relative;
      --_surface: #ffffff;
      --_text: #1f1f1f;
      --_muted: #4a4a4a;
      --_border: var(--dcs-color-border, #767676);
      --_notice-bg: #fff4d6;
      --_notice-text: #4d3800;
    }
    [part='base'].dark {
      color-scheme: dark;
      --_surface: #22262b;
      --_text: #e8eaed;
      --_muted: #c4c4c4;
      --_border: #9aa0a6;
      --_notice-bg: #3d3218;
      --_notice-text: #fde8b0;
    }
    [part='map'] {
      position: relative;
      height: var(--map-height);
      overflow: hidden;
      border-radius: var(--dcs-radius, 0.375rem);
      border: 1px solid var(--_border);
    }
    [part='map']:focus-within {
      outline: none;
    }
    .maplibregl-canvas-container,
    .maplibregl-canvas {
      position: absolute;
      left: 0;
      top: 0;
    }
    .maplibregl-canvas:focus-visible {
      outline: 3px solid var(--dcs-color-focus, #1a66d2);
      outline-offset: -3px;
    }
    .maplibregl-marker {
      position: absolute;
      top: 0;
      left: 0;
      will-change: transform;
    }
    [part='pin'] {
      width: 28px;
      height: 28px;
      border-radius: 50% 50% 50% 0;
      transform: rotate(-45deg);
      background: var(--dcs-color-accent, #d93025);
      border: 2px solid #fff;
      box-shadow: 0 1px 4px rgb(0 0 0 / 0.4);
      cursor: grab;
    }
    [part='pin']:focus-visible {
      outline: 3px solid var(--dcs-color-focus, #1a66d2);
      outline-offset: 3px;
    }
    [part='controls'] {
      position: absolute;
      top: 0.5rem;
      right: 0.5rem;
      display: flex;
      flex-direction: column;
      border-radius: var(--dcs-radius, 0.375rem);
      box-shadow: 0 1px 4px rgb(0 0 0 / 0.3);
      overflow: hidden;
    }
    [part~='zoom-button'] {
      width: 2.25rem;
      height: 2.25rem;
      padding: 0;
      font:
        600 1.25rem/1 system-ui,
        sans-serif;
      color: var(--_text);
      background: var(--_surface);
      border: 0;
      cursor: pointer;
    }
    [part~='zoom-button'] + [part~='zoom-button'] {
      border-top: 1px solid var(--_border);
    }
    [part~='zoom-button'][aria-disabled='true'] {
      opacity: 0.55;
      cursor: default;
    }
    [part~='zoom-button']:focus-visible {
      outline: 3px solid var(--dcs-color-focus, #1a66d2);
      outline-offset: -3px;
    }
    [part='notice'] {
      position: absolute;
      top: 0.5rem;
      left: 0.5rem;
      max-width: calc(100% - 4rem);
      box-sizing: border-box;
      margin: 0;
      padding: 0.35rem 0.6rem;
      box-shadow: 0 1px 4px rgb(0 0 0 / 0.3);
      font-size: 0.85rem;
      color: var(--_notice-text);
      background: var(--_notice-bg);
      border-radius: var(--dcs-radius, 0.375rem);
    }
    [part='attribution'] {
      position: absolute;
      right: 1px;
      bottom: 1px;
      max-width: calc(100% - 2px);
      box-sizing: border-box;
      margin: 0;
      padding: 0.1rem 0.4rem;
      font-size: 0.7rem;
      color: var(--_muted);
      background: var(--_surface);
      border-top-left-radius: var(--dcs-radius, 0.375rem);
    }
    @media (prefers-reduced-motion: reduce) {
      .maplibregl-marker {
        will-change: auto;
      }
    }
  `,
];
