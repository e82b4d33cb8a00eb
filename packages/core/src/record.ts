import type { LatLon, UnitRef } from './types.js';

/**
 * The plan's three groups of objects that get a digital address:
 * I — houses of individuals and households (must be collected and notified);
 * II — offices of agencies and organisations, diplomatic and international bodies included (must);
 * III — civil, economic and social facilities (encouraged).
 */
export type ObjectGroup = 'I' | 'II' | 'III';

/** Categories of objects, each in one group. Extend {@link OBJECT_CATEGORIES} to add more. */
export const OBJECT_CATEGORIES = {
  house: { group: 'I', vi: 'Nhà ở hộ gia đình, cá nhân', en: 'Household dwelling' },
  apartment: { group: 'I', vi: 'Căn hộ', en: 'Apartment' },
  'state-agency': { group: 'II', vi: 'Trụ sở cơ quan nhà nước', en: 'State agency office' },
  'public-service-unit': { group: 'II', vi: 'Đơn vị sự nghiệp công lập', en: 'Public service unit' },
  'political-social-organisation': { group: 'II', vi: 'Tổ chức chính trị - xã hội', en: 'Political or social organisation' },
  'diplomatic-mission': {
    group: 'II',
    vi: 'Cơ quan đại diện ngoại giao, tổ chức quốc tế',
    en: 'Diplomatic mission or international organisation',
  },
  enterprise: { group: 'II', vi: 'Trụ sở doanh nghiệp', en: 'Company office' },
  school: { group: 'III', vi: 'Cơ sở giáo dục', en: 'School' },
  health: { group: 'III', vi: 'Cơ sở y tế', en: 'Health facility' },
  market: { group: 'III', vi: 'Chợ, trung tâm thương mại', en: 'Market or shopping centre' },
  shop: { group: 'III', vi: 'Cửa hàng, cơ sở kinh doanh', en: 'Shop or business' },
  lodging: { group: 'III', vi: 'Cơ sở lưu trú', en: 'Lodging' },
  tourism: { group: 'III', vi: 'Điểm du lịch', en: 'Tourist site' },
  religion: { group: 'III', vi: 'Cơ sở tôn giáo, tín ngưỡng', en: 'Place of worship' },
  fuel: { group: 'III', vi: 'Cửa hàng xăng dầu', en: 'Fuel station' },
  'fire-hydrant': { group: 'III', vi: 'Trụ nước chữa cháy', en: 'Fire hydrant' },
  agriculture: { group: 'III', vi: 'Cơ sở nông nghiệp', en: 'Agricultural facility' },
  infrastructure: { group: 'III', vi: 'Công trình hạ tầng', en: 'Infrastructure' },
  other: { group: 'III', vi: 'Khác', en: 'Other' },
} as const satisfies Record<string, { group: ObjectGroup; vi: string; en: string }>;

/** A category of object. */
export type ObjectCategory = keyof typeof OBJECT_CATEGORIES;

/** The basic (mandatory) fields of an address record. */
export interface BasicFields {
  /** Name of the object (`Nhà ông Nguyễn Văn A`, `UBND phường Nha Trang`). */
  readonly name: string;
  /** Category; determines the group. */
  readonly category: ObjectCategory;
  /** House number (`12`, `12/3`, `Lô A1`); may be empty only when a hamlet is given. */
  readonly houseNumber: string;
  /** Street, or hamlet/residential group where there is no street. */
  readonly street?: string;
  /** Hamlet or residential group (`Thôn Phú Hội`, `Tổ 3`). */
  readonly hamlet?: string;
  /** The 2025 ward. */
  readonly ward: UnitRef;
  /** The 2025 province. */
  readonly province: UnitRef;
  /** The point the code is computed from. */
  readonly location: LatLon;
  /**
   * The national address code (*mã địa chỉ số*, 10 digits: the ward's postal code + the serial
   * assigned at registration). Records created before 0.2 carry a 12-character location code here.
   */
  readonly code: string;
  /** What the code's QR symbol carries: the public map URL `https://diachiso.gov.vn/#/map/<10 digits>`. */
  readonly qr: string;
  /** Postal code, where known (5 digits). */
  readonly postalCode?: string;
  /** The location code of the point (*mã vị trí*, `22366-65WW+848`), a secondary line. */
  readonly locationCode?: string;
  /** The full Plus Code of the point (`7P4F65WW+848`), a secondary line. */
  readonly plusCode?: string;
}

