/** Returns the path of a local Chromium/Chrome executable, or undefined. */
export function findChromium(): string | undefined;
/** Flags for headless Chromium on a machine with no outside network. */
export const CHROMIUM_ARGS: string[];
