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
  osm: '© OpenStreetMap contributors (ODbL)',
};
/** Strings of the code badge, plate, dialog and map (English). */
export const enMore: typeof import('./vi.js').viMore = {
  codeLabel: 'Digital address code',
  copy: 'Copy code',
  copied: 'Digital address code copied',
  copyFailed: 'Could not copy; select the code and copy it by hand',
  openMap: 'View on map',
  qrOf: (code: string) => `QR code of digital address code ${code}`,
  plateTitle: 'DIGITAL ADDRESS CODE',
  plateFooter: 'National digital address platform',
  verifyTitle: 'Check the address',
  youTyped: 'You typed',
  suggested: 'Address in the new administrative units (since 1 July 2025)',
  why: 'Why',
  useSuggestion: 'Use the suggested address',
  keepMine: 'Keep my address',
  edit: 'Edit',
  close: 'Close',
  chooseBelow: 'choose below',
  keepMineWarning: 'This address is not verified: deliveries or letters may be late or returned. Press again to keep it anyway.',
  keepMineConfirm: 'Keep my address anyway',
  chooseOne: 'This address may be in several units; choose one:',
  invalid: 'The ward/commune of this address could not be found.',
  legalBasis: 'Legal basis',
  mapLabel: 'Location map',
  pinLabel: 'Delivery point. Use the arrow keys to move it.',
  moved: (ward: string, code: string) => `Point moved to ${ward}, code ${code}`,
};
