import {
  AdminRegistry,
  fold,
  foldWithOffsets,
  queryKey,
  type AdminData,
  type LatLon,
  type LegacyData,
  type LegacyInfo,
  type PoisData,
  type Range,
  type StreetsData,
  type Suggestion,
  type SuggestionKind,
  type UnitType,
  distanceM,
  MAX_INPUT_LENGTH,
  tokenize,
} from '@diachiso/core';
import { Index } from 'flexsearch';

/** Options of {@link SearchIndex.suggest}. */
export interface SuggestOptions {
  /** Most results to return (1–50, default 5). */
  limit?: number;
  /** Prefer (not restrict to) results in this province (2-digit code). */
  province?: string;
  /** Prefer results in this 2025 ward (5-digit code). */
  ward?: string;
  /** Prefer results near this point. */
  near?: LatLon;
  /** Only these kinds. */
  kinds?: readonly SuggestionKind[];
  /** Include pre-2025 units (default true). */
  legacy?: boolean;
}

/** The parts a {@link SearchIndex} is built from; `admin` is required, the rest optional. */
export interface SearchSources {
  /** Provinces and wards of 2025. */
  admin: AdminData;
  /** Pre-2025 → 2025 mapping. */
  legacy?: LegacyData;
  /** Named streets. */
  streets?: StreetsData;
  /** Points of interest. */
  pois?: PoisData;
}

interface Rec {
  readonly s: Suggestion;
  /** Folded words of the name (what the record is called). */
  readonly nameWords: readonly string[];
  /** Folded words of the context (type word, district, province). */
  readonly ctxWords: ReadonlySet<string>;
  /** Unit type of the record, for marker hints. */
  readonly unitType?: UnitType;
  /** Base priority of the kind. */
  readonly prio: number;
  readonly provinceCode?: string;
  readonly wardCode?: string;
}

const UNIT_TYPE: Readonly<Record<string, UnitType>> = {
  phuong: 'phuong',
  xa: 'xa',
  'dac khu': 'dac-khu',
  'thi tran': 'thi-tran',
  tinh: 'tinh',
  'thanh pho': 'thanh-pho',
};
/** Khánh Hòa, the pilot province: a small default preference, overridden by `province`. */
const PILOT_PROVINCE = '56';
const LEGACY_ONLY: ReadonlySet<UnitType> = new Set(['quan', 'huyen', 'thi-xa', 'thi-tran']);
const KIND_PRIO: Readonly<Record<string, number>> = { province: 7, ward: 6, street: 5, legacy: 4, poi: 3, address: 5 };
const words = (s: string) => tokenize(s).map((t) => t.text);

/**
 * A `SearchIndex` is the offline engine behind `suggest`: provinces, wards, pre-2025 wards
 * (pointing to their 2025 ward), streets and points of interest, matched without diacritics,
 * by prefix while typing, with abbreviations understood and results ranked.
 *
 * @example
 * ```ts
 * const idx = new SearchIndex({ admin, legacy });
 * idx.suggest('vinh hai', { limit: 5 })[0]?.label;
 * ```
 */
export class SearchIndex {
  /** The registry of 2025 units the index was built on. */
  readonly registry: AdminRegistry;
  readonly #recs: Rec[] = [];
  readonly #fx: Index;

