import { readImageSize } from '../../providers/ocr/index.js';
import type { LoadedDocument, LoaderContext } from './document.types.js';
import { loaderErrors } from './loader-errors.js';
import { ocrPageLines } from './ocr-layout.js';

const MEDIA_TYPES: Record<string, string> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  tiff: 'image/tiff',
  bmp: 'image/bmp',
  gif: 'image/gif',
  webp: 'image/webp',
  pnm: 'image/x-portable-anymap',
};

/** A photographed or scanned page: the size is checked from the header, then the image goes to OCR. */
export async function loadImage({ input, options, limits }: LoaderContext): Promise<LoadedDocument> {
  const size = readImageSize(input.bytes);
  if (!size) throw loaderErrors.unsupported('Không đọc được kích thước ảnh (tệp hỏng hoặc định dạng ảnh lạ).');
  if (size.width * size.height > limits.maxImagePixels) throw loaderErrors.imageTooLarge(size.width, size.height, limits.maxImagePixels);
  if (!options.ocr) throw loaderErrors.ocrUnavailable();
  const warnings: string[] = [];
  if (size.format === 'tiff' && tiffHasMorePages(input.bytes)) {
    warnings.push('Tệp TIFF có nhiều trang; hiện chỉ trang đầu được nhận dạng. Hãy gửi dạng PDF để xử lý đủ các trang.');
  }
  const result = await options.ocr.recognize(input.bytes, { ...(options.signal ? { signal: options.signal } : {}), ...(options.layout ? { words: true } : {}) });
  options.onProgress?.(1);
  const lines = options.layout ? ocrPageLines(result.text, result.lines ?? [], size.width, size.height) : undefined;
  return {
    format: 'image',
    mediaType: MEDIA_TYPES[size.format] ?? 'application/octet-stream',
    pages: [{ pageNumber: 1, text: result.text, method: 'ocr', confidence: result.confidence, ocrEngine: options.ocr.id, ...(lines ? { lines } : {}) }],
    metadata: { pageCount: 1 },
    warnings,
  };
}

/** A TIFF file chains its pages (IFDs); a non-zero "next IFD" offset after the first means more pages. */
function tiffHasMorePages(bytes: Uint8Array): boolean {
  try {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const little = bytes[0] === 0x49;
    const first = view.getUint32(4, little);
    const entries = view.getUint16(first, little);
    return view.getUint32(first + 2 + entries * 12, little) !== 0;
  } catch {
    return false;
  }
}
