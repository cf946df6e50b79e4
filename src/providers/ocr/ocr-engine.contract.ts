import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { OcrEngine, RawImage } from './ocr-engine.js';
import { loadCanvasModule } from './raster-image.js';

/**
 * The behaviour every OcrEngine implementation must show (Hono's common.case.test pattern): run it
 * from each implementation's test file with a factory.
 */

interface DrawingCanvas {
  getContext(kind: '2d'): {
    fillStyle: string;
    font: string;
    textBaseline: string;
    fillRect(x: number, y: number, width: number, height: number): void;
    fillText(text: string, x: number, y: number): void;
    getImageData(x: number, y: number, width: number, height: number): { data: Uint8ClampedArray };
  };
  encode(format: 'png'): Promise<Uint8Array>;
}

/** Renders lines of text with a system serif font; undefined when no canvas or no fonts are available. */
export async function renderTextImage(lines: string[], fontSize = 36): Promise<{ raw: RawImage; png: Uint8Array } | undefined> {
  const canvasModule = (await loadCanvasModule()) as unknown as
    | { createCanvas(width: number, height: number): DrawingCanvas; GlobalFonts?: { families: unknown[] } }
    | undefined;
  if (!canvasModule || (canvasModule.GlobalFonts?.families.length ?? 0) === 0) return undefined;
  const width = 1400;
  const lineHeight = Math.round(fontSize * 1.6);
  const height = lineHeight * lines.length + 80;
  const canvas = canvasModule.createCanvas(width, height);
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  context.fillStyle = '#000000';
  context.font = `${fontSize}px "Liberation Serif", "DejaVu Serif", serif`;
  context.textBaseline = 'top';
  lines.forEach((line, index) => context.fillText(line, 40, 40 + index * lineHeight));
  const { data } = context.getImageData(0, 0, width, height);
  return { raw: { width, height, data: new Uint8Array(data), channels: 4 }, png: await canvas.encode('png') };
}

export function describeOcrEngineContract(name: string, create: () => OcrEngine): void {
  describe(`OcrEngine contract: ${name}`, () => {
    let engine: OcrEngine;
    let sample: Awaited<ReturnType<typeof renderTextImage>>;
    before(async () => {
      engine = create();
      sample = await renderTextImage(['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Thủ tục đăng ký khai sinh cho trẻ em']);
    });
    after(() => engine.close());

    test('describes itself: id and languages', () => {
      assert.ok(engine.id.length > 0);
      assert.ok(engine.languages.length > 0);
      assert.ok(engine.languages.every((language) => /^[a-z_]{3,}$/.test(language)));
    });

    test('recognises Vietnamese text from raw pixels and from encoded PNG, confidence in 0..1', async (context) => {
      if (!sample) return context.skip('no canvas module or no system fonts to render a sample');
      for (const image of [sample.raw, sample.png]) {
        const result = await engine.recognize(image, { dpi: 300 });
        assert.match(result.text, /CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
        assert.match(result.text, /đăng ký khai sinh/);
        assert.ok(result.confidence > 0.5 && result.confidence <= 1, `confidence ${result.confidence}`);
        assert.ok(result.durationMs >= 0);
      }
    });

    test('returns word boxes on request', async (context) => {
      if (!sample) return context.skip('no canvas module or no system fonts to render a sample');
      const result = await engine.recognize(sample.raw, { dpi: 300, words: true });
      const word = result.words?.find((candidate) => candidate.text === 'VIỆT');
      assert.ok(word, `words: ${result.words?.map((candidate) => candidate.text).join(' ')}`);
      assert.ok(word.bbox.x1 > word.bbox.x0 && word.bbox.y1 > word.bbox.y0);
      assert.ok(word.confidence > 0 && word.confidence <= 1);
    });

    test('with word boxes come the lines, in the order of the text, each holding its words', async (context) => {
      if (!sample) return context.skip('no canvas module or no system fonts to render a sample');
      const result = await engine.recognize(sample.raw, { dpi: 300, words: true });
      const lines = result.lines ?? [];
      const textLines = result.text.split('\n').filter((line) => line.trim());
      assert.deepEqual(lines.map((line) => line.text.replace(/\s+/g, '')), textLines.map((line) => line.replace(/\s+/g, '')));
      // the sample draws its second line 57 px (1.6 em) under the first
      assert.ok(lines.length === 2 && lines[1]!.bbox.y0 > lines[0]!.bbox.y1 - 5, JSON.stringify(lines.map((line) => line.bbox)));
      for (const line of lines) {
        assert.ok(line.words.length > 0);
        for (const word of line.words) assert.ok(word.bbox.x0 >= line.bbox.x0 - 1 && word.bbox.x1 <= line.bbox.x1 + 1 && word.bbox.x1 <= sample.raw.width);
      }
    });

    test('a blank page gives empty text, not an error', async () => {
      const blank: RawImage = { width: 400, height: 300, data: new Uint8Array(400 * 300).fill(255), channels: 1 };
      const result = await engine.recognize(blank);
      assert.equal(result.text.trim(), '');
    });

    test('an aborted signal rejects before any work', async () => {
      const controller = new AbortController();
      controller.abort();
      const blank: RawImage = { width: 10, height: 10, data: new Uint8Array(100).fill(255), channels: 1 };
      await assert.rejects(engine.recognize(blank, { signal: controller.signal }), { name: 'AbortError' });
    });

    test('bytes that are not an image are refused with a reason', async () => {
      await assert.rejects(engine.recognize(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8])), { code: 'image-unreadable' });
    });
  });
}
