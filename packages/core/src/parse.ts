// The address parser: a pipeline of named stages, each in its own file under parse/.
//   1. tokens      normalize's `tokenize` (folded words with their offsets and separators)
//   2. markers     parse/markers.ts: unit markers (P., Q., TP, F10…) and hamlet/alley/street/
//                  lot/house-number words
//   3. segments    parse/segments.ts: cut at separators and before markers
//   4. units       parse/units.ts: marked units (the marker gives the role)
//   5. localities  parse/localities.ts: unmarked unit names peeled from the right
//   6. street part parse/street-part.ts: house number or lot, alley, street, hamlet
import { type Gazetteer } from './gazetteer.js';
import { MAX_INPUT_LENGTH, tokenize, type Token } from './normalize.js';
import { ParseContext } from './parse/context.js';
import { readLocalities } from './parse/localities.js';
import { extraMarkersOf, unitMarkersOf } from './parse/markers.js';
import { breaksOf, segmentsOf } from './parse/segments.js';
import { readStreetPart } from './parse/street-part.js';
import type { ParsedAddress } from './parse/types.js';
import { readMarkedUnits } from './parse/units.js';

export type { AddressComponent, ComponentName, ParsedAddress, Unrecognized } from './parse/types.js';

/**
 * Parses a free-text Vietnamese address into house number, alley, street, hamlet, ward,
 * (pre-2025) district and province, with a confidence for each, and says which parts it did
 * not recognise instead of guessing. Commas help but are not needed; markers (`P.`, `Q.`,
 * `TP.`, `H.`, `X.`, `TT.`, `F10`, `thôn`, `hẻm`, …) and the names in the gazetteer place the
 * rest.
 *
 * @param text - The address as typed (any string; cut to {@link MAX_INPUT_LENGTH}).
 * @param gazetteer - The known unit names (without it, only markers and position are used).
 * @returns The components and the unrecognised pieces.
 * @example
 * ```ts
 * const p = parseAddress('12/3 Trần Phú, P. Vĩnh Hải, TP. Nha Trang, Khánh Hòa', gazetteer);
 * p.components.houseNumber?.value; // '12/3'
 * p.components.ward?.value; // 'Phường Vĩnh Hải'
 * p.components.district?.value; // 'Thành phố Nha Trang'
 * ```
 */
export function parseAddress(text: string, gazetteer?: Gazetteer): ParsedAddress {
  const input = typeof text === 'string' ? text.slice(0, MAX_INPUT_LENGTH) : '';
  const ctx = new ParseContext(input, tokenize(input), gazetteer);
  if (ctx.tokens.length > 0) {
    const breaks = breaksOf(ctx);
    const unitMarkers = unitMarkersOf(ctx);
    const extraMarkers = extraMarkersOf(ctx, unitMarkers, breaks);
    const segs = segmentsOf(ctx, breaks, unitMarkers, extraMarkers);
    const { rest, placed } = readMarkedUnits(ctx, segs);
    readStreetPart(ctx, readLocalities(ctx, rest, placed));
    ctx.unrecognized.sort((x, y) => x.start - y.start);
  }
  return { input, components: ctx.components, unrecognized: ctx.unrecognized };
}

/** @internal */
export type { Token };
