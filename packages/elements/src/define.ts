/**
 * Defines every diachiso element (`dcs-*`) and re-exports the SDK, so a plain HTML page needs
 * one `<script type="module">`.
 *
 * @packageDocumentation
 */
import './dcs-platform.js';
import './dcs-address-autocomplete.js';
import './dcs-code-badge.js';
import './dcs-code-plate.js';
import './dcs-verify-dialog.js';
import './dcs-mini-map.js';
export * from './index.js';
export { createClient, DiachisoError } from '@diachiso/sdk';
