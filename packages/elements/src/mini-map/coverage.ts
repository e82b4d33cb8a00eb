import type { RoadsData } from '@diachiso/core';

/** Grid cell size, in degrees (about 1.1 km). */
const CELL = 0.01;

/**
 * Returns a test of whether a point is in the area the embedded road data covers: within about
 * one cell (1–2 km) of a cell that holds a road point. Only Nha Trang's roads are embedded, so
 * elsewhere the map has ward outlines and names but no streets, and the element says so.
 *
 * @param roads - The `roads` part.
 * @returns `(lat, lon) => true` inside the covered area.
 * @internal
 */
export function streetCoverage(roads: RoadsData): (lat: number, lon: number) => boolean {
  const cells = new Set<string>();
  const key = (x: number, y: number) => `${x},${y}`;
  for (const [, , pts] of roads.roads) for (const [lon, lat] of pts) cells.add(key(Math.floor(lon / CELL), Math.floor(lat / CELL)));
  return (lat, lon) => {
    if (!Number.isFinite(lat) || !Number.isFinite(lon)) return false;
    const x = Math.floor(lon / CELL);
    const y = Math.floor(lat / CELL);
    for (let dx = -1; dx <= 1; dx++) for (let dy = -1; dy <= 1; dy++) if (cells.has(key(x + dx, y + dy))) return true;
    return false;
  };
}
