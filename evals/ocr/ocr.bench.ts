/**
 * OCR benchmark: character error rate and seconds per page of OCR variants on the born-digital pages
 * rendered at 200 dpi (ground truth = the PDF text layer), plus loader throughput.
 *
 *   node --import tsx evals/ocr/ocr.bench.ts [--variants id,id] [--skip-throughput] [--skip-scanned]
 *
 * Writes evals/reports/ocr.json and evals/reports/ocr.md. Reads the corpora from SHARED_DIR
 * (default ../shared, resolved from the repository root).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeToGray, loadCanvasModule, TesseractOcrEngine } from '../../src/providers/ocr/index.js';
import type { OcrImage, RawImage, TesseractOcrOptions } from '../../src/providers/ocr/index.js';
import { measureLoaderThroughput } from './loader-throughput.js';
import type { ThroughputResult } from './loader-throughput.js';
import { pooledCer, scorePage } from './ocr-metrics.js';
import type { PageScore } from './ocr-metrics.js';
import { renderMarkdown } from './ocr-report.js';
import type { BenchReport, VariantResult } from './ocr-report.js';

export interface Variant {
  id: string;
  description: string;
  engine: TesseractOcrOptions;
  /** Upscale the page image before OCR (bilinear, via canvas); time included. */
  upscale?: number;
}

const VARIANTS: Variant[] = [
  { id: 'plain-vie-psm3', description: 'tesseract.js, vie, PSM 3 (auto), no clean-up — the plain baseline', engine: { languages: ['vie'], pageSegmentation: 'auto', preprocess: 'none' } },
  { id: 'plain-vie+eng-psm3', description: 'vie+eng, PSM 3, no clean-up', engine: { languages: ['vie', 'eng'], pageSegmentation: 'auto', preprocess: 'none' } },
  { id: 'plain-vie-psm4', description: 'vie, PSM 4 (single column), no clean-up', engine: { languages: ['vie'], pageSegmentation: 'single-column', preprocess: 'none' } },
  { id: 'plain-vie-psm6', description: 'vie, PSM 6 (single block), no clean-up', engine: { languages: ['vie'], pageSegmentation: 'single-block', preprocess: 'none' } },
  { id: 'plain-vie-psm11', description: 'vie, PSM 11 (sparse text), no clean-up', engine: { languages: ['vie'], pageSegmentation: 'sparse', preprocess: 'none' } },
  { id: 'plain-vie-psm3-x1.5', description: 'vie, PSM 3, no clean-up, upscaled 1.5× (≈300 dpi)', engine: { languages: ['vie'], pageSegmentation: 'auto', preprocess: 'none' }, upscale: 1.5 },
  { id: 'clean-vie-psm3', description: 'vie, PSM 3, document clean-up (rules, leader dots, check boxes) — DEFAULT', engine: { languages: ['vie'], pageSegmentation: 'auto', preprocess: 'document' } },
  { id: 'clean-vie+eng-psm3', description: 'vie+eng, PSM 3, document clean-up', engine: { languages: ['vie', 'eng'], pageSegmentation: 'auto', preprocess: 'document' } },
  { id: 'clean-vie-psm6', description: 'vie, PSM 6, document clean-up', engine: { languages: ['vie'], pageSegmentation: 'single-block', preprocess: 'document' } },
  { id: 'clean-vie-psm11', description: 'vie, PSM 11, document clean-up', engine: { languages: ['vie'], pageSegmentation: 'sparse', preprocess: 'document' } },
  { id: 'clean-vie-psm3-x1.5', description: 'vie, PSM 3, document clean-up, upscaled 1.5×', engine: { languages: ['vie'], pageSegmentation: 'auto', preprocess: 'document' }, upscale: 1.5 },
  { id: 'clean-vie-psm3-model4.0.0', description: 'vie, PSM 3, clean-up, `4.0.0` traineddata (legacy+LSTM file, LSTM engine)', engine: { languages: ['vie'], pageSegmentation: 'auto', preprocess: 'document', model: '4.0.0' } },
];

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const sharedDir = path.resolve(repositoryRoot, process.env.SHARED_DIR ?? '../shared');
const pagesDir = path.join(sharedDir, 'corpora/ocr/born_digital_rendered');
const DPI = 200;

interface CanvasModule {
  loadImage(source: Uint8Array): Promise<{ width: number; height: number }>;
  createCanvas(width: number, height: number): {
    getContext(kind: '2d'): {
      imageSmoothingQuality: string;
      drawImage(image: unknown, x: number, y: number, width: number, height: number): void;
      getImageData(x: number, y: number, width: number, height: number): { data: Uint8ClampedArray };
    };
  };
}

async function upscaled(png: Uint8Array, factor: number): Promise<RawImage> {
  const canvas = (await loadCanvasModule()) as unknown as CanvasModule | undefined;
  if (!canvas) throw new Error('upscaling needs @napi-rs/canvas');
  const image = await canvas.loadImage(png);
  const width = Math.round(image.width * factor);
  const height = Math.round(image.height * factor);
  const context = canvas.createCanvas(width, height).getContext('2d');
  context.imageSmoothingQuality = 'high';
  context.drawImage(image, 0, 0, width, height);
  return { width, height, data: context.getImageData(0, 0, width, height).data, channels: 4 };
}

