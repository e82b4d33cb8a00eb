import { nothing, svg, type SVGTemplateResult } from 'lit';
import { encode } from 'uqr';

/**
 * Returns a QR symbol as a Lit SVG template: one `<path>` built from the module matrix, so no
 * markup string from any library or any data ever reaches `innerHTML`.
 *
 * @param data - The text to encode (a URL or a code).
 * @param label - Accessible name of the image.
 * @returns The SVG template.
 * @internal
 */
export function qrSvg(data: string, label: string): SVGTemplateResult | typeof nothing {
  // Lone surrogates cannot be encoded as UTF-8: make the text well-formed first.
  const text = String(data)
    .slice(0, 500)
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
  let q: ReturnType<typeof encode>;
  try {
    q = encode(text, { ecc: 'M', border: 2 });
  } catch {
    return nothing; // too long or not encodable: no QR rather than a broken page
  }
  let d = '';
  q.data.forEach((row, y) => {
    let x = 0;
    while (x < row.length) {
      if (!row[x]) {
        x++;
        continue;
      }
      const start = x;
      while (x < row.length && row[x]) x++;
      d += `M${start} ${y}h${x - start}v1h${start - x}z`;
    }
  });
  return svg`<svg part="qr" role="img" aria-label=${label} viewBox="0 0 ${q.size} ${q.size}" shape-rendering="crispEdges" data-modules=${q.size}>
    <rect width=${q.size} height=${q.size} fill="#fff"></rect><path d=${d} fill="#000"></path>
  </svg>`;
}
