/**
 * Rebuilds reading lines from pdf.js text items. Items come in content-stream order, which for Word
 * exports of Vietnamese official documents interleaves the two header columns (issuing body / national
 * motto) and breaks lines at arbitrary points; grouping by position gives lines as they are printed.
 *
 * Rules (sizes relative to the font size `em` of the items involved):
 *  - items whose vertical extents overlap by at least half of the smaller one share a line (so raised
 *    footnote markers "(1)" stay on their line);
 *  - within a line, a gap of more than 0.15 em becomes a space and a gap above 2.5 em a tab (two
 *    columns printed side by side, e.g. "BỘ TÀI CHÍNH\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
 *  - a vertical gap above 1.9 em between lines becomes an empty line (paragraph break);
 *  - rotated text (stamps, vertical margins) is appended after the page text in stream order.
 */

export interface PositionedText {
  str: string;
  /** PDF text matrix [a, b, c, d, e, f]: (e, f) is the baseline origin in page space (y grows upwards). */
  transform: number[];
  width: number;
  height: number;
}

interface Placed {
  text: string;
  x: number;
  right: number;
  bottom: number;
  top: number;
  size: number;
}

interface Line {
  items: Placed[];
  bottom: number;
  top: number;
  size: number;
}

const SPACE_GAP_EM = 0.15;
const COLUMN_GAP_EM = 2.5;
const PARAGRAPH_GAP_EM = 1.9;

/** A rectangle in PDF user space (y grows upwards), as the page's text items occupy it. */
export interface UserSpaceBox {
  left: number;
  bottom: number;
  right: number;
  top: number;
}

/** One text item's share of a laid-out line: characters `start`..`end` of the line's text. */
export interface LaidOutSpan {
  start: number;
  end: number;
  box: UserSpaceBox;
}

/** Where a line of the laid-out text is printed; `lineIndex` counts the lines of `TextLayout.text`. */
export interface LaidOutLine {
  lineIndex: number;
  text: string;
  box: UserSpaceBox;
  spans: LaidOutSpan[];
}

export interface TextLayout {
  text: string;
  /** Horizontal lines only; rotated text (stamps, margins) has no position here. */
  lines: LaidOutLine[];
}

export function layoutTextItems(items: readonly PositionedText[]): string {
  return layoutText(items).text;
}

/** The page text and, for each of its lines, where its characters are printed. */
export function layoutText(items: readonly PositionedText[]): TextLayout {
  const placed: Placed[] = [];
  const rotated: string[] = [];
  for (const item of items) {
    if (!item.str || item.str.trim() === '') continue;
    const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = item.transform;
    const size = Math.hypot(c, d) || item.height || 1;
    if (Math.abs(b) > 0.01 * Math.abs(a) || Math.abs(c) > 0.01 * Math.abs(d) || a <= 0) {
      rotated.push(item.str);
      continue;
    }
    const height = item.height > 0 ? item.height : size;
    // The baseline is `f`; glyph boxes extend ~0.2 em below it for descenders.
    placed.push({ text: item.str, x: e, right: e + item.width, bottom: f - 0.2 * height, top: f + 0.8 * height, size });
  }
  placed.sort((first, second) => second.top - first.top || first.x - second.x);
  const lines: Line[] = [];
  for (const item of placed) {
    const line = lines.find((candidate) => overlaps(candidate, item));
    if (line) {
      line.items.push(item);
      line.bottom = Math.min(line.bottom, item.bottom);
      line.top = Math.max(line.top, item.top);
      line.size = Math.max(line.size, item.size);
    } else {
      lines.push({ items: [item], bottom: item.bottom, top: item.top, size: item.size });
    }
  }
  lines.sort((first, second) => second.top - first.top);
  const output: string[] = [];
  const laidOut: LaidOutLine[] = [];
  let previous: Line | undefined;
  for (const line of lines) {
    if (previous && previous.bottom - line.top > PARAGRAPH_GAP_EM * Math.min(previous.size, line.size) - line.size) output.push('');
    const rendered = renderLine(line);
    if (rendered.spans.length > 0) {
      const box = rendered.spans.map((span) => span.box).reduce(union);
      laidOut.push({ lineIndex: output.length, text: rendered.text, box, spans: rendered.spans });
    }
    output.push(rendered.text);
    previous = line;
  }
  if (rotated.length > 0) output.push('', ...rotated);
  return { text: output.join('\n').replace(/[ \t]+$/gm, ''), lines: laidOut };
}

function union(first: UserSpaceBox, second: UserSpaceBox): UserSpaceBox {
  return { left: Math.min(first.left, second.left), bottom: Math.min(first.bottom, second.bottom), right: Math.max(first.right, second.right), top: Math.max(first.top, second.top) };
}

/** Only the last few lines can overlap an item, because items arrive sorted from the top down. */
function overlaps(line: Line, item: Placed): boolean {
  const overlap = Math.min(line.top, item.top) - Math.max(line.bottom, item.bottom);
  return overlap >= 0.5 * Math.min(line.top - line.bottom, item.top - item.bottom);
}

function renderLine(line: Line): { text: string; spans: LaidOutSpan[] } {
  const items = [...line.items].sort((first, second) => first.x - second.x);
  let raw = '';
  const rawSpans: LaidOutSpan[] = [];
  let previous: Placed | undefined;
  for (const item of items) {
    if (previous) {
      const gap = item.x - previous.right;
      const em = Math.min(previous.size, item.size);
      if (gap > COLUMN_GAP_EM * em) raw = raw.replace(/ +$/, '') + '\t';
      else if (gap > SPACE_GAP_EM * em && !/\s$/.test(raw) && !/^\s/.test(item.text)) raw += ' ';
      // Overlapping duplicates (fake bold printed twice with a tiny offset) are skipped.
      else if (gap < -0.5 * em && item.text === previous.text) continue;
    }
    rawSpans.push({ start: raw.length, end: raw.length + item.text.length, box: { left: item.x, bottom: item.bottom, right: item.right, top: item.top } });
    raw += item.text;
    previous = item;
  }
  const { text, offsets } = collapseSpaces(raw);
  const spans = rawSpans
    .map((span) => ({ ...span, start: offsets[span.start] ?? text.length, end: Math.min(text.length, offsets[span.end] ?? text.length) }))
    .filter((span) => span.end > span.start);
  return { text, spans };
}

/**
 * `raw.replace(/ {2,}/g, ' ').trim()`, also telling where each character of `raw` lands
 * (`offsets[i]`; a dropped character maps to the position of the next kept one).
 */
function collapseSpaces(raw: string): { text: string; offsets: number[] } {
  let end = raw.length;
  while (end > 0 && /\s/u.test(raw.charAt(end - 1))) end--;
  let text = '';
  const offsets: number[] = [];
  let started = false;
  for (let index = 0; index < raw.length; index++) {
    offsets.push(text.length);
    const char = raw.charAt(index);
    if (index >= end) continue;
    if (!started && /\s/u.test(char)) continue;
    started = true;
    if (char === ' ' && text.endsWith(' ')) continue;
    text += char;
  }
  offsets.push(text.length);
  return { text, offsets };
}
