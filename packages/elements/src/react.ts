/**
 * React components for the diachiso elements, made with `@lit/react` (React is a peer
 * dependency). Events are props: `onDcsSelect`, `onDcsError`, `onDcsCopy`, `onDcsVerify`,
 * `onDcsMove`, `onDcsMapReady`.
 *
 * @example
 * ```tsx
 * import { AddressAutocomplete } from '@diachiso/elements/react';
 * <AddressAutocomplete name="address" onDcsSelect={(e) => console.log(e.detail.suggestion)} />
 * ```
 *
 * @packageDocumentation
 */
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import { DcsAddressAutocomplete } from './dcs-address-autocomplete.js';
import { DcsCodeBadge } from './dcs-code-badge.js';
import { DcsCodePlate } from './dcs-code-plate.js';
import { DcsMiniMap } from './dcs-mini-map.js';
import { DcsVerifyDialog } from './dcs-verify-dialog.js';
import { DcsPlatform } from './dcs-platform.js';
import type { DcsDeselectEvent } from './events/deselect.js';
import type { DcsErrorEvent } from './events/error.js';
import type { DcsMapReadyEvent } from './events/map-ready.js';
import type { DcsMoveEvent } from './events/move.js';
import type { DcsSelectEvent } from './events/select.js';
import type { DcsVerifyEvent } from './events/verify.js';

/** `<dcs-address-autocomplete>` as a React component. */
export const AddressAutocomplete = createComponent({
  tagName: 'dcs-address-autocomplete',
  elementClass: DcsAddressAutocomplete,
  react: React,
  events: {
    onDcsSelect: 'dcs-select' as EventName<DcsSelectEvent>,
    onDcsError: 'dcs-error' as EventName<DcsErrorEvent>,
    onDcsDeselect: 'dcs-deselect' as EventName<DcsDeselectEvent>,
    onChange: 'change',
  },
});

/** `<dcs-code-badge>` as a React component. */
export const CodeBadge = createComponent({
  tagName: 'dcs-code-badge',
  elementClass: DcsCodeBadge,
  react: React,
  events: { onDcsCopy: 'dcs-copy' as EventName<CustomEvent<{ code: string }>> },
});

/** `<dcs-code-plate>` as a React component. */
export const CodePlate = createComponent({ tagName: 'dcs-code-plate', elementClass: DcsCodePlate, react: React });

/** `<dcs-verify-dialog>` as a React component (call `open()` on its ref). */
export const VerifyDialog = createComponent({
  tagName: 'dcs-verify-dialog',
  elementClass: DcsVerifyDialog,
  react: React,
  events: { onDcsVerify: 'dcs-verify' as EventName<DcsVerifyEvent> },
});

/** `<dcs-mini-map>` as a React component. */
export const MiniMap = createComponent({
  tagName: 'dcs-mini-map',
  elementClass: DcsMiniMap,
  react: React,
  events: { onDcsMove: 'dcs-move' as EventName<DcsMoveEvent>, onDcsMapReady: 'dcs-map-ready' as EventName<DcsMapReadyEvent> },
});

/** `<dcs-platform>` as a React component: one client for the elements inside it. */
export const Platform = createComponent({ tagName: 'dcs-platform', elementClass: DcsPlatform, react: React });
