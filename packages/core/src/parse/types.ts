import type { UnitType } from '../normalize.js';

/** The parts of a Vietnamese address the parser recognises. */
export type ComponentName = 'houseNumber' | 'alley' | 'street' | 'hamlet' | 'ward' | 'district' | 'province';

/** One recognised part of an address. */
export interface AddressComponent {
  /** The text as the user typed it (`P. Vinh Hai`). */
  readonly text: string;
  /** The canonical value where known (`Phường Vĩnh Hải`), else the typed text tidied. */
  readonly value: string;
  /** The name alone, as a lookup key (`vinh hai`), for units. */
  readonly key?: string;
  /** The unit type the text named or implied (`phuong`, `quan`, …), for units. */
  readonly unitType?: UnitType;
  /** Offset of the first character in the input. */
  readonly start: number;
  /** Offset just past the last character in the input. */
  readonly end: number;
  /** 0–1: how sure the parser is (a marker and a known name: 0.95; a known name alone: 0.85; a marker alone: 0.7; position alone: 0.5). */
  readonly confidence: number;
}

/** A piece of the input the parser did not recognise. */
export interface Unrecognized {
  /** The text. */
  readonly text: string;
  /** Offset of the first character. */
  readonly start: number;
  /** Offset just past the last character. */
  readonly end: number;
}

/** The result of {@link parseAddress}. */
export interface ParsedAddress {
  /** The input (cut to {@link MAX_INPUT_LENGTH}). */
  readonly input: string;
  /** The parts found. */
  readonly components: Partial<Record<ComponentName, AddressComponent>>;
  /** What was left over: said, not guessed. */
  readonly unrecognized: readonly Unrecognized[];
}
