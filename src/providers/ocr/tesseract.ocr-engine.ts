import os from 'node:os';
import path from 'node:path';
import Tesseract from 'tesseract.js';
import { AppError } from '../../errors/index.js';
import { isRawImage } from './ocr-engine.js';
import type { OcrEngine, OcrImage, OcrLine, OcrResult, OcrWord, PageSegmentation, RecognizeOptions } from './ocr-engine.js';
import { cleanDocumentImage } from './page-cleanup.js';
import { decodeToGray, encodePgm, readImageSize, toGray } from './raster-image.js';
import type { GrayImage } from './raster-image.js';
import { prepareLanguageCache } from './tesseract-language-data.js';
import type { TesseractModel } from './tesseract-language-data.js';

export interface TesseractOcrOptions {
  /** Default ['vie']: adding 'eng' was slower and slightly worse on our pages (evals/reports/ocr.md). */
  languages?: string[];
  model?: TesseractModel;
  /** Where un-gzipped language files are kept; default `<os tmpdir>/tro-ly-so/tesseract`. */
  cacheDir?: string;
  pageSegmentation?: PageSegmentation;
  /** `document`: remove rulings, leader dots and check boxes first (page-cleanup.ts). */
  preprocess?: 'document' | 'none';
  /** Refuse images above this many pixels (default 60 MP ≈ A3 at 600 dpi). */
  maxPixels?: number;
}

const PSM: Record<PageSegmentation, string> = { auto: '3', 'single-column': '4', 'single-block': '6', sparse: '11' };
const A4_LONG_SIDE_INCHES = 11.69;

type Worker = Tesseract.Worker;

/**
 * tesseract.js (Tesseract 5 compiled to WebAssembly, run in a worker thread). One worker is created on
 * first use and reused; calls are serialised because a Tesseract worker handles one page at a time and
 * this machine class has two cores (the second one serves the API and the database).
 */
export class TesseractOcrEngine implements OcrEngine {
  readonly id: string;
  readonly languages: readonly string[];
  private readonly model: TesseractModel;
  private readonly cacheDir: string;
  private readonly pageSegmentation: PageSegmentation;
  private readonly preprocess: 'document' | 'none';
  private readonly maxPixels: number;
  private worker: Promise<Worker> | undefined;
  private currentParameters = '';
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(options: TesseractOcrOptions = {}) {
    this.languages = Object.freeze([...(options.languages ?? ['vie'])]);
    this.model = options.model ?? '4.0.0_best_int';
    this.cacheDir = options.cacheDir ?? path.join(os.tmpdir(), 'tro-ly-so', 'tesseract');
    this.pageSegmentation = options.pageSegmentation ?? 'auto';
    this.preprocess = options.preprocess ?? 'document';
    this.maxPixels = options.maxPixels ?? 60_000_000;
    this.id = `tesseract.js-7/${this.model}/${this.languages.join('+')}/psm${PSM[this.pageSegmentation]}/${this.preprocess}`;
  }

