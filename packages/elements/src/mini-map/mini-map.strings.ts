import { langOf } from '../internal/localize.js';

// The map's own strings, here rather than in translations/ so that pages without a map never
// load them (the autocomplete + badge + dialog budget).
const vi = {
  zoomIn: 'Phóng to',
  zoomOut: 'Thu nhỏ',
  zoomGroup: 'Thu phóng bản đồ',
  canvas: 'Bản đồ (phím mũi tên: kéo bản đồ; + và −: phóng to, thu nhỏ)',
  zoomed: (z: number) => `Mức thu phóng ${z}`,
  pinLabel: 'Điểm giao hàng. Dùng phím mũi tên để di chuyển (giữ Shift để đi xa hơn), phím + và − để phóng to, thu nhỏ.',
  noStreets: 'Chưa có dữ liệu đường phố ở khu vực này: bản đồ ngoại tuyến chỉ có đường phố của Nha Trang.',
  attribution: '© OpenStreetMap contributors (ODbL) · ranh giới: sapnhap.bando.com.vn',
};

const en: typeof vi = {
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  zoomGroup: 'Map zoom',
  canvas: 'Map (arrow keys: pan; + and −: zoom)',
  zoomed: (z: number) => `Zoom level ${z}`,
  pinLabel: 'Delivery point. Use the arrow keys to move it (Shift for longer steps), + and − to zoom.',
  noStreets: 'No street data here: the offline map has streets for Nha Trang only.',
  attribution: '© OpenStreetMap contributors (ODbL) · boundaries: sapnhap.bando.com.vn',
};

/**
 * Returns the map's strings for an element's language.
 *
 * @param el - The element.
 * @param lang - An explicit language, if set.
 * @returns The strings.
 * @internal
 */
export function mapStrings(el: Element, lang?: string | null): typeof vi {
  return langOf(el, lang) === 'en' ? en : vi;
}