/** The advanced (optional) fields. The governing decision's full lists are not public: extend freely. */
export interface AdvancedFields {
  /** Phone number. */
  readonly phone?: string;
  /** E-mail address. */
  readonly email?: string;
  /** Website URL (http or https). */
  readonly website?: string;
  /** Opening hours, e.g. `Mo-Fr 07:30-17:00`. */
  readonly openingHours?: string;
  /** Number of floors. */
  readonly floors?: number;
  /** Owner or manager. */
  readonly owner?: string;
  /** Photo URLs. */
  readonly photos?: readonly string[];
  /** Free notes. */
  readonly notes?: string;
  /** Any other field. */
  readonly [extra: string]: unknown;
}

/** An address record: basic fields plus optional advanced fields. */
export interface AddressRecord extends BasicFields {
  /** The record's id on the platform. */
  readonly id?: string;
  /** Optional fields. */
  readonly advanced?: AdvancedFields;
}

/** Every field name, in one place: basic (mandatory) and advanced (optional), with labels. */
export const RECORD_FIELDS = {
  basic: {
    name: { vi: 'Tên đối tượng', en: 'Name' },
    category: { vi: 'Loại đối tượng', en: 'Category' },
    houseNumber: { vi: 'Số nhà', en: 'House number' },
    street: { vi: 'Đường/phố hoặc thôn/tổ', en: 'Street or hamlet' },
    ward: { vi: 'Phường/xã', en: 'Ward/commune' },
    province: { vi: 'Tỉnh/thành phố', en: 'Province/city' },
    location: { vi: 'Tọa độ', en: 'Coordinates' },
    code: { vi: 'Mã địa chỉ số', en: 'Digital address code' },
    qr: { vi: 'Nội dung mã QR', en: 'QR content' },
    postalCode: { vi: 'Mã bưu chính', en: 'Postal code' },
    locationCode: { vi: 'Mã vị trí', en: 'Location code' },
    plusCode: { vi: 'Plus Code', en: 'Plus Code' },
  },
  advanced: {
    phone: { vi: 'Số điện thoại', en: 'Phone' },
    email: { vi: 'Thư điện tử', en: 'E-mail' },
    website: { vi: 'Trang web', en: 'Website' },
    openingHours: { vi: 'Giờ mở cửa', en: 'Opening hours' },
    floors: { vi: 'Số tầng', en: 'Floors' },
    owner: { vi: 'Chủ sở hữu/quản lý', en: 'Owner/manager' },
    photos: { vi: 'Hình ảnh', en: 'Photos' },
    notes: { vi: 'Ghi chú', en: 'Notes' },
  },
} as const;

/** One problem with a record's field. */
export interface FieldIssue {
  /** The field (`houseNumber`, `advanced.email`, …). */
  readonly field: string;
  /** `missing` or `malformed`. */
  readonly kind: 'missing' | 'malformed';
  /** A message for people in Vietnamese. */
  readonly vi: string;
  /** The same in English. */
  readonly en: string;
}

const isStr = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;

/**
 * Checks a record field by field: which basic fields are missing or malformed, and which
 * advanced fields are malformed, with messages in Vietnamese and English. Never throws.
 *
 * @param rec - Anything that should be an {@link AddressRecord}.
 * @param validCode - Optional check of the national address code (e.g. `(c) => parseNdas(c).ok`).
 * @returns The issues; empty when the record is valid.
 * @example
 * ```ts
 * validateRecord({ name: 'Nhà A', category: 'house' }).map((i) => i.field);
 * // ['houseNumber', 'ward', 'province', 'location', 'code', 'qr']
 * ```
 */
