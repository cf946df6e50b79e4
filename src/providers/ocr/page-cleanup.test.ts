import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanDocumentImage, otsuThreshold } from './page-cleanup.js';
import type { GrayImage } from './raster-image.js';

/** A white page with helpers to paint black rectangles, at 200 dpi like the benchmark pages. */
function page(width = 800, height = 400) {
  const image: GrayImage = { width, height, pixels: new Uint8Array(width * height).fill(255) };
  const fill = (x: number, y: number, w: number, h: number, value = 0) => {
    for (let row = y; row < y + h; row++) for (let column = x; column < x + w; column++) image.pixels[row * width + column] = value;
  };
  const inked = (x: number, y: number, w: number, h: number) => {
    let count = 0;
    for (let row = y; row < y + h; row++) for (let column = x; column < x + w; column++) if (image.pixels[row * width + column]! < 128) count++;
    return count;
  };
  return { image, fill, inked };
}

/** Letter-like strokes: a few glyph-sized blobs with a dot (diacritic) above some of them. */
function paintWord(fill: (x: number, y: number, w: number, h: number) => void, x: number, baseline: number) {
  for (let letter = 0; letter < 5; letter++) {
    fill(x + letter * 18, baseline - 24, 4, 24);
    fill(x + letter * 18 + 4, baseline - 4, 8, 4);
    if (letter % 2 === 0) fill(x + letter * 18 + 4, baseline - 32, 4, 4);
  }
}

test('Otsu finds the valley between ink and paper', () => {
  const pixels = new Uint8Array(1000);
  pixels.fill(20, 0, 300);
  pixels.fill(230, 300);
  const threshold = otsuThreshold(pixels);
  assert.ok(threshold >= 20 && threshold < 230, `threshold ${threshold}`);
});

test('ruling lines and form grids go; words touching nothing stay', () => {
  const { image, fill, inked } = page();
  paintWord(fill, 40, 60);
  fill(20, 100, 700, 2); // table rule
  fill(20, 100, 2, 200); // table border (vertical, long)
  // A row of "ô số" boxes: short verticals (40 px) between two horizontal rules.
  fill(300, 200, 300, 2);
  fill(300, 240, 300, 2);
  for (let x = 300; x <= 600; x += 30) fill(x, 200, 2, 42);
  const before = inked(40, 28, 100, 40);
  const report = cleanDocumentImage(image, { dpi: 200 });
  assert.equal(inked(20, 100, 700, 2), 0);
  assert.equal(inked(20, 100, 2, 200), 0);
  assert.equal(inked(300, 200, 302, 42), 0);
  assert.equal(inked(40, 28, 100, 40), before, 'the word must be untouched');
  assert.ok(report.rulePixels > 0);
});

test('dotted leaders go, an ellipsis and diacritic dots stay', () => {
  const { image, fill, inked } = page();
  for (let x = 100; x < 500; x += 10) fill(x, 150, 4, 4); // "............" leader, 40 dots
  for (let x = 100; x < 130; x += 10) fill(x, 250, 4, 4); // "..." ellipsis, 3 dots
  paintWord(fill, 100, 350); // diacritics: dots 36 px apart above letters
  const diacritics = inked(100, 318, 100, 4);
  const report = cleanDocumentImage(image, { dpi: 200 });
  assert.equal(inked(100, 150, 400, 4), 0);
  assert.equal(inked(100, 250, 30, 4), 3 * 16);
  assert.equal(inked(100, 318, 100, 4), diacritics);
  assert.equal(report.leaderDots, 40);
});

test('empty check boxes go; filled boxes and letters stay', () => {
  const { image, fill, inked } = page();
  const box = (x: number, y: number) => {
    fill(x, y, 24, 2);
    fill(x, y + 22, 24, 2);
    fill(x, y, 2, 24);
    fill(x + 22, y, 2, 24);
  };
  box(100, 100);
  box(200, 100);
  fill(300, 100, 24, 24); // a filled square (■) is content
  // An "O": ring without straight sides.
  for (let angle = 0; angle < 360; angle += 2) {
    const radians = (angle * Math.PI) / 180;
    fill(Math.round(412 + 11 * Math.cos(radians)), Math.round(112 + 11 * Math.sin(radians)), 2, 2);
  }
  const ring = inked(399, 99, 28, 28);
  const report = cleanDocumentImage(image, { dpi: 200 });
  assert.equal(report.checkBoxes, 2);
  assert.equal(inked(100, 100, 24, 24), 0);
  assert.equal(inked(200, 100, 24, 24), 0);
  assert.equal(inked(300, 100, 24, 24), 24 * 24);
  assert.equal(inked(399, 99, 28, 28), ring);
});

test('sizes scale with resolution: at 400 dpi a 100 px rule is still text-sized', () => {
  const { image, fill, inked } = page();
  fill(100, 100, 100, 3); // 100 px is a rule at 200 dpi (≥ 60) but only a long dash at 400 dpi (< 120)
  cleanDocumentImage(image, { dpi: 400 });
  assert.equal(inked(100, 100, 100, 3), 300);
});

test('a blank page is left alone', () => {
  const { image } = page(100, 100);
  const report = cleanDocumentImage(image, { dpi: 200 });
  assert.deepEqual([report.rulePixels, report.leaderDots, report.checkBoxes], [0, 0, 0]);
  assert.ok(image.pixels.every((value) => value === 255));
});
