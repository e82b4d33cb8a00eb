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
/** Strings of the code badge, plate, dialog and map (Vietnamese). */
export const viMore = {
  codeLabel: 'Mã địa chỉ số',
  copy: 'Sao chép mã',
  copied: 'Đã sao chép mã địa chỉ số',
  copyFailed: 'Không sao chép được; hãy chọn mã và sao chép thủ công',
  openMap: 'Xem trên bản đồ',
  qrOf: (code: string) => `Mã QR của mã địa chỉ số ${code}`,
  plateTitle: 'BIỂN MÃ ĐỊA CHỈ SỐ',
  plateFooter: 'Nền tảng địa chỉ số quốc gia gắn với bản đồ số',
  verifyTitle: 'Kiểm tra địa chỉ',
  youTyped: 'Bạn đã nhập',
  suggested: 'Địa chỉ theo đơn vị hành chính mới (từ 1/7/2025)',
  why: 'Lý do',
  useSuggestion: 'Dùng địa chỉ đề xuất',
  keepMine: 'Giữ địa chỉ của tôi',
  edit: 'Sửa lại',
  close: 'Đóng',
  chooseOne: 'Địa chỉ này có thể thuộc nhiều đơn vị; hãy chọn một:',
  invalid: 'Không xác định được phường/xã của địa chỉ này.',
  legalBasis: 'Căn cứ',
  mapLabel: 'Bản đồ vị trí',
  pinLabel: 'Điểm giao hàng. Dùng phím mũi tên để di chuyển.',
  moved: (ward: string, code: string) => `Đã chuyển điểm đến ${ward}, mã ${code}`,
};
