import { formatAddress } from './format.js';
import type { EncodeLocationCodeResult } from './code.js';
import { composeNdas, NDAS_MAP_URL } from './ndas.js';
import type { AdminRegistry } from './registry.js';
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
  /**
   * `invalid` (field issues), `not-found`, `conflict` (wrong status for the step), `idempotency`
   * (key reused with other content), `exhausted` (all 99,999 serials of the postal code are used).
   */
  readonly code: 'invalid' | 'not-found' | 'conflict' | 'idempotency' | 'exhausted';
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
 * What a {@link RegistrationStore} needs to issue codes: the postal code of a ward (the first 5
 * digits of the national address code) and, optionally, the location code and Plus Code of a
 * point (secondary lines of the record).
 */
export interface CodeIssuer {
  /**
   * Returns the 5-digit postal code of a 2025 ward.
   *
   * @param ward - The declared ward.
   * @returns The postal code, or `undefined` when the ward has none (the creation is refused).
   */
  postalCode(ward: UnitRef): string | undefined;
  /**
   * Returns the location code and Plus Code of a point.
   *
   * @param point - The declared point.
   * @param ward - The declared ward.
   * @returns The codes (either may be absent).
   */
  locate?(point: LatLon, ward: UnitRef): { readonly locationCode?: string; readonly plusCode?: string };
}

/**
 * Everything a {@link RegistrationStore} holds, as plain JSON: what `onChange` receives and
 * `snapshot` restores. `serials` is the last serial issued per postal code: serials are never
 * reused, even when a registration is rejected.
 */
export interface RegistrationSnapshot {
  /** Format version (1). */
  readonly version: 1;
  /** Last registration number issued. */
  readonly seq: number;
  /** Postal code → last serial issued. */
  readonly serials: Readonly<Record<string, number>>;
  /** The registrations, oldest first. */
  readonly items: readonly Registration[];
  /** Idempotency keys: `[key, content hash, registration as answered]`. */
  readonly keys: ReadonlyArray<readonly [key: string, hash: string, result: Registration]>;
}

/** Options of a {@link RegistrationStore}. */
export interface RegistrationStoreOptions {
  /** Clock (tests). */
  readonly now?: () => string;
  /** A state saved from `onChange`, to start from (after a reload). A snapshot of another format is ignored. */
  readonly snapshot?: RegistrationSnapshot;
  /** Called after every change with the whole state, to persist it (IndexedDB, a file). */
  readonly onChange?: (snapshot: RegistrationSnapshot) => void;
}

/**
 * Returns the code issuer of a registry: the postal code comes from the 2025 registry (never from
 * the declaration, which anybody can write), the location code and Plus Code from `encode`.
 *
 * @param registry - The 2025 registry, with postal codes.
 * @param encode - Encodes a point as a location code (e.g. `OfflineEngine.encodeCode`).
 * @returns The issuer, for a {@link RegistrationStore}.
 * @example
 * ```ts
 * const store = new RegistrationStore(codeIssuer(engine.index.registry, (p) => engine.encodeCode(p)));
 * ```
 */
export function codeIssuer(registry: AdminRegistry, encode?: (p: LatLon) => EncodeLocationCodeResult): CodeIssuer {
  return {
    postalCode: (ward) => registry.postalCodeOf(ward.code),
    locate: (point) => {
      const c = encode?.(point);
      if (!c) return {};
      return c.zoneKnown ? { locationCode: c.code, plusCode: c.plusCode } : { plusCode: c.plusCode };
    },
  };
}

type LegacyIssuer = (p: LatLon, ward: UnitRef) => { code: string; qr: string };

/**
 * A `RegistrationStore` runs the declare → create → verify flow with statuses and history, and
 * makes every step idempotent: the same Idempotency-Key with the same content returns the first
 * answer; with other content it is refused. Creating an address issues its national address
 * code: the ward's postal code + the next serial of that postal code (`57133` + `00001`), unique
 * and never reused. In memory, with a snapshot for persistence; the SDK keeps it in IndexedDB
 * offline, the mock platform uses it as its database.
 *
 * @example
 * ```ts
 * const store = new RegistrationStore({ postalCode: (w) => registry.postalCodeOf(w.code) }, { onChange: save });
 * const r = store.declare(decl, 'key-1');
 * store.create(r.id, 'key-2').record?.code; // '5713300001'
 * store.verify(r.id, 'approve', 'key-3');
 * ```
 */
export class RegistrationStore {
  readonly #items = new Map<string, Registration>();
  readonly #keys = new Map<string, { hash: string; result: Registration }>();
  readonly #serials = new Map<string, number>();
  readonly #byCode = new Map<string, string>();
  readonly #issuer: CodeIssuer | LegacyIssuer;
  readonly #now: () => string;
  readonly #onChange: ((s: RegistrationSnapshot) => void) | undefined;
  #seq = 0;

