import { createRequire } from 'node:module';
import path from 'node:path';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import type { OcrEngine } from '../../providers/ocr/index.js';
import type { LoadedDocument, LoadedPage, LoaderContext, PageBox, PageLine } from './document.types.js';
import { loaderErrors } from './loader-errors.js';
import { ocrPageLines } from './ocr-layout.js';
import { layoutText, type TextLayout, type UserSpaceBox } from './pdf-text-layout.js';
import { looksVietnamese } from './text-decoding.js';

/**
 * PDF with pdf.js (legacy build: the one meant for Node). Each page's text layer is laid out into
 * lines; pages whose text layer is missing or unusable are rendered (pdf.js draws through
 * @napi-rs/canvas in Node — prebuilt Skia, no system `canvas` package) and sent to the OCR engine.
 */

const pdfjsRoot = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
/** pdf.js reads these with fs in Node; trailing slashes are required. Shared with page-image rendering. */
export const PDFJS_RESOURCES = {
  cMapUrl: path.join(pdfjsRoot, 'cmaps') + path.sep,
  standardFontDataUrl: path.join(pdfjsRoot, 'standard_fonts') + path.sep,
  wasmUrl: path.join(pdfjsRoot, 'wasm') + path.sep,
  iccUrl: path.join(pdfjsRoot, 'iccs') + path.sep,
};

/** Below this many letters and digits a page has no real text layer (scans carry at most a stamp). */
const MIN_TEXT_CHARACTERS = 30;
/** A page mostly covered by an image with little text is a scan with a stray text box. */
const SCAN_COVERAGE = 0.6;
const SCAN_MAX_TEXT_CHARACTERS = 200;

export type OcrReason = 'forced' | 'no-text-layer' | 'scanned-image' | 'unreadable-text-layer';

export async function loadPdf({ input, options, limits }: LoaderContext): Promise<LoadedDocument> {
  const document = await openPdf(input.bytes);
  try {
    if (document.numPages === 0) throw loaderErrors.pdfNoPages();
    if (document.numPages > limits.maxPdfPages) throw loaderErrors.pdfTooManyPages(document.numPages, limits.maxPdfPages);
    const mode = options.pdf?.ocrMode ?? 'auto';
    const dpi = options.pdf?.ocrDpi ?? 200;
    const pages: LoadedPage[] = [];
    const warnings: string[] = [];
    for (let pageNumber = 1; pageNumber <= document.numPages; pageNumber++) {
      options.signal?.throwIfAborted();
      const page = await document.getPage(pageNumber);
      try {
        const content = await page.getTextContent();
        const layout = layoutText(content.items.filter((item): item is TextItem => 'str' in item));
        const text = layout.text;
        const reason = mode === 'never' ? undefined : await ocrReason(page, text, mode);
        if (reason && options.ocr) {
          pages.push(await recognizePage(document, page, pageNumber, options.ocr, dpi, limits.maxImagePixels, options.signal, options.layout === true));
        } else {
          if (reason) warnings.push(`Trang ${pageNumber} cần nhận dạng chữ (OCR) nhưng OCR chưa được bật.`);
          pages.push({ pageNumber, text, method: 'text-layer', ...(options.layout ? { lines: pageLines(page, layout) } : {}) });
        }
      } finally {
        page.cleanup();
      }
      options.onProgress?.(pageNumber / document.numPages);
    }
    if (pages.every((page) => page.text.trim() === '') && !options.ocr) throw loaderErrors.pdfNeedsOcr();
    return { format: 'pdf', mediaType: 'application/pdf', pages, metadata: await readMetadata(document), warnings };
  } finally {
    await document.destroy();
  }
}

async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  try {
    return await getDocument({
      data: new Uint8Array(bytes), // pdf.js takes ownership of the buffer it is given
      ...PDFJS_RESOURCES,
      isEvalSupported: false,
      useSystemFonts: false,
      disableFontFace: true,
      verbosity: 0,
    }).promise;
  } catch (cause) {
    if ((cause as { name?: string }).name === 'PasswordException') throw loaderErrors.pdfEncrypted(cause);
    throw loaderErrors.pdfCorrupt(cause);
  }
}

/** Why a page should be OCR'd, or undefined when its text layer is good. */
async function ocrReason(page: PDFPageProxy, text: string, mode: 'auto' | 'always'): Promise<OcrReason | undefined> {
  if (mode === 'always') return 'forced';
  const characters = text.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
  if (characters < MIN_TEXT_CHARACTERS) return 'no-text-layer';
  // Fonts without a Unicode map give private-use or replacement characters; TCVN3/VNI fonts give
  // Latin-1 mojibake ("Bé T− ph¸p") that fails the Vietnamese syllable check.
  const broken = text.match(/[\uFFFD\uE000-\uF8FF]/g)?.length ?? 0;
  if (broken > characters * 0.3) return 'unreadable-text-layer';
  const nonAsciiWords = text.match(/[\p{L}\p{M}]*[^\x00-\x7F\s\p{P}\p{N}\p{S}][\p{L}\p{M}]*/gu)?.length ?? 0;
  if (nonAsciiWords >= 20 && !looksVietnamese(text)) return 'unreadable-text-layer';
  if (characters < SCAN_MAX_TEXT_CHARACTERS && (await imageCoverage(page)) >= SCAN_COVERAGE) return 'scanned-image';
  return undefined;
}

type Matrix = [number, number, number, number, number, number];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1], m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3], m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4], m[1] * n[4] + m[3] * n[5] + m[5],
];
const IMAGE_OPERATIONS = new Set([OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageMaskXObject, OPS.paintImageXObjectRepeat]);

