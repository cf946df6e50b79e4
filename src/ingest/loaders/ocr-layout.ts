import type { OcrBoundingBox, OcrLine } from '../../providers/ocr/index.js';
import type { PageBox, PageLine, PageSpan } from './document.types.js';

/**
 * Matches the OCR engine's lines and words to the lines of the text it returned, so a line of the
 * page text can be pointed at on the page: boxes become fractions of the image (width × height of
 * the pixels that were recognised). Lines the engine reports differently from its text (rare) are
 * left without a position rather than guessed.
 */
export function ocrPageLines(text: string, lines: readonly OcrLine[], width: number, height: number): PageLine[] {
  const toBox = (bbox: OcrBoundingBox): PageBox => ({
    x: clamp(bbox.x0 / width),
    y: clamp(bbox.y0 / height),
    width: clamp((bbox.x1 - bbox.x0) / width),
    height: clamp((bbox.y1 - bbox.y0) / height),
  });
  const compact = (value: string) => value.replace(/\s+/gu, '');
  const wanted = lines.map((line) => compact(line.text || line.words.map((word) => word.text).join(' ')));
  const result: PageLine[] = [];
  let cursor = 0;
  text.split('\n').forEach((lineText, lineIndex) => {
    const key = compact(lineText);
    if (!key) return;
    let found = -1;
    for (let candidate = cursor; candidate < Math.min(lines.length, cursor + 6); candidate++) {
      if (wanted[candidate] === key) {
        found = candidate;
        break;
      }
    }
    const line = found >= 0 ? lines[found] : undefined;
    if (!line) return;
    cursor = found + 1;
    const spans: PageSpan[] = [];
    let position = 0;
    for (const word of line.words) {
      const start = word.text ? lineText.indexOf(word.text, position) : -1;
      if (start < 0) continue;
      position = start + word.text.length;
      spans.push({ start, end: position, box: toBox(word.bbox), confidence: word.confidence });
    }
    result.push({ lineIndex, text: lineText, box: toBox(line.bbox), spans });
  });
  return result;
}

function clamp(value: number): number {
  return Math.min(1, Math.max(0, value));
}