  /**
   * @param issuer - Gives the ward's postal code (and the point's location code and Plus Code).
   *   A function `(point, ward) => { code, qr }` is the form before 0.2: it assigns the code itself
   *   and no national code is issued.
   * @param opts - Clock, a snapshot to start from, a persistence hook; a function is the clock (before 0.2).
   */
  constructor(issuer: CodeIssuer | LegacyIssuer, opts: RegistrationStoreOptions | (() => string) = {}) {
    const o = typeof opts === 'function' ? { now: opts } : opts;
    this.#issuer = issuer;
    this.#now = o.now ?? (() => new Date().toISOString());
    this.#onChange = o.onChange;
    const s = o.snapshot;
    if (s && s.version === 1 && Array.isArray(s.items)) {
      this.#seq = Number(s.seq) || 0;
      for (const [k, v] of Object.entries(s.serials && typeof s.serials === 'object' ? s.serials : {}))
        if (Number.isInteger(v)) this.#serials.set(k, v);
      // A damaged snapshot (storage edited by hand) loses its damaged entries, never the store.
      for (const r of s.items)
        if (r && typeof r.id === 'string' && typeof r.status === 'string' && r.declaration && Array.isArray(r.history)) this.#index(r);
      for (const k of Array.isArray(s.keys) ? s.keys : [])
        if (Array.isArray(k) && typeof k[0] === 'string' && typeof k[1] === 'string' && k[2])
          this.#keys.set(k[0], { hash: k[1], result: k[2] });
    }
  }