async function runVariant(variant: Variant, pages: { name: string; png: Uint8Array; truth: string }[]): Promise<VariantResult> {
  const engine = new TesseractOcrEngine(variant.engine);
  try {
    const startup = performance.now();
    await engine.recognize({ width: 64, height: 64, data: new Uint8Array(64 * 64).fill(255), channels: 1 });
    const startupSeconds = (performance.now() - startup) / 1000;
    const results: VariantResult['pages'] = [];
    const scores: PageScore[] = [];
    for (const page of pages) {
      const started = performance.now();
      const cpu = process.cpuUsage();
      const image: OcrImage = variant.upscale ? await upscaled(page.png, variant.upscale) : page.png;
      const result = await engine.recognize(image, { dpi: Math.round(DPI * (variant.upscale ?? 1)) });
      const seconds = (performance.now() - started) / 1000;
      const used = process.cpuUsage(cpu);
      const cpuSeconds = (used.user + used.system) / 1e6;
      const score = scorePage(result.text, page.truth);
      scores.push(score);
      results.push({ page: page.name, cer: score.edits / score.length, strictCer: score.strictEdits / score.strictLength, seconds, cpuSeconds, confidence: result.confidence });
      process.stdout.write('.');
    }
    const { cer, strictCer } = pooledCer(scores);
    const mean = (pick: (page: VariantResult['pages'][number]) => number) => results.reduce((total, page) => total + pick(page), 0) / results.length;
    return {
      id: variant.id,
      description: variant.description,
      engineId: engine.id,
      cer,
      strictCer,
      secondsPerPage: mean((page) => page.seconds),
      cpuSecondsPerPage: mean((page) => page.cpuSeconds),
      startupSeconds,
      meanConfidence: mean((page) => page.confidence),
      pages: results,
    };
  } finally {
    await engine.close();
  }
}

async function main() {
  const argument = (name: string) => process.argv.find((value) => value.startsWith(`--${name}`));
  const flag = process.argv.indexOf('--variants');
  const selected = argument('variants=')?.slice('--variants='.length).split(',') ?? (flag >= 0 ? process.argv[flag + 1]?.split(',') : undefined);
  if (!existsSync(pagesDir)) {
    console.error(`OCR pages not found at ${pagesDir}; set SHARED_DIR to the folder that holds corpora/.`);
    process.exit(2);
  }
  const pages = readdirSync(pagesDir)
    .filter((name) => name.endsWith('.png'))
    .sort()
    .map((name) => ({ name: name.replace(/\.png$/, ''), png: new Uint8Array(readFileSync(path.join(pagesDir, name))), truth: readFileSync(path.join(pagesDir, name.replace(/\.png$/, '.raw.txt')), 'utf8') }));
  // Decode once up front so the first variant does not pay for loading the canvas module.
  await decodeToGray(pages[0]!.png);
  const loadBefore = os.loadavg();
  const variants: VariantResult[] = [];
  for (const variant of VARIANTS.filter((candidate) => !selected || selected.includes(candidate.id))) {
    process.stdout.write(`${variant.id} `);
    const result = await runVariant(variant, pages);
    variants.push(result);
    console.log(` CER ${result.cer.toFixed(4)} (strict ${result.strictCer.toFixed(4)}) ${result.secondsPerPage.toFixed(2)} s/page, ${result.cpuSecondsPerPage.toFixed(2)} CPU s/page`);
  }
  let throughput: ThroughputResult[] = [];
  if (!argument('skip-throughput')) {
    const ocr = new TesseractOcrEngine();
    try {
      throughput = await measureLoaderThroughput(sharedDir, { ocr, includeScanned: !argument('skip-scanned') });
    } finally {
      await ocr.close();
    }
    for (const row of throughput) console.log(`${row.set}: ${row.itemsPerSecond.toFixed(2)} items/s, ${row.pagesPerSecond.toFixed(2)} pages/s, ${row.megabytesPerSecond.toFixed(2)} MB/s`);
  }
  const machine = {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    loadAverageBefore: loadBefore.map((value) => Number(value.toFixed(2))),
    loadAverageAfter: os.loadavg().map((value) => Number(value.toFixed(2))),
  };
  const report: BenchReport = {
    generatedAt: new Date().toISOString(),
    command: 'node --import tsx evals/ocr/ocr.bench.ts',
    dataset: { folder: path.relative(repositoryRoot, pagesDir), pages: pages.length, dpi: DPI, groundTruth: '.raw.txt (pdftotext of the text layer)' },
    machine,
    variants,
    throughput,
  };
  const reportsDir = path.join(repositoryRoot, 'evals/reports');
  mkdirSync(reportsDir, { recursive: true });
  writeFileSync(path.join(reportsDir, 'ocr.json'), JSON.stringify(report, null, 2) + '\n');
  writeFileSync(path.join(reportsDir, 'ocr.md'), renderMarkdown(report));
  console.log(`written ${path.relative(repositoryRoot, path.join(reportsDir, 'ocr.md'))}`);
}

await main();
