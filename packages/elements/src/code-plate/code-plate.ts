import { parseCode } from '@diachiso/core';
import { css, html, LitElement, nothing, type TemplateResult } from 'lit';
import { moreStrings } from '../internal/localize.js';
import { qrSvg } from '../internal/qr.js';

/**
 * The printable digital address plate: the code, the 2025 address and a QR code, as SVG-backed
 * markup with print styles, one plate per element, so a ward office can print a street's plates
 * in one go (one plate per printed page section, never split).
 *
 * @summary A printable digital address plate.
 *
 * @csspart plate - The plate.
 * @csspart title - The title line.
 * @csspart code - The code.
 * @csspart address - The address lines.
 * @csspart qr - The QR code.
 * @csspart footer - The footer line.
 *
 * @cssproperty [--plate-width=12cm] - Width of the plate.
 * @cssproperty [--plate-color=#0b3d91] - Plate colour (the band and the border).
 *
 * @example
 * ```html
 * <dcs-code-plate code="22366-65WW+848" address="12 Trần Phú|Phường Nha Trang, Tỉnh Khánh Hòa"
 *   qr-content="https://diachiso.vn/c/22366-65WW%2B848"></dcs-code-plate>
 * ```
 */
export class DcsCodePlate extends LitElement {
  /** @internal */
  static override styles = css`
    :host {
      --plate-width: 12cm;
      --plate-color: #0b3d91;
      display: inline-block;
      font: inherit;
    }
    :host([hidden]) {
      display: none;
    }
    [part='plate'] {
      box-sizing: border-box;
      width: var(--plate-width);
      aspect-ratio: 3 / 2;
      display: grid;
      grid-template-columns: 1fr auto;
      grid-template-rows: auto 1fr auto;
      border: 0.25cm solid var(--plate-color);
      border-radius: 0.4cm;
      background: #fff;
      color: #000;
      overflow: hidden;
    }
    [part='title'] {
      grid-column: 1 / -1;
      margin: 0;
      padding: 0.15cm;
      background: var(--plate-color);
      color: #fff;
      font-size: 0.45cm;
      font-weight: 700;
      text-align: center;
      letter-spacing: 0.05em;
    }
    [part='code'] {
      margin: 0.3cm 0.3cm 0;
      font-family: ui-monospace, Menlo, Consolas, monospace;
      font-size: 0.75cm;
      font-weight: 800;
    }
    [part='address'] {
      margin: 0.2cm 0.3cm;
      font-size: 0.4cm;
      line-height: 1.3;
    }
    [part='qr'] {
      grid-column: 2;
      grid-row: 2;
      width: 3.4cm;
      height: 3.4cm;
      margin: 0.3cm;
    }
    [part='footer'] {
      grid-column: 1 / -1;
      margin: 0;
      padding: 0.1cm;
      font-size: 0.25cm;
      text-align: center;
      border-top: 1px solid #ccc;
    }
    @media print {
      :host {
        break-inside: avoid;
        page-break-inside: avoid;
        margin: 0.5cm;
      }
      [part='plate'] {
        print-color-adjust: exact;
        -webkit-print-color-adjust: exact;
      }
    }
  `;
  /** @internal */
  static override properties = {
    code: { type: String },
    address: { type: String },
    qrContent: { type: String, attribute: 'qr-content' },
    lang: { type: String },
  };

  /** The code. */
  declare code: string;
  /** The 2025 address; `|` separates lines. */
  declare address: string;
  /** What the QR code carries (default: the code). */
  declare qrContent: string | undefined;
  /** `vi` (default) or `en`. */
  declare lang: string;

  constructor() {
    super();
    this.code = '';
    this.address = '';
    this.lang = '';
  }

  protected override render(): TemplateResult {
    const t = moreStrings(this, this.lang);
    const p = parseCode(this.code ?? '');
    const code = p.ok ? p.code : String(this.code ?? '').slice(0, 64);
    const lines = String(this.address ?? '')
      .slice(0, 500)
      .split('|')
      .map((l) => l.trim())
      .filter(Boolean);
    return html`<section part="plate" aria-label=${`${t.plateTitle} ${code}`}>
      <p part="title">${t.plateTitle}</p>
      <div>
        <p part="code">${code}</p>
        <p part="address">${lines.map((l, i) => html`${i ? html`<br />` : nothing}${l}`)}</p>
      </div>
      ${code ? qrSvg(this.qrContent || code, t.qrOf(code)) : nothing}
      <p part="footer">${t.plateFooter}</p>
    </section>`;
  }
}
