import type { AdminData } from './dataset.js';
import { canonicalSpelling, fold } from './normalize.js';
import type { LatLon, UnitRef } from './types.js';

/** A 2025 province. */
export interface Province {
  /** Two-digit code. */
  readonly code: string;
  /** Name without its type (`Khánh Hòa`). */
  readonly name: string;
  /** `Tỉnh` or `Thành phố`. */
  readonly type: string;
  /** Name with its type (`Tỉnh Khánh Hòa`). */
  readonly fullName: string;
  /** The 2-digit prefixes of its postal codes (`['57', '59']`), where the dataset has them. */
  readonly postalPrefixes?: readonly string[];
}

/** A 2025 ward, commune or special zone. */
export interface Ward {
  /** Five-digit code (2025 catalogue). */
  readonly code: string;
  /** Name without its type (`Bắc Nha Trang`). */
  readonly name: string;
  /** `Phường`, `Xã` or `Đặc khu`. */
  readonly type: string;
  /** Name with its type (`Phường Bắc Nha Trang`). */
  readonly fullName: string;
  /** English name without diacritics (`Bac Nha Trang`). */
  readonly nameEn: string;
  /** The province code. */
  readonly provinceCode: string;
  /** Area-weighted centroid of the polygon, where the polygon is embedded. */
  readonly centroid?: LatLon;
  /** `[west, south, east, north]`, where the polygon is embedded. */
  readonly bbox?: readonly number[];
  /** Its 5-digit postal code (Decision 2334/QĐ-BKHCN), where the dataset has it. */
  readonly postalCode?: string;
}

/**
 * An `AdminRegistry` is the 2025 list of provinces and wards, looked up by code or by name in
 * any spelling (with or without diacritics, `hoà`/`hòa`, with or without the type word).
 *
 * Codes here are 2025 codes only: pre-2025 codes live in the legacy table, because the same
 * five digits can name a different unit in each era (22741 was Phước Mỹ, is now Bảo An).
 *
 * @example
 * ```ts
 * const reg = new AdminRegistry(admin);
 * reg.ward('22333')?.fullName; // 'Phường Bắc Nha Trang'
 * reg.findWards('bac nha trang')[0]?.code; // '22333'
 * ```
 */
export class AdminRegistry {
  /** All provinces, in catalogue order. */
  readonly provinces: readonly Province[];
  /** All wards, in catalogue order. */
  readonly wards: readonly Ward[];
  readonly #provinceByCode = new Map<string, Province>();
  readonly #wardByCode = new Map<string, Ward>();
  readonly #wardsByName = new Map<string, Ward[]>();
  readonly #provinceByName = new Map<string, Province>();
  readonly #wardByPostal = new Map<string, Ward>();

  /**
   * Builds the registry.
   *
   * @param data - The `admin` part of the dataset.
   */
  constructor(data: AdminData) {
    this.provinces = data.provinces.map(([code, name, type]) => {
      const n = canonicalSpelling(name);
      const prefixes = data.postal?.prefixes[code];
      const p: Province = { code, name: n, type, fullName: `${type} ${n}`, ...(prefixes ? { postalPrefixes: prefixes } : {}) };
      this.#provinceByCode.set(code, p);
      this.#provinceByName.set(fold(n), p);
      return p;
    });
    // Five digits per ward, in ward order; a string of another length belongs to other rows.
    const postal = data.postal && data.postal.codes.length === data.wards.length * 5 ? data.postal.codes : '';
    this.wards = data.wards.map(([code, name, type, provinceCode, nameEn], i) => {
      const n = canonicalSpelling(name);
      const postalCode = postal.slice(i * 5, i * 5 + 5);
      const geo = data.khanhHoa[code];
      const w: Ward = {
        code,
        name: n,
        type,
        fullName: `${type} ${n}`,
        nameEn,
        provinceCode,
        ...(geo ? { centroid: { lat: geo.centroid[1], lon: geo.centroid[0] }, bbox: geo.bbox } : {}),
        ...(postalCode ? { postalCode } : {}),
      };
      this.#wardByCode.set(code, w);
      if (postalCode) this.#wardByPostal.set(postalCode, w);
      const key = fold(n);
      const list = this.#wardsByName.get(key);
      if (list) list.push(w);
      else this.#wardsByName.set(key, [w]);
      return w;
    });
  }

