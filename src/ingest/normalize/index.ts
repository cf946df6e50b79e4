export { normalizeVietnamese } from './normalize-vietnamese.js';
export { removeDiacritics, foldForSearch } from './search-folding.js';
export { placeToneMark, isVietnameseSyllable, parseSyllable, canonicalToneIndex } from './vietnamese-syllable.js';
export type { ParsedSyllable } from './vietnamese-syllable.js';