/** Fraction of the page covered by images: each image fills the unit square of the current transform. */
async function imageCoverage(page: PDFPageProxy): Promise<number> {
  const operators = await page.getOperatorList();
  const [x0 = 0, y0 = 0, x1 = 1, y1 = 1] = page.view;
  const pageArea = Math.abs((x1 - x0) * (y1 - y0)) || 1;
  let matrix: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  let covered = 0;
  operators.fnArray.forEach((operation, index) => {
    const args = operators.argsArray[index] as unknown[] | null;
    if (operation === OPS.save || operation === OPS.paintFormXObjectBegin) {
      stack.push(matrix);
      if (operation === OPS.paintFormXObjectBegin && Array.isArray(args?.[0])) matrix = multiply(matrix, args[0] as Matrix);
    } else if (operation === OPS.restore || operation === OPS.paintFormXObjectEnd) {
      matrix = stack.pop() ?? matrix;
    } else if (operation === OPS.transform && args) {
      matrix = multiply(matrix, args as Matrix);
    } else if (IMAGE_OPERATIONS.has(operation)) {
      covered += Math.abs(matrix[0] * matrix[3] - matrix[1] * matrix[2]);
    }
  });
  return Math.min(1, covered / pageArea);
}

interface CanvasAndContext {
  canvas: unknown;
  context: { getImageData(x: number, y: number, width: number, height: number): { data: Uint8ClampedArray } };
}
interface CanvasFactory {
  create(width: number, height: number): CanvasAndContext;
  destroy(canvasAndContext: CanvasAndContext): void;
}

/** Text-layer positions as fractions of the page as displayed (view box, /Rotate applied, top-left origin). */
function pageLines(page: PDFPageProxy, layout: TextLayout): PageLine[] {
  const viewport = page.getViewport({ scale: 1 });
  const toBox = (box: UserSpaceBox): PageBox => {
    const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = viewport.convertToViewportRectangle([box.left, box.bottom, box.right, box.top]);
    const left = Math.max(0, Math.min(x0, x1) / viewport.width);
    const top = Math.max(0, Math.min(y0, y1) / viewport.height);
    const right = Math.min(1, Math.max(x0, x1) / viewport.width);
    const bottom = Math.min(1, Math.max(y0, y1) / viewport.height);
    return { x: left, y: top, width: Math.max(0, right - left), height: Math.max(0, bottom - top) };
  };
  return layout.lines.map((line) => ({ lineIndex: line.lineIndex, text: line.text, box: toBox(line.box), spans: line.spans.map((span) => ({ start: span.start, end: span.end, box: toBox(span.box) })) }));
}

async function recognizePage(document: PDFDocumentProxy, page: PDFPageProxy, pageNumber: number, ocr: OcrEngine, dpi: number, maxPixels: number, signal: AbortSignal | undefined, withLayout: boolean): Promise<LoadedPage> {
  let scale = dpi / 72;
  const base = page.getViewport({ scale: 1 });
  // Oversized pages (A0 plans) are rendered at a lower resolution instead of being refused.
  if (base.width * base.height * scale * scale > maxPixels) scale = Math.sqrt(maxPixels / (base.width * base.height));
  const viewport = page.getViewport({ scale });
  const width = Math.ceil(viewport.width);
  const height = Math.ceil(viewport.height);
  const factory = document.canvasFactory as CanvasFactory;
  const target = factory.create(width, height);
  try {
    await page.render({ canvas: target.canvas as HTMLCanvasElement, canvasContext: target.context as unknown as CanvasRenderingContext2D, viewport, background: 'rgb(255,255,255)' }).promise;
    const { data } = target.context.getImageData(0, 0, width, height);
    const result = await ocr.recognize({ width, height, data, channels: 4 }, { dpi: Math.round(scale * 72), ...(signal ? { signal } : {}), ...(withLayout ? { words: true } : {}) });
    const lines = withLayout ? ocrPageLines(result.text, result.lines ?? [], width, height) : undefined;
    return { pageNumber, text: result.text, method: 'ocr', confidence: result.confidence, ocrEngine: ocr.id, ...(lines ? { lines } : {}) };
  } finally {
    factory.destroy(target);
  }
}

async function readMetadata(document: PDFDocumentProxy): Promise<LoadedDocument['metadata']> {
  const { info } = await document.getMetadata().catch(() => ({ info: {} }));
  const fields = info as Record<string, unknown>;
  const read = (key: string) => (typeof fields[key] === 'string' && (fields[key] as string).trim() ? (fields[key] as string).trim() : undefined);
  const title = read('Title');
  const author = read('Author');
  const producer = read('Producer');
  const created = read('CreationDate');
  const createdAt = created ? parsePdfDate(created) : undefined;
  return {
    pageCount: document.numPages,
    ...(title ? { title } : {}),
    ...(author ? { author } : {}),
    ...(producer ? { producer } : {}),
    ...(createdAt ? { createdAt } : {}),
  };
}

/** `D:20210408125019+07'00'` → `2021-04-08T12:50:19+07:00`. */
function parsePdfDate(value: string): string | undefined {
  const match = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([Zz]|[+-]\d{2}'?\d{2}'?)?/.exec(value);
  if (!match) return undefined;
  const [, year, month = '01', day = '01', hour = '00', minute = '00', second = '00', zone] = match;
  const offset = !zone || /z/i.test(zone) ? 'Z' : `${zone.slice(0, 3)}:${zone.replace(/'/g, '').slice(3, 5)}`;
  return `${year}-${month}-${day}T${hour}:${minute}:${second}${offset}`;
}
