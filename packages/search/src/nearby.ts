import { type LatLon, type NearbyPoi, type NearbyStreet, type PoisData, type StreetsData } from '@diachiso/core';
import { isLatLon } from '@diachiso/core/internal';
import { streetIds } from './search-index.js';

/** Options of {@link NearbyIndex.near}. */
export interface NearbyOptions {
  /** How many streets (0–20, default 3). */
  streets?: number;
  /** How many points of interest (0–20, default 5). */
  pois?: number;
  /** Search radius in metres (1–5,000, default 500). */
  radiusM?: number;
  /** Only points of interest of this category. */
  category?: string;
}

const CELL = 0.005; // degrees, ≈ 550 m
const KY = 110574; // metres per degree of latitude

const clampInt = (v: unknown, lo: number, hi: number, dflt: number) =>
  typeof v === 'number' && Number.isFinite(v) ? Math.max(lo, Math.min(hi, Math.floor(v))) : dflt;

/**
 * A `NearbyIndex` finds the streets and points of interest nearest to a point, with distances:
 * street segments and points are bucketed in a grid of 0.005° cells, and a query measures the
 * point-to-segment distance (planar, metres) only in the cells its radius touches.
 *
 * @example
 * ```ts
 * const near = new NearbyIndex(streets, pois);
 * near.near({ lat: 12.2388, lon: 109.1967 }, { streets: 3, pois: 5, radiusM: 300 });
 * // { streets: [{ id: 'street:tran-phu', name: 'Trần Phú', distanceM: 42 }, …], pois: […] }
 * ```
 */
export class NearbyIndex {
  readonly #seg: Float64Array; // x1 y1 x2 y2 per segment
  readonly #segStreet: Uint32Array;
  readonly #segCells = new Map<string, number[]>();
  readonly #streets: { id: string; name: string }[];
  readonly #pois: PoisData['pois'];
  readonly #poiCells = new Map<string, number[]>();

  /**
   * @param streets - The `streets` part (rows with their lines).
   * @param pois - The `pois` part.
   */
  constructor(streets?: StreetsData, pois?: PoisData) {
    const rows = streets?.streets ?? [];
    const ids = streetIds(rows);
    this.#streets = rows.map((r, i) => ({ id: ids[i]!, name: r[0] }));
    const coords: number[] = [];
    const owner: number[] = [];
    rows.forEach((r, si) => {
      for (const line of r[6] ?? []) {
        for (let k = 1; k < line.length; k++) {
          const [x1, y1] = line[k - 1]!;
          const [x2, y2] = line[k]!;
          const s = owner.length;
          coords.push(x1, y1, x2, y2);
          owner.push(si);
          for (let cx = Math.floor(Math.min(x1, x2) / CELL); cx <= Math.floor(Math.max(x1, x2) / CELL); cx++)
            for (let cy = Math.floor(Math.min(y1, y2) / CELL); cy <= Math.floor(Math.max(y1, y2) / CELL); cy++)
              push(this.#segCells, `${cx},${cy}`, s);
        }
      }
    });
    this.#seg = Float64Array.from(coords);
    this.#segStreet = Uint32Array.from(owner);
    this.#pois = pois?.pois ?? [];
    this.#pois.forEach((p, i) => push(this.#poiCells, `${Math.floor(p[4] / CELL)},${Math.floor(p[5] / CELL)}`, i));
  }

  /**
   * Returns the nearest streets and points of interest within a radius, nearest first.
   *
   * @param p - The point.
   * @param opts - How many of each, the radius, a category.
   * @returns Both lists (empty for an invalid point or nothing in range).
   */
  near(p: LatLon, opts: NearbyOptions = {}): { streets: NearbyStreet[]; pois: NearbyPoi[] } {
    if (!isLatLon(p)) return { streets: [], pois: [] };
    const nStreets = clampInt(opts.streets, 0, 20, 3);
    const nPois = clampInt(opts.pois, 0, 20, 5);
    const r = clampInt(opts.radiusM, 1, 5000, 500);
    const kx = Math.cos((p.lat * Math.PI) / 180) * 111320;
    const x0 = Math.floor((p.lon - r / kx) / CELL);
    const x1 = Math.floor((p.lon + r / kx) / CELL);
    const y0 = Math.floor((p.lat - r / KY) / CELL);
    const y1 = Math.floor((p.lat + r / KY) / CELL);

    const bestByStreet = new Map<number, number>();
    const seenSeg = new Set<number>();
    const poiHits: NearbyPoi[] = [];
    for (let cx = x0; cx <= x1; cx++)
      for (let cy = y0; cy <= y1; cy++) {
        const key = `${cx},${cy}`;
        if (nStreets > 0)
          for (const s of this.#segCells.get(key) ?? []) {
            if (seenSeg.has(s)) continue;
            seenSeg.add(s);
            const d = segDistance(p, this.#seg, s * 4, kx);
            if (d > r) continue;
            const st = this.#segStreet[s]!;
            const prev = bestByStreet.get(st);
            if (prev === undefined || d < prev) bestByStreet.set(st, d);
          }
        if (nPois > 0)
          for (const i of this.#poiCells.get(key) ?? []) {
            const [osmId, name, category, , lon, lat] = this.#pois[i]!;
            if (opts.category && opts.category !== 'all' && category !== opts.category) continue;
            const d = Math.hypot((lon - p.lon) * kx, (lat - p.lat) * KY);
            if (d <= r) poiHits.push({ id: `poi:${osmId}`, name, category, distanceM: Math.round(d) });
          }
      }
    const streets = [...bestByStreet]
      .sort((a, b) => a[1] - b[1] || a[0] - b[0])
      .slice(0, nStreets)
      .map(([i, d]) => ({ ...this.#streets[i]!, distanceM: Math.round(d) }));
    const pois = poiHits.sort((a, b) => a.distanceM - b.distanceM || (a.id < b.id ? -1 : 1)).slice(0, nPois);
    return { streets, pois };
  }
}

function push(m: Map<string, number[]>, k: string, v: number): void {
  const a = m.get(k);
  if (a) a.push(v);
  else m.set(k, [v]);
}

function segDistance(p: LatLon, seg: Float64Array, o: number, kx: number): number {
  const ax = (seg[o]! - p.lon) * kx;
  const ay = (seg[o + 1]! - p.lat) * KY;
  const dx = (seg[o + 2]! - p.lon) * kx - ax;
  const dy = (seg[o + 3]! - p.lat) * KY - ay;
  const len = dx * dx + dy * dy;
  const t = len ? Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len)) : 0;
  return Math.hypot(ax + t * dx, ay + t * dy);
}
