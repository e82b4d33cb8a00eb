// How people mistype Vietnamese addresses: unaccented text, Telex or VNI typed with the input
// method switched off, one slipped letter, a doubled letter, abbreviated or glued type words.
// Every function takes the random source, so the dev set is the same on every run.

export type Rand = () => number;

/** A small seeded generator (mulberry32). */
export function rng(seed: number): Rand {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
export const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
export const int = (r: Rand, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));

/** Removes every diacritic (đ → d), keeping case. */
export const unaccent = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');

const TONES: Record<string, [string, string]> = {
  '\u0301': ['s', '1'],
  '\u0300': ['f', '2'],
  '\u0309': ['r', '3'],
  '\u0303': ['x', '4'],
  '\u0323': ['j', '5'],
};

/**
 * Types a text the way it comes out with the Vietnamese input method switched off: Telex
 * (`Nguyễn Trãi` → `Nguyeenx Traix`) or VNI (`Nguye6n4 Tra4i`). The tone key goes at the end of
 * the syllable; `short` writes ươ as `uow` / `uo7`, as many people do.
 */
export function keystrokes(text: string, scheme: 'telex' | 'vni', short: boolean): string {
  return text.normalize('NFC').replace(/\p{L}+/gu, (word) => {
    let out = '';
    let tone = '';
    for (const ch of word
      .normalize('NFD')
      .replace(/\p{L}\p{M}*/gu, (m) => `\u0000${m}`)
      .split('\u0000')) {
      if (!ch) continue;
      const base = ch[0]!;
      const marks = ch.slice(1);
      if (base === 'đ' || base === 'Đ') {
        out += scheme === 'telex' ? base.replace('đ', 'dd').replace('Đ', 'Dd') : base.replace('đ', 'd9').replace('Đ', 'D9');
        continue;
      }
      out += base;
      for (const m of marks) {
        if (TONES[m]) tone = TONES[m]![scheme === 'telex' ? 0 : 1];
        else if (m === '\u0302') out += scheme === 'telex' ? base.toLowerCase() : '6';
        else if (m === '\u0306') out += scheme === 'telex' ? 'w' : '8';
        else if (m === '\u031b') out += scheme === 'telex' ? 'w' : '7';
      }
    }
    if (short)
      out = scheme === 'telex' ? out.replace(/uwow/g, 'uow').replace(/Uwow/g, 'Uow') : out.replace(/u7o7/g, 'uo7').replace(/U7o7/g, 'Uo7');
    return out + tone;
  });
}

const NEAR: Record<string, string> = {
  a: 'qsz',
  b: 'vn',
  c: 'xv',
  d: 'sf',
  e: 'wr',
  g: 'fh',
  h: 'gj',
  i: 'uo',
  k: 'jl',
  l: 'k',
  m: 'n',
  n: 'bm',
  o: 'ip',
  p: 'o',
  q: 'a',
  r: 'et',
  s: 'ad',
  t: 'ry',
  u: 'yi',
  v: 'cb',
  x: 'zc',
  y: 'tu',
};

/**
 * One slip in a name: a letter wrong (a neighbour on the keyboard), missing, swapped with the next
 * one or typed twice... `accept` rejects results that would be another real name.
 */
export function typo(r: Rand, name: string, accept: (s: string) => boolean): string | null {
  const chars = [...name.normalize('NFC')];
  for (let attempt = 0; attempt < 20; attempt++) {
    // never the first letter of a syllable: people slip inside a word
    const letters = chars.map((c, i) => (/\p{L}/u.test(c) && /\p{L}/u.test(chars[i - 1] ?? '') ? i : -1)).filter((i) => i > 0);
    if (!letters.length) return null;
    const i = pick(r, letters);
    const c = [...chars];
    const op = pick(r, ['sub', 'del', 'swap', 'ins'] as const);
    const base = unaccent(c[i]!).toLowerCase();
    if (op === 'sub') {
      if (!NEAR[base]) continue;
      const k = pick(r, [...NEAR[base]!]);
      c[i] = c[i] === c[i]!.toUpperCase() ? k.toUpperCase() : k;
    } else if (op === 'del') {
      let a = i;
      let b = i;
      while (/\p{L}/u.test(c[a - 1] ?? '')) a--;
      while (/\p{L}/u.test(c[b + 1] ?? '')) b++;
      if (b - a + 1 < 3) continue; // "Cà Ná" → "Cà N" is no longer a slip
      c.splice(i, 1);
    } else if (op === 'swap') {
      if (!/\p{L}/u.test(c[i + 1] ?? '') || c[i] === c[i + 1]) continue;
      [c[i], c[i + 1]] = [c[i + 1]!, c[i]!];
    } else {
      if (!NEAR[base]) continue;
      c.splice(i + 1, 0, pick(r, [...NEAR[base]!]));
    }
    const out = c.join('');
    if (out !== name && accept(out)) return out;
  }
  return null;
}

/** Doubles one or two letters of a name, as scanned or retyped forms do (`Vĩnnh Hảii`). */
export function doubled(r: Rand, name: string, accept: (s: string) => boolean): string | null {
  for (let attempt = 0; attempt < 10; attempt++) {
    // one doubled letter in one or two of its syllables (Vĩnnh Hảii), never three in a row
    const words = name.split(' ');
    const n = Math.min(words.length, int(r, 1, 2));
    const chosen = new Set<number>();
    while (chosen.size < n) chosen.add(int(r, 0, words.length - 1));
    for (const w of chosen) {
      const c = [...words[w]!];
      const letters = c.map((ch, i) => (/\p{L}/u.test(ch) ? i : -1)).filter((i) => i >= 0);
      if (!letters.length) continue;
      const i = pick(r, letters);
      c.splice(i, 0, c[i]!);
      words[w] = c.join('');
    }
    const out = words.join(' ');
    if (accept(out)) return out;
  }
  return null;
}

/** An abbreviation of a type word as people write it; `name` decides the numbered forms (F10, Q3). */
export function abbreviate(r: Rand, type: string, name: string): string {
  const numbered = /^\d+$/.test(name);
  switch (type) {
    case 'Phường':
      return numbered ? pick(r, ['P', 'P.', 'F', 'F.', 'P. ']) + name : pick(r, ['P.', 'P. ', 'P ', 'p.']) + name;
    case 'Quận':
      return numbered ? pick(r, ['Q', 'Q.', 'Q. ', 'q.']) + name : pick(r, ['Q.', 'Q. ', 'Q ']) + name;
    case 'Thành phố':
      return pick(r, ['TP ', 'TP.', 'TP. ', 'Tp. ', 'Tp.', 'T.P ', 'T.P. ', 'tp ']) + name;
    case 'Thị xã':
      return pick(r, ['TX ', 'TX.', 'TX. ', 'Tx. ']) + name;
    case 'Huyện':
      return pick(r, ['H. ', 'H.', 'H ']) + name;
    case 'Xã':
      return pick(r, ['X. ', 'X.', 'x. ']) + name;
    case 'Thị trấn':
      return pick(r, ['TT ', 'TT.', 'TT. ', 'Tt. ']) + name;
    case 'Tỉnh':
      return pick(r, ['T. ', 'T.', 't. ']) + name;
    default:
      return type ? `${type} ${name}` : name;
  }
}
