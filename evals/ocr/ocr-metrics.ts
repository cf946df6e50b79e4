import { normalizeVietnamese } from '../../src/ingest/normalize/index.js';

/**
 * Character error rate for OCR against the PDF text layer of the same page.
 *
 * CER = Levenshtein distance (insertions + deletions + substitutions, over Unicode code points after
 * NFC) / number of code points in the normalised ground truth. Pages are pooled by summing distances
 * and lengths (micro average), so long pages weigh more.
 *
 * Normalisation, applied identically to OCR output and ground truth (`normalizeForCer`):
 *  1. `normalizeVietnamese` (NFC, one tone-mark placement: `hoà`/`hòa` is not an OCR error, hyphenation
 *     and invisible characters cleaned);
 *  2. private-use characters are dropped: the ground truth contains Wingdings check-box glyphs (U+F0A8)
 *     that have no printed text equivalent;
 *  3. runs of 3+ leader characters (`.` `…` `_` `-` `–` `—`, spaces allowed between them) become one `…`:
 *     a form line "Họ và tên:.........." has 30 or 180 dots depending on the font, and the count carries
 *     no information;
 *  4. WHITESPACE: every run of whitespace (spaces, tabs, line breaks) becomes one space, leading and
 *     trailing whitespace is removed. Line breaks therefore do not count, but a missing or extra space
 *     between two words counts as one edit.
 * `strict` CER skips steps 1–3 (NFC + step 4 only) and is reported alongside, so the effect of the
 * normalisation stays visible.
 */

export function normalizeForCer(text: string): string {
  return normalizeVietnamese(text)
    .replace(/[\uE000-\uF8FF]/g, '')
    .replace(/(?:[._\-\u2013\u2014\u2026][ \t]*){3,}/g, ' … ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function normalizeStrict(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** Levenshtein distance over code points, O(n·m) time and O(m) memory. */
export function levenshtein(first: string, second: string): number {
  const a = [...first];
  const b = [...second];
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let previous = new Uint32Array(b.length + 1);
  let current = new Uint32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    const char = a[i - 1];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (char === b[j - 1] ? 0 : 1);
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length]!;
}

export interface PageScore {
  edits: number;
  length: number;
  strictEdits: number;
  strictLength: number;
}

export function scorePage(ocrText: string, groundTruth: string): PageScore {
  const truth = normalizeForCer(groundTruth);
  const strictTruth = normalizeStrict(groundTruth);
  return {
    edits: levenshtein(normalizeForCer(ocrText), truth),
    length: [...truth].length,
    strictEdits: levenshtein(normalizeStrict(ocrText), strictTruth),
    strictLength: [...strictTruth].length,
  };
}

export function pooledCer(scores: PageScore[]): { cer: number; strictCer: number } {
  const sum = (pick: (score: PageScore) => number) => scores.reduce((total, score) => total + pick(score), 0);
  return {
    cer: sum((score) => score.edits) / Math.max(1, sum((score) => score.length)),
    strictCer: sum((score) => score.strictEdits) / Math.max(1, sum((score) => score.strictLength)),
  };
}
