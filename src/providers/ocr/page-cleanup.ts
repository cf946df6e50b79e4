import type { GrayImage } from './raster-image.js';

/**
 * Removes the non-text ink of administrative documents before OCR: table rulings and form grids, dotted
 * leader lines ("Họ và tên:..........") and empty check boxes (☐). Tesseract's layout analysis treats
 * these as image regions and then drops whole blocks of real text next to them (on the DC01 form it lost
 * items 7–15), or reads them as strings of `|`, `L]`, `nnnseeeee`. Measured on the born-digital pages in
 * evals/ocr: CER 0.118 → 0.075 at the same speed (see evals/reports/ocr.md).
 *
 * Everything is decided on an Otsu-binarised copy; only the removed pixels are whitened in the grey
 * image, so Tesseract still binarises the text itself (sending our Otsu image instead lost diacritics:
 * CER 0.091 vs 0.083 while exploring, before check boxes and grids were handled). Sizes are in pixels at
 * 200 dpi and scale with the real resolution.
 */

export interface CleanupOptions {
  dpi: number;
  /** Shortest horizontal/vertical ink run treated as a ruling line (0.3 in). */
  ruleLength?: number;
  /** Shorter vertical runs are grid lines when both ends meet a removed horizontal rule (boxes of ô số). */
  gridSegment?: number;
  /** Largest dot of a leader line, and the largest gap between dots. */
  dotSize?: number;
  dotGap?: number;
  /** Fewest dots in a row that make a leader (an ellipsis "..." has 3 and is kept). */
  dotRun?: number;
}

export interface CleanupReport {
  threshold: number;
  rulePixels: number;
  leaderDots: number;
  checkBoxes: number;
}

export function otsuThreshold(pixels: Uint8Array): number {
  const histogram = new Float64Array(256);
  for (let index = 0; index < pixels.length; index++) histogram[pixels[index]!]!++;
  let total = 0;
  for (let value = 0; value < 256; value++) total += value * histogram[value]!;
  let backgroundWeight = 0;
  let backgroundSum = 0;
  let best = -1;
  let threshold = 127;
  for (let value = 0; value < 256; value++) {
    backgroundWeight += histogram[value]!;
    if (backgroundWeight === 0) continue;
    const foregroundWeight = pixels.length - backgroundWeight;
    if (foregroundWeight === 0) break;
    backgroundSum += value * histogram[value]!;
    const meanBackground = backgroundSum / backgroundWeight;
    const meanForeground = (total - backgroundSum) / foregroundWeight;
    const between = backgroundWeight * foregroundWeight * (meanBackground - meanForeground) ** 2;
    if (between > best) {
      best = between;
      threshold = value;
    }
  }
  return threshold;
}

/** Cleans `image` in place and reports what was removed. */
export function cleanDocumentImage(image: GrayImage, options: CleanupOptions): CleanupReport {
  const { width, height, pixels } = image;
  const scale = options.dpi / 200;
  const threshold = otsuThreshold(pixels);
  // A blank or uniformly dark page has nothing to clean; Otsu would split noise.
  const ink = new Uint8Array(width * height);
  let inkCount = 0;
  for (let index = 0; index < ink.length; index++) {
    if (pixels[index]! <= threshold) {
      ink[index] = 1;
      inkCount++;
    }
  }
  const report: CleanupReport = { threshold, rulePixels: 0, leaderDots: 0, checkBoxes: 0 };
  if (inkCount === 0 || inkCount > ink.length * 0.5) return report;

  const removed = new Uint8Array(width * height);
  report.rulePixels = markRules(ink, removed, width, height,
    Math.round((options.ruleLength ?? 60) * scale), Math.round((options.gridSegment ?? 25) * scale));
  for (let index = 0; index < ink.length; index++) if (removed[index]) ink[index] = 0;

  const components = labelComponents(ink, width, height);
  report.leaderDots = markLeaderDots(components, removed, width, {
    dotSize: Math.max(2, Math.round((options.dotSize ?? 7) * scale)),
    dotGap: Math.max(3, Math.round((options.dotGap ?? 14) * scale)),
    dotRun: options.dotRun ?? 5,
  });
  report.checkBoxes = markCheckBoxes(components, ink, removed, width, Math.round(10 * scale), Math.round(45 * scale));

  for (let index = 0; index < pixels.length; index++) if (removed[index]) pixels[index] = 255;
  return report;
}

