import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describeOcrEngineContract, renderTextImage } from './ocr-engine.contract.js';
import { TesseractOcrEngine } from './index.js';
import { packagedLanguageFolder, prepareLanguageCache } from './tesseract-language-data.js';

const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'tesseract-test-'));
process.on('exit', () => rmSync(cacheDir, { recursive: true, force: true }));

describeOcrEngineContract('tesseract.js (vie)', () => new TesseractOcrEngine({ cacheDir }));

test('language data comes from the installed npm packages and is cached un-gzipped', () => {
  for (const language of ['vie', 'eng']) {
    assert.ok(existsSync(path.join(packagedLanguageFolder(language, '4.0.0_best_int'), `${language}.traineddata.gz`)));
  }
  const folder = prepareLanguageCache(['vie', 'eng'], '4.0.0_best_int', cacheDir);
  assert.deepEqual(readdirSync(folder).filter((name) => name.endsWith('.traineddata')).sort(), ['eng.traineddata', 'vie.traineddata']);
  const size = statSync(path.join(folder, 'vie.traineddata')).size;
  const gzipped = statSync(path.join(packagedLanguageFolder('vie', '4.0.0_best_int'), 'vie.traineddata.gz')).size;
  assert.ok(size > gzipped, `vie.traineddata is ${size} bytes, the .gz ${gzipped}`);
  assert.throws(() => prepareLanguageCache(['../etc'], '4.0.0_best_int', cacheDir), /Invalid Tesseract language code/);
  assert.throws(() => packagedLanguageFolder('xyz', '4.0.0_best_int'), /not installed/);
});

test('one worker is reused: the second page does not pay the start-up again', async (context) => {
  const sample = await renderTextImage(['Ủy ban nhân dân xã']);
  if (!sample) return context.skip('no canvas module or no system fonts');
  const engine = new TesseractOcrEngine({ cacheDir });
  try {
    const first = await engine.recognize(sample.raw, { dpi: 300 });
    const second = await engine.recognize(sample.raw, { dpi: 300 });
    assert.equal(second.text, first.text);
    assert.ok(second.durationMs < first.durationMs, `first ${first.durationMs} ms, second ${second.durationMs} ms`);
  } finally {
    await engine.close();
  }
  await assert.rejects(engine.recognize(sample.raw), /closed/);
});

test('images above the pixel limit are refused before decoding', async () => {
  const engine = new TesseractOcrEngine({ cacheDir, maxPixels: 1000 });
  try {
    await assert.rejects(engine.recognize({ width: 100, height: 100, data: new Uint8Array(10_000), channels: 1 }), { code: 'image-too-large', status: 413 });
  } finally {
    await engine.close();
  }
});
