import { decodeOlc, isFullOlc, isShortOlc, isValidOlc, type CodeArea } from './olc.js';

/** Why a text is not a full Plus Code. */
export type PlusCodeReason = 'empty' | 'too-long' | 'short-code' | 'invalid';

/** The result of {@link parsePlusCode}. */
export type PlusCodeParse =
  | {
      readonly ok: true;
      /** The code in upper case (`7P4F65WW+848`). */
      readonly code: string;
      /** The cell it stands for. */
      readonly area: CodeArea;
    }
  | {
      readonly ok: false;
      /** Why not. */
      readonly reason: PlusCodeReason;
      /** Explanation in Vietnamese. */
      readonly vi: string;
      /** Explanation in English. */
      readonly en: string;
    };

const MESSAGES: Record<PlusCodeReason, { vi: string; en: string }> = {
  empty: { vi: 'Chưa nhập Plus Code.', en: 'No Plus Code was entered.' },
  'too-long': { vi: 'Nội dung quá dài để là một Plus Code.', en: 'Too long to be a Plus Code.' },
  'short-code': {
    vi: 'Đây là Plus Code rút gọn: cần mã đầy đủ (8 ký tự trước dấu +), hoặc kèm tên địa phương.',
    en: 'This is a short Plus Code: give the full code (8 characters before the +), or a locality with it.',
  },
  invalid: {
    vi: 'Không phải Plus Code hợp lệ (ký tự 23456789CFGHJMPQRVWX, dấu + sau 8 ký tự).',
    en: 'Not a valid Plus Code (characters 23456789CFGHJMPQRVWX, a + after 8 characters).',
  },
};

const fail = (reason: PlusCodeReason): PlusCodeParse => ({ ok: false, reason, ...MESSAGES[reason] });

/**
 * Reads a full Plus Code (Open Location Code), as Google Maps and the national platform store
 * beside each address: lower case and surrounding spaces are accepted.
 *
 * @param text - What the user typed.
 * @returns The code in upper case and its cell, or why the text is not a full Plus Code (vi/en).
 * @example
 * ```ts
 * parsePlusCode('7p4f65ww+848'); // { ok: true, code: '7P4F65WW+848', area: { … } }
 * parsePlusCode('65WW+848').ok;  // false: 'short-code'
 * ```
 */
export function parsePlusCode(text: string): PlusCodeParse {
  if (typeof text !== 'string' || !text.trim()) return fail('empty');
  if (text.length > 64) return fail('too-long');
  const code = text.normalize('NFKC').trim().toUpperCase();
  if (!isValidOlc(code)) return fail('invalid');
  if (isShortOlc(code)) return fail('short-code');
  if (!isFullOlc(code)) return fail('invalid');
  return { ok: true, code, area: decodeOlc(code) };
}

/**
 * Formats a full Plus Code in its canonical form (upper case).
 *
 * @param text - A code in any form {@link parsePlusCode} accepts.
 * @returns The code, or `undefined` when the text is not a full Plus Code.
 * @example
 * ```ts
 * formatPlusCode(' 7p4f65ww+848 '); // '7P4F65WW+848'
 * ```
 */
export function formatPlusCode(text: string): string | undefined {
  const p = parsePlusCode(text);
  return p.ok ? p.code : undefined;
}
