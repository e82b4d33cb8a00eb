import type { AdminData, PoisData, RoadsData, WardsData } from '@diachiso/core';

/** The map's colour scheme. */
export type MapTheme = 'light' | 'dark';

/**
 * Colours of the offline style in each theme. Text is dark on light land (and light on dark
 * land), with a halo of the land colour so that labels stay legible over roads.
 */
const PALETTES = {
  light: {
    water: '#cfe8f3',
    land: '#f4f1ea',
    wardLine: '#9a8f7a',
    minor: '#ffffff',
    major: '#f7d27a',
    selected: '#0b57d0',
    text: '#2b2b2b',
    wardText: '#5a4a2f',
    halo: '#ffffff',
    poiStroke: '#ffffff',
  },
  dark: {
    water: '#0f2530',
    land: '#22262b',
    wardLine: '#77706a',
    minor: '#41464e',
    major: '#8a6d2b',
    selected: '#8ab4f8',
    text: '#e8eaed',
    wardText: '#d9c9a8',
    halo: '#15181b',
    poiStroke: '#15181b',
  },
} as const;

/**
 * Returns the paint properties that change with the theme, as `[layer, property, value]`: what
 * `offlineStyle` starts with, and what the element sets when the theme changes.
 *
 * @param theme - `light` or `dark`.
 * @returns The paint properties.
 * @internal
 */
export function themePaint(theme: MapTheme): Array<[layer: string, property: string, value: string]> {
  const p = PALETTES[theme];
  return [
    ['background', 'background-color', p.water],
    ['wards-fill', 'fill-color', p.land],
    ['wards-line', 'line-color', p.wardLine],
    ['roads-minor', 'line-color', p.minor],
    ['roads-major', 'line-color', p.major],
    ['selected-ward', 'line-color', p.selected],
    ['pois', 'circle-stroke-color', p.poiStroke],
    ['road-labels', 'text-color', p.text],
    ['road-labels', 'text-halo-color', p.halo],
    ['poi-labels', 'text-color', p.text],
    ['poi-labels', 'text-halo-color', p.halo],
    ['ward-labels', 'text-color', p.wardText],
    ['ward-labels', 'text-halo-color', p.halo],
  ];
}

/**
 * The font stack the labels ask for when the page sets none. The style has no `glyphs` URL, so
 * MapLibre draws every glyph in the browser (TinySDF on a canvas) with these local fonts, then
 * `sans-serif`; the browser's own font fallback finds one with Vietnamese letters.
 */
export const DEFAULT_FONTS = ['system-ui', 'Segoe UI', 'Roboto', 'Noto Sans', 'Arial', 'DejaVu Sans'];

/**
 * Returns a label point and name for each of Khánh Hòa's wards: the point the dataset computed
 * inside the ward (the pole of its largest part, or a point on its streets).
 *
 * @param admin - The `admin` part.
 * @param wards - The `wards` part.
 * @returns GeoJSON point features with `code` and `name`.
 */
function wardPoints(admin: AdminData, wards: WardsData): unknown[] {
  const rows = new Map(admin.wards.map((w) => [w[0], w] as const));
  return wards.wards.flatMap((w) => {
    const row = rows.get(w.code);
    const at = admin.khanhHoa[w.code]?.centroid;
    if (!row || !at) return [];
    return [
      {
        type: 'Feature',
        properties: { code: w.code, name: `${row[2]} ${row[1]}` },
        geometry: { type: 'Point', coordinates: [at[0], at[1]] },
      },
    ];
  });
}

/** The parts the offline style is drawn from. */
export interface OfflineStyleParts {
  readonly wards: WardsData;
  readonly roads: RoadsData;
  readonly pois: PoisData;
  readonly admin?: AdminData;
}

/**
 * Returns a MapLibre style built from the embedded dataset: Khánh Hòa's ward boundaries and
 * names, Nha Trang's roads with their names and points of interest, and the selected ward's
 * outline. It needs no tiles, no font server and no network: it has no `glyphs` URL, so
 * MapLibre draws label glyphs in the browser from local fonts.
 *
 * @param parts - The `wards`, `roads`, `pois` and (for ward names) `admin` parts.
 * @param theme - `light` (default) or `dark`.
 * @param fonts - The font stack of the labels (local font families).
 * @returns A style object for `new maplibregl.Map({ style })`.
 * @internal
 */
