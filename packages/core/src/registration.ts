import { formatAddress } from './format.js';
import { validateRecord, type AddressRecord, type AdvancedFields, type FieldIssue, type ObjectCategory } from './record.js';
import type { LatLon, UnitRef } from './types.js';

/** Where a registration is in its life: declared by an owner or a community team, created (code assigned), verified or rejected by an official. */
export type RegistrationStatus = 'declared' | 'created' | 'verified' | 'rejected';

/** Who acts on a registration. */
export type Actor = 'owner' | 'community-team' | 'official' | 'system';

/** What an owner or a community digital-technology team declares. */
export interface Declaration {
  /** Name of the object. */
  name: string;
  /** Category. */
  category: ObjectCategory;
  /** House number (may be empty when a hamlet is given). */
  houseNumber: string;
  /** Street. */
  street?: string;
  /** Hamlet or residential group. */
  hamlet?: string;
  /** The 2025 ward. */
  ward: UnitRef;
  /** The 2025 province. */
  province: UnitRef;
  /** The point. */
  location: LatLon;
  /** Owner contact for the notice. */
  owner?: { name?: string; phone?: string; email?: string };
  /** Optional fields. */
  advanced?: AdvancedFields;
  /** Who declares. */
  declaredBy?: Actor;
}

/** One step of a registration's history. */
export interface HistoryEntry {
  /** The status reached. */
  readonly status: RegistrationStatus;
  /** When (ISO 8601). */
  readonly at: string;
  /** Who. */
  readonly by: Actor;
  /** A note (the reason of a rejection). */
  readonly note?: string;
}

/** A registration: the declaration, its status, its code once created, its history. */
export interface Registration {
  /** Id (`reg-…`). */
  readonly id: string;
  /** Current status. */
  readonly status: RegistrationStatus;
  /** The declaration. */
  readonly declaration: Declaration;
  /** The record, once created (with its code). */
  readonly record?: AddressRecord;
  /** Steps so far. */
  readonly history: readonly HistoryEntry[];
  /** Last change (ISO 8601). */
  readonly updatedAt: string;
  /** Whether the owner was notified, and whether the plate was fixed. */
  readonly notified: boolean;
  /** Whether the code plate was fixed on the building. */
  readonly plated: boolean;
}

/** A `RegistrationError` says why a registration step was refused. */
export class RegistrationError extends Error {
  /** `invalid` (field issues), `not-found`, `conflict` (wrong status for the step), `idempotency` (key reused with other content). */
  readonly code: 'invalid' | 'not-found' | 'conflict' | 'idempotency';
  /** Field issues, for `invalid`. */
  readonly issues: readonly FieldIssue[];
  /**
   * @param code - Why.
   * @param message - Details.
   * @param issues - Field issues.
   */
  constructor(code: RegistrationError['code'], message: string, issues: readonly FieldIssue[] = []) {
    super(message);
    this.name = 'RegistrationError';
    this.code = code;
    this.issues = issues;
  }
}

/**
 * A `RegistrationStore` runs the declare → create → verify flow with statuses and history, and
 * makes every step idempotent: the same Idempotency-Key with the same content returns the first
 * answer; with other content it is refused. In memory; the SDK persists it offline, the mock
 * platform uses it as its database.
 *
 * @example
 * ```ts
 * const store = new RegistrationStore((p) => encode(p));
 * const r = store.declare(decl, 'key-1');
 * store.create(r.id, 'key-2');
 * store.verify(r.id, 'approve', 'key-3');
 * ```
 */
export class RegistrationStore {
  readonly #items = new Map<string, Registration>();
  readonly #keys = new Map<string, { hash: string; result: Registration }>();
  readonly #code: (p: LatLon, ward: UnitRef) => { code: string; qr: string };
  readonly #now: () => string;
  #seq = 0;

  /**
   * @param code - Assigns a digital address code and its QR content to a point.
   * @param now - Clock (tests).
   */
  constructor(code: (p: LatLon, ward: UnitRef) => { code: string; qr: string }, now: () => string = () => new Date().toISOString()) {
    this.#code = code;
    this.#now = now;
  }

