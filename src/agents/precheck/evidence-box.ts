import type { PageBox, PageLine } from '../../ingest/loaders/index.js';

/**
 * Boxes for evidence: where characters of a page's text are printed, as fractions (0–1) of the page
 * (the contract's `Evidence.box`). Spans are PDF text items or OCR words; a range that covers part
 * of a span takes the proportional part of its width, which is close enough to frame a value.
 */

export function unionBox(boxes: readonly (PageBox | undefined)[]): PageBox | undefined {
  const present = boxes.filter((box): box is PageBox => box !== undefined && box.width >= 0 && box.height >= 0);
  if (present.length === 0) return undefined;
  const left = Math.min(...present.map((box) => box.x));
  const top = Math.min(...present.map((box) => box.y));
  const right = Math.max(...present.map((box) => box.x + box.width));
  const bottom = Math.max(...present.map((box) => box.y + box.height));
  return roundBox({ x: left, y: top, width: right - left, height: bottom - top });
}

function roundBox(box: PageBox): PageBox {
  const round = (value: number) => Math.round(value * 10_000) / 10_000;
  return { x: round(box.x), y: round(box.y), width: round(box.width), height: round(box.height) };
}

/** The box of characters `start`..`end` of line `lineIndex` (of `text.split('\n')`), when known. */
export function boxOfRange(lines: readonly PageLine[] | undefined, lineIndex: number, start = 0, end = Number.POSITIVE_INFINITY): PageBox | undefined {
  const line = lines?.find((candidate) => candidate.lineIndex === lineIndex);
  if (!line) return undefined;
  const parts: PageBox[] = [];
  for (const span of line.spans) {
    const from = Math.max(start, span.start);
    const to = Math.min(end, span.end);
    if (to <= from) continue;
    const length = span.end - span.start;
    const left = span.box.x + (span.box.width * (from - span.start)) / length;
    const right = span.box.x + (span.box.width * (to - span.start)) / length;
    parts.push({ x: left, y: span.box.y, width: right - left, height: span.box.height });
  }
  return unionBox(parts);
}
