import { squashKey, type Gazetteer, type LegacyWard } from './gazetteer.js';
import { parseAddress, type ParsedAddress } from './parse.js';
import { AdminRegistry } from './registry.js';
import type { Citation, LegacyInfo, UnitRef } from './types.js';

/** One 2025 unit an address may be in. */
export interface ConversionCandidate {
  /** The 2025 ward/commune/special zone. */
  readonly ward: UnitRef;
  /** The 2025 province. */
  readonly province: UnitRef;
  /** `legacy`: the text named a pre-2025 unit that became this one; `2025`: the text named this 2025 unit. */
  readonly era: 'legacy' | '2025';
  /** For `legacy`: the pre-2025 unit matched, whether it was divided, and the legal basis. */
  readonly legacy?: LegacyInfo;
  /** The clause of the resolution that made the change (Khánh Hòa: Resolution 1667/NQ-UBTVQH15). */
  readonly citation?: Citation;
  /** 0–1: how well the text's district/province agree with this candidate. */
  readonly confidence: number;
}

/** The answer of {@link LegacyConverter.convert}. */
export interface ConversionResult {
  /** The input as given. */
  readonly input: string;
  /** Every 2025 unit the address may be in, best first. Never one picked silently from several. */
  readonly candidates: readonly ConversionCandidate[];
  /** True when the pre-2025 ward matched was divided between several 2025 units (all are listed). */
  readonly split: boolean;
  /** True when the candidates name more than one 2025 unit. */
  readonly ambiguous: boolean;
  /** How the text was read. */
  readonly parsed: ParsedAddress;
}

/** Most candidates returned for a name with no district or province to narrow it. */
export const MAX_CANDIDATES = 20;
const PILOT_PROVINCE = '56';

/**
 * A `LegacyConverter` turns a pre-2025 address (full, abbreviated, without diacritics, with
 * or without district) into the 2025 ward and province, nationwide. When the old ward was
 * divided it returns every 2025 unit and says so; when the name is also a 2025 unit, both
 * readings are returned, labelled by era. Khánh Hòa answers carry the clause of Resolution
 * 1667/NQ-UBTVQH15 that made the change.
 *
 * @example
 * ```ts
 * const conv = new LegacyConverter(gazetteer);
 * const r = conv.convert('P. Vĩnh Hải, TP. Nha Trang');
 * r.candidates[0]?.ward; // { code: '22333', name: 'Phường Bắc Nha Trang' }
 * r.candidates[0]?.citation?.clause; // 50
 * ```
 */
export class LegacyConverter {
  readonly #g: Gazetteer;

  /**
   * @param gazetteer - A gazetteer built with the `legacy` part.
   */
  constructor(gazetteer: Gazetteer) {
    this.#g = gazetteer;
  }

