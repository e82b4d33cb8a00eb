/** Replaces lone surrogates by U+FFFD (`String.prototype.toWellFormed` where there is one). @internal */
export function toWellFormed(s: string): string {
  const f = (s as { toWellFormed?: () => string }).toWellFormed;
  return typeof f === 'function'
    ? f.call(s)
    : s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}
