/**
 * Accent-insensitive forms for matching what citizens type (`thu tuc dang ky khai sinh`) against the
 * documents. Never store these as display text: `ma` folds `mã`, `má`, `mà`, `mạ`… together on purpose.
 */

/** Strips every combining mark (tones and vowel qualities) and maps đ/Đ to d/D. Case is kept. */
export function removeDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đð]/g, 'd')
    .replace(/[ĐÐ]/g, 'D')
    .normalize('NFC');
}

/**
 * Lower case, no diacritics, compatibility forms folded (ﬁ → fi, full-width digits → ASCII, … → ...),
 * whitespace runs → one space. The result is what lexical indexes and query matching compare.
 */
export function foldForSearch(text: string): string {
  return removeDiacritics(text.normalize('NFKC'))
    .toLowerCase()
    .replace(/[\u00AD\u200B-\u200D\u2060\uFEFF]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
