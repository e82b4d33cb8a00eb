/** Vietnamese strings of the elements. */
export const vi = {
  addressLabel: 'Địa chỉ',
  placeholder: 'Nhập địa chỉ, phường/xã, tỉnh…',
  loading: 'Đang tìm…',
  noResults: 'Không tìm thấy địa chỉ phù hợp',
  error: 'Không tìm được gợi ý. Vui lòng thử lại.',
  offline: 'Đang dùng dữ liệu ngoại tuyến',
  results: (n: number) => (n === 1 ? '1 gợi ý. Dùng phím mũi tên lên xuống để chọn.' : `${n} gợi ý. Dùng phím mũi tên lên xuống để chọn.`),
  suggestions: 'Gợi ý địa chỉ',
  legacy: 'Địa chỉ trước 1/7/2025',
  selected: (label: string) => `Đã chọn ${label}`,
  required: 'Vui lòng nhập địa chỉ.',
  selectRequired: 'Vui lòng chọn một địa chỉ trong danh sách gợi ý.',
  clear: 'Xóa',
};
/** The shape every translation has. */
export type Strings = typeof vi;
