import type { LatLon } from '@diachiso/core';
import type { Client } from '@diachiso/sdk';
import { css, html, LitElement, type PropertyValues, type TemplateResult } from 'lit';
import { DcsMapReadyEvent } from '../events/map-ready.js';
import { DcsMoveEvent } from '../events/move.js';
import { ClientController } from '../internal/client-controller.js';
import { langOf, moreStrings } from '../internal/localize.js';
import { srOnly } from '../internal/styles.js';

/** Detail of the `dcs-move` event. */
export interface DcsMoveDetail {
  /** The new point. */
  readonly location: LatLon;
  /** Its 2025 ward, when known. */
  readonly ward?: { code: string; name: string };
  /** Its province, when known. */
  readonly province?: { code: string; name: string };
  /** Its digital address code (a Plus Code outside the covered area). */
  readonly code?: string;
  /** The nearest named street within 150 m, with the distance in metres. */
  readonly street?: { id: string; name: string; distanceM: number };
}

type MapLibre = typeof import('maplibre-gl');
type MapInstance = import('maplibre-gl').Map;
type MarkerInstance = import('maplibre-gl').Marker;

const STEP_M = 5;

/**
 * A small map with a draggable pin (also movable with the arrow keys) that reports the new point
 * with its ward and digital address code, and outlines the selected ward. MapLibre GL is loaded
 * only when the element is used (dynamic import). With no `style-url` it draws an offline style
 * built from the embedded dataset; any MapLibre style URL works in production.
 *
 * @summary A location map with a movable pin.
 *
 * @event dcs-move - The pin moved (drag or keys); `detail` has the point, ward and code.
 * @event dcs-map-ready - The map has loaded; `detail.map` is the MapLibre map.
 *
 * @csspart base - The wrapper.
 * @csspart map - The map container.
 * @csspart pin - The pin.
 * @csspart attribution - The data attribution.
 *
 * @cssproperty [--map-height=18rem] - Height of the map.
 *
 * @example
 * ```html
 * <dcs-mini-map lat="12.2388" lon="109.1967"></dcs-mini-map>
 * ```
 */
export class DcsMiniMap extends LitElement {
  /** @internal */
  static override styles = [
    srOnly,
    css`
      :host {
        --map-height: 18rem;
        display: block;
        position: relative;
      }
      :host([hidden]) {
        display: none;
      }
      [part='base'] {
        position: relative;
      }
      [part='map'] {
        position: relative;
        height: var(--map-height);
        overflow: hidden;
        border-radius: var(--dcs-radius, 0.375rem);
        border: 1px solid var(--dcs-color-border, #767676);
      }
      .maplibregl-canvas-container,
      .maplibregl-canvas {
        position: absolute;
        left: 0;
        top: 0;
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
      [part='attribution'] {
        font-size: 0.7rem;
        color: var(--dcs-color-muted, #4a4a4a);
        margin: 0.25rem 0 0;
      }
    `,
  ];
  /** @internal */
  static override properties = {
    lat: { type: Number },
    lon: { type: Number },
    zoom: { type: Number },
    styleUrl: { type: String, attribute: 'style-url' },
    readonly: { type: Boolean },
    ward: { type: String },
    lang: { type: String },
    client: { attribute: false },
    _announce: { state: true },
  };

  /** Latitude of the pin (default: Nha Trang). */
  declare lat: number;
  /** Longitude of the pin. */
  declare lon: number;
  /** Zoom level (default 15). */
  declare zoom: number;
  /** A MapLibre style URL; without it, the offline style of the embedded data. */
  declare styleUrl: string | undefined;
  /** The pin cannot be moved. */
  declare readonly: boolean;
  /** The 2025 ward code to outline (default: the pin's ward). */
  declare ward: string | undefined;
  /** `vi` (default) or `en`. */
  declare lang: string;
  /** The client for the pin's ward and code; overrides the `<dcs-platform>` around the element and the page's shared client. */
  declare client: Client | undefined;
  declare _announce: string;

  /** The MapLibre map, once loaded. */
  map: MapInstance | undefined;
  #marker: MarkerInstance | undefined;
  #lib: MapLibre | undefined;
  #loading: Promise<void> | undefined;
  #destroyed = false;

  constructor() {
    super();
    this.lat = 12.2388;
    this.lon = 109.1967;
    this.zoom = 15;
    this.readonly = false;
    this.lang = '';
    this._announce = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#destroyed = false;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#destroyed = true;
    this.#marker?.remove();
    this.map?.remove();
    this.map = undefined;
    this.#marker = undefined;
    this.#loading = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Bad values from an attribute or from code ("abc", Infinity, 200) never reach MapLibre: a
    // value that is not a finite number is ignored (the last good one is kept), one out of range
    // is clamped.
    const good = (v: unknown, old: unknown, dflt: number, min: number, max: number) =>
      typeof v === 'number' && Number.isFinite(v)
        ? Math.min(max, Math.max(min, v))
        : typeof old === 'number' && Number.isFinite(old)
          ? old
          : dflt;
    if (changed.has('lat')) this.lat = good(this.lat, changed.get('lat'), 12.2388, -85, 85);
    if (changed.has('lon')) this.lon = good(this.lon, changed.get('lon'), 109.1967, -180, 180);
    if (changed.has('zoom')) this.zoom = good(this.zoom, changed.get('zoom'), 15, 0, 22);
  }