function markRules(ink: Uint8Array, removed: Uint8Array, width: number, height: number, length: number, gridSegment: number): number {
  let count = 0;
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; ) {
      if (!ink[row + x]) {
        x++;
        continue;
      }
      let end = x;
      while (end < width && ink[row + end]) end++;
      if (end - x >= length) for (let k = x; k < end; k++) removed[row + k] = 1;
      x = end;
    }
  }
  const horizontal = removed.slice();
  const touchesHorizontal = (x: number, y: number) => {
    for (let dy = -2; dy <= 2; dy++) {
      const yy = y + dy;
      if (yy < 0 || yy >= height) continue;
      for (let dx = -1; dx <= 1; dx++) {
        const xx = x + dx;
        if (xx >= 0 && xx < width && horizontal[yy * width + xx]) return true;
      }
    }
    return false;
  };
  for (let x = 0; x < width; x++) {
    for (let y = 0; y < height; ) {
      if (!ink[y * width + x]) {
        y++;
        continue;
      }
      let end = y;
      while (end < height && ink[end * width + x]) end++;
      const run = end - y;
      if (run >= length || (run >= gridSegment && touchesHorizontal(x, y) && touchesHorizontal(x, end - 1))) {
        for (let k = y; k < end; k++) removed[k * width + x] = 1;
      }
      y = end;
    }
  }
  for (let index = 0; index < removed.length; index++) count += removed[index]!;
  return count;
}

interface Components {
  labels: Int32Array;
  /** Per component: x0, y0, x1, y1, pixel count. */
  boxes: Int32Array;
  count: number;
}

/** 8-connected labelling with an explicit stack (no recursion, no per-pixel allocation). */
function labelComponents(ink: Uint8Array, width: number, height: number): Components {
  const labels = new Int32Array(width * height).fill(-1);
  let boxes = new Int32Array(5 * 4096);
  let stack = new Int32Array(4096);
  let count = 0;
  for (let start = 0; start < ink.length; start++) {
    if (!ink[start] || labels[start] !== -1) continue;
    if ((count + 1) * 5 > boxes.length) {
      const grown = new Int32Array(boxes.length * 2);
      grown.set(boxes);
      boxes = grown;
    }
    let x0 = width, y0 = height, x1 = -1, y1 = -1, pixels = 0, top = 0;
    stack[top++] = start;
    labels[start] = count;
    while (top > 0) {
      const position = stack[--top]!;
      const x = position % width;
      const y = (position - x) / width;
      pixels++;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      for (let dy = -1; dy <= 1; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= height) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx;
          if (xx < 0 || xx >= width) continue;
          const next = yy * width + xx;
          if (!ink[next] || labels[next] !== -1) continue;
          labels[next] = count;
          if (top === stack.length) {
            const grown = new Int32Array(stack.length * 2);
            grown.set(stack);
            stack = grown;
          }
          stack[top++] = next;
        }
      }
    }
    boxes.set([x0, y0, x1, y1, pixels], count * 5);
    count++;
  }
  return { labels, boxes, count };
}

function clearComponent(components: Components, id: number, removed: Uint8Array, width: number) {
  const { boxes, labels } = components;
  const [x0, y0, x1, y1] = [boxes[id * 5]!, boxes[id * 5 + 1]!, boxes[id * 5 + 2]!, boxes[id * 5 + 3]!];
  for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) if (labels[y * width + x] === id) removed[y * width + x] = 1;
}

