// The state the parser's stages share: the input, its tokens, the gazetteer, and the
// components and unrecognised pieces found so far.
import type { Gazetteer } from '../gazetteer.js';
import { canonicalSpelling, PROVINCE_ALIASES, toNfc, type Token, type UnitType } from '../normalize.js';
import type { AddressComponent, ComponentName, Unrecognized } from './types.js';
import { DISTRICT_TYPES, WARD_TYPES, type Role } from './vocabulary.js';

/** Expands province short forms (`KH`, `HCM`, `TP HCM`) to the province's key. */
export function provinceKey(key: string): string {
  return PROVINCE_ALIASES[key.replace(/ /g, '')] ?? key;
}

export function titleCase(s: string): string {
  return s.replace(/(^|\s)(\p{Ll})/gu, (_, sp: string, c: string) => sp + c.toLocaleUpperCase('vi'));
}

/** One parse's input, tokens and findings; the stages read and add to it. */
export class ParseContext {
  readonly components: Partial<Record<ComponentName, AddressComponent>> = {};
  readonly unrecognized: Unrecognized[] = [];

  constructor(
    readonly input: string,
    readonly tokens: readonly Token[],
    readonly gazetteer: Gazetteer | undefined,
  ) {}

  /** The input offsets of tokens `[a, b)`. */
  span(a: number, b: number): { start: number; end: number } {
    return { start: this.tokens[a]!.start, end: this.tokens[b - 1]!.end };
  }

  /** The input text of tokens `[a, b)`. */
  textOf(a: number, b: number): string {
    const s = this.span(a, b);
    return this.input.slice(s.start, s.end);
  }

  /** The lookup key of tokens `[a, b)` (folded words, leading zeros dropped). */
  keyOf(a: number, b: number): string {
    return this.tokens
      .slice(a, b)
      .map((t) => t.text)
      .join(' ')
      .replace(/^0+(?=\d)/, '');
  }

  /** The text of tokens `[a, b)` as typed, in canonical spelling. */
  typed(a: number, b: number): string {
    return canonicalSpelling(toNfc(this.textOf(a, b))).replace(/\s+/g, ' ');
  }

  /** Whether a key is the name of any unit (2025 or pre-2025 ward, pre-2025 district, province), or of a unit of the level `type` names. */
  isName(key: string, type?: UnitType): boolean {
    const g = this.gazetteer;
    if (g && type) {
      if (WARD_TYPES.has(type)) return this.can('ward', key);
      if (DISTRICT_TYPES.has(type)) return this.can('district', key);
      if (type === 'tinh') return this.can('province', key);
      return this.can('district', key) || this.can('province', key);
    }
    return (
      !!g &&
      !/^\d+$/.test(key) &&
      (g.wardsByKey.has(key) || g.legacyWardsByKey.has(key) || g.legacyDistrictsByKey.has(key) || g.isProvince(provinceKey(key)))
    );
  }

  /** Whether a key can fill a role. */
  can(role: Role, key: string): boolean {
    const g = this.gazetteer;
    if (!g) return false;
    if (role === 'province') return g.isProvince(provinceKey(key));
    if (/^\d+$/.test(key)) return false;
    if (role === 'district') return g.legacyDistrictsByKey.has(key);
    return g.wardsByKey.has(key) || g.legacyWardsByKey.has(key);
  }

  /** The gazetteer's spelling of a name in a role (the user's own diacritics win). */
  knownName(key: string, role: Role, a?: number, b?: number): string | undefined {
    const g = this.gazetteer;
    if (!g) return undefined;
    // The user's own diacritics win (Cam Lộc and Cẩm Lộc share a key); names typed without
    // diacritics take the gazetteer's spelling.
    if (a !== undefined && b !== undefined) {
      const t = this.typed(a, b);
      if (t.normalize('NFD') !== t && role !== 'province') return titleCase(t);
    }
    if (role === 'province')
      return g.provincesByKey.get(key)?.[0]?.name ?? g.legacyProvincesByKey.get(key)?.[0]?.fullName.replace(/^(Tỉnh|Thành phố)\s+/u, '');
    if (role === 'district') return g.legacyDistrictsByKey.get(key)?.[0]?.fullName.replace(/^(Quận|Huyện|Thị xã|Thành phố)\s+/u, '');
    return g.wardsByKey.get(key)?.[0]?.name ?? g.legacyWardsByKey.get(key)?.[0]?.name;
  }

  /** Sets a component; a second one of the same name is left unrecognised. */
  set(name: ComponentName, c: AddressComponent): void {
    if (!this.components[name]) this.components[name] = c;
    else this.unrecognized.push({ text: c.text, start: c.start, end: c.end });
  }

  /** Leaves tokens `[a, b)` unrecognised. */
  skip(a: number, b: number): void {
    this.unrecognized.push({ text: this.textOf(a, b), ...this.span(a, b) });
  }

  /** A unit component over tokens `[a, b)`, its name starting at `nameA`. */
  unitComponent(
    a: number,
    nameA: number,
    b: number,
    type: UnitType | undefined,
    value: string,
    confidence: number,
    key = this.keyOf(nameA, b),
  ): AddressComponent {
    return { text: this.textOf(a, b), value, key, ...(type ? { unitType: type } : {}), ...this.span(a, b), confidence };
  }
}
