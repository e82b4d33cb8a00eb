/**
 * The typed client for Vietnam's national digital address platform: online (platform HTTP
 * API), offline (embedded dataset) and auto.
 *
 * @packageDocumentation
 */
export {
  createClient,
  type Client,
  type ClientMode,
  type ClientOptions,
  type ClientSuggestOptions,
  type CallOptions,
  type RetryOptions,
  type SuggestResult,
  type ReverseAnswer,
  type ReverseOptions,
  type Source,
  type LegacyConversion,
  type CodeAnswer,
  type SearchAnswer,
  type VerifyAnswer,
  type ExportOptions,
  type ExportAnswer,
  type QueuedSubmission,
  type Registrations,
  type Units,
  type EncodeAnswer,
  type Sourced,
  type DroppedSubmission,
  type WriteResult,
  type LookupAnswer,
} from './client.js';
export { DiachisoError, type DiachisoErrorCode } from './errors.js';
export type {
  Suggestion,
  SuggestionKind,
  UnitRef,
  LatLon,
  ReverseResult,
  LegacyInfo,
  Citation,
  Range,
  ConversionCandidate,
  CodeReading,
  CodeFinding,
  CodeLookup,
} from '@diachiso/core';
