import { createCanvas, loadImage, type Canvas } from '@napi-rs/canvas';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { AppError, notFound } from '../errors/index.js';
import { PDFJS_RESOURCES } from '../ingest/loaders/index.js';
import { readImageSize } from '../providers/ocr/index.js';

/** Draws one page of a dossier file as PNG, for showing evidence boxes over it. */
export interface PageImageRenderer {
  render(file: RenderableFile, page: number, options: { maxWidth: number }): Promise<Buffer>;
}

export interface RenderableFile {
  /** Content hash: the cache key. */
  sha256: string;
  bytes: Uint8Array;
  format: string;
  filename: string;
}


/** A phone photo of 12 000 × 9 000 px is refused before it is decoded (memory), as the loaders do. */
const MAX_IMAGE_PIXELS = 80_000_000;

/**
 * pdf.js + @napi-rs/canvas (prebuilt Skia). Evidence boxes are fractions of the page, so any width
 * works; the result is kept in a small cache because the review page shows the same pages again
 * while the officer moves between checks.
 */
export class CanvasPageImageRenderer implements PageImageRenderer {
  private readonly cache = new Map<string, Buffer>();

  constructor(private readonly cacheEntries = 48) {}

  async render(file: RenderableFile, page: number, options: { maxWidth: number }): Promise<Buffer> {
    const key = `${file.sha256}:${page}:${options.maxWidth}`;
    const cached = this.cache.get(key);
    if (cached) {
      this.cache.delete(key);
      this.cache.set(key, cached);
      return cached;
    }
    const png = file.format === 'pdf' ? await renderPdfPage(file.bytes, page, options.maxWidth) : await renderImage(file, page, options.maxWidth);
    this.cache.set(key, png);
    if (this.cache.size > this.cacheEntries) this.cache.delete(this.cache.keys().next().value!);
    return png;
  }
}

async function renderPdfPage(bytes: Uint8Array, pageNumber: number, maxWidth: number): Promise<Buffer> {
  let document;
  try {
    document = await getDocument({ data: new Uint8Array(bytes), ...PDFJS_RESOURCES, isEvalSupported: false, useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
  } catch (cause) {
    throw new AppError({ status: 422, code: 'page-unreadable', detail: 'Không mở được tệp PDF để hiển thị trang.', cause });
  }
  try {
    if (pageNumber > document.numPages) throw notFound(`Tệp chỉ có ${document.numPages} trang.`);
    const page = await document.getPage(pageNumber);
    try {
      const base = page.getViewport({ scale: 1 });
      const scale = Math.min(maxWidth / base.width, 3);
      const viewport = page.getViewport({ scale });
      const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
      const context = canvas.getContext('2d');
      await page.render({ canvas: canvas as unknown as HTMLCanvasElement, canvasContext: context as unknown as CanvasRenderingContext2D, viewport, background: 'rgb(255,255,255)' }).promise;
      return encodePng(canvas);
    } finally {
      page.cleanup();
    }
  } finally {
    await document.destroy();
  }
}

async function renderImage(file: RenderableFile, page: number, maxWidth: number): Promise<Buffer> {
  if (file.format !== 'image') {
    throw new AppError({ status: 415, code: 'no-page-images', detail: `Tệp "${file.filename}" (${file.format.toUpperCase()}) không có ảnh trang; hãy tải tệp gốc để xem.` });
  }
  if (page !== 1) throw notFound('Tệp ảnh chỉ có 1 trang.');
  const size = readImageSize(file.bytes);
  if (!size || size.format === 'tiff' || size.format === 'pnm') {
    throw new AppError({ status: 415, code: 'no-page-images', detail: `Không hiển thị được ảnh "${file.filename}" trên trình duyệt (định dạng ${size?.format.toUpperCase() ?? 'không rõ'}).` });
  }
  if (size.width * size.height > MAX_IMAGE_PIXELS) {
    throw new AppError({ status: 422, code: 'image-too-large', detail: `Ảnh "${file.filename}" quá lớn để hiển thị (${size.width} × ${size.height} điểm ảnh).` });
  }
  const image = await loadImage(file.bytes);
  const scale = Math.min(1, maxWidth / image.width);
  const canvas = createCanvas(Math.max(1, Math.round(image.width * scale)), Math.max(1, Math.round(image.height * scale)));
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return encodePng(canvas);
}

async function encodePng(canvas: Canvas): Promise<Buffer> {
  return Buffer.from(await canvas.encode('png'));
}
