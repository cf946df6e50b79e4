import { parseSyllable } from '../normalize/index.js';
import { loaderErrors } from './loader-errors.js';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1258';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

/**
 * Bytes → string for plain-text uploads. Order of evidence: byte-order mark, strict UTF-8, UTF-16 without
 * BOM (zero bytes in every other position), then Windows-1258, the legacy Vietnamese Windows code page,
 * accepted only when the result reads as Vietnamese. Anything else (TCVN3/VNI font encodings, binary
 * files) is refused with a reason instead of being indexed as mojibake.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  const decoded = decodeBytes(bytes);
  // Whatever the encoding, text has almost no control characters; binary data decoded "successfully"
  // (e.g. mistaken for UTF-16) has many.
  const controls = decoded.text.match(/[\u0000-\u0008\u000E-\u001A\u001C-\u001F]/g)?.length ?? 0;
  if (controls > Math.max(2, decoded.text.length * 0.01)) {
    throw loaderErrors.textEncoding('tệp có nhiều ký tự điều khiển, có vẻ là tệp nhị phân chứ không phải văn bản');
  }
  return decoded;
}

function decodeBytes(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: strictDecode('utf-8', bytes.subarray(3)), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    if (bytes[2] === 0 && bytes[3] === 0) throw loaderErrors.textEncoding('tệp dùng mã UTF-32, chưa được hỗ trợ');
    return { text: strictDecode('utf-16le', bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: strictDecode('utf-16be', bytes.subarray(2)), encoding: 'utf-16be' };

  const utf16 = guessUtf16WithoutBom(bytes);
  if (utf16) {
    // A guess, so it must also read as text: no control characters at all.
    const text = new TextDecoder(utf16).decode(bytes);
    if (!/[\u0000-\u0008\u000E-\u001F\uFFFD]/.test(text)) return { text, encoding: utf16 };
  }

  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // not UTF-8: try the legacy code page below
  }
  const legacy = new TextDecoder('windows-1258').decode(bytes).normalize('NFC');
  if (looksVietnamese(legacy)) return { text: legacy, encoding: 'windows-1258' };
  throw loaderErrors.textEncoding('tệp không phải UTF-8, UTF-16 hay Windows-1258');
}

function strictDecode(encoding: 'utf-8' | 'utf-16le' | 'utf-16be', bytes: Uint8Array): string {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch (cause) {
    throw Object.assign(loaderErrors.textEncoding(`tệp khai báo mã ${encoding.toUpperCase()} nhưng chứa byte không hợp lệ`), { cause });
  }
}

/** ASCII-range text in UTF-16 has a zero byte in every other position. */
function guessUtf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const sample = Math.min(bytes.length, 4096) & ~1;
  if (sample < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let index = 0; index < sample; index += 2) {
    if (bytes[index] === 0) evenZeros++;
    if (bytes[index + 1] === 0) oddZeros++;
  }
  const pairs = sample / 2;
  if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return 'utf-16be';
  return undefined;
}

/**
 * True when most words containing non-ASCII letters are well-formed Vietnamese syllables.
 * TCVN3 or VNI text decoded as Windows-1258 produces words like `Ph¸p` or `Chu7o7ng` that fail this.
 */
export function looksVietnamese(text: string): boolean {
  const words = text.match(/[\p{L}\p{M}]*[^\x00-\x7F\s\p{P}\p{N}][\p{L}\p{M}]*/gu) ?? [];
  if (words.length === 0) return false;
  let valid = 0;
  for (const word of words) if (/^[\p{L}\p{M}]+$/u.test(word) && parseSyllable(word)) valid++;
  return valid / words.length >= 0.8;
}
