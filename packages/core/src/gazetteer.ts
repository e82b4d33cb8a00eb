import type { AdminData, LegacyData } from './dataset.js';
import { canonicalSpelling, fold } from './normalize.js';
import { AdminRegistry, type Province, type Ward } from './registry.js';

/** A pre-2025 province (63 of them). */
export interface LegacyProvince {
  /** Pre-2025 code (2 digits). */
  readonly code: string;
  /** Name with type (`Tỉnh Ninh Thuận`). */
  readonly fullName: string;
  /** The 2025 provinces its units now belong to. */
  readonly newProvinceCodes: readonly string[];
}

/** A pre-2025 district. */
export interface LegacyDistrict {
  /** Pre-2025 code (3 digits). */
  readonly code: string;
  /** Name with type (`Thành phố Nha Trang`, `Huyện Cam Lâm`). */
  readonly fullName: string;
  /** Its pre-2025 province code. */
  readonly provinceCode: string;
}

/** One 2025 unit a pre-2025 ward became (part of), with the clause that says so. */
export interface LegacyTarget {
  /** The 2025 ward code. */
  readonly wardCode: string;
  /** Clause of Article 1 of the citing resolution, or 0. */
  readonly clause: number;
}

/** A pre-2025 ward/commune/town. */
export interface LegacyWard {
  /** Pre-2025 code (5 digits; may equal a different 2025 ward's code). */
  readonly code: string;
  /** Name with type (`Phường Vĩnh Hải`). */
  readonly fullName: string;
  /** Name without type (`Vĩnh Hải`, `10`). */
  readonly name: string;
  /** Type word (`Phường`, `Xã`, `Thị trấn`). */
  readonly type: string;
  /** Its pre-2025 district. */
  readonly districtCode: string;
  /** Its pre-2025 province. */
  readonly provinceCode: string;
  /** The 2025 units it became; several when it was divided. */
  readonly targets: readonly LegacyTarget[];
}

const TYPE_WORDS = /^(phuong|xa|thi tran|dac khu|quan|huyen|thi xa|thanh pho|tinh)\s+/;

/**
 * Returns the lookup key of a unit name: folded, type word removed, punctuation as spaces,
 * leading zeros of numbered wards removed (`Phường 05` → `5`).
 *
 * @param name - A name, with or without its type word.
 * @returns The key.
 * @example
 * ```ts
 * unitKey('Tỉnh Bà Rịa - Vũng Tàu'); // 'ba ria vung tau'
 * ```
 */
export function unitKey(name: string): string {
  return fold(name)
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(TYPE_WORDS, '')
    .replace(/^0+(?=\d)/, '');
}

/**
 * Returns the lookup key of a name that has no type word (`Phương Liễu` → `phuong lieu`): folded,
 * punctuation as spaces, leading zeros of numbers removed.
 *
 * @param name - A name without its type word.
 * @returns The key.
 */
export function nameKey(name: string): string {
  return fold(name)
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^0+(?=\d)/, '');
}

/** Returns the key with no spaces, as in the alias files (`phuongphuongsai`). */
export function squashKey(name: string): string {
  return fold(name).replace(/[^\p{L}\p{N}]+/gu, '');
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const l = m.get(k);
  if (l) l.push(v);
  else m.set(k, [v]);
}

/**
 * A `Gazetteer` holds every unit name the parser and the legacy converter look for: 2025
 * provinces and wards, and pre-2025 provinces, districts and wards with their former names.
 * Pre-2025 and 2025 codes are kept in separate tables: the same five digits can name different
 * units in each era.
 *
 * @example
 * ```ts
 * const g = new Gazetteer(admin, legacy);
 * g.legacyWardsByKey.get('vinh hai')?.length; // several, nationwide
 * ```
 */
export class Gazetteer {
  /** The 2025 registry. */
  readonly registry: AdminRegistry;
  /** 2025 provinces by key. */
  readonly provincesByKey = new Map<string, Province[]>();
  /** 2025 wards by key. */
  readonly wardsByKey = new Map<string, Ward[]>();
  /** Pre-2025 provinces by key. */
  readonly legacyProvincesByKey = new Map<string, LegacyProvince[]>();
  /** Pre-2025 provinces by code. */
  readonly legacyProvinces = new Map<string, LegacyProvince>();
  /** Pre-2025 districts by key (and alias). */
  readonly legacyDistrictsByKey = new Map<string, LegacyDistrict[]>();
  /** Pre-2025 districts by code. */
  readonly legacyDistricts = new Map<string, LegacyDistrict>();
  /** Pre-2025 wards by key. */
  readonly legacyWardsByKey = new Map<string, LegacyWard[]>();
  /** Pre-2025 wards by (pre-2025) code. */
  readonly legacyWards = new Map<string, LegacyWard>();
  /** Pre-2025 wards by former name, squashed key (`phuongxuonghuan`). */
  readonly legacyAliases = new Map<string, LegacyWard[]>();
  /** The citing resolution, for Khánh Hòa. */
  readonly citation: LegacyData['citation'] | undefined;
  /** Longest key, in words, of any name (bounds the parser's search). */
  readonly maxWords: number;

