import type { Ring } from './dataset.js';
import type { LatLon } from './types.js';

/**
 * Returns whether a point is inside a ring (even–odd rule). Points exactly on an edge may go
 * either way; callers that need a border answer use the nearest polygon.
 *
 * @param lon - Longitude, degrees.
 * @param lat - Latitude, degrees.
 * @param ring - A closed ring of `[lon, lat]`.
 * @returns True when inside.
 * @example
 * ```ts
 * inRing(0.5, 0.5, [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]); // true
 * ```
 */
export function inRing(lon: number, lat: number, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/**
 * Returns whether a point is inside a polygon with holes (first ring outer).
 *
 * @param lon - Longitude, degrees.
 * @param lat - Latitude, degrees.
 * @param polygon - Rings, the first one outer.
 * @returns True when inside the outer ring and outside every hole.
 */
export function inPolygon(lon: number, lat: number, polygon: ReadonlyArray<Ring>): boolean {
  if (!polygon[0] || !inRing(lon, lat, polygon[0])) return false;
  for (let k = 1; k < polygon.length; k++) if (inRing(lon, lat, polygon[k]!)) return false;
  return true;
}

const R = 6371008.8;

/**
 * Returns the great-circle distance between two points, in metres.
 *
 * @param a - A point.
 * @param b - Another point.
 * @returns Metres.
 * @example
 * ```ts
 * distanceM({ lat: 12.24, lon: 109.19 }, { lat: 12.25, lon: 109.19 }); // ≈ 1112
 * ```
 */
export function distanceM(a: LatLon, b: LatLon): number {
  const toRad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * toRad;
  const dLon = (b.lon - a.lon) * toRad;
  const s = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * toRad) * Math.cos(b.lat * toRad) * Math.sin(dLon / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(s)));
}

/**
 * Returns the distance in metres from a point to the nearest edge of a ring (planar
 * approximation, good to well under 1 % at these scales).
 *
 * @param p - The point.
 * @param ring - A closed ring of `[lon, lat]`.
 * @returns Metres.
 */
export function distanceToRingM(p: LatLon, ring: Ring): number {
  const kx = Math.cos((p.lat * Math.PI) / 180) * 111320;
  const ky = 110574;
  let best = Infinity;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const ax = (ring[j]![0] - p.lon) * kx;
    const ay = (ring[j]![1] - p.lat) * ky;
    const bx = (ring[i]![0] - p.lon) * kx;
    const by = (ring[i]![1] - p.lat) * ky;
    const dx = bx - ax;
    const dy = by - ay;
    const len = dx * dx + dy * dy;
    const t = len ? Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len)) : 0;
    const x = ax + t * dx;
    const y = ay + t * dy;
    best = Math.min(best, Math.hypot(x, y));
  }
  return best;
}

/**
 * Returns whether a value is a usable point: finite latitude in [-90, 90] and longitude in
 * [-180, 180].
 *
 * @param p - Anything.
 * @returns True for a valid point.
 */
export function isLatLon(p: unknown): p is LatLon {
  if (!p || typeof p !== 'object') return false;
  const { lat, lon } = p as { lat: unknown; lon: unknown };
  return (
    typeof lat === 'number' &&
    typeof lon === 'number' &&
    Number.isFinite(lat) &&
    Number.isFinite(lon) &&
    Math.abs(lat) <= 90 &&
    Math.abs(lon) <= 180
  );
}