  #once(key: string | undefined, content: unknown, run: () => Registration): Registration {
    if (!key) return run();
    const hash = JSON.stringify(content);
    const seen = this.#keys.get(key);
    if (seen) {
      if (seen.hash !== hash) throw new RegistrationError('idempotency', 'This Idempotency-Key was used with other content.');
      return seen.result;
    }
    const result = run();
    this.#keys.set(key, { hash, result });
    return result;
  }

  #get(id: string): Registration {
    const r = this.#items.get(id);
    if (!r) throw new RegistrationError('not-found', 'No such registration.');
    return r;
  }

  #put(r: Registration): Registration {
    this.#items.set(r.id, r);
    return r;
  }

  /**
   * Declares an address (basic fields mandatory, advanced optional).
   *
   * @param d - The declaration.
   * @param idempotencyKey - Makes retries safe.
   * @returns The registration, `declared`.
   * @throws RegistrationError `invalid` with the field issues.
   */
  declare(d: Declaration, idempotencyKey?: string): Registration {
    return this.#once(idempotencyKey, ['declare', d], () => {
      const issues = validateRecord({ ...d, code: 'pending', qr: 'pending' }).filter((i) => i.field !== 'code' && i.field !== 'qr');
      if (issues.length) throw new RegistrationError('invalid', 'The declaration has missing or malformed fields.', issues);
      const at = this.#now();
      const id = `reg-${(++this.#seq).toString(36).padStart(6, '0')}`;
      return this.#put({
        id,
        status: 'declared',
        declaration: d,
        history: [{ status: 'declared', at, by: d.declaredBy ?? 'owner' }],
        updatedAt: at,
        notified: false,
        plated: false,
      });
    });
  }

  /**
   * Creates the address: assigns its code (and QR content).
   *
   * @param id - The registration.
   * @param idempotencyKey - Makes retries safe.
   * @returns The registration, `created`, with its record.
   * @throws RegistrationError `not-found`, or `conflict` unless it is `declared`.
   */
  create(id: string, idempotencyKey?: string): Registration {
    return this.#once(idempotencyKey, ['create', id], () => {
      const r = this.#get(id);
      if (r.status !== 'declared') throw new RegistrationError('conflict', `Cannot create a registration that is ${r.status}.`);
      const d = r.declaration;
      const { code, qr } = this.#code(d.location, d.ward);
      const at = this.#now();
      const record: AddressRecord = {
        id,
        name: d.name,
        category: d.category,
        houseNumber: d.houseNumber,
        ...(d.street ? { street: d.street } : {}),
        ...(d.hamlet ? { hamlet: d.hamlet } : {}),
        ward: d.ward,
        province: d.province,
        location: d.location,
        code,
        qr,
        ...(d.advanced ? { advanced: d.advanced } : {}),
      };
      return this.#put({
        ...r,
        status: 'created',
        record,
        history: [...r.history, { status: 'created', at, by: 'system' }],
        updatedAt: at,
      });
    });
  }

  /**
   * An official approves or rejects a created address.
   *
   * @param id - The registration.
   * @param decision - `approve` or `reject`.
   * @param idempotencyKey - Makes retries safe.
   * @param note - The reason (required to reject).
   * @returns The registration, `verified` or `rejected`.
   * @throws RegistrationError `not-found`, `conflict` unless `created`, `invalid` for a rejection without a reason.
   */
  verify(id: string, decision: 'approve' | 'reject', idempotencyKey?: string, note?: string): Registration {
    return this.#once(idempotencyKey, ['verify', id, decision, note], () => {
      const r = this.#get(id);
      if (r.status !== 'created') throw new RegistrationError('conflict', `Cannot verify a registration that is ${r.status}.`);
      if (decision === 'reject' && !note?.trim()) throw new RegistrationError('invalid', 'A rejection needs a reason.');
      const status: RegistrationStatus = decision === 'approve' ? 'verified' : 'rejected';
      const at = this.#now();
      return this.#put({
        ...r,
        status,
        history: [...r.history, { status, at, by: 'official', ...(note ? { note: note.slice(0, 500) } : {}) }],
        updatedAt: at,
      });
    });
  }

  /**
   * Marks the owner as notified, or the plate as fixed.
   *
   * @param id - The registration.
   * @param what - `notified` or `plated`.
   * @returns The registration.
   */
  mark(id: string, what: 'notified' | 'plated'): Registration {
    const r = this.#get(id);
    return this.#put({ ...r, [what]: true, updatedAt: this.#now() });
  }

  /**
   * Returns a registration.
   *
   * @param id - Its id.
   * @returns It, or `undefined`.
   */
  get(id: string): Registration | undefined {
    return this.#items.get(id);
  }

  /** Every registration, oldest first. */
  all(): Registration[] {
    return [...this.#items.values()];
  }
}

