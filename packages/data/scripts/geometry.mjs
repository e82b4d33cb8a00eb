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

/** Signed distance from a point to a polygon's outline (positive inside), in degrees. */
function pointToPolygonDist(x, y, poly) {
  let inside = false;
  let min = Infinity;
  for (const ring of poly) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [ax, ay] = ring[i];
      const [bx, by] = ring[j];
      if (ay > y !== by > y && x < ((bx - ax) * (y - ay)) / (by - ay) + ax) inside = !inside;
      let dx = bx - ax;
      let dy = by - ay;
      let px = ax;
      let py = ay;
      if (dx !== 0 || dy !== 0) {
        const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
        px = ax + dx * t;
        py = ay + dy * t;
      }
      dx = x - px;
      dy = y - py;
      min = Math.min(min, dx * dx + dy * dy);
    }
  }
  return (inside ? 1 : -1) * Math.sqrt(min);
}

/**
 * The pole of inaccessibility of a polygon (the inside point farthest from its outline), found
 * to within `precision` degrees: the grid-and-bound search of Mapbox's polylabel (ISC), kept
 * here in a few lines so the data build needs no extra package.
 */
export function poleOfInaccessibility(poly, precision = 0.0005) {
  const outer = poly[0];
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of outer) {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  const size = Math.min(maxX - minX, maxY - minY);
  if (size === 0) return [minX, minY];
  const cell = (x, y, h) => {
    const d = pointToPolygonDist(x, y, poly);
    return { x, y, h, d, max: d + h * Math.SQRT2 };
  };
  const queue = [];
  for (let x = minX; x < maxX; x += size) for (let y = minY; y < maxY; y += size) queue.push(cell(x + size / 2, y + size / 2, size / 2));
  let best = cell((minX + maxX) / 2, (minY + maxY) / 2, 0);
  while (queue.length) {
    queue.sort((a, b) => a.max - b.max);
    const c = queue.pop();
    if (c.d > best.d) best = c;
    if (c.max - best.d <= precision) continue;
    const h = c.h / 2;
    queue.push(cell(c.x - h, c.y - h, h), cell(c.x + h, c.y - h, h), cell(c.x - h, c.y + h, h), cell(c.x + h, c.y + h, h));
  }
  return [best.x, best.y];
}

/** The area of a ring (absolute, square degrees). */
export function ringArea(ring) {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) a += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  return Math.abs(a / 2);
}