  protected override firstUpdated(): void {
    // A failed load (no WebGL, the dataset unreachable) leaves an empty map, not an unhandled rejection.
    this.load().catch((e: unknown) => console.error('dcs-mini-map: the map could not load', e));
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!this.map || !this.#marker) return;
    if (changed.has('lat') || changed.has('lon')) {
      const p = this.#marker.getLngLat();
      if (p.lat !== this.lat || p.lng !== this.lon) {
        this.#marker.setLngLat([this.lon, this.lat]);
        this.map.easeTo({ center: [this.lon, this.lat], duration: 0 });
        void this.#locate(false);
      }
    }
    if (changed.has('ward') && this.ward) this.#outline(this.ward);
    if (changed.has('readonly')) this.#marker.setDraggable(!this.readonly);
  }

  readonly #clients = new ClientController(this, () => ({ locale: langOf(this, this.lang) }));

  /**
   * Returns the client this element uses now (its `.client`, else the `<dcs-platform>` around it,
   * else the page's shared client).
   *
   * @returns The client.
   */
  getClient(): Promise<Client> {
    return this.#clients.get();
  }

  #client(): Promise<Client> {
    return this.#clients.get();
  }

  /**
   * Loads MapLibre and the style, and draws the map. Called on first render; safe to call again.
   *
   * @returns When the map has loaded.
   */
  load(): Promise<void> {
    this.#loading ??= (async () => {
      const lib = (this.#lib ??= await import('maplibre-gl'));
      let style: string | Record<string, unknown>;
      if (this.styleUrl && /^https?:\/\//i.test(this.styleUrl)) style = this.styleUrl;
      else {
        const { loadDataset } = await import('@diachiso/data');
        const ds = await loadDataset(['wards', 'roads', 'pois']);
        const { offlineStyle } = await import('./offline-style.js');
        style = offlineStyle(ds.parts.wards, ds.parts.roads, ds.parts.pois);
      }
      if (this.#destroyed) return;
      const container = this.renderRoot.querySelector('[part="map"]') as HTMLElement;
      const map = new lib.Map({
        container,
        style: style as never,
        center: [this.lon, this.lat],
        zoom: this.zoom,
        attributionControl: false,
        cooperativeGestures: false,
      });
      this.map = map;
      const t = moreStrings(this, this.lang);
      const pin = document.createElement('div');
      pin.setAttribute('part', 'pin');
      pin.setAttribute('role', 'button');
      pin.setAttribute('tabindex', '0');
      pin.setAttribute('aria-label', t.pinLabel);
      pin.addEventListener('keydown', (e) => this.#onKey(e));
      const marker = new lib.Marker({ element: pin, draggable: !this.readonly, anchor: 'bottom' })
        .setLngLat([this.lon, this.lat])
        .addTo(map);
      marker.on('dragend', () => {
        const p = marker.getLngLat();
        this.lat = p.lat;
        this.lon = p.lng;
        void this.#locate(true);
      });
      this.#marker = marker;
      // Settles on load, or when the element is removed mid-load (no pending closure left behind).
      await new Promise<void>((resolve) => {
        if (map.loaded()) return resolve();
        map.once('load', () => resolve());
        map.once('remove', () => resolve());
      });
      if (this.#destroyed) return;
      await this.#locate(false);
      this.dispatchEvent(new DcsMapReadyEvent({ map }));
    })();
    return this.#loading;
  }

  #onKey(e: KeyboardEvent): void {
    if (this.readonly || !this.#marker) return;
    const step = (e.shiftKey ? 10 : 1) * STEP_M;
    const dLat = step / 111_320;
    const dLon = step / (111_320 * Math.cos((this.lat * Math.PI) / 180));
    const moves: Record<string, [number, number]> = {
      ArrowUp: [dLat, 0],
      ArrowDown: [-dLat, 0],
      ArrowLeft: [0, -dLon],
      ArrowRight: [0, dLon],
    };
    const m = moves[e.key];
    if (!m) return;
    e.preventDefault();
    this.lat += m[0];
    this.lon += m[1];
    this.#marker.setLngLat([this.lon, this.lat]);
    void this.#locate(true);
  }

  #outline(code: string): void {
    if (this.map?.getLayer('selected-ward')) this.map.setFilter('selected-ward', ['==', ['get', 'code'], code]);
  }

  async #locate(announce: boolean): Promise<void> {
    const location = { lat: this.lat, lon: this.lon };
    let detail: DcsMoveDetail = { location };
    try {
      const c = await this.#client();
      const [rev, code] = await Promise.all([
        c.reverse(location, { nearby: { streets: 1, pois: 0, radiusM: 150 } }),
        c.encodeCode(location),
      ]);
      const street = rev?.streets?.[0];
      detail = {
        location,
        ...(rev ? { ward: rev.ward, province: rev.province } : {}),
        ...(street ? { street } : {}),
        code: code.zoneKnown ? code.code : code.plusCode,
      };
    } catch {
      // the point still moved; ward and code are unknown
    }
    this.#outline(this.ward ?? detail.ward?.code ?? '');
    if (!announce) return;
    const t = moreStrings(this, this.lang);
    this._announce = t.moved(detail.ward?.name ?? '?', detail.code ?? '?');
    this.dispatchEvent(new DcsMoveEvent(detail));
  }

  protected override render(): TemplateResult {
    const t = moreStrings(this, this.lang);
    return html`<div part="base">
      <div part="map" role="region" aria-label=${t.mapLabel}></div>
      <p part="attribution">© OpenStreetMap contributors (ODbL) · ranh giới: sapnhap.bando.com.vn</p>
      <span class="sr-only" role="status" aria-live="polite">${this._announce}</span>
    </div>`;
  }
}
