// Stage 6 of the parser: the street part (left of the units): house number or lot, alley,
// street and hamlet.
import { PARSE_WEIGHTS } from '../weights.js';
import type { ParseContext } from './context.js';
import type { ExtraMarker } from './markers.js';
import type { Seg } from './segments.js';
import { HOUSE, LOT, MARKER_WORDS } from './vocabulary.js';

/** Reads the street part's segments into house number, lot, alley, street and hamlet. */
export function readStreetPart(ctx: ParseContext, street: readonly Seg[]): void {
  for (const s of street) {
    const e = s.extra;
    if (e && (e.kind === 'hamlet' || e.kind === 'alley' || e.kind === 'street')) {
      if (s.a + e.length >= s.b) ctx.skip(s.a, s.b);
      else if (e.kind === 'alley') readAlley(ctx, s, e);
      else readMarkedPart(ctx, s, e);
      continue;
    }
    const { a, matched } = readHouseNumber(ctx, s);
    if (a < s.b) {
      const c = ctx.components;
      const confidence = matched ? PARSE_WEIGHTS.streetAfterNumber : PARSE_WEIGHTS.streetByPosition;
      if (c.street) ctx.skip(a, s.b);
      else {
        const b = trailingNumber(ctx, a, s.b);
        ctx.set('street', { text: ctx.textOf(a, b), value: ctx.typed(a, b), ...ctx.span(a, b), confidence });
      }
    }
  }
}

/** "Hẻm 12 Trần Phú": the alley's number, then maybe the street. */
function readAlley(ctx: ParseContext, s: Seg, e: ExtraMarker): void {
  const { tokens } = ctx;
  const a = s.a;
  const nameA = a + e.length;
  let nb = nameA;
  while (nb < s.b && /^\d/.test(tokens[nb]!.text)) nb++;
  if (nb === nameA) nb = s.b;
  const value = `${MARKER_WORDS[tokens[a]!.text] ?? ctx.typed(a, a + e.length)} ${ctx.typed(nameA, nb)}`;
  const prev = ctx.components.alley;
  const { start, end } = ctx.span(a, nb);
  if (prev && /^[\s,]*$/.test(ctx.input.slice(prev.end, start))) {
    // "ngách 5 ngõ 3": a sub-lane in its lane — one alley, both parts, as typed.
    ctx.components.alley = { ...prev, text: ctx.input.slice(prev.start, end), value: `${prev.value} ${value}`, end };
  } else ctx.set('alley', { text: ctx.textOf(a, nb), value, start, end, confidence: PARSE_WEIGHTS.markedPart });
  // "Ngõ 3 số 18 Phan Chu Trinh": the house number typed after the lane's, with its word.
  const from = nb < s.b && NUMBER_WORDS.has(tokens[nb]!.text) ? houseAt(ctx, nb, s.b) : undefined;
  if (from !== undefined) nb = from;
  const b = nb < s.b ? trailingNumber(ctx, nb, s.b) : nb;
  if (nb < b)
    ctx.set('street', {
      text: ctx.textOf(nb, b),
      value: ctx.typed(nb, b),
      ...ctx.span(nb, b),
      confidence: PARSE_WEIGHTS.streetAfterAlley,
    });
}

/** The words that introduce a house number (folded): `số`, `sn` (and `số nhà`, through `số`). */
const NUMBER_WORDS: ReadonlySet<string> = new Set(['so', 'sn']);

/**
 * A house number introduced by its word at token `i` (`số 18`, `số nhà 7/3B`), read when none was
 * yet; returns the index of the first token after it, or `undefined` when there is none there.
 * With `whole`, the number must end at token `b` (nothing after it).
 */
