import { fold } from './normalize.js';
import type { LatLon } from './types.js';
import type { StreetRow, StreetsData } from './dataset.js';

/** One named street of the data, with the 2025 wards it passes through. */
export interface StreetPlace {
  /** Its suggestion id (`street:tran-phu`). */
  readonly id: string;
  /** Its name as in the data (`Trần Phú`). */
  readonly name: string;
  /** Its folded lookup key (`tran phu`). */
  readonly key: string;
  /** The wards it passes through, most of the street first, each with a point on the street inside it. */
  readonly wards: ReadonlyArray<{ readonly code: string; readonly location: LatLon; readonly samples: number }>;
}

/**
 * Returns the ids of streets, in order: `street:` and the folded name; names that fold alike
 * (Nguyễn Du, Nguyễn Dữ) get `-2`, `-3`… in dataset order, so ids are unique and stable.
 *
 * @param streets - The `streets` part's rows.
 * @returns One id per row.
 */
export function streetIds(streets: ReadonlyArray<readonly [string, ...unknown[]]>): string[] {
  const seen = new Map<string, number>();
  return streets.map(([name]) => {
    const slug = fold(name).replace(/[^a-z0-9]+/g, '-');
    const n = (seen.get(slug) ?? 0) + 1;
    seen.set(slug, n);
    return `street:${slug}${n > 1 ? `-${n}` : ''}`;
  });
}

/**
 * Returns the lookup key of a street name: folded, punctuation as spaces, a leading `đường`
 * or `đ.` dropped, numbers without leading zeros (`Đường 2 Tháng 4` → `2 thang 4`).
 *
 * @param name - A street name as typed or as in the data.
 * @returns The key.
 */
export function streetKey(name: string): string {
  return fold(name)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^(duong|d)\s+(?=\S)/, '')
    .replace(/\b0+(?=\d)/g, '');
}

/**
 * A `StreetDirectory` finds the streets of the data by name and says which 2025 wards each
 * passes through (computed from the road lines at data-build time).
 *
 * @example
 * ```ts
 * const dir = new StreetDirectory(streetsPart);
 * dir.find('Trần Phú')[0]?.wards.map((w) => w.code); // ['22366', …]
 * ```
 */
export class StreetDirectory {
  readonly #byKey = new Map<string, StreetPlace[]>();
  /** Every street, in data order. */
  readonly streets: readonly StreetPlace[];

  /**
   * @param data - The `streets` part (rows with their wards; older rows fall back to their one ward).
   */
  constructor(data: StreetsData | undefined) {
    const rows: readonly StreetRow[] = data?.streets ?? [];
    const ids = streetIds(rows);
    const out: StreetPlace[] = [];
    rows.forEach((row, i) => {
      const [name, lon, lat, , wardCode, , , wards] = row;
      const list = wards?.length
        ? wards.map(([code, x, y, samples]) => ({ code, location: { lat: y, lon: x }, samples }))
        : wardCode
          ? [{ code: wardCode, location: { lat, lon }, samples: 1 }]
          : [];
      const place: StreetPlace = { id: ids[i]!, name, key: streetKey(name), wards: list };
      out.push(place);
      const l = this.#byKey.get(place.key);
      if (l) l.push(place);
      else this.#byKey.set(place.key, [place]);
    });
    this.streets = out;
  }

  /**
   * Returns the streets with this name (folded comparison; `đường` ignored).
   *
   * @param name - A street name.
   * @returns The streets, possibly several (names that fold alike).
   */
  find(name: string): readonly StreetPlace[] {
    return this.#byKey.get(streetKey(name)) ?? [];
  }

  /**
   * Returns whether any street has this folded key.
   *
   * @param key - A {@link streetKey}.
   * @returns True when one does.
   */
  has(key: string): boolean {
    return this.#byKey.has(key);
  }
}
