// Geometry shared by the data build and the simplification measurement, so that what is
// measured is exactly what is shipped.
import simplify from 'simplify-js';

/** Rounds to 5 decimals (≈ 1 m). */
export const round = (x, d = 5) => Math.round(x * 10 ** d) / 10 ** d;

/** Even-odd point in ring test, `[lon, lat]` points. */
export function inRing(x, y, ring) {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** In the outer ring and in no hole. */
export const inPolygon = (x, y, poly) => inRing(x, y, poly[0]) && !poly.slice(1).some((h) => inRing(x, y, h));

/** A GeoJSON Polygon or MultiPolygon geometry as a list of polygons. */
export const polygonsOf = (geometry) => (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates);

/**
 * Simplifies a ring (Douglas–Peucker, `tol` degrees, high quality) and rounds it; a ring that
 * would fall below 4 points is kept whole (rounded).
 */
export function simplifyRing(ring, tol) {
  const r = simplify(
    ring.map(([x, y]) => ({ x, y })),
    tol,
    true,
  ).map((p) => [round(p.x), round(p.y)]);
  return r.length < 4 ? ring.map(([x, y]) => [round(x), round(y)]) : r;
}

/** Simplifies a line (Douglas–Peucker, `tol` degrees, high quality) and rounds it. */
export const simplifyLine = (line, tol) =>
  simplify(
    line.map(([x, y]) => ({ x, y })),
    tol,
    true,
  ).map((p) => [round(p.x), round(p.y)]);