  /**
   * @param admin - The `admin` part.
   * @param legacy - The `legacy` part (optional: without it only 2025 names are known).
   */
  constructor(admin: AdminData | AdminRegistry, legacy?: LegacyData) {
    this.registry = admin instanceof AdminRegistry ? admin : new AdminRegistry(admin);
    let maxWords = 1;
    const note = (k: string) => (maxWords = Math.max(maxWords, k.split(' ').length));
    for (const p of this.registry.provinces) {
      const k = nameKey(p.name);
      push(this.provincesByKey, k, p);
      note(k);
    }
    for (const w of this.registry.wards) {
      const k = nameKey(w.name);
      push(this.wardsByKey, k, w);
      note(k);
    }
    this.citation = legacy?.citation;
    const newProv = new Map<string, Set<string>>();
    for (const [opc, oprov, odc, odist, owc, oward, nwc, , clause] of legacy?.rows ?? []) {
      const nw = this.registry.ward(nwc);
      if (!this.legacyProvinces.has(opc)) {
        const set = new Set<string>();
        newProv.set(opc, set);
        const lp: LegacyProvince = { code: opc, fullName: canonicalSpelling(oprov), newProvinceCodes: [] };
        this.legacyProvinces.set(opc, lp);
        const k = unitKey(oprov);
        push(this.legacyProvincesByKey, k, lp);
        note(k);
      }
      if (nw) newProv.get(opc)!.add(nw.provinceCode);
      if (odc && !this.legacyDistricts.has(odc)) {
        const ld: LegacyDistrict = { code: odc, fullName: canonicalSpelling(odist), provinceCode: opc };
        this.legacyDistricts.set(odc, ld);
        const k = unitKey(odist);
        push(this.legacyDistrictsByKey, k, ld);
        note(k);
      }
      if (!oward) continue;
      let lw = this.legacyWards.get(owc);
      if (!lw) {
        const full = canonicalSpelling(oward);
        const m = /^(Phường|Xã|Thị trấn)\s+(.*)$/u.exec(full);
        lw = { code: owc, fullName: full, name: m ? m[2]! : full, type: m ? m[1]! : '', districtCode: odc, provinceCode: opc, targets: [] };
        this.legacyWards.set(owc, lw);
        const k = unitKey(full);
        push(this.legacyWardsByKey, k, lw);
        note(k);
      }
      if (!lw.targets.some((t) => t.wardCode === nwc)) (lw.targets as LegacyTarget[]).push({ wardCode: nwc, clause });
    }
    for (const [code, set] of newProv) (this.legacyProvinces.get(code)!.newProvinceCodes as string[]).push(...set);
    for (const [key, code] of legacy?.aliases ?? []) {
      const lw = this.legacyWards.get(code);
      if (lw) push(this.legacyAliases, key, lw);
    }
    for (const [key, code] of legacy?.districtAliases ?? []) {
      const ld = this.legacyDistricts.get(code);
      if (ld) push(this.legacyDistrictsByKey, key, ld);
    }
    this.maxWords = Math.min(maxWords, 6);
  }

  /**
   * Returns the 2025 province codes a province name may mean: a 2025 province, or the 2025
   * provinces a pre-2025 province was merged into.
   *
   * @param key - A {@link unitKey}.
   * @returns 2025 province codes.
   */
  provinceCodesFor(key: string): string[] {
    const out = new Set<string>();
    for (const p of this.provincesByKey.get(key) ?? []) out.add(p.code);
    for (const lp of this.legacyProvincesByKey.get(key) ?? []) for (const c of lp.newProvinceCodes) out.add(c);
    return [...out];
  }

  /**
   * Returns whether a key names any province (2025 or pre-2025).
   *
   * @param key - A {@link unitKey}.
   * @returns True when it does.
   */
  isProvince(key: string): boolean {
    return this.provincesByKey.has(key) || this.legacyProvincesByKey.has(key);
  }
}
