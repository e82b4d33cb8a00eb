import type { LatLon } from '@diachiso/core';
import type { Client } from '@diachiso/sdk';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { DcsMapReadyEvent } from '../events/map-ready.js';
import { DcsMoveEvent } from '../events/move.js';
import { ClientController } from '../internal/client-controller.js';
import { langOf, moreStrings } from '../internal/localize.js';
import { mapStrings } from './mini-map.strings.js';
import { styles } from './mini-map.styles.js';
import type { MapTheme } from './offline-style.js';

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
const MIN_ZOOM = 3;
const MAX_ZOOM = 20;

/** Splits a CSS `font-family` list into family names (quotes removed). */
function fontList(value: string): string[] {
  return value
    .split(',')
    .map((f) => f.trim().replace(/^["']|["']$/g, ''))
    .filter((f) => f && !/[^\p{L}\p{N} _-]/u.test(f));
}

/**
 * A small map with a draggable pin (also movable with the arrow keys) that reports the new point
 * with its ward and digital address code, and outlines the selected ward. MapLibre GL is loaded
 * only when the element is used (dynamic import). With no `style-url` it draws an offline style
 * built from the embedded dataset (ward outlines and names, Nha Trang's streets with their names,
 * points of interest), with label glyphs drawn in the browser from local fonts: no tiles, no font
 * server. Where the pin is outside the area with street data, it says so. Any MapLibre style URL
 * works in production.
 *
 * @summary A location map with a movable pin.
 *
 * @event dcs-move - The pin moved (drag or keys); `detail` has the point, ward and code.
 * @event dcs-map-ready - The map has loaded; `detail.map` is the MapLibre map.
 *
 * @csspart base - The wrapper (class `light` or `dark`, the theme in use).
 * @csspart map - The map container.
 * @csspart pin - The pin.
 * @csspart controls - The group of zoom buttons.
 * @csspart zoom-button - Each zoom button (also `zoom-in` or `zoom-out`).
 * @csspart zoom-in - The zoom-in button.
 * @csspart zoom-out - The zoom-out button.
 * @csspart notice - The message shown where the offline map has no street data.
 * @csspart attribution - The data attribution.
 *
 * @cssproperty [--map-height=18rem] - Height of the map.
 * @cssproperty [--map-font-family=system-ui, 'Segoe UI', Roboto, 'Noto Sans', Arial, 'DejaVu Sans'] - Local fonts the offline map's labels are drawn with (read when the map loads).
 *
 * @example
 * ```html
 * <dcs-mini-map lat="12.2388" lon="109.1967"></dcs-mini-map>
 * <dcs-mini-map lat="12.2388" lon="109.1967" theme="dark" lang="en"></dcs-mini-map>
 * ```
 */
export class DcsMiniMap extends LitElement {
  /** @internal */
  static override styles = styles;
  /** @internal */
  static override properties = {
    lat: { type: Number },
    lon: { type: Number },
    zoom: { type: Number },
    styleUrl: { type: String, attribute: 'style-url' },
    readonly: { type: Boolean },
    ward: { type: String },
    lang: { type: String },
    theme: { type: String },
    client: { attribute: false },
    _announce: { state: true },
    _systemDark: { state: true },
    _noStreets: { state: true },
  };

  /** Latitude of the pin (default: Nha Trang). */
  declare lat: number;
  /** Longitude of the pin. */
  declare lon: number;
  /** Zoom level, 3 to 20 (default 15); follows the map when the user zooms. */
  declare zoom: number;
  /** A MapLibre style URL; without it, the offline style of the embedded data. */
  declare styleUrl: string | undefined;
  /** The pin cannot be moved. */
  declare readonly: boolean;
  /** The 2025 ward code to outline (default: the pin's ward). */
  declare ward: string | undefined;
  /** `vi` (default) or `en`. */
  declare lang: string;
  /** `light` or `dark` to force a theme; unset (default), the offline map follows `prefers-color-scheme`. */
  declare theme: string | undefined;
  /** The client for the pin's ward and code; overrides the `<dcs-platform>` around the element and the page's shared client. */
  declare client: Client | undefined;
  declare _announce: string;
  declare _systemDark: boolean;
  declare _noStreets: boolean;

  /** The MapLibre map, once loaded. */
  map: MapInstance | undefined;
  #marker: MarkerInstance | undefined;
  #lib: MapLibre | undefined;
  #loading: Promise<void> | undefined;
  #destroyed = false;
  #offline = false;
  #covered: ((lat: number, lon: number) => boolean) | undefined;
  #themePaint: ((theme: MapTheme) => Array<[string, string, string]>) | undefined;
  #media: MediaQueryList | undefined;
  readonly #onMedia = (e: MediaQueryListEvent) => (this._systemDark = e.matches);

  constructor() {
    super();
    this.lat = 12.2388;
    this.lon = 109.1967;
    this.zoom = 15;
    this.readonly = false;
    this.lang = '';
    this._announce = '';
    this._systemDark = false;
    this._noStreets = false;
  }

  /** The theme in use: the `theme` attribute, else the system's colour scheme. */
  get effectiveTheme(): 'light' | 'dark' {
    if (this.theme === 'dark' || this.theme === 'light') return this.theme;
    return this._systemDark ? 'dark' : 'light';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#destroyed = false;
    this.#media = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : undefined;
    this._systemDark = this.#media?.matches ?? false;
    this.#media?.addEventListener('change', this.#onMedia);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#media?.removeEventListener('change', this.#onMedia);
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
    if (changed.has('zoom')) this.zoom = good(this.zoom, changed.get('zoom'), 15, MIN_ZOOM, MAX_ZOOM);
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
    if (changed.has('zoom') && Math.abs(this.map.getZoom() - this.zoom) > 1e-6) this.map.jumpTo({ zoom: this.zoom });
    if (changed.has('ward') && this.ward) this.#outline(this.ward);
    if (changed.has('readonly')) this.#marker.setDraggable(!this.readonly);
    if (changed.has('theme') || changed.has('_systemDark')) this.#applyTheme();
    if (changed.has('lang')) this.#marker.getElement().setAttribute('aria-label', mapStrings(this, this.lang).pinLabel);
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

  /** The style: the `style-url`, else the offline style of the embedded dataset. */
  async #style(): Promise<string | Record<string, unknown>> {
    if (this.styleUrl && /^https?:\/\//i.test(this.styleUrl)) {
      this.#offline = false;
      return this.styleUrl;
    }
    const { loadDataset } = await import('@diachiso/data');
    const ds = await loadDataset(['wards', 'roads', 'pois', 'admin']);
    const { offlineStyle, themePaint, DEFAULT_FONTS } = await import('./offline-style.js');
    const { streetCoverage } = await import('./coverage.js');
    this.#offline = true;
    this.#themePaint = themePaint;
    this.#covered = streetCoverage(ds.parts.roads);
    const fonts = fontList(getComputedStyle(this).getPropertyValue('--map-font-family'));
    return offlineStyle(ds.parts, this.effectiveTheme, fonts.length ? fonts : DEFAULT_FONTS);
  }

  /**
   * Loads MapLibre and the style, and draws the map. Called on first render; safe to call again.
   *
   * @returns When the map has loaded.
   */
  load(): Promise<void> {
    this.#loading ??= (async () => {
      const lib = (this.#lib ??= await import('maplibre-gl'));
      const style = await this.#style();
      if (this.#destroyed) return;
      const container = this.renderRoot.querySelector('[part="map"]') as HTMLElement;
      const map = new lib.Map({
        container,
        style: style as never,
        center: [this.lon, this.lat],
        zoom: this.zoom,
        minZoom: MIN_ZOOM,
        maxZoom: MAX_ZOOM,
        attributionControl: false,
        cooperativeGestures: false,
        locale: { 'Map.Title': mapStrings(this, this.lang).canvas },
      });
      this.map = map;
      map.on('zoomend', () => {
        if (this.map === map) this.zoom = map.getZoom();
      });
      this.#marker = this.#addPin(lib, map);
      // Settles on load, or when the element is removed mid-load (no pending closure left behind).
      await new Promise<void>((resolve) => {
        if (map.loaded()) return resolve();
        map.once('load', () => resolve());
        map.once('remove', () => resolve());
      });
      if (this.#destroyed) return;
      this.zoom = map.getZoom();
      await this.#locate(false);
      this.requestUpdate();
      this.dispatchEvent(new DcsMapReadyEvent({ map }));
    })();
    return this.#loading;
  }

  #addPin(lib: MapLibre, map: MapInstance): MarkerInstance {
    const pin = document.createElement('div');
    pin.setAttribute('part', 'pin');
    pin.setAttribute('role', 'button');
    pin.setAttribute('tabindex', '0');
    pin.setAttribute('aria-label', mapStrings(this, this.lang).pinLabel);
    pin.addEventListener('keydown', (e) => this.#onKey(e));
    const marker = new lib.Marker({ element: pin, draggable: !this.readonly, anchor: 'bottom' }).setLngLat([this.lon, this.lat]).addTo(map);
    marker.on('dragend', () => {
      const p = marker.getLngLat();
      this.lat = p.lat;
      this.lon = p.lng;
      void this.#locate(true);
    });
    return marker;
  }

  #applyTheme(): void {
    const map = this.map;
    if (!map || !this.#offline || !this.#themePaint) return;
    for (const [layer, prop, value] of this.#themePaint(this.effectiveTheme))
      // The properties come from themePaint, which names only paint properties of these layers.
      if (map.getLayer(layer)) map.setPaintProperty(layer, prop as 'background-color', value);
  }

  /**
   * Zooms the map in or out by one level (the zoom buttons and the + and − keys), and says the
   * new level.
   *
   * @param by - `1` to zoom in, `-1` to zoom out.
   */
  zoomBy(by: 1 | -1): void {
    const map = this.map;
    if (!map) return;
    const now = map.getZoom();
    const target = Math.min(map.getMaxZoom(), Math.max(map.getMinZoom(), by > 0 ? Math.floor(now + 1e-6) + 1 : Math.ceil(now - 1e-6) - 1));
    if (target === now) return;
    const reduce = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
    map.easeTo({ zoom: target, duration: reduce ? 0 : 250 });
    this._announce = mapStrings(this, this.lang).zoomed(target);
  }

  #onKey(e: KeyboardEvent): void {
    if (e.key === '+' || e.key === '=' || e.key === '-' || e.key === '_') {
      e.preventDefault();
      this.zoomBy(e.key === '+' || e.key === '=' ? 1 : -1);
      return;
    }
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
    const wasCovered = !this._noStreets;
    this._noStreets = this.#offline && !!this.#covered && !this.#covered(this.lat, this.lon);
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
    const notice = this._noStreets && wasCovered ? ` ${mapStrings(this, this.lang).noStreets}` : '';
    this._announce = t.moved(detail.ward?.name ?? '?', detail.code ?? '?') + notice;
    this.dispatchEvent(new DcsMoveEvent(detail));
  }

  protected override render(): TemplateResult {
    const t = moreStrings(this, this.lang);
    const m = mapStrings(this, this.lang);
    const map = this.map;
    const atMax = !!map && this.zoom >= map.getMaxZoom() - 1e-6;
    const atMin = !!map && this.zoom <= map.getMinZoom() + 1e-6;
    return html`<div part="base" class=${this.effectiveTheme}>
      <div part="map" role="region" aria-label=${t.mapLabel}></div>
      <div part="controls" role="group" aria-label=${m.zoomGroup}>
        <button
          part="zoom-button zoom-in"
          type="button"
          aria-label=${m.zoomIn}
          title=${m.zoomIn}
          aria-disabled=${atMax ? 'true' : 'false'}
          @click=${() => this.zoomBy(1)}
        >
          +
        </button>
        <button
          part="zoom-button zoom-out"
          type="button"
          aria-label=${m.zoomOut}
          title=${m.zoomOut}
          aria-disabled=${atMin ? 'true' : 'false'}
          @click=${() => this.zoomBy(-1)}
        >
          −
        </button>
      </div>
      ${this._noStreets ? html`<p part="notice">${m.noStreets}</p>` : nothing}
      <p part="attribution">${m.attribution}</p>
      <span class="sr-only" role="status" aria-live="polite">${this._announce}</span>
    </div>`;
  }
}
