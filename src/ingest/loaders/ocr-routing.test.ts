import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { decodeToGray, TesseractOcrEngine } from '../../providers/ocr/index.js';
import type { OcrEngine, OcrImage, OcrResult, RecognizeOptions } from '../../providers/ocr/index.js';
import { loadDocument } from './index.js';
import { sharedPath, skipUnlessShared } from './testing/shared-corpus.js';

const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'ocr-routing-'));
const real = new TesseractOcrEngine({ cacheDir });
after(async () => {
  await real.close();
  rmSync(cacheDir, { recursive: true, force: true });
});

/** Runs the real engine on the first page only (keeps the suite fast) and records every call. */
class FirstPageOnly implements OcrEngine {
  readonly id = `first-page-only(${real.id})`;
  readonly languages = real.languages;
  readonly calls: { width?: number; dpi?: number }[] = [];
  async recognize(image: OcrImage, options?: RecognizeOptions): Promise<OcrResult> {
    this.calls.push({ ...('width' in image ? { width: image.width } : {}), ...(options?.dpi ? { dpi: options.dpi } : {}) });
    if (this.calls.length === 1) return real.recognize(image, options);
    return { text: '(trang không nhận dạng trong kiểm thử)', confidence: 0.5, durationMs: 0 };
  }
  async close() {}
}

const scanned = 'corpora/ocr/scanned_pdf/CV_2243-PCCC-CNCH-P6_scan_signed.pdf';

test('a scanned PDF page is rendered and OCR\'d; every image-only page goes to OCR', { skip: skipUnlessShared(scanned) }, async () => {
  const ocr = new FirstPageOnly();
  const document = await loadDocument({ bytes: new Uint8Array(readFileSync(sharedPath(scanned))), filename: 'cv.pdf' }, { ocr });
  assert.equal(document.pages.length, 2);
  assert.ok(document.pages.every((page) => page.method === 'ocr'));
  assert.equal(ocr.calls.length, 2);
  assert.equal(ocr.calls[0]?.dpi, 200);
  assert.ok((ocr.calls[0]?.width ?? 0) > 1600, 'A4 at 200 dpi is about 1654 px wide');
  const first = document.pages[0]!;
  assert.match(first.text, /CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
  assert.match(first.text, /2243/);
  assert.match(first.text, /quy chuẩn kỹ thuật quốc gia/);
  assert.ok((first.confidence ?? 0) > 0.8, `confidence ${first.confidence}`);
  assert.equal(first.ocrEngine, ocr.id);
});

test('a born-digital PDF never calls the OCR engine', { skip: skipUnlessShared('corpora/ocr/born_digital_pdf/TT_02-2021-TT-BTC.pdf') }, async () => {
  const ocr = new FirstPageOnly();
  const document = await loadDocument({ bytes: new Uint8Array(readFileSync(sharedPath('corpora/ocr/born_digital_pdf/TT_02-2021-TT-BTC.pdf'))), filename: 'tt.pdf' }, { ocr });
  assert.equal(ocr.calls.length, 0);
  assert.ok(document.pages.every((page) => page.method === 'text-layer'));
});

const rendered = 'corpora/ocr/born_digital_rendered/TT_02-2021-TT-BTC_p1.png';

test('an image (PNG) and a TIFF go to OCR', { skip: skipUnlessShared(rendered) }, async () => {
  const png = new Uint8Array(readFileSync(sharedPath(rendered)));
  const document = await loadDocument({ bytes: png, filename: 'trang.png' }, { ocr: real });
  assert.equal(document.format, 'image');
  assert.equal(document.mediaType, 'image/png');
  assert.equal(document.pages[0]?.method, 'ocr');
  assert.match(document.pages[0]!.text, /Căn cứ Luật Phí và lệ phí ngày 25 tháng 11 năm 2015/);

  // The page header, cut out and stored as an uncompressed 8-bit TIFF.
  const gray = await decodeToGray(png);
  assert.ok(gray);
  const rows = 330;
  const tiff = grayTiff(gray.width, rows, gray.pixels.subarray(0, gray.width * rows));
  const header = await loadDocument({ bytes: tiff, filename: 'trang.tif' }, { ocr: real });
  assert.equal(header.mediaType, 'image/tiff');
  assert.match(header.pages[0]!.text, /BỘ TÀI CHÍNH/);
});

function grayTiff(width: number, height: number, pixels: Uint8Array): Uint8Array {
  const entries: [number, number, number][] = [
    [256, 4, width], [257, 4, height], [258, 3, 8], [259, 3, 1], [262, 3, 1], [273, 4, 0], [277, 3, 1], [278, 4, height], [279, 4, pixels.length],
  ];
  const dataOffset = 8 + 2 + entries.length * 12 + 4;
  const bytes = new Uint8Array(dataOffset + pixels.length);
  const view = new DataView(bytes.buffer);
  bytes.set([0x49, 0x49, 0x2a, 0x00]);
  view.setUint32(4, 8, true);
  view.setUint16(8, entries.length, true);
  entries.forEach(([tag, type, value], index) => {
    const offset = 10 + index * 12;
    view.setUint16(offset, tag, true);
    view.setUint16(offset + 2, type, true);
    view.setUint32(offset + 4, 1, true);
    if (type === 3) view.setUint16(offset + 8, value, true);
    else view.setUint32(offset + 8, tag === 273 ? dataOffset : value, true);
  });
  bytes.set(pixels, dataOffset);
  return bytes;
}
