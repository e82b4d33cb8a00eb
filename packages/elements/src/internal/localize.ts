import { en, enMore } from '../translations/en.js';
import { vi, viMore, type Strings } from '../translations/vi.js';

/** The languages the elements speak. */
export type Lang = 'vi' | 'en';

/**
 * Returns the strings for a language: the element's `lang`, else the closest ancestor's `lang`,
 * else Vietnamese.
 *
 * @param el - The element.
 * @param lang - An explicit language, if set.
 * @returns The strings.
 */
export function strings(el: Element, lang?: string | null): Strings {
  return langOf(el, lang) === 'en' ? en : vi;
}

/**
 * Returns the language of an element: its explicit `lang`, else the closest ancestor's, else `vi`.
 *
 * @param el - The element.
 * @param lang - An explicit language, if set.
 * @returns `vi` or `en`.
 */
export function langOf(el: Element, lang?: string | null): Lang {
  const l = (lang || el.closest('[lang]')?.getAttribute('lang') || 'vi').toLowerCase();
  return l.startsWith('en') ? 'en' : 'vi';
}

/**
 * Returns the strings of the badge, plate, dialog and map for an element's language.
 *
 * @param el - The element.
 * @param lang - An explicit language, if set.
 * @returns The strings.
 */
export function moreStrings(el: Element, lang?: string | null): typeof viMore {
  return langOf(el, lang) === 'en' ? enMore : viMore;
}