export function offlineStyle(
  parts: OfflineStyleParts,
  theme: MapTheme = 'light',
  fonts: readonly string[] = DEFAULT_FONTS,
): Record<string, unknown> {
  const { wards, roads, pois, admin } = parts;
  const fc = (features: unknown[]) => ({ type: 'geojson', data: { type: 'FeatureCollection', features } });
  const wardFeatures = wards.wards.map((w) => ({
    type: 'Feature',
    properties: { code: w.code },
    geometry: { type: 'MultiPolygon', coordinates: w.polygons },
  }));
  const roadFeatures = roads.roads.map(([name, fclass, pts]) => ({
    type: 'Feature',
    properties: { name, fclass },
    geometry: { type: 'LineString', coordinates: pts },
  }));
  const poiFeatures = pois.pois.map(([osm, name, category, , lon, lat]) => ({
    type: 'Feature',
    properties: { id: osm, name, category },
    geometry: { type: 'Point', coordinates: [lon, lat] },
  }));
  const major = ['primary', 'secondary', 'trunk', 'motorway', 'tertiary'];
  // The weight is read from the first family's name ("… Bold"); the others are the fallbacks.
  const font = [...fonts];
  const bold = ['Noto Sans Bold', ...fonts];
  const layers: Array<Record<string, unknown> & { id: string }> = [
    { id: 'background', type: 'background', paint: {} },
    { id: 'wards-fill', type: 'fill', source: 'wards', paint: { 'fill-opacity': 1 } },
    { id: 'wards-line', type: 'line', source: 'wards', paint: { 'line-width': 0.8, 'line-dasharray': [2, 2] } },
    {
      id: 'roads-minor',
      type: 'line',
      source: 'roads',
      filter: ['!', ['in', ['get', 'fclass'], ['literal', major]]],
      paint: { 'line-width': ['interpolate', ['linear'], ['zoom'], 12, 0.5, 17, 4] },
    },
    {
      id: 'roads-major',
      type: 'line',
      source: 'roads',
      filter: ['in', ['get', 'fclass'], ['literal', major]],
      paint: { 'line-width': ['interpolate', ['linear'], ['zoom'], 10, 1, 17, 7] },
    },
    { id: 'selected-ward', type: 'line', source: 'wards', filter: ['==', ['get', 'code'], ''], paint: { 'line-width': 3 } },
    {
      id: 'pois',
      type: 'circle',
      source: 'pois',
      minzoom: 13,
      paint: {
        'circle-radius': 4,
        'circle-color': [
          'match',
          ['get', 'category'],
          'health',
          '#d93025',
          'education',
          '#1a73e8',
          'tourism',
          '#188038',
          'lodging',
          '#8e24aa',
          'fuel',
          '#f9ab00',
          '#5f6368',
        ],
        'circle-stroke-width': 1,
      },
    },
    {
      id: 'road-labels',
      type: 'symbol',
      source: 'roads',
      minzoom: 13,
      filter: ['!=', ['get', 'name'], ''],
      layout: {
        'symbol-placement': 'line',
        'symbol-spacing': 300,
        'text-field': ['get', 'name'],
        'text-font': font,
        'text-size': ['interpolate', ['linear'], ['zoom'], 13, 10, 17, 14],
        'text-max-angle': 30,
        'text-padding': 2,
      },
      paint: { 'text-halo-width': 1.5 },
    },
    {
      id: 'poi-labels',
      type: 'symbol',
      source: 'pois',
      minzoom: 16,
      filter: ['!=', ['get', 'name'], ''],
      layout: {
        'text-field': ['get', 'name'],
        'text-font': font,
        'text-size': 11,
        'text-anchor': 'top',
        'text-offset': [0, 0.6],
        'text-max-width': 8,
        'text-optional': true,
      },
      paint: { 'text-halo-width': 1.5 },
    },
    {
      id: 'ward-labels',
      type: 'symbol',
      source: 'ward-points',
      layout: {
        'text-field': ['get', 'name'],
        'text-font': bold,
        'text-size': ['interpolate', ['linear'], ['zoom'], 9, 11, 15, 15],
        'text-max-width': 8,
        'text-padding': 4,
      },
      paint: { 'text-halo-width': 2 },
    },
  ];
  const byId = new Map(layers.map((l) => [l.id, l]));
  for (const [id, prop, value] of themePaint(theme)) (byId.get(id)!.paint as Record<string, unknown>)[prop] = value;
  return {
    version: 8,
    name: 'diachiso offline',
    sources: {
      wards: fc(wardFeatures),
      roads: fc(roadFeatures),
      pois: fc(poiFeatures),
      'ward-points': fc(admin ? wardPoints(admin, wards) : []),
    },
    layers,
  };
}
