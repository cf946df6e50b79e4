import { isVietnameseSyllable, placeToneMark } from './vietnamese-syllable.js';

/**
 * Text normalisation for indexing and matching. The original text is kept elsewhere for display and
 * citations; this output is what tokenizers, the structure parser and the chunker read.
 *
 * What it does, in order:
 *  - line endings → `\n`; form feeds (page breaks) are kept;
 *  - zero-width characters, BOMs, soft hyphens and C0/C1 control characters (except tab, newline,
 *    form feed) are removed; Latin ligatures (ﬁ, ﬂ…) are expanded; `Ð/ð` (Icelandic eth, a frequent
 *    legacy-font and OCR confusion) become `Đ/đ`;
 *  - NFC, then the tone mark of every Vietnamese syllable is moved to its canonical vowel
 *    (see vietnamese-syllable.ts: hoà → hòa, thuỷ → thủy, qúa → quá);
 *  - exotic spaces (NBSP, thin, ideographic…) → space; runs of spaces → one space; spaces at line ends
 *    are trimmed. Tabs are kept: Word tables arrive as tab-separated cells (see loaders).
 *  - hyphenation at line ends is undone: `NĐ-\nCP` → `NĐ-CP` (codes keep their hyphen),
 *    `chín-\nh` → `chính`, `infor-\nmation` → `information`; when both halves are whole syllables
 *    (`ki-\nlô`) the hyphen stays and only the break goes (`ki-lô`).
 *  - more than one empty line in a row → one empty line.
 * Line breaks are otherwise kept: whether a line starting with `a)` or `Điều 5.` opens a new unit is the
 * structure parser's decision, not ours.
 */
export function normalizeVietnamese(text: string): string {
  let result = text.replace(/\r\n?/g, '\n');
  result = removeInvisibleCharacters(result);
  result = expandLigatures(result).normalize('NFC');
  // Only words with a non-ASCII letter can carry a tone mark; skipping the rest keeps this linear and cheap.
  result = result.replace(/[\p{L}\p{M}]*[^\x00-\x7F\P{L}][\p{L}\p{M}]*/gu, placeToneMarkCached);
  result = result.replace(/[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g, ' ');
  result = joinHyphenatedLineBreaks(result);
  result = result
    .replace(/ {2,}/g, ' ')
    .replace(/ *\t */g, '\t')
    .replace(/ +$/gm, '')
    .replace(/^ +/gm, '')
    .replace(/\n{3,}/g, '\n\n');
  return result.replace(/^\n+/, '').replace(/[ \n]+$/, '');
}

/** Vietnamese has a few thousand distinct syllables, so a small memo turns parsing into a map lookup. */
const toneCache = new Map<string, string>();
function placeToneMarkCached(word: string): string {
  let placed = toneCache.get(word);
  if (placed === undefined) {
    placed = placeToneMark(word);
    if (toneCache.size >= 50_000) toneCache.clear();
    toneCache.set(word, placed);
  }
  return placed;
}

/** Soft hyphen, zero-width space/joiners, word joiner, BOM, bidi marks, and control characters. */
function removeInvisibleCharacters(text: string): string {
  return text
    .replace(/\u00AD\n/g, '')
    .replace(/[\u00AD\u200B-\u200F\u2060-\u2064\uFEFF\u202A-\u202E]/g, '')
    .replace(/[\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F]/g, '')
    .replace(/\u00D0/g, 'Đ')
    .replace(/\u00F0/g, 'đ');
}

const LIGATURES: Record<string, string> = {
  '\uFB00': 'ff',
  '\uFB01': 'fi',
  '\uFB02': 'fl',
  '\uFB03': 'ffi',
  '\uFB04': 'ffl',
  '\uFB05': 'st',
  '\uFB06': 'st',
  '\u0132': 'IJ',
  '\u0133': 'ij',
  '\u0152': 'OE',
  '\u0153': 'oe',
};

function expandLigatures(text: string): string {
  return text.replace(/[\uFB00-\uFB06\u0132\u0133\u0152\u0153]/g, (char) => LIGATURES[char] ?? char);
}

const CODE_CHAR = /[\p{Lu}\d]/u;

/** `left-\nright` at a line end: decide between a code hyphen, a split word and a real compound. */
function joinHyphenatedLineBreaks(text: string): string {
  return text.replace(
    /([\p{L}\p{M}\d]+)[-\u2010\u2011] *\n *([\p{L}\p{M}\d]+)/gu,
    (match, left: string, right: string) => {
      const lastLeft = left.at(-1) ?? '';
      const firstRight = right[0] ?? '';
      if (CODE_CHAR.test(lastLeft) && CODE_CHAR.test(firstRight)) return `${left}-${right}`;
      if (!/\p{Ll}/u.test(lastLeft) || !/\p{Ll}/u.test(firstRight)) return match;
      if (isVietnameseSyllable(left) && isVietnameseSyllable(right)) return `${left}-${right}`;
      return left + right;
    },
  );
}
