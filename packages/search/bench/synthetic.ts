// Synthetic streets and points of interest for the scale benchmark: realistic Vietnamese street
// names (people and events streets are named after, built from common family, middle and given
// names) and places (a kind word and a name), spread over the 34 provinces in proportion to their
// wards. Deterministic (seeded). Clearly synthetic: ids start with `syn`, never shipped.
import type { AdminData, PoiRow, StreetRow } from '@diachiso/core';

const FAMOUS = [
  'Trần Phú',
  'Lê Lợi',
  'Nguyễn Huệ',
  'Hai Bà Trưng',
  'Lý Thường Kiệt',
  'Quang Trung',
  'Hùng Vương',
  'Nguyễn Trãi',
  'Lê Duẩn',
  'Phan Chu Trinh',
  'Phan Bội Châu',
  'Võ Thị Sáu',
  'Nguyễn Thị Minh Khai',
  'Điện Biên Phủ',
  'Trần Hưng Đạo',
  'Lê Hồng Phong',
  'Ngô Quyền',
  'Đinh Tiên Hoàng',
  'Lý Thái Tổ',
  'Nguyễn Du',
  'Bạch Đằng',
  'Hoàng Diệu',
  'Yersin',
  'Pasteur',
  'Nguyễn Văn Cừ',
  'Võ Nguyên Giáp',
  'Phạm Văn Đồng',
  'Tôn Đức Thắng',
  'Nguyễn Chí Thanh',
  'Lê Thánh Tông',
  'Hoàng Văn Thụ',
  'Nguyễn Thái Học',
  'Cách Mạng Tháng 8',
  '2 Tháng 9',
  '30 Tháng 4',
  '3 Tháng 2',
  'Độc Lập',
  'Thống Nhất',
  'Lạc Long Quân',
  'Âu Cơ',
  'Chu Văn An',
  'Trường Chinh',
  'Nguyễn Đình Chiểu',
  'Hàm Nghi',
  'Lê Quý Đôn',
  'Tô Hiến Thành',
];
const FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
  'Đinh',
  'Trương',
  'Cao',
  'Tạ',
];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Đình', 'Công', 'Quang', 'Minh', 'Đức', 'Xuân', 'Thanh', 'Ngọc', 'Bá', 'Khắc', 'Duy', ''];
const GIVEN = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Hùng',
  'Khải',
  'Lâm',
  'Long',
  'Nam',
  'Phong',
  'Quý',
  'Sơn',
  'Tâm',
  'Thắng',
  'Thành',
  'Trí',
  'Trung',
  'Tuấn',
  'Việt',
  'Hải',
  'Hiếu',
  'Huy',
  'Khoa',
  'Lộc',
  'Nhân',
  'Phúc',
  'Quân',
  'Tài',
  'Thịnh',
  'Tín',
  'Toàn',
  'Vinh',
  'Xuân',
  'Yên',
  'Chiến',
  'Đạt',
  'Giang',
  'Hòa',
  'Khánh',
  'Lực',
  'Mạnh',
  'Nghĩa',
  'Sang',
  'Thái',
  'Trọng',
];
const PLACE_WORDS = [
  'Tân Phú',
  'Hòa Bình',
  'An Lạc',
  'Phước Long',
  'Bình Minh',
  'Hoa Sữa',
  'Sao Mai',
  'Hồng Hà',
  'Minh Châu',
  'Thành Đạt',
  'Phú Quý',
  'Kim Long',
];
const KINDS: ReadonlyArray<readonly [string, string]> = [
  ['Trường Tiểu học', 'education'],
  ['Trường THCS', 'education'],
  ['Trường Mầm non', 'education'],
  ['Chợ', 'shopping'],
  ['Siêu thị', 'shopping'],
  ['Nhà thuốc', 'health'],
  ['Trạm Y tế', 'health'],
  ['Phòng khám', 'health'],
  ['Cà phê', 'food'],
  ['Nhà hàng', 'food'],
  ['Quán ăn', 'food'],
  ['Khách sạn', 'lodging'],
  ['Nhà nghỉ', 'lodging'],
  ['Chùa', 'religion'],
  ['Nhà thờ', 'religion'],
  ['Cây xăng', 'fuel'],
  ['Ngân hàng', 'other'],
  ['Tiệm vàng', 'shopping'],
  ['Bưu điện', 'government'],
];

function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Synthetic streets (three in five) and places, `n` in all, spread over the provinces by ward count. */
export function synthesise(admin: AdminData, n: number, seed = 2025): { streets: StreetRow[]; pois: PoiRow[] } {
  const next = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const wards = admin.wards;
  const provinceIndex = new Map(admin.provinces.map((p, i) => [p[0], i]));
  const person = () => {
    const m = pick(MIDDLE);
    return `${pick(FAMILY)} ${m ? `${m} ` : ''}${pick(GIVEN)}`;
  };
  const streets: StreetRow[] = [];
  const pois: PoiRow[] = [];
  for (let i = 0; i < n; i++) {
    // A ward uniformly: provinces get records in proportion to their wards.
    const w = wards[Math.floor(next() * wards.length)]!;
    const k = provinceIndex.get(w[3]) ?? 0;
    const lat = 8.6 + (14.5 * k) / admin.provinces.length + next() * 0.3;
    const lon = 104.6 + (4 * ((k * 7) % 34)) / 34 + next() * 0.3;
    if (next() < 0.6) {
      const name = next() < 0.4 ? pick(FAMOUS) : person();
      streets.push([name, lon, lat, [lon - 0.01, lat - 0.01, lon + 0.01, lat + 0.01], w[0], 1 + Math.floor(next() * 12)]);
    } else {
      const [kind, category] = pick(KINDS);
      const name = `${kind} ${next() < 0.5 ? person() : pick(next() < 0.5 ? PLACE_WORDS : FAMOUS)}`;
      pois.push([`syn${i}`, name, category, 'synthetic', lon, lat, w[0]]);
    }
  }
  return { streets, pois };
}
