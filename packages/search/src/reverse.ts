import { AdminRegistry, type AdminData, type LatLon, type ReverseResult, type WardsData } from '@diachiso/core';
import { distanceToRingM, inPolygon, isLatLon } from '@diachiso/core/internal';

/**
 * A `WardLocator` answers which 2025 ward (and province) contains a point, over the embedded
 * Khánh Hòa ward polygons. Points that fall in a sliver between simplified polygons get the
 * nearest ward within {@link WardLocator.toleranceM} metres, with the distance.
 *
 * @example
 * ```ts
 * const loc = new WardLocator(wards, registry);
 * loc.locate({ lat: 12.2388, lon: 109.1967 })?.ward.name; // 'Phường Nha Trang'
 * ```
 */
export class WardLocator {
  /** How far outside every polygon a point may be and still get the nearest ward, in metres. */
  readonly toleranceM: number;
  readonly #wards: WardsData['wards'];
  readonly #registry: AdminRegistry;

  /**
   * @param wards - The `wards` part.
   * @param registry - A registry, or the `admin` part to build one from.
   * @param toleranceM - Snap distance for points in gaps between polygons (default 250 m).
   */
  constructor(wards: WardsData, registry: AdminRegistry | AdminData, toleranceM = 250) {
    this.#wards = wards.wards;
    this.#registry = registry instanceof AdminRegistry ? registry : new AdminRegistry(registry);
    this.toleranceM = toleranceM;
  }

  /**
   * Returns the 2025 ward code that contains a point, or `undefined` outside the covered area.
   *
   * @param p - The point.
   * @returns The ward code and, for snapped points, the distance to the ward.
   */
  wardCodeAt(p: LatLon): { code: string; distanceM?: number } | undefined {
    if (!isLatLon(p)) return undefined;
    const { lat, lon } = p;
    for (const w of this.#wards) {
      const [a, b, c, d] = w.bbox as [number, number, number, number];
      if (lon < a || lon > c || lat < b || lat > d) continue;
      for (const poly of w.polygons) if (inPolygon(lon, lat, poly)) return { code: w.code };
    }
    // In no polygon: the nearest one within the tolerance (slivers along shared borders).
    const degPad = this.toleranceM / 100000;
    let best: { code: string; distanceM: number } | undefined;
    for (const w of this.#wards) {
      const [a, b, c, d] = w.bbox as [number, number, number, number];
      if (lon < a - degPad || lon > c + degPad || lat < b - degPad || lat > d + degPad) continue;
      for (const poly of w.polygons) {
        const dist = distanceToRingM(p, poly[0]!);
        if (dist <= this.toleranceM && (!best || dist < best.distanceM)) best = { code: w.code, distanceM: dist };
      }
    }
    return best;
  }

  /**
   * Returns the 2025 ward and province containing a point, or `null` outside the covered area
   * (Khánh Hòa, including the Trường Sa special zone).
   *
   * @param p - The point.
   * @returns The ward and province, or `null`.
   */
  locate(p: LatLon): ReverseResult | null {
    const hit = this.wardCodeAt(p);
    if (!hit) return null;
    const w = this.#registry.ward(hit.code);
    const prov = w && this.#registry.province(w.provinceCode);
    if (!w || !prov) return null;
    const r: ReverseResult = { ward: AdminRegistry.wardRef(w), province: AdminRegistry.provinceRef(prov) };
    return hit.distanceM !== undefined ? { ...r, distanceM: Math.round(hit.distanceM) } : r;
  }
}