function houseAt(ctx: ParseContext, i: number, b: number, whole = false): number | undefined {
  const { tokens, input } = ctx;
  if (ctx.components.houseNumber) return undefined;
  const from = tokens[i]!.start;
  const hm = HOUSE.exec(input.slice(from, tokens[b - 1]!.end));
  if (!hm || !/^\s*\p{L}/u.test(hm[0])) return undefined; // the word itself, not a bare number
  const endOff = from + hm[0].length;
  let j = i;
  while (j < b && tokens[j]!.start < endOff) j++;
  if (whole && j < b) return undefined;
  ctx.set('houseNumber', {
    text: input.slice(from, endOff).trim(),
    value: hm[1]!.replace(/\s+/g, '').toUpperCase(),
    start: from,
    end: endOff,
    confidence: PARSE_WEIGHTS.houseNumber,
  });
  return j;
}

/**
 * "Trần Phú số 7": a house number typed after the street's name, with its word, ends the street
 * part; returns where the street's name ends (`b` when there is no such number). The name keeps
 * at least one word ("Đường số 7" is a street's name).
 */
function trailingNumber(ctx: ParseContext, a: number, b: number): number {
  for (let k = b - 2; k > a && k >= b - 6; k--) {
    if (!NUMBER_WORDS.has(ctx.tokens[k]!.text) || ctx.tokens[k]!.sep) continue;
    if (houseAt(ctx, k, b, true) !== undefined) return k;
  }
  return b;
}

/** A hamlet or street introduced by its word (`Thôn Đông Hòa`, `Tổ 3, Khu phố 2`, `Đường 2 Tháng 4`). */
function readMarkedPart(ctx: ParseContext, s: Seg, e: ExtraMarker): void {
  const { tokens, input } = ctx;
  const a = s.a;
  const nameA = a + e.length;
  // "Đường" is dropped from the street's name; "Phố" is part of many (Phố Huế).
  // Hamlet words are written in full and with their diacritics (thon → Thôn, tdp → Tổ dân phố).
  const markerKey = tokens
    .slice(a, nameA)
    .map((t) => t.text)
    .join(' ');
  const b = e.kind === 'street' ? trailingNumber(ctx, nameA, s.b) : s.b;
  const raw =
    e.kind === 'street' && tokens[a]!.text === 'duong'
      ? ctx.typed(nameA, b)
      : e.kind === 'hamlet' && MARKER_WORDS[markerKey]
        ? `${MARKER_WORDS[markerKey]} ${ctx.typed(nameA, b)}`
        : ctx.typed(a, b);
  const value = raw.charAt(0).toLocaleUpperCase('vi') + raw.slice(1);
  const prev = ctx.components.hamlet;
  if (e.kind === 'hamlet' && prev) {
    // "Tổ 3, Khu phố 2": residential group within a quarter — one component, both parts.
    const end = ctx.span(a, s.b).end;
    ctx.components.hamlet = {
      text: input.slice(prev.start, end),
      value: `${prev.value}, ${value}`,
      start: prev.start,
      end,
      confidence: PARSE_WEIGHTS.markedPart,
    };
    return;
  }
  ctx.set(e.kind as 'hamlet' | 'street', { text: ctx.textOf(a, b), value, ...ctx.span(a, b), confidence: PARSE_WEIGHTS.markedPart });
}

/** A house number or lot at the start of the segment; returns the index of the first token after it, and whether one was typed. */
function readHouseNumber(ctx: ParseContext, s: Seg): { a: number; matched: boolean } {
  const { tokens, input } = ctx;
  let a = s.a;
  const from = tokens[a]!.start;
  const segText = input.slice(from, tokens[s.b - 1]!.end);
  const lot = LOT.exec(segText);
  const house = lot ? undefined : HOUSE.exec(segText);
  const hm = lot ?? house;
  if (hm && !ctx.components.houseNumber) {
    const endOff = from + hm[0].length;
    const value = lot ? `Lô ${hm[1]!.toUpperCase()}` : hm[1]!.replace(/\s+/g, '').toUpperCase();
    ctx.set('houseNumber', {
      text: input.slice(from, endOff).trim(),
      value,
      start: from + (hm[0].length - hm[0].trimStart().length),
      end: endOff,
      confidence: PARSE_WEIGHTS.houseNumber,
    });
    while (a < s.b && tokens[a]!.start < endOff) a++;
  }
  return { a, matched: !!hm };
}