/** Channels of the owner notice. */
export type NoticeChannel = 'sms' | 'email' | 'letter';

/** The text of a notice of a digital address code. */
export interface Notice {
  /** The channel. */
  readonly channel: NoticeChannel;
  /** The language. */
  readonly lang: 'vi' | 'en';
  /** Subject (e-mail and letter). */
  readonly subject?: string;
  /** The text. */
  readonly body: string;
}

/**
 * Returns the notice that tells an owner the digital address code of their address, for an SMS
 * (one short message, no diacritics in Vietnamese so it fits in 160 GSM characters), an e-mail
 * or a letter, in Vietnamese or English.
 *
 * @param rec - The created record.
 * @param channel - `sms`, `email` or `letter`.
 * @param lang - `vi` or `en`.
 * @returns The notice.
 * @example
 * ```ts
 * noticeText(record, 'sms', 'vi').body; // 'Ma dia chi so cua ... la 22366-65WW+848 ...'
 * ```
 */
export function noticeText(rec: AddressRecord, channel: NoticeChannel, lang: 'vi' | 'en'): Notice {
  const addr = formatAddress(
    { houseNumber: rec.houseNumber, street: rec.street, hamlet: rec.hamlet, ward: rec.ward, province: rec.province },
    { locale: lang },
  );
  if (channel === 'sms') {
    const plain = (s: string) =>
      s
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/đ/g, 'd')
        .replace(/Đ/g, 'D');
    const body =
      lang === 'vi'
        ? plain(
            `Ma dia chi so cua ${rec.houseNumber ? `so ${rec.houseNumber} ` : ''}${rec.street ?? rec.hamlet ?? ''}: ${rec.code}. Tra cuu: ${rec.qr}`,
          )
        : `Your digital address code${rec.houseNumber ? ` for ${rec.houseNumber} ${plain(rec.street ?? '')}` : ''}: ${rec.code}. Look up: ${rec.qr}`;
    return { channel, lang, body: body.replace(/\s+/g, ' ').trim() };
  }
  const subject = lang === 'vi' ? `Thông báo mã địa chỉ số ${rec.code}` : `Notice of digital address code ${rec.code}`;
  const body =
    lang === 'vi'
      ? [
          'Kính gửi chủ hộ/chủ sở hữu,',
          '',
          `Địa chỉ ${addr} đã được cấp mã địa chỉ số: ${rec.code}.`,
          'Mã địa chỉ số dùng để xác định vị trí trên bản đồ số, nhận hàng, khai báo thủ tục hành chính và các dịch vụ công.',
          channel === 'letter'
            ? 'Biển mã địa chỉ số (có mã QR) sẽ được gắn tại công trình. Vui lòng giữ gìn biển mã.'
            : `Tra cứu và chia sẻ địa chỉ: ${rec.qr}`,
          '',
          'Nền tảng địa chỉ số quốc gia gắn với bản đồ số — tỉnh Khánh Hòa.',
        ].join('\n')
      : [
          'Dear owner,',
          '',
          `The address ${addr} has been given the digital address code ${rec.code}.`,
          'The code locates the address on the digital map and can be used for deliveries, administrative procedures and public services.',
          channel === 'letter'
            ? 'A code plate (with a QR code) will be fixed on the building. Please keep it in place.'
            : `Look up and share the address: ${rec.qr}`,
          '',
          'National digital address platform — Khánh Hòa province.',
        ].join('\n');
  return { channel, lang, subject, body };
}