  /**
   * Converts an address to its 2025 unit(s).
   *
   * @param text - A pre-2025 or 2025 address, or just a ward name.
   * @returns The candidates, the split and ambiguity flags, and the parse.
   */
  convert(text: string): ConversionResult {
    const g = this.#g;
    const reg = g.registry;
    const parsed = parseAddress(text, g);
    const input = parsed.input;
    const { ward, district, province } = parsed.components;
    if (!ward?.key) return { input, candidates: [], split: false, ambiguous: false, parsed };

    const provKey = province?.key ?? '';
    const legacyProv = new Set((g.legacyProvincesByKey.get(provKey) ?? []).map((p) => p.code));
    const newProv = new Set(province ? g.provinceCodesFor(provKey) : []);
    const districts = new Set(
      (district?.key ? (g.legacyDistrictsByKey.get(district.key) ?? g.legacyDistrictsByKey.get(squashKey(district.text)) ?? []) : []).map(
        (d) => d.code,
      ),
    );
    const wantType =
      ward.unitType === 'phuong' ? 'Phường' : ward.unitType === 'xa' ? 'Xã' : ward.unitType === 'thi-tran' ? 'Thị trấn' : undefined;

    // Pre-2025 wards of that name, or formerly of that name (mergers 2019–2024).
    const found = new Map<string, LegacyWard>();
    for (const lw of g.legacyWardsByKey.get(ward.key) ?? []) found.set(lw.code, lw);
    for (const k of [squashKey(ward.text), squashKey(ward.value), ward.key.replace(/ /g, '')])
      for (const lw of g.legacyAliases.get(k) ?? []) found.set(lw.code, lw);
    let legacy = [...found.values()];
    const narrow = <T>(list: T[], keep: (x: T) => boolean) => {
      const n = list.filter(keep);
      return n.length ? n : list;
    };
    let districtMatched = false;
    let provinceMatched = false;
    if (districts.size) {
      const n = legacy.filter((w) => districts.has(w.districtCode));
      if (n.length) {
        legacy = n;
        districtMatched = true;
      }
    }
    if (province) {
      const n = legacy.filter(
        (w) => legacyProv.has(w.provinceCode) || w.targets.some((t) => newProv.has(reg.ward(t.wardCode)?.provinceCode ?? '')),
      );
      legacy = n;
      provinceMatched = n.length > 0;
    }
    if (wantType) legacy = narrow(legacy, (w) => w.type === wantType);

    // 2025 units of that name.
    let current = reg.findWards(ward.key);
    if (province) current = current.filter((w) => newProv.has(w.provinceCode));
    if (ward.unitType === 'phuong' || ward.unitType === 'xa' || ward.unitType === 'dac-khu') {
      const t = ward.unitType === 'phuong' ? 'Phường' : ward.unitType === 'xa' ? 'Xã' : 'Đặc khu';
      current = narrow(current, (w) => w.type === t);
    }
    // A district is a pre-2025 notion: with one given and matched, the text is pre-2025.
    if (districtMatched) current = [];

    const out: ConversionCandidate[] = [];
    const cite = (clause: number): Citation | undefined =>
      clause && g.citation
        ? { document: g.citation.document, article: g.citation.article, clause, text: g.citation.clauses[String(clause)] ?? '' }
        : undefined;
    for (const lw of legacy) {
      const ld = g.legacyDistricts.get(lw.districtCode);
      const lp = g.legacyProvinces.get(lw.provinceCode);
      for (const t of lw.targets) {
        const nw = reg.ward(t.wardCode);
        const np = nw && reg.province(nw.provinceCode);
        if (!nw || !np) continue;
        const citation = cite(t.clause);
        const info: LegacyInfo = {
          ward: { code: lw.code, name: lw.fullName },
          ...(ld ? { district: { code: ld.code, name: ld.fullName } } : {}),
          province: { code: lw.provinceCode, name: lp?.fullName ?? '' },
          split: lw.targets.length > 1,
          ...(citation ? { citation } : {}),
        };
        out.push({
          ward: AdminRegistry.wardRef(nw),
          province: AdminRegistry.provinceRef(np),
          era: 'legacy',
          legacy: info,
          ...(citation ? { citation } : {}),
          confidence: districtMatched ? 0.95 : provinceMatched ? 0.85 : 0.6,
        });
      }
    }
    for (const w of current) {
      const p = reg.province(w.provinceCode)!;
      out.push({ ward: AdminRegistry.wardRef(w), province: AdminRegistry.provinceRef(p), era: '2025', confidence: province ? 0.9 : 0.65 });
    }
    out.sort(
      (a, b) =>
        b.confidence - a.confidence ||
        Number(b.province.code === PILOT_PROVINCE) - Number(a.province.code === PILOT_PROVINCE) ||
        Number(a.era === 'legacy') - Number(b.era === 'legacy'),
    );
    const seen = new Set<string>();
    const candidates = out.filter((c) => {
      const k = `${c.era}|${c.ward.code}|${c.legacy?.ward.code ?? ''}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
    const top = candidates.slice(0, MAX_CANDIDATES);
    return {
      input,
      candidates: top,
      split: top.some((c) => c.legacy?.split && c.confidence === top[0]!.confidence),
      ambiguous: new Set(top.map((c) => c.ward.code)).size > 1,
      parsed,
    };
  }
}
