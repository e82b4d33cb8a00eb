import type { Strings } from './vi.js';

/** English strings of the elements. */
export const en: Strings = {
  addressLabel: 'Address',
  placeholder: 'Type an address, ward, province…',
  loading: 'Searching…',
  noResults: 'No matching address',
  error: 'Could not load suggestions. Please try again.',
  offline: 'Using offline data',
  results: (n: number) =>
    n === 1 ? '1 suggestion. Use the up and down arrow keys to choose.' : `${n} suggestions. Use the up and down arrow keys to choose.`,
  suggestions: 'Address suggestions',
  legacy: 'Address before 1 July 2025',
  selected: (label: string) => `Selected ${label}`,
  required: 'Please enter an address.',
  selectRequired: 'Please choose an address from the suggestions.',
  clear: 'Clear',
};
