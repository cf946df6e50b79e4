import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeToGray, detectRasterFormat, encodePgm, readImageSize, toGray } from './raster-image.js';

function png(width: number, height: number): Uint8Array {
  const bytes = new Uint8Array(33);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  new DataView(bytes.buffer).setUint32(16, width);
  new DataView(bytes.buffer).setUint32(20, height);
  return bytes;
}

function jpeg(width: number, height: number): Uint8Array {
  // SOI, an APP0 segment to skip, then SOF0 with the frame size.
  return new Uint8Array([
    0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00,
    0xff, 0xc0, 0x00, 0x11, 0x08, height >> 8, height & 255, width >> 8, width & 255, 0x03, 0, 0, 0, 0, 0,
  ]);
}

function tiff(width: number, height: number, bigEndian = false): Uint8Array {
  const bytes = new Uint8Array(8 + 2 + 2 * 12 + 4);
  const view = new DataView(bytes.buffer);
  const little = !bigEndian;
  bytes.set(bigEndian ? [0x4d, 0x4d, 0x00, 0x2a] : [0x49, 0x49, 0x2a, 0x00]);
  view.setUint32(4, 8, little);
  view.setUint16(8, 2, little);
  view.setUint16(10, 256, little);
  view.setUint16(12, 3, little);
  view.setUint32(14, 1, little);
  view.setUint16(18, width, little);
  view.setUint16(22, 257, little);
  view.setUint16(24, 4, little);
  view.setUint32(26, 1, little);
  view.setUint32(30, height, little);
  return bytes;
}

test('image sizes are read from headers without decoding', () => {
  assert.deepEqual(readImageSize(png(1654, 2339)), { format: 'png', width: 1654, height: 2339 });
  assert.deepEqual(readImageSize(jpeg(2480, 3508)), { format: 'jpeg', width: 2480, height: 3508 });
  assert.deepEqual(readImageSize(tiff(1700, 2200)), { format: 'tiff', width: 1700, height: 2200 });
  assert.deepEqual(readImageSize(tiff(1700, 2200, true)), { format: 'tiff', width: 1700, height: 2200 });
  assert.deepEqual(readImageSize(new TextEncoder().encode('P5\n# scanner\n640 480\n255\n')), { format: 'pnm', width: 640, height: 480 });
  const gif = new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x40, 0x01, 0xf0, 0x00]);
  assert.deepEqual(readImageSize(gif), { format: 'gif', width: 320, height: 240 });
});

test('truncated or unknown headers give undefined instead of throwing', () => {
  assert.equal(readImageSize(png(10, 10).subarray(0, 12)), undefined);
  assert.equal(readImageSize(jpeg(10, 10).subarray(0, 6)), undefined);
  assert.equal(readImageSize(new Uint8Array([1, 2, 3])), undefined);
  assert.equal(detectRasterFormat(new TextEncoder().encode('%PDF-1.7')), undefined);
});

test('grey conversion and PGM encoding', () => {
  const gray = toGray({ width: 2, height: 1, data: new Uint8Array([255, 255, 255, 255, 0, 0, 0, 255]), channels: 4 });
  assert.deepEqual([...gray.pixels], [255, 0]);
  const rgb = toGray({ width: 1, height: 1, data: new Uint8Array([255, 0, 0]), channels: 3 });
  assert.equal(rgb.pixels[0], 76);
  assert.throws(() => toGray({ width: 10, height: 10, data: new Uint8Array(5), channels: 1 }), RangeError);
  const pgm = encodePgm(gray);
  assert.equal(new TextDecoder().decode(pgm.subarray(0, 11)), 'P5\n2 1\n255\n');
  assert.deepEqual(readImageSize(pgm), { format: 'pnm', width: 2, height: 1 });
});

test('PNG decodes to grey pixels (transparent areas become white)', async (context) => {
  const specifier = '@napi-rs/canvas'; // optional dependency (via pdfjs-dist), not imported statically
  const canvasModule = (await import(specifier).catch(() => undefined)) as
    | { createCanvas(w: number, h: number): { getContext(k: '2d'): { fillStyle: string; fillRect(x: number, y: number, w: number, h: number): void }; encode(f: 'png'): Promise<Uint8Array> } }
    | undefined;
  if (!canvasModule) return context.skip('@napi-rs/canvas is not installed');
  const canvas = canvasModule.createCanvas(4, 2);
  const drawing = canvas.getContext('2d');
  drawing.fillStyle = '#000000';
  drawing.fillRect(0, 0, 2, 2); // left half black, right half left transparent
  const gray = await decodeToGray(await canvas.encode('png'));
  assert.ok(gray);
  assert.deepEqual([...gray.pixels], [0, 0, 255, 255, 0, 0, 255, 255]);
  assert.equal(await decodeToGray(tiff(4, 2)), undefined, 'TIFF is left to Tesseract');
});
