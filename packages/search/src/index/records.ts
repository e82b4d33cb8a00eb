// Stage 1 of the search pipeline: the dataset parts become records (what is shown, and the
// folded words each is found by). The records format (see format.ts) is a hash of what this
// module makes of a fixed sample: change anything here and stored snapshots are refused.
import { AdminRegistry, fold, type LegacyInfo, type LegacyData, type Suggestion, type UnitRef, type UnitType } from '@diachiso/core';
import { tokenize, streetIds } from '@diachiso/core/internal';
import { WEIGHTS } from './rank.js';
import type { IndexOptions, Rec, SearchSources } from './types.js';

const UNIT_TYPE: Readonly<Record<string, UnitType>> = {
  phuong: 'phuong',
  xa: 'xa',
  'dac khu': 'dac-khu',
  'thi tran': 'thi-tran',
  tinh: 'tinh',
  'thanh pho': 'thanh-pho',
};

/** Returns the folded words of a text. */
export const words = (s: string): string[] => tokenize(s).map((t) => t.text);

/** Words read back from a snapshot, instead of folding every name again. */
export interface Prefolded {
  /** One line per record: `name words\tcontext words`. */
  readonly lines: readonly string[];
  /** Per pre-2025 row, `1` if it became a record. */
  readonly legacy?: string;
}

/** The records, and which pre-2025 rows became records (`1`/`0` per row). */
export interface BuiltRecords {
  readonly recs: Rec[];
  readonly legacyKept: string;
}

/** What every kind's stage shares: the registry, shared unit references, the words read back. */
class RecordSink {
  readonly recs: Rec[] = [];
  // Unit references repeat across thousands of records: one shared (read-only) object each.
  readonly #refs = new Map<string, UnitRef>();
  readonly #types = new Map<string, UnitType | undefined>();
  #k = 0;

  constructor(
    readonly reg: AdminRegistry,
    readonly pre: Prefolded | undefined,
  ) {}

  ref(key: string, make: () => UnitRef): UnitRef {
    let r = this.#refs.get(key);
    if (!r) this.#refs.set(key, (r = Object.freeze(make())));
    return r;
  }

  wardRef(code: string): UnitRef | undefined {
    const w = this.reg.ward(code);
    return w && this.ref(`w${w.code}`, () => AdminRegistry.wardRef(w));
  }

  provinceRef(code: string): UnitRef | undefined {
    const p = this.reg.province(code);
    return p && this.ref(`p${p.code}`, () => AdminRegistry.provinceRef(p));
  }

