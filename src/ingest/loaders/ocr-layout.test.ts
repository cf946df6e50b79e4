import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { OcrLine } from '../../providers/ocr/index.js';
import { ocrPageLines } from './ocr-layout.js';

const word = (text: string, x0: number, y0: number) => ({ text, confidence: 0.9, bbox: { x0, y0, x1: x0 + text.length * 10, y1: y0 + 20 } });
const line = (words: ReturnType<typeof word>[]): OcrLine => ({
  text: words.map((entry) => entry.text).join(' '),
  confidence: 0.9,
  bbox: { x0: words[0]!.bbox.x0, y0: words[0]!.bbox.y0, x1: words[words.length - 1]!.bbox.x1, y1: words[0]!.bbox.y1 },
  words,
});

test('OCR lines are matched to the lines of the text (paragraph gaps skipped) and boxes become page fractions', () => {
  const text = 'CĂN CƯỚC\n\nSố: 064195001234\nHọ và tên: AN';
  const lines = [line([word('CĂN', 100, 50), word('CƯỚC', 150, 50)]), line([word('Số:', 100, 200), word('064195001234', 140, 200)]), line([word('Họ', 100, 300), word('và', 130, 300), word('tên:', 160, 300), word('AN', 210, 300)])];
  const page = ocrPageLines(text, lines, 1000, 500);
  assert.deepEqual(page.map((entry) => entry.lineIndex), [0, 2, 3]);
  const id = page[1]!;
  assert.equal(id.text.slice(id.spans[1]!.start, id.spans[1]!.end), '064195001234');
  assert.deepEqual(id.spans[1]!.box, { x: 0.14, y: 0.4, width: 0.12, height: 0.04 });
  assert.equal(id.spans[1]!.confidence, 0.9);
});

test('a line the engine reports differently from its text gets no position instead of a wrong one', () => {
  const page = ocrPageLines('một dòng\nhai dòng', [line([word('khác', 0, 0)]), line([word('hai', 0, 40), word('dòng', 40, 40)])], 100, 100);
  assert.deepEqual(page.map((entry) => entry.lineIndex), [1]);
});