  /**
   * Returns the province with this 2025 code (`56`, or unpadded `5` for `05`).
   *
   * @param code - A province code.
   * @returns The province, or `undefined`.
   */
  province(code: string | number): Province | undefined {
    return this.#provinceByCode.get(padCode(code, 2));
  }

  /**
   * Returns the ward with this 2025 code (zero-padded or not).
   *
   * @param code - A 2025 ward code.
   * @returns The ward, or `undefined`.
   */
  ward(code: string | number): Ward | undefined {
    return this.#wardByCode.get(padCode(code, 5));
  }

  /**
   * Returns the postal code of a 2025 ward (Decision 2334/QĐ-BKHCN).
   *
   * @param wardCode - A 2025 ward code (zero-padded or not).
   * @returns The 5-digit postal code, or `undefined` for an unknown ward or a dataset without postal codes.
   * @example
   * ```ts
   * reg.postalCodeOf('22366'); // '57133' (Phường Nha Trang)
   * ```
   */
  postalCodeOf(wardCode: string | number): string | undefined {
    return this.ward(wardCode)?.postalCode;
  }

  /**
   * Returns the 2025 ward whose postal code this is (each ward has its own).
   *
   * @param postalCode - A 5-digit postal code.
   * @returns The ward, or `undefined`.
   * @example
   * ```ts
   * reg.wardByPostalCode('57133')?.fullName; // 'Phường Nha Trang'
   * ```
   */
  wardByPostalCode(postalCode: string): Ward | undefined {
    return this.#wardByPostal.get(String(postalCode).trim());
  }

  /**
   * Finds a province by name, in any spelling, with or without `Tỉnh`/`Thành phố`.
   *
   * @param name - `Khánh Hòa`, `khanh hoa`, `Tỉnh Khánh Hoà`.
   * @returns The province, or `undefined`.
   */
  findProvince(name: string): Province | undefined {
    const key = fold(name)
      .replace(/^(tinh|thanh pho|tp)\s+/, '')
      .trim();
    return this.#provinceByName.get(key);
  }

  /**
   * Finds 2025 wards by name, in any spelling, with or without the type word.
   *
   * @param name - `Bắc Nha Trang`, `phuong bac nha trang`.
   * @param provinceCode - Only wards of this province, if given.
   * @returns The matching wards (several provinces can have a ward of the same name).
   */
  findWards(name: string, provinceCode?: string): Ward[] {
    const f = fold(name).trim();
    // With its type word ("Phường Phương Liễu") or without ("Phương Liễu").
    const stripped = f.replace(/^(phuong|xa|dac khu)\s+/, '');
    const list = this.#wardsByName.get(f) ?? this.#wardsByName.get(stripped) ?? [];
    return provinceCode ? list.filter((w) => w.provinceCode === padCode(provinceCode, 2)) : [...list];
  }

  /**
   * Lists the wards of a province.
   *
   * @param provinceCode - A province code.
   * @returns The wards, in catalogue order.
   */
  wardsOf(provinceCode: string | number): Ward[] {
    const pc = padCode(provinceCode, 2);
    return this.wards.filter((w) => w.provinceCode === pc);
  }

  /**
   * Returns a `{ code, name, postalCode }` reference to a ward, name with its type (`postalCode`
   * where the dataset has it).
   *
   * @param ward - A ward.
   * @returns The reference.
   */
  static wardRef(ward: Ward): UnitRef {
    return { code: ward.code, name: ward.fullName, ...(ward.postalCode ? { postalCode: ward.postalCode } : {}) };
  }

  /**
   * Returns a `{ code, name }` reference to a province, name with its type.
   *
   * @param province - A province.
   * @returns The reference.
   */
  static provinceRef(province: Province): UnitRef {
    return { code: province.code, name: province.fullName };
  }
}

/**
 * Returns a code zero-padded to `width` digits (`'5'` → `'05'`, `22333.0` → `'22333'`), or `''`
 * when it is not a number.
 *
 * @param code - A code as found in sources (string, number, float-formatted).
 * @param width - 2 for provinces, 3 for districts, 5 for wards.
 * @returns The padded code.
 * @example
 * ```ts
 * padCode('97', 5); // '00097'
 * ```
 */
export function padCode(code: string | number, width: number): string {
  const s = String(code).trim();
  if (!/^\d+(\.0+)?$/.test(s)) return '';
  return String(Number.parseInt(s, 10)).padStart(width, '0');
}
