// Deliberately not core's `fold`: importing anything from @diachiso/core at start puts the whole
// core (parser, resolver, codes) into the element's start chunk in esbuild (its code splitting
// follows reachability through core's index, and the SDK's lazy chunks need all of it). This check
// needs only "same letters, ignoring case, spacing and diacritics".
const key = (t: string): string =>
  t
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/gu, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}/]+/gu, ' ')
    .trim();

/**
 * Returns whether a text still names the same place as a composed pick (the user only fixed
 * spacing, case or diacritics).
 *
 * @param a - One text.
 * @param b - The other.
 * @returns True when they are the same words once case, spacing and diacritics are set aside.
 * @internal
 */
export function sameAddress(a: string, b: string): boolean {
  return key(a) === key(b);
}