  async recognize(image: OcrImage, options: RecognizeOptions = {}): Promise<OcrResult> {
    if (this.closed) throw new Error('OCR engine is closed');
    options.signal?.throwIfAborted();
    const started = performance.now();
    const prepared = await this.prepare(image, options.dpi);
    const psm = PSM[options.pageSegmentation ?? this.pageSegmentation];
    const result = await this.exclusive(() => this.run(prepared.bytes, psm, prepared.dpi, options));
    return { ...result, durationMs: performance.now() - started };
  }

  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await worker.then((w) => w.terminate(), () => undefined);
  }

  private async prepare(image: OcrImage, dpi: number | undefined): Promise<{ bytes: Uint8Array; dpi: number }> {
    let gray: GrayImage | undefined;
    let width: number;
    let height: number;
    if (isRawImage(image)) {
      ({ width, height } = image);
      this.checkPixels(width, height);
      gray = toGray(image);
    } else {
      const size = readImageSize(image);
      if (!size) {
        throw new AppError({ status: 422, code: 'image-unreadable', detail: 'Không đọc được ảnh: định dạng không hỗ trợ hoặc tệp bị hỏng (hỗ trợ PNG, JPEG, TIFF, BMP, WebP).' });
      }
      ({ width, height } = size);
      this.checkPixels(width, height);
      if (this.preprocess === 'document') gray = await decodeToGray(image);
    }
    const resolution = Math.round(dpi ?? Math.min(600, Math.max(70, Math.max(width, height) / A4_LONG_SIDE_INCHES)));
    if (!gray) return { bytes: image as Uint8Array, dpi: resolution };
    if (this.preprocess === 'document') cleanDocumentImage(gray, { dpi: resolution });
    return { bytes: encodePgm(gray), dpi: resolution };
  }

  private checkPixels(width: number, height: number) {
    if (width * height > this.maxPixels) {
      throw new AppError({
        status: 413,
        code: 'image-too-large',
        detail: `Ảnh quá lớn (${width}×${height} điểm ảnh); giới hạn ${Math.round(this.maxPixels / 1e6)} triệu điểm ảnh. Hãy quét lại ở độ phân giải 200–300 dpi.`,
      });
    }
  }

  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task, task);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private getWorker(): Promise<Worker> {
    this.worker ??= (async () => {
      const folder = prepareLanguageCache(this.languages, this.model, this.cacheDir);
      this.currentParameters = '';
      return Tesseract.createWorker([...this.languages], Tesseract.OEM.LSTM_ONLY, {
        langPath: folder, // a local folder: tesseract.js reads it from disk, never from a CDN
        cachePath: folder,
        cacheMethod: 'readOnly',
        gzip: false,
        logger: () => undefined,
        errorHandler: () => undefined, // failures reach us as rejected promises
      }, { debug_file: '/dev/null' } as unknown as Partial<Tesseract.InitOptions>);
    })();
    this.worker.catch(() => {
      this.worker = undefined;
    });
    return this.worker;
  }

  private async run(bytes: Uint8Array, psm: string, dpi: number, options: RecognizeOptions): Promise<Omit<OcrResult, 'durationMs'>> {
    options.signal?.throwIfAborted();
    const worker = await this.getWorker();
    const parameters = `${psm}/${dpi}`;
    if (parameters !== this.currentParameters) {
      await worker.setParameters({ tessedit_pageseg_mode: psm as Tesseract.PSM, user_defined_dpi: String(dpi) });
      this.currentParameters = parameters;
    }
    const job = worker.recognize(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {}, { text: true, blocks: options.words === true });
    const { data } = await this.abortable(job, options.signal);
    const result: Omit<OcrResult, 'durationMs'> = { text: data.text.replace(/\s+$/, ''), confidence: data.confidence / 100 };
    if (options.words) {
      result.lines = collectLines(data);
      result.words = result.lines.flatMap((line) => line.words);
    }
    return result;
  }

  /** Tesseract cannot stop mid-page; on abort the worker is terminated and re-created on the next call. */
  private abortable<T>(job: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
    if (!signal) return job;
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => {
        const worker = this.worker;
        this.worker = undefined;
        void worker?.then((w) => w.terminate(), () => undefined);
        reject(signal.reason);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      job.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
  }
}

function collectLines(page: Tesseract.Page): OcrLine[] {
  const lines: OcrLine[] = [];
  for (const block of page.blocks ?? []) {
    for (const paragraph of block.paragraphs) {
      for (const line of paragraph.lines) {
        const words: OcrWord[] = line.words.map((word) => ({ text: word.text, confidence: word.confidence / 100, bbox: { ...word.bbox } }));
        lines.push({ text: line.text.replace(/\s+$/u, ''), confidence: line.confidence / 100, bbox: { ...line.bbox }, words });
      }
    }
  }
  return lines;
}