  unitTypeOf(type: string): UnitType | undefined {
    if (!this.#types.has(type)) this.#types.set(type, UNIT_TYPE[fold(type)]);
    return this.#types.get(type);
  }

  /** The record's words: read back from the snapshot, or made now. */
  wordsOf(name: () => string[], ctx: () => Iterable<string>): [string[], Set<string>] {
    const line = this.pre?.lines[this.#k++];
    if (line === undefined) return [name(), new Set(ctx())];
    const t = line.indexOf('\t');
    const a = line.slice(0, t);
    const b = line.slice(t + 1);
    return [a ? a.split(' ') : [], new Set(b ? b.split(' ') : [])];
  }

  add(rec: Rec): void {
    this.recs.push(rec);
  }
}

/**
 * Returns the records of the dataset: provinces, wards, streets, pre-2025 wards whose name
 * changed and points of interest, in this order (a record's number is its place here).
 *
 * @param src - The dataset parts.
 * @param reg - The registry of `src.admin`.
 * @param pre - The words of a snapshot of the same dataset, if any.
 * @param opts - `units: false` leaves the provinces, wards and pre-2025 wards out (a province
 *   shard of streets and places, whose units are in the nationwide shard).
 */
export function buildRecords(src: SearchSources, reg: AdminRegistry, pre?: Prefolded, opts: IndexOptions = {}): BuiltRecords {
  const sink = new RecordSink(reg, pre);
  // Records go in in the order of their kind's rank (province, ward, street, pre-2025 ward,
  // point of interest): a very common word's first hits in the text index are the best kinds.
  // Pre-2025 rows are read first (their districts are the context of 2025 wards and streets).
  const legacy = legacyRows(sink, src.legacy);
  if (opts.units !== false) {
    provinceRecords(sink);
    legacyProvinceRecords(sink, src.legacy);
    wardRecords(sink, legacy.extraCtx);
  }
  streetRecords(sink, src, legacy.districts, opts.streetIds);
  if (opts.units !== false) legacyRecords(sink, src.legacy, legacy.legacyKept);
  poiRecords(sink, src, legacy.districts);
  return { recs: sink.recs, legacyKept: legacy.legacyKept };
}

/**
 * Reads the pre-2025 rows: those whose name changed become records of their own (pointing to
 * the 2025 ward, added later by `legacyRecords`); those that kept their name give their old
 * district and province to the 2025 ward's context ("Phường X, Huyện Y" still finds it); every
 * row gives its old district's name to the streets and places of its 2025 ward.
 */
function legacyRows(sink: RecordSink, legacy: LegacyData | undefined): LegacyRows {
  const kept: string[] = [];
  const extraCtx = new Map<string, Set<string>>();
  const districts = new Map<string, Set<string>>();
  const preLegacy = sink.pre?.legacy;
  const add = (m: Map<string, Set<string>>, code: string, text: string) => {
    const set = m.get(code) ?? new Set<string>();
    for (const w of words(text)) set.add(w);
    m.set(code, set);
  };
  for (const [r, row] of (legacy?.rows ?? []).entries()) {
    kept[r] = '0';
    // From a snapshot: which rows are records is read back, and no context is needed (the
    // 2025 wards' and streets' words are read back too).
    if (preLegacy) {
      if (preLegacy.charCodeAt(r) === 49 && sink.reg.ward(row[6]) && row[5]) kept[r] = '1'; // '1': a record
      continue;
    }
    const [, oprov, , odist, , oward, nwc] = row;
    const nw = sink.reg.ward(nwc);
    if (!nw) continue;
    if (!sink.pre && odist) add(districts, nw.code, stripType(odist).name);
    if (!oward) continue;
    if (fold(stripType(oward).name) === fold(nw.name)) {
      if (!sink.pre) add(extraCtx, nw.code, `${odist} ${oprov}`);
      continue;
    }
    kept[r] = '1';
  }
  return { legacyKept: kept.join(''), extraCtx, districts };
}

/** Adds the pre-2025 wards whose name changed (the rows `legacyRows` marked `1`). */
function legacyRecords(sink: RecordSink, legacy: LegacyData | undefined, kept: string): void {
  for (const [r, row] of (legacy?.rows ?? []).entries()) {
    if (kept.charCodeAt(r) !== 49) continue;
    const [, oprov, , odist, , oward, nwc] = row;
    const nw = sink.reg.ward(nwc)!;
    const oldName = stripType(oward);
    const t = sink.unitTypeOf(oldName.type);
    const [nameWords, ctxWords] = sink.wordsOf(
      () => words(oldName.name),
      () => words(`${oldName.type} ${odist} ${oprov}`),
    );
    sink.add({
      s: legacySuggestion(sink, legacy!, row, oldName.name),
      nameWords,
      ctxWords,
      ...(t ? { unitType: t } : {}),
      prio: WEIGHTS.kind.legacy!,
      provinceCode: nw.provinceCode,
      wardCode: nw.code,
    });
  }
}

interface LegacyRows {
  /** Per row, `1` when it is a record of its own (its name changed), else `0`. */
  readonly legacyKept: string;
  /** 2025 ward → the old district and province of its pre-2025 wards of the same name. */
  readonly extraCtx: ReadonlyMap<string, ReadonlySet<string>>;
  /** 2025 ward → the names of the pre-2025 districts it was made from (`nha trang`). */
  readonly districts: ReadonlyMap<string, ReadonlySet<string>>;
}

function legacySuggestion(sink: RecordSink, src: LegacyData, row: LegacyData['rows'][number], oldName: string): Suggestion {
  const [opc, oprov, odc, odist, owc, oward, nwc, divided, clause] = row;
  const nw = sink.reg.ward(nwc)!;
  const np = sink.reg.province(nw.provinceCode)!;
  const legacy: LegacyInfo = {
    ward: { code: owc, name: oward },
    ...(odist ? { district: sink.ref(`d${odc}${odist}`, () => ({ code: odc, name: odist })) } : {}),
    province: sink.ref(`o${opc}${oprov}`, () => ({ code: opc, name: oprov })),
    split: divided === 1,
    ...(clause
      ? {
          citation: {
            document: src.citation.document,
            article: src.citation.article,
            clause,
            text: src.citation.clauses[String(clause)] ?? '',
          },
        }
      : {}),
  };
  const shown = /^\d/.test(oldName) ? oward : oldName;
  return {
    id: `legacy:${owc}:${nw.code}`,
    kind: 'ward',
    label: `${shown} (cũ) → ${nw.fullName}, ${np.fullName}`,
    description: `${[oward, odist, oprov].filter(Boolean).join(', ')} (trước 1/7/2025)${divided ? ' · đã chia cho nhiều đơn vị' : ''}`,
    ward: sink.wardRef(nw.code)!,
    province: sink.provinceRef(np.code)!,
    ...(nw.centroid ? { location: nw.centroid } : {}),
    legacy,
  };
}

function provinceRecords(sink: RecordSink): void {
  for (const p of sink.reg.provinces) {
    const [nameWords, ctxWords] = sink.wordsOf(
      () => words(p.name),
      () => words(p.type),
    );
    sink.add({
      s: { id: `province:${p.code}`, kind: 'province', label: p.fullName, province: sink.provinceRef(p.code)! },
      nameWords,
      ctxWords,
      unitType: p.type === 'Tỉnh' ? 'tinh' : 'thanh-pho',
      prio: WEIGHTS.kind.province!,
      provinceCode: p.code,
    });
  }
}

/**
 * The 63 pre-2025 provinces whose name is not their 2025 province's (`Ninh Thuận` → Khánh Hòa,
 * `Bình Định` → Gia Lai): people still type them. Each went whole into one 2025 province.
 */
function legacyProvinceRecords(sink: RecordSink, legacy: LegacyData | undefined): void {
  const seen = new Set<string>();
  for (const row of legacy?.rows ?? []) {
    const [opc, oprov, , , , , nwc] = row;
    const np = sink.reg.province(sink.reg.ward(nwc)?.provinceCode ?? '');
    if (!np || !oprov || seen.has(opc)) continue;
    seen.add(opc);
    const old = stripType(oprov);
    if (words(old.name).join(' ') === words(np.name).join(' ')) continue;
    const [nameWords, ctxWords] = sink.wordsOf(
      () => words(old.name),
      () => words(old.type),
    );
    sink.add({
      s: {
        id: `legacy-province:${opc}:${np.code}`,
        kind: 'province',
        label: `${old.name} (cũ) → ${np.fullName}`,
        description: `${oprov} (trước 1/7/2025)`,
        province: sink.provinceRef(np.code)!,
      },
      nameWords,
      ctxWords,
      unitType: old.type === 'Tỉnh' ? 'tinh' : 'thanh-pho',
      prio: WEIGHTS.kind.legacyProvince!,
      provinceCode: np.code,
    });
  }
}

function wardRecords(sink: RecordSink, extraCtx: ReadonlyMap<string, ReadonlySet<string>>): void {
  for (const w of sink.reg.wards) {
    const p = sink.reg.province(w.provinceCode)!;
    const [nameWords, ctxWords] = sink.wordsOf(
      () => words(w.name),
      () => [...words(`${w.type} ${p.fullName}`), ...(extraCtx.get(w.code) ?? [])],
    );
    const t = sink.unitTypeOf(w.type);
    sink.add({
      s: {
        id: `ward:${w.code}`,
        kind: 'ward',
        label: `${w.fullName}, ${p.fullName}`,
        ward: sink.wardRef(w.code)!,
        province: sink.provinceRef(p.code)!,
        ...(w.centroid ? { location: w.centroid } : {}),
      },
      nameWords,
      ctxWords,
      ...(t ? { unitType: t } : {}),
      prio: WEIGHTS.kind.ward!,
      provinceCode: p.code,
      wardCode: w.code,
    });
  }
}

/** The 2025 ward and province of a street or point of interest, shown in its label. */
function place(sink: RecordSink, wardCode: string) {
  const w = sink.reg.ward(wardCode);
  const p = w ? sink.reg.province(w.provinceCode) : undefined;
  return {
    w,
    p,
    refs: {
      ...(w ? { ward: sink.wardRef(w.code)! } : {}),
      ...(p ? { province: sink.provinceRef(p.code)! } : {}),
    },
    codes: { ...(p ? { provinceCode: p.code } : {}), ...(w ? { wardCode: w.code } : {}) },
  };
}

/**
 * The context words of a street or point of interest: its own units only (2025 ward, province,
 * and the pre-2025 districts of its ward), never words of the pilot city.
 */
function placeWords(
  w: { fullName: string; code: string } | undefined,
  p: { fullName: string } | undefined,
  districts: Districts,
): string[] {
  return [...words(`${w?.fullName ?? ''} ${p?.fullName ?? ''}`), ...((w && districts.get(w.code)) ?? [])];
}
type Districts = LegacyRows['districts'];

function streetRecords(sink: RecordSink, src: SearchSources, districts: Districts, ids?: readonly string[]): void {
  const rows = src.streets?.streets ?? [];
  const sids = ids?.length === rows.length ? ids : streetIds(rows);
  for (const [i, [name, lon, lat, , wardCode]] of rows.entries()) {
    const { w, p, refs, codes } = place(sink, wardCode);
    const [nameWords, ctxWords] = sink.wordsOf(
      () => words(name),
      () => ['duong', 'pho', ...placeWords(w, p, districts)],
    );
    sink.add({
      s: {
        id: sids[i]!,
        kind: 'street',
        label: [name, w?.fullName, p?.fullName].filter(Boolean).join(', '),
        ...refs,
        location: { lat, lon },
      },
      nameWords,
      ctxWords,
      prio: WEIGHTS.kind.street!,
      ...codes,
    });
  }
}

function poiRecords(sink: RecordSink, src: SearchSources, districts: Districts): void {
  for (const [osmId, name, category, , lon, lat, wardCode] of src.pois?.pois ?? []) {
    const { w, p, refs, codes } = place(sink, wardCode);
    const [nameWords, ctxWords] = sink.wordsOf(
      () => words(name),
      () => placeWords(w, p, districts),
    );
    sink.add({
      s: {
        id: `poi:${osmId}`,
        kind: 'poi',
        label: [name, w?.fullName, p?.fullName].filter(Boolean).join(', '),
        ...refs,
        location: { lat, lon },
        category,
      },
      nameWords,
      ctxWords,
      prio: WEIGHTS.kind.poi!,
      ...codes,
    });
  }
}

function stripType(full: string): { type: string; name: string } {
  const m = /^(Phường|Xã|Thị trấn|Đặc khu|Thị xã|Quận|Huyện|Thành phố|Tỉnh)\s+(.*)$/iu.exec(full.trim());
  return m ? { type: m[1]!, name: m[2]! } : { type: '', name: full.trim() };
}