  #index(r: Registration): void {
    this.#items.set(r.id, r);
    if (r.record?.code) this.#byCode.set(r.record.code, r.id);
  }

  /** Returns the whole state as plain JSON (what `onChange` receives). */
  snapshot(): RegistrationSnapshot {
    return {
      version: 1,
      seq: this.#seq,
      serials: Object.fromEntries(this.#serials),
      items: [...this.#items.values()],
      keys: [...this.#keys].map(([k, v]) => [k, v.hash, v.result] as const),
    };
  }

  #changed(): void {
    this.#onChange?.(this.snapshot());
  }

  /**
   * Returns the registration that was issued a national address code.
   *
   * @param code - The 10 digits (no spaces).
   * @returns The registration, or `undefined`.
   */
  lookup(code: string): Registration | undefined {
    const id = this.#byCode.get(code);
    return id ? this.#items.get(id) : undefined;
  }

  /** Issues the codes of a declaration: the next serial of its ward's postal code. */
  #issue(d: Declaration): Pick<AddressRecord, 'code' | 'qr' | 'postalCode' | 'locationCode' | 'plusCode'> {
    const issuer = this.#issuer;
    if (typeof issuer === 'function') return issuer(d.location, d.ward);
    const postal = issuer.postalCode(d.ward);
    if (!postal || !/^\d{5}$/.test(postal))
      throw new RegistrationError('invalid', `Ward ${d.ward.code} has no postal code: no national address code can be issued.`);
    const serial = (this.#serials.get(postal) ?? 0) + 1;
    if (serial > 99_999) throw new RegistrationError('exhausted', `All serials of postal code ${postal} are used.`);
    this.#serials.set(postal, serial);
    const code = composeNdas(postal, serial);
    const loc = issuer.locate?.(d.location, d.ward) ?? {};
    return {
      code,
      qr: `${NDAS_MAP_URL}${code}`,
      postalCode: postal,
      ...(loc.locationCode ? { locationCode: loc.locationCode } : {}),
      ...(loc.plusCode ? { plusCode: loc.plusCode } : {}),
    };
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
    this.#changed();
    return result;
  }

  #get(id: string): Registration {
    const r = this.#items.get(id);
    if (!r) throw new RegistrationError('not-found', 'No such registration.');
    return r;
  }

  #put(r: Registration): Registration {
    this.#index(r);
    this.#changed();
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
      const codes = this.#issue(d);
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
        ...codes,
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

/** What looking up a national address code answers: the registration it was issued to. */
export interface CodeLookup {
  /** The 10 digits. */
  readonly code: string;
  /** The ward's postal code (first 5 digits). */
  readonly postalCode: string;
  /** The serial (last 5 digits). */
  readonly serial: string;
  /** The public map address. */
  readonly mapUrl: string;
  /** The registration's id. */
  readonly registrationId: string;
  /** The registration's status (`created`, `verified`, `rejected`). */
  readonly status: RegistrationStatus;
  /** The address record: ward, province, point, location code, Plus Code. */
  readonly record: AddressRecord;
}

/**
 * Returns the answer to a lookup of a national address code, from the registration it was issued to.
 *
 * @param r - A created registration (with its record).
 * @returns The answer, or `undefined` when the registration has no national code.
 * @example
 * ```ts
 * codeLookup(store.lookup('5713300001')!)?.record.ward.name; // 'Phường Nha Trang'
 * ```
 */
export function codeLookup(r: Registration): CodeLookup | undefined {
  const rec = r.record;
  if (!rec || !/^\d{10}$/.test(rec.code)) return undefined;
  return {
    code: rec.code,
    postalCode: rec.code.slice(0, 5),
    serial: rec.code.slice(5),
    mapUrl: `${NDAS_MAP_URL}${rec.code}`,
    registrationId: r.id,
    status: r.status,
    record: rec,
  };
}

/** Channels of the owner notice. */
export type NoticeChannel = 'sms' | 'email' | 'letter';

/** The text of a notice of a national address code. */
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
 * Returns the notice that tells an owner the national address code of their address, for an SMS
 * (one message of at most 160 GSM characters: no diacritics in Vietnamese), an e-mail or a letter,
 * in Vietnamese or English. The national code comes first with its public map link (what the QR
 * symbol on the plate carries); the location code and the Plus Code follow as secondary lines.
 *
 * @param rec - The created record.
 * @param channel - `sms`, `email` or `letter`.
 * @param lang - `vi` or `en`.
 * @returns The notice.
 * @example
 * ```ts
 * noticeText(record, 'sms', 'vi').body;
 * // 'Ma dia chi so cua so 12 Tran Phu: 5713300001. Tra cuu: https://diachiso.gov.vn/#/map/5713300001'
 * ```
 */
export function noticeText(rec: AddressRecord, channel: NoticeChannel, lang: 'vi' | 'en'): Notice {
  const addr = formatAddress(
    { houseNumber: rec.houseNumber, street: rec.street, hamlet: rec.hamlet, ward: rec.ward, province: rec.province },
    { locale: lang },
  );
  const plain = (s: string) =>
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/g, 'd')
      .replace(/Đ/g, 'D');
  if (channel === 'sms') {
    const head =
      lang === 'vi'
        ? plain(`Ma dia chi so cua ${rec.houseNumber ? `so ${rec.houseNumber} ` : ''}${rec.street ?? rec.hamlet ?? ''}: ${rec.code}.`)
        : `Your national address code${rec.houseNumber ? ` for ${rec.houseNumber} ${plain(rec.street ?? '')}` : ''}: ${rec.code}.`;
    const link = `${lang === 'vi' ? 'Tra cuu' : 'Look up'}: ${rec.qr}`;
    const loc = rec.locationCode ? ` ${lang === 'vi' ? 'Ma vi tri' : 'Location code'}: ${rec.locationCode}` : '';
    const tidy = (x: string) => x.replace(/\s+/g, ' ').trim();
    // One SMS: the location code only when it fits.
    const body = tidy(`${head}${loc} ${link}`).length <= 160 ? tidy(`${head}${loc} ${link}`) : tidy(`${head} ${link}`);
    return { channel, lang, body };
  }
  const secondary =
    lang === 'vi'
      ? [rec.locationCode ? `Mã vị trí: ${rec.locationCode}` : '', rec.plusCode ? `Plus Code: ${rec.plusCode}` : ''].filter(Boolean)
      : [rec.locationCode ? `Location code: ${rec.locationCode}` : '', rec.plusCode ? `Plus Code: ${rec.plusCode}` : ''].filter(Boolean);
  const subject = lang === 'vi' ? `Thông báo mã địa chỉ số ${rec.code}` : `Notice of national address code ${rec.code}`;
  const body =
    lang === 'vi'
      ? [
          'Kính gửi chủ hộ/chủ sở hữu,',
          '',
          `Địa chỉ ${addr} đã được cấp mã địa chỉ số: ${rec.code}.`,
          ...secondary,
          '',
          'Mã địa chỉ số dùng để xác định vị trí trên bản đồ số, nhận hàng, khai báo thủ tục hành chính và các dịch vụ công.',
          channel === 'letter'
            ? `Biển mã địa chỉ số (có mã QR dẫn tới ${rec.qr}) sẽ được gắn tại công trình. Vui lòng giữ gìn biển mã.`
            : `Tra cứu và chia sẻ địa chỉ: ${rec.qr}`,
          '',
          'Nền tảng địa chỉ số quốc gia gắn với bản đồ số — tỉnh Khánh Hòa.',
        ].join('\n')
      : [
          'Dear owner,',
          '',
          `The address ${addr} has been given the national address code ${rec.code}.`,
          ...secondary,
          '',
          'The code locates the address on the digital map and can be used for deliveries, administrative procedures and public services.',
          channel === 'letter'
            ? `A code plate (with a QR code leading to ${rec.qr}) will be fixed on the building. Please keep it in place.`
            : `Look up and share the address: ${rec.qr}`,
          '',
          'National digital address platform — Khánh Hòa province.',
        ].join('\n');
  return { channel, lang, subject, body };
}
