import { foldForSearch } from '../../ingest/normalize/index.js';

/**
 * The classifier's input: hashed counts of folded (no diacritics, lower case) syllables, syllable
 * bigrams and character trigrams, with the heading lines counted again under their own prefix
 * (a document's title says most about its kind). Hashing keeps the model small and lets OCR
 * variants of a word still share most trigrams. Training (scripts/precheck) and inference use this
 * one function, so the two can never disagree.
 */
export const HASHED_FEATURES_ID = 'hashed-folded-ngrams-v1';

const HEADING_LINES = 8;
const MAX_CHARACTERS = 4000;

/** FNV-1a, 32 bit. */
function hash(text: string): number {
  let value = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    value ^= text.charCodeAt(index);
    value = Math.imul(value, 0x01000193);
  }
  return value >>> 0;
}

function addTokens(counts: Map<number, number>, text: string, prefix: string, dimensions: number): void {
  const tokens = foldForSearch(text).match(/[a-z0-9]+/g) ?? [];
  const add = (feature: string) => {
    const bucket = hash(prefix + feature) % dimensions;
    counts.set(bucket, (counts.get(bucket) ?? 0) + 1);
  };
  tokens.forEach((token, index) => {
    add(`u:${token}`);
    const next = tokens[index + 1];
    if (next) add(`b:${token} ${next}`);
    if (token.length >= 3 && !/^\d+$/u.test(token)) {
      const padded = `_${token}_`;
      for (let start = 0; start + 3 <= padded.length; start += 1) add(`c:${padded.slice(start, start + 3)}`);
    }
  });
}

/** L2-normalised log-count vector of length `dimensions`. */
export function hashedFeatures(text: string, dimensions: number): Float32Array {
  const clipped = text.slice(0, MAX_CHARACTERS);
  const counts = new Map<number, number>();
  const heading = clipped
    .split('\n')
    .filter((line) => line.trim().length > 2)
    .slice(0, HEADING_LINES)
    .join('\n');
  addTokens(counts, clipped, '', dimensions);
  addTokens(counts, heading, 'h|', dimensions);
  const vector = new Float32Array(dimensions);
  let norm = 0;
  for (const [bucket, count] of counts) {
    const value = Math.log1p(count);
    vector[bucket] = value;
    norm += value * value;
  }
  if (norm > 0) {
    const scale = 1 / Math.sqrt(norm);
    for (let index = 0; index < dimensions; index += 1) vector[index] = (vector[index] ?? 0) * scale;
  }
  return vector;
}
