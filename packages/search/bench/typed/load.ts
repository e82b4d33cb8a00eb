// The hand-typed query set (queries.jsonl beside this file): each line names its right answer
// by data (a 2025 ward code, a pre-2025 ward's name, a street's exact name, an OSM id, a
// province code), never by our record ids. `typedQueries` turns those into record ids and
// throws when one no longer resolves, so the set stays valid when the data changes.
import { readFileSync } from 'node:fs';
import { fold, type AdminData, type LegacyData, type PoisData, type StreetsData } from '@diachiso/core';
import { streetIds } from '@diachiso/core/internal';
import type { BenchQuery } from '../queries.js';

/** One right answer of a typed query, by data. */
export interface TypedExpect {
  /** A 2025 ward's code (alone), or the 2025 ward a pre-2025 ward went to (with `legacyWard`). */
  ward?: string;
  /** A pre-2025 ward's name as in the legacy part (`Phường Vĩnh Phước`). */
  legacyWard?: string;
  /** The pre-2025 district, when the ward's name alone is ambiguous (`Quận 3`). */
  legacyDistrict?: string;
  /** A street's exact name as in the streets part. */
  street?: string;
  /** A province's 2-digit code (alone), or the street's province. */
  province?: string;
  /** A point of interest's OSM id. */
  poi?: string;
  /** Several acceptable answers. */
  anyOf?: TypedExpect[];
}

/** One line of queries.jsonl. */
export interface TypedLine {
  q: string;
  kind: 'ward' | 'legacy' | 'street' | 'poi' | 'province' | 'none';
  form: string;
  expect: TypedExpect;
  note: string;
}

/** The dataset parts the expectations are resolved against. */
export interface TypedParts {
  admin: AdminData;
  legacy: LegacyData;
  streets: StreetsData;
  pois: PoisData;
}

/** Reads queries.jsonl. */
export function readTypedLines(): TypedLine[] {
  const text = readFileSync(new URL('./queries.jsonl', import.meta.url), 'utf8');
  return text
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      try {
        return JSON.parse(l) as TypedLine;
      } catch (e) {
        throw new Error(`typed queries: line ${i + 1} is not JSON: ${(e as Error).message}`);
      }
    });
}

const TYPE = /^(Phường|Xã|Thị trấn|Đặc khu)\s+/u;

/**
 * Returns the typed query set with the record ids that count as right: `ward:<code>`,
 * `province:<code>`, `street:<slug>` (as `streetIds` numbers them), `poi:<osmId>`, and for a
 * pre-2025 ward `legacy:<oldCode>:<newCode>` (when its name changed, so that it is a record of
 * its own) and the 2025 `ward:<code>` of every ward it went to; for a province, also
 * `legacy-province:<oldCode>:<code>` (a pre-2025 province that went into it).
 *
 * @param parts - The dataset parts.
 * @param lines - The lines (default: queries.jsonl).
 * @throws Error naming the query when an expectation does not resolve to a record of the data.
 */
export function typedQueries(parts: TypedParts, lines: TypedLine[] = readTypedLines()): BenchQuery[] {
  const wards = new Map(parts.admin.wards.map((w) => [w[0], w]));
  const provinces = new Set(parts.admin.provinces.map((p) => p[0]));
  const provinceNames = new Map(parts.admin.provinces.map((p) => [p[0], p[1]]));
  const sids = streetIds(parts.streets.streets);
  const streetsByName = new Map<string, { id: string; ward: string }[]>();
  for (const [i, r] of parts.streets.streets.entries()) {
    const list = streetsByName.get(r[0]) ?? [];
    list.push({ id: sids[i]!, ward: r[4] });
    streetsByName.set(r[0], list);
  }
  const pois = new Set(parts.pois.pois.map((p) => p[0]));

  const resolve = (e: TypedExpect, q: string): string[] => {
    const fail = (why: string): never => {
      throw new Error(`typed queries: "${q}": ${why} (${JSON.stringify(e)})`);
    };
    if (e.anyOf) {
      if (!e.anyOf.length) fail('empty anyOf');
      return e.anyOf.flatMap((x) => resolve(x, q));
    }
    if (e.legacyWard !== undefined) {
      const rows = parts.legacy.rows.filter(
        (r) => r[5] === e.legacyWard && r[6] === e.ward && (e.legacyDistrict === undefined || r[3] === e.legacyDistrict),
      );
      const codes = new Set(rows.map((r) => r[4]));
      if (codes.size !== 1) fail(codes.size ? 'several pre-2025 wards match: add legacyDistrict' : 'no such pre-2025 ward');
      const [code] = codes;
      const ids: string[] = [];
      for (const r of parts.legacy.rows) {
        if (r[4] !== code) continue;
        const nw = wards.get(r[6]) ?? fail(`2025 ward ${r[6]} missing`);
        // A pre-2025 ward is a record of its own only when its name changed (records.ts).
        if (fold(r[5].replace(TYPE, '')) !== fold(nw[1])) ids.push(`legacy:${r[4]}:${r[6]}`);
        ids.push(`ward:${r[6]}`);
      }
      return ids;
    }
    if (e.street !== undefined) {
      const found = streetsByName.get(e.street) ?? fail('no such street');
      const inProvince = found.filter((s) => e.province === undefined || wards.get(s.ward)?.[3] === e.province);
      if (!inProvince.length) fail(`street not in province ${e.province}`);
      return inProvince.map((s) => s.id);
    }
    if (e.poi !== undefined) return pois.has(e.poi) ? [`poi:${e.poi}`] : fail('no such point of interest');
    if (e.ward !== undefined) return wards.has(e.ward) ? [`ward:${e.ward}`] : fail('no such 2025 ward');
    if (e.province !== undefined) {
      if (!provinces.has(e.province)) fail('no such province');
      // A pre-2025 province that went into it (`Ninh Thuận (cũ) → Tỉnh Khánh Hòa`) is right too.
      // (A record of its own only when its name is not the 2025 province's, as records.ts.)
      const bare = (n: string) => fold(n.replace(/^(Tỉnh|Thành phố)\s+/u, ''));
      const now = bare(provinceNames.get(e.province) ?? '');
      const olds = new Set(parts.legacy.rows.filter((r) => wards.get(r[6])?.[3] === e.province && bare(r[1]) !== now).map((r) => r[0]));
      return [`province:${e.province}`, ...[...olds].map((o) => `legacy-province:${o}:${e.province}`)];
    }
    return fail('no expectation');
  };

  return lines.map((l) => {
    const expect = l.kind === 'none' ? [] : [...new Set(resolve(l.expect, l.q))];
    if (l.kind === 'none' && Object.keys(l.expect).length) throw new Error(`typed queries: "${l.q}": kind none expects {}`);
    return { q: l.q, expect, kind: l.kind, form: l.form, holdout: false };
  });
}
