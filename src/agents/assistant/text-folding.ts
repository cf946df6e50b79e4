import { foldForSearch, placeToneMark } from '../../ingest/normalize/index.js';

/**
 * Diacritic-free, lower-case, punctuation-light form of a text, for matching phrases whether the
 * citizen typed accents or not (`lệ phí` and `le phi` fold the same).
 */
export function fold(text: string): string {
  return ` ${foldForSearch(text)
    .replace(/[^\p{L}\p{N}/]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()} `;
}

/** `fold` with the southern spoken form of a civil-status word read as written (`khai sanh` → `khai sinh`). */
export function foldSpoken(text: string): string {
  return fold(text).replace(/ khai sanh /g, ' khai sinh ');
}

/** True when one of the folded phrases occurs as whole words in the folded text. */
export function hasPhrase(foldedText: string, phrases: readonly string[]): boolean {
  return phrases.some((phrase) => foldedText.includes(` ${phrase} `));
}

/** Folded syllables of a text. */
export function syllables(text: string): string[] {
  return fold(text).trim().split(' ').filter(Boolean);
}

/** Whitespace-insensitive form used to check that a quoted fact is inside a passage. */
export function comparable(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/\p{Cf}/gu, '').replace(/[\s\u00a0]+/g, ' ').replace(/\s*([,.;:()])\s*/g, '$1').trim();
}

/** Lower-case words with their accents (canonical tone placement), spaced like `fold`. */
export function accentedForm(text: string): string {
  return ` ${text
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}/]+/u)
    .filter(Boolean)
    .map((word) => (/[^\x00-\x7F]/.test(word) ? placeToneMark(word) : word))
    .join(' ')} `;
}
