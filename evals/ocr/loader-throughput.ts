import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadDocument } from '../../src/ingest/loaders/index.js';
import type { LoadOptions } from '../../src/ingest/loaders/index.js';
import { normalizeVietnamese } from '../../src/ingest/normalize/index.js';

export interface ThroughputResult {
  set: string;
  items: number;
  pages: number;
  megabytes: number;
  seconds: number;
  /** Process CPU time (all threads) over the same span; less sensitive to other load on the machine. */
  cpuSeconds: number;
  itemsPerSecond: number;
  pagesPerSecond: number;
  megabytesPerSecond: number;
  ocrPages: number;
  note?: string;
}

const listFiles = (folder: string, extension: string, recursive = false): string[] =>
  readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return recursive ? listFiles(full, extension, true) : [];
    return entry.name.endsWith(extension) ? [full] : [];
  }).sort();

/**
 * Loads every file once after one warm-up load (module start-up such as pdf.js's ~1 s import is not
 * throughput), sequentially, on the main thread, and reports items/s, pages/s and MB/s.
 */
async function measure(set: string, files: string[], options: LoadOptions = {}, note?: string): Promise<ThroughputResult> {
  const inputs = files.map((file) => ({ bytes: new Uint8Array(readFileSync(file)), filename: path.basename(file) }));
  if (inputs[0]) await loadDocument(inputs[0], options);
  let pages = 0;
  let ocrPages = 0;
  const started = performance.now();
  const cpu = process.cpuUsage();
  for (const input of inputs) {
    const document = await loadDocument(input, options);
    pages += document.pages.length;
    ocrPages += document.pages.filter((page) => page.method === 'ocr').length;
  }
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const megabytes = inputs.reduce((total, input) => total + input.bytes.length, 0) / 1024 / 1024;
  return {
    set,
    items: inputs.length,
    pages,
    megabytes,
    seconds,
    cpuSeconds: (used.user + used.system) / 1e6,
    itemsPerSecond: inputs.length / seconds,
    pagesPerSecond: pages / seconds,
    megabytesPerSecond: megabytes / seconds,
    ocrPages,
    ...(note ? { note } : {}),
  };
}

export async function measureLoaderThroughput(sharedDir: string, options: { ocr?: LoadOptions['ocr']; includeScanned: boolean }): Promise<ThroughputResult[]> {
  const corpora = path.join(sharedDir, 'corpora');
  const results: ThroughputResult[] = [];
  results.push(await measure('provincial procedures (.doc, word-extractor + binary tables)', listFiles(path.join(corpora, 'procedures/provincial'), '.doc', true)));
  const laws = listFiles(path.join(corpora, 'laws'), '.txt');
  results.push(await measure('laws (.txt)', laws));
  results.push(normalizeThroughput(laws));
  results.push(await measure('born-digital PDFs (text layer)', listFiles(path.join(corpora, 'ocr/born_digital_pdf'), '.pdf')));
  if (options.includeScanned && options.ocr) {
    results.push(await measure('scanned PDFs (render 200 dpi + OCR)', listFiles(path.join(corpora, 'ocr/scanned_pdf'), '.pdf'), { ocr: options.ocr }, 'OCR engine: default (vie, page clean-up, PSM 3)'));
  }
  return results;
}

/** normalizeVietnamese on the laws, for scale next to loading. */
function normalizeThroughput(files: string[]): ThroughputResult {
  const texts = files.map((file) => readFileSync(file, 'utf8'));
  normalizeVietnamese(texts[0] ?? '');
  const started = performance.now();
  const cpu = process.cpuUsage();
  for (const text of texts) normalizeVietnamese(text);
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const megabytes = texts.reduce((total, text) => total + Buffer.byteLength(text), 0) / 1024 / 1024;
  return {
    set: 'laws (.txt) → normalizeVietnamese',
    items: texts.length,
    pages: texts.length,
    megabytes,
    seconds,
    cpuSeconds: (used.user + used.system) / 1e6,
    itemsPerSecond: texts.length / seconds,
    pagesPerSecond: texts.length / seconds,
    megabytesPerSecond: megabytes / seconds,
    ocrPages: 0,
  };
}