/** Chains of ≥ dotRun small blobs sitting on one baseline with small gaps: leader lines, not diacritics. */
function markLeaderDots(components: Components, removed: Uint8Array, width: number, limits: { dotSize: number; dotGap: number; dotRun: number }): number {
  const { boxes } = components;
  const byBaseline = new Map<number, number[]>();
  for (let id = 0; id < components.count; id++) {
    const w = boxes[id * 5 + 2]! - boxes[id * 5]! + 1;
    const h = boxes[id * 5 + 3]! - boxes[id * 5 + 1]! + 1;
    if (w > limits.dotSize || h > limits.dotSize) continue;
    const baseline = boxes[id * 5 + 3]!;
    const row = byBaseline.get(baseline) ?? [];
    row.push(id);
    byBaseline.set(baseline, row);
  }
  for (const row of byBaseline.values()) row.sort((a, b) => boxes[a * 5]! - boxes[b * 5]!);
  const used = new Set<number>();
  let removedDots = 0;
  const nextDot = (id: number): number | undefined => {
    const right = boxes[id * 5 + 2]!;
    const baseline = boxes[id * 5 + 3]!;
    let best: number | undefined;
    for (let dy = -2; dy <= 2; dy++) {
      for (const candidate of byBaseline.get(baseline + dy) ?? []) {
        const gap = boxes[candidate * 5]! - right;
        if (gap <= 0 || used.has(candidate)) continue;
        if (gap > limits.dotGap) break;
        if (best === undefined || boxes[candidate * 5]! < boxes[best * 5]!) best = candidate;
        break;
      }
    }
    return best;
  };
  const baselines = [...byBaseline.keys()].sort((a, b) => a - b);
  for (const baseline of baselines) {
    for (const first of byBaseline.get(baseline)!) {
      if (used.has(first)) continue;
      const chain = [first];
      for (let next = nextDot(first); next !== undefined; next = nextDot(chain.at(-1)!)) chain.push(next);
      if (chain.length < limits.dotRun) continue;
      for (const id of chain) {
        used.add(id);
        clearComponent(components, id, removed, width);
      }
      removedDots += chain.length;
    }
  }
  return removedDots;
}

/** Empty square outlines (☐): all four sides inked, inside blank. Letters like O/D/0 are rounded or filled. */
function markCheckBoxes(components: Components, ink: Uint8Array, removed: Uint8Array, width: number, minSide: number, maxSide: number): number {
  const { boxes } = components;
  let found = 0;
  const sideCoverage = (x: number, y: number, dx: number, dy: number, length: number) => {
    let inked = 0;
    for (let step = 0; step < length; step++) inked += ink[(y + dy * step) * width + x + dx * step]!;
    return inked / length;
  };
  for (let id = 0; id < components.count; id++) {
    const [x0, y0, x1, y1] = [boxes[id * 5]!, boxes[id * 5 + 1]!, boxes[id * 5 + 2]!, boxes[id * 5 + 3]!];
    const w = x1 - x0 + 1;
    const h = y1 - y0 + 1;
    if (w < minSide || h < minSide || w > maxSide || h > maxSide || Math.abs(w - h) > 0.25 * Math.max(w, h)) continue;
    const side = (a: number, b: number) => Math.max(a, b) >= 0.85;
    const square =
      side(sideCoverage(x0, y0, 1, 0, w), sideCoverage(x0, y0 + 1, 1, 0, w)) &&
      side(sideCoverage(x0, y1, 1, 0, w), sideCoverage(x0, y1 - 1, 1, 0, w)) &&
      side(sideCoverage(x0, y0, 0, 1, h), sideCoverage(x0 + 1, y0, 0, 1, h)) &&
      side(sideCoverage(x1, y0, 0, 1, h), sideCoverage(x1 - 1, y0, 0, 1, h));
    if (!square) continue;
    let inside = 0;
    let area = 0;
    for (let y = y0 + 3; y <= y1 - 3; y++) {
      for (let x = x0 + 3; x <= x1 - 3; x++) {
        area++;
        inside += ink[y * width + x]!;
      }
    }
    if (area === 0 || inside > 0.05 * area) continue;
    clearComponent(components, id, removed, width);
    found++;
  }
  return found;
}
