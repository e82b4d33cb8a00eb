import { css, html, LitElement, nothing, type TemplateResult } from 'lit';
import { kindLabel, mapUrlOf, qrText, shownCode, type ShownKind } from '../code-badge/code-kind.js';
import { langOf, moreStrings } from '../internal/localize.js';
import { qrSvg } from '../internal/qr.js';

const PLATE_TITLE: Record<'vi' | 'en', Record<ShownKind, string>> = {
  vi: { ndas: 'BIỂN MÃ ĐỊA CHỈ SỐ', location: 'MÃ VỊ TRÍ', plus: 'PLUS CODE', other: 'BIỂN MÃ' },
  en: { ndas: 'NATIONAL ADDRESS CODE', location: 'LOCATION CODE', plus: 'PLUS CODE', other: 'CODE' },
};

/**
 * The printable address plate: the national address code (*mã địa chỉ số*, 10 digits) with its
 * QR code (the platform's public map), the 2025 address, then the location code (*mã vị trí*)
 * and the Plus Code as secondary lines; as SVG-backed markup with print styles, one plate per
 * element, so a ward office can print a street's plates in one go (never split across pages).
 * Given a location code as `code` (plates before 0.2), it prints that code under its own name.
 *
 * @summary A printable address plate: national address code first, with its QR code.
 *
 * @csspart plate - The plate.
 * @csspart title - The title line.
 * @csspart code - The code.
 * @csspart address - The address lines.
 * @csspart secondary - The secondary codes (location code, Plus Code).
 * @csspart qr - The QR code.
 * @csspart footer - The footer line.
 *
 * @cssproperty [--plate-width=12cm] - Width of the plate.
 * @cssproperty [--plate-color=#0b3d91] - Plate colour (the band and the border).
 *
 * @example
 * ```html
 * <dcs-code-plate code="5713300001" address="12 Trần Phú|Phường Nha Trang, Tỉnh Khánh Hòa"
 *   location-code="22366-65WW+848" plus-code="7P4F65WW+848"></dcs-code-plate>
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
    [part='secondary'] {
      margin: 0 0.3cm 0.2cm;
      font-size: 0.3cm;
      line-height: 1.3;
      font-family: ui-monospace, Menlo, Consolas, monospace;
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
    locationCode: { type: String, attribute: 'location-code' },
    plusCode: { type: String, attribute: 'plus-code' },
    lang: { type: String },
  };

  /** The national address code (10 digits); a location code is printed under its own name. */
  declare code: string;
  /** The location code of the point, a secondary line. */
  declare locationCode: string | undefined;
  /** The Plus Code of the point, a secondary line. */
  declare plusCode: string | undefined;
  /** The 2025 address; `|` separates lines. */
  declare address: string;
  /** What the QR code carries (default: the platform's public map of a national code, else the code). */
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
    const lang = langOf(this, this.lang);
    const { kind, code } = shownCode(String(this.code ?? ''));
    const title = PLATE_TITLE[lang][kind];
    const secondary = [
      ...(this.locationCode ? [`${kindLabel(lang, 'location')}: ${shownCode(this.locationCode).code}`] : []),
      ...(this.plusCode ? [`${kindLabel(lang, 'plus')}: ${shownCode(this.plusCode).code}`] : []),
    ];
    // A QR code is followed by whoever scans the plate: only a web address (http/https) or plain
    // text is drawn; another scheme (`javascript:`, `data:`, `file:`…) falls back to the default.
    const given = String(this.qrContent ?? '').trim();
    const safe = given && (!/^[a-z][a-z0-9+.-]*:/i.test(given) || /^https?:\/\//i.test(given)) ? given : '';
    const qr = safe || (kind === 'ndas' ? mapUrlOf(code) : code);
    const lines = String(this.address ?? '')
      .slice(0, 500)
      .split('|')
      .map((l) => l.trim())
      .filter(Boolean);
    return html`<section part="plate" aria-label=${`${title} ${code}`} data-kind=${kind}>
      <p part="title">${title}</p>
      <div>
        <p part="code">${code}</p>
        <p part="address">${lines.map((l, i) => html`${i ? html`<br />` : nothing}${l}`)}</p>
        ${secondary.length ? html`<p part="secondary">${secondary.map((l, i) => html`${i ? html`<br />` : nothing}${l}`)}</p>` : nothing}
      </div>
      ${code ? qrSvg(qr, qrText(lang, kind, code)) : nothing}
      <p part="footer">${t.plateFooter}</p>
    </section>`;
  }
}