  /**
   * Builds the index.
   *
   * @param src - The dataset parts; `admin` is required.
   */
  constructor(src: SearchSources) {
    this.registry = new AdminRegistry(src.admin);
    this.#fx = new Index({ tokenize: 'forward', encode: (s: string) => s.split(' ').filter(Boolean) });
    const reg = this.registry;
    const extraCtx = new Map<string, Set<string>>();

    if (src.legacy) {
      for (const row of src.legacy.rows) {
        const [opc, oprov, odc, odist, owc, oward, nwc, divided, clause] = row;
        const nw = reg.ward(nwc);
        if (!nw) continue;
        const np = reg.province(nw.provinceCode)!;
        const oldName = stripType(oward);
        if (!oward) continue;
        if (fold(oldName.name) === fold(nw.name)) {
          // Same name as before: no separate legacy record, but the old district and province
          // still find the 2025 ward ("Phường X, Huyện Y").
          const set = extraCtx.get(nw.code) ?? new Set<string>();
          for (const w of words(`${odist} ${oprov}`)) set.add(w);
          extraCtx.set(nw.code, set);
          continue;
        }
        const legacy: LegacyInfo = {
          ward: { code: owc, name: oward },
          ...(odist ? { district: { code: odc, name: odist } } : {}),
          province: { code: opc, name: oprov },
          split: divided === 1,
          ...(clause
            ? {
                citation: {
                  document: src.legacy.citation.document,
                  article: src.legacy.citation.article,
                  clause,
                  text: src.legacy.citation.clauses[String(clause)] ?? '',
                },
              }
            : {}),
        };
        const shown = /^\d/.test(oldName.name) ? oward : oldName.name;
        const label = `${shown} (cũ) → ${nw.fullName}, ${np.fullName}`;
        const s: Suggestion = {
          id: `legacy:${owc}:${nw.code}`,
          kind: 'ward',
          label,
          description: `${[oward, odist, oprov].filter(Boolean).join(', ')} (trước 1/7/2025)${divided ? ' · đã chia cho nhiều đơn vị' : ''}`,
          ward: AdminRegistry.wardRef(nw),
          province: AdminRegistry.provinceRef(np),
          ...(nw.centroid ? { location: nw.centroid } : {}),
          legacy,
        };
        const t = UNIT_TYPE[fold(oldName.type)];
        this.#add({
          s,
          nameWords: words(oldName.name),
          ctxWords: new Set(words(`${oldName.type} ${odist} ${oprov}`)),
          ...(t ? { unitType: t } : {}),
          prio: KIND_PRIO.legacy!,
          provinceCode: np.code,
          wardCode: nw.code,
        });
      }
    }

    for (const p of reg.provinces) {
      this.#add({
        s: { id: `province:${p.code}`, kind: 'province', label: p.fullName, province: AdminRegistry.provinceRef(p) },
        nameWords: words(p.name),
        ctxWords: new Set(words(p.type)),
        unitType: p.type === 'Tỉnh' ? 'tinh' : 'thanh-pho',
        prio: KIND_PRIO.province!,
        provinceCode: p.code,
      });
    }
    for (const w of reg.wards) {
      const p = reg.province(w.provinceCode)!;
      const ctx = new Set(words(`${w.type} ${p.fullName}`));
      for (const x of extraCtx.get(w.code) ?? []) ctx.add(x);
      const t = UNIT_TYPE[fold(w.type)];
      this.#add({
        s: {
          id: `ward:${w.code}`,
          kind: 'ward',
          label: `${w.fullName}, ${p.fullName}`,
          ward: AdminRegistry.wardRef(w),
          province: AdminRegistry.provinceRef(p),
          ...(w.centroid ? { location: w.centroid } : {}),
        },
        nameWords: words(w.name),
        ctxWords: ctx,
        ...(t ? { unitType: t } : {}),
        prio: KIND_PRIO.ward!,
        provinceCode: p.code,
        wardCode: w.code,
      });
    }
    for (const [name, lon, lat, , wardCode] of src.streets?.streets ?? []) {
      const w = reg.ward(wardCode);
      const p = w ? reg.province(w.provinceCode) : undefined;
      this.#add({
        s: {
          id: `street:${fold(name).replace(/[^a-z0-9]+/g, '-')}`,
          kind: 'street',
          label: [name, w?.fullName, p?.fullName].filter(Boolean).join(', '),
          ...(w ? { ward: AdminRegistry.wardRef(w) } : {}),
          ...(p ? { province: AdminRegistry.provinceRef(p) } : {}),
          location: { lat, lon },
        },
        nameWords: words(name),
        ctxWords: new Set(words(`duong pho ${w?.fullName ?? ''} ${p?.fullName ?? ''} nha trang`)),
        prio: KIND_PRIO.street!,
        ...(p ? { provinceCode: p.code } : {}),
        ...(w ? { wardCode: w.code } : {}),
      });
    }
    for (const [osmId, name, category, , lon, lat, wardCode] of src.pois?.pois ?? []) {
      const w = reg.ward(wardCode);
      const p = w ? reg.province(w.provinceCode) : undefined;
      this.#add({
        s: {
          id: `poi:${osmId}`,
          kind: 'poi',
          label: [name, w?.fullName, p?.fullName].filter(Boolean).join(', '),
          ...(w ? { ward: AdminRegistry.wardRef(w) } : {}),
          ...(p ? { province: AdminRegistry.provinceRef(p) } : {}),
          location: { lat, lon },
          category,
        },
        nameWords: words(name),
        ctxWords: new Set(words(`${w?.fullName ?? ''} ${p?.fullName ?? ''} nha trang`)),
        prio: KIND_PRIO.poi!,
        ...(p ? { provinceCode: p.code } : {}),
        ...(w ? { wardCode: w.code } : {}),
      });
    }
  }

  /** How many records the index holds. */
  get size(): number {
    return this.#recs.length;
  }

  #add(rec: Rec): void {
    const id = this.#recs.length;
    this.#recs.push(rec);
    this.#fx.add(id, [...rec.nameWords, ...rec.ctxWords].join(' '));
  }

  /**
   * Returns ranked suggestions for what the user has typed so far.
   *
   * @param text - The query; any string (markers like `P.`, `TP.` are understood; longer than
   *   {@link MAX_INPUT_LENGTH} is cut).
   * @param opts - Limit, preferences and filters.
   * @returns Suggestions, best first; empty for an empty or unmatched query.
   */
  suggest(text: string, opts: SuggestOptions = {}): Suggestion[] {
    const limit = clampLimit(opts.limit);
    if (typeof text !== 'string') return [];
    const q = queryKey(text.slice(0, MAX_INPUT_LENGTH));
    const qw = q.words.slice(0, 12);
    // Markers may be part of a name (Tây Phương): the words as typed are a second reading.
    const alt = q.hints.length ? q.allWords.slice(0, 12) : undefined;
    const readings = alt && alt.join(' ') !== qw.join(' ') ? (qw.length ? [qw, alt] : [alt]) : [qw];
    if (readings[0]!.length === 0) return [];
    const hints = new Set(q.hints);
    const best = new Map<number, number>();
    for (const words of readings) {
      const query = words.join(' ');
      let ids = this.#fx.search(query, { limit: 400 }) as number[];
      let partial = false;
      if (ids.length === 0 && words.length > 1) {
        ids = this.#fx.search(query, { limit: 400, suggest: true }) as number[];
        partial = true;
      }
      for (const id of ids) {
        const rec = this.#recs[id]!;
        if (opts.kinds && !opts.kinds.includes(rec.s.kind)) continue;
        if (opts.legacy === false && rec.s.legacy) continue;
        const score = this.#score(rec, words, words === alt ? new Set() : hints, opts);
        if (partial && score < 10) continue;
        if (score > (best.get(id) ?? -Infinity)) best.set(id, score);
      }
    }
    const scored = [...best].map(([id, score]) => ({ rec: this.#recs[id]!, score }));
    scored.sort((a, b) => b.score - a.score || a.rec.s.label.length - b.rec.s.label.length || (a.rec.s.id < b.rec.s.id ? -1 : 1));
    const out: Suggestion[] = [];
    const seen = new Set<string>();
    for (const { rec, score } of scored) {
      if (seen.has(rec.s.id)) continue;
      seen.add(rec.s.id);
      out.push({ ...rec.s, score: Math.round(score * 10) / 10, matches: highlight(rec.s.label, readings.at(-1)!) });
      if (out.length >= limit) break;
    }
    return out;
  }

  #score(rec: Rec, qw: readonly string[], hints: ReadonlySet<UnitType>, opts: SuggestOptions): number {
    let s = rec.prio;
    const name = rec.nameWords;
    let nameHits = 0;
    let covered = 0;
    const used = new Set<number>();
    for (let i = 0; i < qw.length; i++) {
      const w = qw[i]!;
      const last = i === qw.length - 1;
      let k = name.findIndex((n, j) => !used.has(j) && n === w);
      if (k >= 0) {
        used.add(k);
        nameHits++;
        covered++;
        s += 10;
        continue;
      }
      if (last) {
        k = name.findIndex((n, j) => !used.has(j) && n.startsWith(w));
        if (k >= 0) {
          used.add(k);
          nameHits++;
          covered += w.length / name[k]!.length;
          s += 4 + 4 * (w.length / name[k]!.length);
          continue;
        }
      }
      if (rec.ctxWords.has(w)) s += 3;
      else if (last) s += 1;
    }
    if (name.length > 0) {
      const completeness = covered / name.length;
      s += 12 * completeness;
      if (used.size === name.length && nameHits === name.length) s += 6;
      // The name's words in the query's order, from the start of the query.
      if (name.every((n, j) => qw[j] !== undefined && (qw[j] === n || (j === qw.length - 1 && n.startsWith(qw[j]!))))) s += 6;
    }
    if (nameHits === 0) s -= 15;
    for (const h of hints) {
      if (rec.unitType === h) s += 5;
      else if (LEGACY_ONLY.has(h) && rec.s.legacy) s += 4;
      else if ((h === 'phuong' || h === 'xa' || h === 'dac-khu') && rec.unitType && rec.unitType !== h && rec.s.kind === 'ward') s -= 3;
    }
    if (opts.province && rec.provinceCode === opts.province) s += 8;
    else if (!opts.province && rec.provinceCode === PILOT_PROVINCE) s += 1.5;
    if (opts.ward && rec.wardCode === opts.ward) s += 6;
    if (opts.near && rec.s.location) {
      const d = distanceM(opts.near, rec.s.location);
      s += 8 / (1 + d / 5000);
    }
    return s;
  }
}

function clampLimit(limit: unknown): number {
  const n = typeof limit === 'number' && Number.isFinite(limit) ? Math.floor(limit) : 5;
  return Math.max(1, Math.min(50, n));
}

function stripType(full: string): { type: string; name: string } {
  const m = /^(Phường|Xã|Thị trấn|Đặc khu|Thị xã|Quận|Huyện|Thành phố|Tỉnh)\s+(.*)$/iu.exec(full.trim());
  return m ? { type: m[1]!, name: m[2]! } : { type: '', name: full.trim() };
}

/**
 * Returns the ranges of `label` that match the query words (whole words, or the start of a
 * word for the last one), as offsets in `label` itself.
 *
 * @param label - The displayed text.
 * @param qw - Folded query words.
 * @returns Sorted, non-overlapping ranges.
 */
export function highlight(label: string, qw: readonly string[]): Range[] {
  const f = foldWithOffsets(label);
  const out: Range[] = [];
  const re = /[\p{L}\p{N}]+/gu;
  for (const m of f.folded.matchAll(re)) {
    const word = m[0];
    for (let i = 0; i < qw.length; i++) {
      const w = qw[i]!;
      const ok = word === w || ((i === qw.length - 1 || w.length >= 2) && word.startsWith(w));
      if (ok) {
        const a = f.offsets[m.index]!;
        const b = f.offsets[m.index + w.length]!;
        out.push([a, b]);
        break;
      }
    }
  }
  return out;
}
