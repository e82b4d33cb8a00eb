// Address points (house numbers on known streets) beside the text index: a query that starts
// with a number finds the street, then the number on it.
import type { LatLon, Suggestion } from '@diachiso/core';
import { highlight } from './highlight.js';
import { words } from './records.js';
import type { Scored } from './rank.js';
import type { Rec, SuggestOptions } from './types.js';

/** An `AddressBook` maps each street record to its house numbers and their points. */
export class AddressBook {
  readonly #byStreet = new Map<string, Map<string, LatLon>>();
  #count = 0;

  /** How many address points it holds. */
  get count(): number {
    return this.#count;
  }

  /** Adds `[streetName, houseNumber, lon, lat]` rows of known streets; returns how many. */
  add(recs: readonly Rec[], points: ReadonlyArray<readonly [street: string, house: string, lon: number, lat: number]>): number {
    const byName = new Map<string, string>();
    for (const r of recs) if (r.s.kind === 'street') byName.set(r.nameWords.join(' '), r.s.id);
    let n = 0;
    for (const [street, house, lon, lat] of points) {
      const id = byName.get(words(street).join(' '));
      if (!id) continue;
      let m = this.#byStreet.get(id);
      if (!m) this.#byStreet.set(id, (m = new Map()));
      m.set(String(house).toLowerCase(), { lat, lon });
      n++;
    }
    this.#count += n;
    return n;
  }

  /** The point of `house` on the street `streetId`, if known. */
  at(streetId: string, house: string): LatLon | undefined {
    return this.#byStreet.get(streetId)?.get(house);
  }

  /** House numbers on the best-scored streets, for a query that starts with a number. */
  hits(qwords: readonly string[], scored: readonly Scored[], opts: SuggestOptions): Suggestion[] {
    if (!this.#byStreet.size || qwords.length < 2 || !/^\d/.test(qwords[0]!) || opts.kinds?.includes('address') === false) return [];
    if (opts.kinds && !opts.kinds.includes('address')) return [];
    const number = qwords[0]!;
    const out: Suggestion[] = [];
    for (const { rec } of scored.slice(0, 3)) {
      if (rec.s.kind !== 'street') continue;
      const houses = this.#byStreet.get(rec.s.id);
      if (!houses) continue;
      const exact = houses.get(number);
      const list = exact ? [[number, exact] as const] : [...houses].filter(([n]) => n.startsWith(number)).slice(0, 3);
      for (const [n, loc] of list) {
        const label = `${n} ${rec.s.label}`;
        out.push({
          ...rec.s,
          id: `address:${rec.s.id.slice(7)}:${n}`,
          kind: 'address',
          label,
          location: loc,
          matches: highlight(label, qwords),
        });
      }
      if (out.length) break;
    }
    return out;
  }
}
