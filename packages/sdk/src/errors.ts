/** What kind of failure a {@link DiachisoError} is. */
export type DiachisoErrorCode =
  | 'network'
  | 'timeout'
  | 'aborted'
  | 'unauthorized'
  | 'forbidden'
  | 'rate-limited'
  | 'not-found'
  | 'invalid-input'
  | 'invalid-response'
  | 'server'
  | 'unavailable';

const MESSAGES: Readonly<Record<DiachisoErrorCode, { vi: string; en: string }>> = {
  network: { vi: 'Không kết nối được với nền tảng địa chỉ số.', en: 'Could not reach the digital address platform.' },
  timeout: { vi: 'Nền tảng không trả lời kịp thời.', en: 'The platform did not answer in time.' },
  aborted: { vi: 'Yêu cầu đã bị hủy.', en: 'The request was cancelled.' },
  unauthorized: { vi: 'Khóa API không hợp lệ hoặc bị thiếu.', en: 'The API key is missing or invalid.' },
  forbidden: { vi: 'Khóa API không có quyền thực hiện thao tác này.', en: 'The API key may not do this.' },
  'rate-limited': { vi: 'Quá nhiều yêu cầu, vui lòng thử lại sau.', en: 'Too many requests; try again later.' },
  'not-found': { vi: 'Không tìm thấy.', en: 'Not found.' },
  'invalid-input': { vi: 'Dữ liệu nhập không hợp lệ.', en: 'The input is not valid.' },
  'invalid-response': { vi: 'Nền tảng trả về dữ liệu không hợp lệ.', en: 'The platform sent an invalid response.' },
  server: { vi: 'Nền tảng gặp lỗi.', en: 'The platform had an error.' },
  unavailable: { vi: 'Chức năng này không có ở chế độ hiện tại.', en: 'This is not available in the current mode.' },
};

/**
 * A `DiachisoError` is every failure the SDK reports: a stable `code`, a message in the
 * client's locale and the other one, the HTTP status when there was one. It never carries the
 * API key or the user's text.
 *
 * @example
 * ```ts
 * try { await client.suggest('…'); } catch (e) {
 *   if (e instanceof DiachisoError && e.code === 'rate-limited') retryLater(e.retryAfterMs);
 * }
 * ```
 */
export class DiachisoError extends Error {
  /** The kind of failure. */
  readonly code: DiachisoErrorCode;
  /** The HTTP status, when the platform answered. */
  readonly status?: number;
  /** The message in Vietnamese. */
  readonly messageVi: string;
  /** The message in English. */
  readonly messageEn: string;
  /** For `rate-limited`: how long the platform asked to wait, in milliseconds. */
  readonly retryAfterMs?: number;

  /**
   * @param code - The kind of failure.
   * @param opts - Locale of `message`, HTTP status, details, retry delay.
   */
  constructor(
    code: DiachisoErrorCode,
    opts: { locale?: 'vi' | 'en'; status?: number; detail?: string; retryAfterMs?: number; cause?: unknown } = {},
  ) {
    const m = MESSAGES[code];
    const detail = opts.detail ? ` (${opts.detail.slice(0, 200)})` : '';
    super((opts.locale === 'en' ? m.en : m.vi) + detail, opts.cause !== undefined ? { cause: opts.cause } : undefined);
    this.name = 'DiachisoError';
    this.code = code;
    this.messageVi = m.vi + detail;
    this.messageEn = m.en + detail;
    if (opts.status !== undefined) this.status = opts.status;
    if (opts.retryAfterMs !== undefined) this.retryAfterMs = opts.retryAfterMs;
  }
}
