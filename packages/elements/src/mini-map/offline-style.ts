import type { PoisData, RoadsData, WardsData } from '@diachiso/core';

/**
 * Returns a MapLibre style built from the embedded dataset: Khánh Hòa's ward boundaries, Nha
 * Trang's roads and points of interest, and the selected ward's outline. It needs no tiles, no
 * glyphs and no network (no text labels: glyphs would need a font server).
 *
 * @param wards - The `wards` part.
 * @param roads - The `roads` part.
 * @param pois - The `pois` part.
 * @returns A style object for `new maplibregl.Map({ style })`.
 * @internal
 */
export function offlineStyle(wards: WardsData, roads: RoadsData, pois: PoisData): Record<string, unknown> {
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
  return {
    version: 8,
    name: 'diachiso offline',
    sources: {
      wards: { type: 'geojson', data: { type: 'FeatureCollection', features: wardFeatures } },
      roads: { type: 'geojson', data: { type: 'FeatureCollection', features: roadFeatures } },
      pois: { type: 'geojson', data: { type: 'FeatureCollection', features: poiFeatures } },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#cfe8f3' } },
      { id: 'wards-fill', type: 'fill', source: 'wards', paint: { 'fill-color': '#f4f1ea', 'fill-opacity': 1 } },
      { id: 'wards-line', type: 'line', source: 'wards', paint: { 'line-color': '#9a8f7a', 'line-width': 0.8, 'line-dasharray': [2, 2] } },
      {
        id: 'roads-minor',
        type: 'line',
        source: 'roads',
        filter: ['!', ['in', ['get', 'fclass'], ['literal', major]]],
        paint: { 'line-color': '#ffffff', 'line-width': ['interpolate', ['linear'], ['zoom'], 12, 0.5, 17, 4] },
      },
      {
        id: 'roads-major',
        type: 'line',
        source: 'roads',
        filter: ['in', ['get', 'fclass'], ['literal', major]],
        paint: { 'line-color': '#f7d27a', 'line-width': ['interpolate', ['linear'], ['zoom'], 10, 1, 17, 7] },
      },
      {
        id: 'selected-ward',
        type: 'line',
        source: 'wards',
        filter: ['==', ['get', 'code'], ''],
        paint: { 'line-color': '#0b57d0', 'line-width': 3 },
      },
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
          'circle-stroke-color': '#fff',
          'circle-stroke-width': 1,
        },
      },
    ],
  };
}