export function validateRecord(rec: unknown, validCode?: (code: string) => boolean): FieldIssue[] {
  const out: FieldIssue[] = [];
  const r = (rec && typeof rec === 'object' ? rec : {}) as Record<string, unknown>;
  const label = (f: string) =>
    (RECORD_FIELDS.basic as Record<string, { vi: string; en: string }>)[f] ??
    (RECORD_FIELDS.advanced as Record<string, { vi: string; en: string }>)[f.replace('advanced.', '')] ?? { vi: f, en: f };
  const missing = (f: string) =>
    out.push({ field: f, kind: 'missing', vi: `Thiếu ${label(f).vi.toLowerCase()}.`, en: `${label(f).en} is missing.` });
  const bad = (f: string, vi: string, en: string) =>
    out.push({ field: f, kind: 'malformed', vi: `${label(f).vi}: ${vi}`, en: `${label(f).en}: ${en}` });

  if (!isStr(r.name)) missing('name');
  else if (r.name.length > 200) bad('name', 'quá dài (tối đa 200 ký tự).', 'too long (200 characters at most).');
  if (!isStr(r.category)) missing('category');
  else if (!(r.category in OBJECT_CATEGORIES)) bad('category', 'không thuộc danh mục.', 'not a known category.');
  const hasHamlet = isStr(r.hamlet);
  if (!isStr(r.houseNumber) && !hasHamlet) missing('houseNumber');
  else if (
    isStr(r.houseNumber) &&
    !/^(?:\d{1,5}[A-Za-z]?(?:[/-]\d{1,5}[A-Za-z]?){0,4}|Lô\s+[A-Za-z0-9-]{1,10}|[A-Za-z]{1,3}\d{1,4}[A-Za-z0-9-]{0,6})$/u.test(
      r.houseNumber.trim(),
    )
  )
    bad('houseNumber', 'không đúng dạng (ví dụ 12, 12A, 12/3, Lô A1).', 'not in a known form (e.g. 12, 12A, 12/3, Lô A1).');
  if (!isStr(r.street) && !hasHamlet) missing('street');
  for (const [f, width] of [
    ['ward', 5],
    ['province', 2],
  ] as const) {
    const u = r[f] as Record<string, unknown> | undefined;
    if (!u || typeof u !== 'object' || !isStr(u.code) || !isStr(u.name)) missing(f);
    else if (!new RegExp(`^\\d{${width}}$`).test(u.code)) bad(f, `mã phải có ${width} chữ số.`, `the code must have ${width} digits.`);
  }
  const loc = r.location as Record<string, unknown> | undefined;
  if (!loc || typeof loc !== 'object') missing('location');
  else if (
    typeof loc.lat !== 'number' ||
    typeof loc.lon !== 'number' ||
    !Number.isFinite(loc.lat) ||
    !Number.isFinite(loc.lon) ||
    Math.abs(loc.lat) > 90 ||
    Math.abs(loc.lon) > 180
  )
    bad('location', 'vĩ độ/kinh độ không hợp lệ.', 'latitude/longitude out of range.');
  if (!isStr(r.code)) missing('code');
  else if (validCode && !validCode(r.code)) bad('code', 'không phải mã địa chỉ số hợp lệ.', 'not a valid national address code.');
  if (!isStr(r.qr)) missing('qr');
  if (r.postalCode !== undefined && !(typeof r.postalCode === 'string' && /^\d{5}$/.test(r.postalCode)))
    bad('postalCode', 'phải có 5 chữ số.', 'must have 5 digits.');

  const adv = r.advanced as Record<string, unknown> | undefined;
  if (adv && typeof adv === 'object') {
    if (adv.phone !== undefined && !(typeof adv.phone === 'string' && /^\+?[0-9 .()-]{8,20}$/.test(adv.phone)))
      bad('advanced.phone', 'không đúng dạng số điện thoại.', 'not a phone number.');
    if (adv.email !== undefined && !(typeof adv.email === 'string' && /^[^\s@]{1,64}@[^\s@]{1,255}\.[^\s@]{2,}$/.test(adv.email)))
      bad('advanced.email', 'không đúng dạng thư điện tử.', 'not an e-mail address.');
    if (adv.website !== undefined && !(typeof adv.website === 'string' && /^https?:\/\/[^\s]{3,2000}$/i.test(adv.website)))
      bad('advanced.website', 'phải bắt đầu bằng http:// hoặc https://.', 'must start with http:// or https://.');
    if (adv.floors !== undefined && !(Number.isInteger(adv.floors) && (adv.floors as number) >= 0 && (adv.floors as number) <= 200))
      bad('advanced.floors', 'phải là số nguyên từ 0 đến 200.', 'must be a whole number from 0 to 200.');
    if (
      adv.photos !== undefined &&
      !(Array.isArray(adv.photos) && adv.photos.every((p) => typeof p === 'string' && /^https?:\/\//i.test(p)))
    )
      bad('advanced.photos', 'phải là danh sách địa chỉ http(s).', 'must be a list of http(s) URLs.');
  }
  return out;
}

/**
 * Returns the object group of a category.
 *
 * @param category - A category.
 * @returns I, II or III.
 */
export function groupOf(category: ObjectCategory): ObjectGroup {
  return OBJECT_CATEGORIES[category].group;
}
