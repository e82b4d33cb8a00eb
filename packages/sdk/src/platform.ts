// The platform contract: every operation the client performs, with its arguments and its
// answer, in one map. The HTTP platform, the local (offline) platform and the fallback that
// joins them all implement it; the routes table (routes.ts) says how each operation travels.
import type {
  AddressComponents,
  CodeLookup,
  CodeReading,
  ConversionCandidate,
  DecodedCode,
  Declaration,
  LatLon,
  Notice,
  NoticeChannel,
  Registration,
  ReverseResult,
  Suggestion,
  SuggestionKind,
  UnitRef,
  VerifyResult,
} from '@diachiso/core';
import type { ExportPage, ExportQuery, LayerCollection, WardCoverage } from '@diachiso/search';

/** Which side answered a call. */
export type Source = 'online' | 'offline';

/** Arguments of `suggest` and `search`, already checked and normalised. @internal */
export interface SuggestArgs {
  q: string;
  limit: number;
  province?: string;
  ward?: string;
  near?: LatLon;
  kinds?: readonly SuggestionKind[];
}

/** Nearest streets and points of interest asked with a reverse lookup. @internal */
export type NearbyArgs = { streets?: number; pois?: number; radiusM?: number; category?: string } | false;

/** A code, or a full Plus Code outside the covered area. @internal */
export type EncodeRaw = (DecodedCode & { ward?: UnitRef; zoneKnown: true }) | { zoneKnown: false; plusCode: string; note: string };

/** Every operation: its arguments and its answer (without `source`). @internal */
export interface Operations {
  health: { args: Record<string, never>; answer: { status: 'ok' } };
  suggest: { args: SuggestArgs; answer: Suggestion[] };
  search: { args: SuggestArgs; answer: Suggestion[] };
  retrieve: { args: { id: string }; answer: Suggestion | null };
  reverse: { args: { point: LatLon; nearby?: NearbyArgs }; answer: ReverseResult | null };
  convertLegacy: { args: { q: string }; answer: { candidates: readonly ConversionCandidate[]; split: boolean; ambiguous: boolean } };
  encodeCode: { args: { point: LatLon }; answer: EncodeRaw };
  decodeCode: { args: { code: string; compact: string }; answer: DecodedCode & { ward?: UnitRef } };
  parseCode: { args: { text: string }; answer: CodeReading };
  lookupCode: { args: { code: string }; answer: CodeLookup | null };
  verify: { args: { input: string | AddressComponents }; answer: VerifyResult };
  layer: { args: { category: string; bbox?: readonly number[] }; answer: LayerCollection };
  exportRecords: {
    args: { query: ExportQuery; format: 'json' | 'geojson' | 'csv' };
    answer: ExportPage | { text: string; nextCursor?: string; total: number };
  };
  coverage: { args: { province: string; ward?: string }; answer: WardCoverage[] };
  provinces: { args: Record<string, never>; answer: UnitRef[] };
  wards: { args: { province: string }; answer: UnitRef[] };
  ward: { args: { code: string }; answer: (UnitRef & { province: UnitRef }) | null };
  registration: { args: { id: string }; answer: Registration | null };
  notice: { args: { id: string; channel: NoticeChannel; lang: 'vi' | 'en' }; answer: Notice };
  declare: { args: { declaration: Declaration; key: string }; answer: Registration };
  create: { args: { id: string; key: string }; answer: Registration };
  approve: { args: { id: string; decision: 'approve' | 'reject'; note?: string; key: string }; answer: Registration };
}

/** An operation's name. @internal */
export type Op = keyof Operations;
/** An operation's arguments. @internal */
export type Args<K extends Op> = Operations[K]['args'];
/** An operation's answer. @internal */
export type Answer<K extends Op> = Operations[K]['answer'];

/** The registration steps and reads: they exist on the platform only (never answered locally in `auto`). @internal */
export const PLATFORM_ONLY: ReadonlySet<Op> = new Set<Op>(['health', 'registration', 'notice', 'declare', 'create', 'approve']);

/**
 * Operations that `auto` answers from the embedded data first, asking the platform only when the
 * data cannot load: reading a code needs nothing the platform knows better (the same postal
 * codes and zone table), and a code typed into a badge should not wait for the network.
 *
 * @internal
 */
export const LOCAL_FIRST: ReadonlySet<Op> = new Set<Op>(['parseCode']);

/** How one call runs. @internal */
export interface RunContext {
  signal?: AbortSignal | undefined;
  /** Time for the whole call, retries included, in milliseconds (default: the client's `timeoutMs`). */
  budgetMs?: number;
  /** Extra attempts (default: the client's retry policy). */
  retries?: number;
}

/** An answer with the side that gave it. @internal */
export interface Sourced<T> {
  value: T;
  source: Source;
}

/**
 * A `Platform` answers every operation of {@link Operations}: over HTTP, from the embedded data,
 * or one then the other. The client picks one when it is created and never asks again.
 *
 * @internal
 */
export interface Platform {
  /** Which implementation this is. */
  readonly kind: 'http' | 'local' | 'worker' | 'fallback';
  /** Runs one operation. */
  run<K extends Op>(op: K, args: Args<K>, ctx?: RunContext): Promise<Sourced<Answer<K>>>;
  /** Stops timers and background work. */
  dispose(): void;
}
