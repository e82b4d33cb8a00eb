/** One entry point's exports: `[name, kind]`, sorted by name. */
export type ApiEntries = Record<string, Array<[string, string]>>;
export const PACKAGES: readonly string[];
export function readApi(): Record<string, ApiEntries>;
export function render(pkg: string, entries: ApiEntries): string;
export function reportPath(pkg: string): string;
