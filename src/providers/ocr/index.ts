export type {
  OcrEngine,
  OcrImage,
  OcrResult,
  OcrWord,
  OcrLine,
  OcrBoundingBox,
  RawImage,
  RecognizeOptions,
  PageSegmentation,
} from './ocr-engine.js';
export { isRawImage } from './ocr-engine.js';
export { TesseractOcrEngine } from './tesseract.ocr-engine.js';
export type { TesseractOcrOptions } from './tesseract.ocr-engine.js';
export type { TesseractModel } from './tesseract-language-data.js';
export { readImageSize, detectRasterFormat, decodeToGray, encodePgm, toGray, loadCanvasModule } from './raster-image.js';
export type { ImageSize, RasterFormat, GrayImage } from './raster-image.js';
export { cleanDocumentImage, otsuThreshold } from './page-cleanup.js';
export type { CleanupOptions, CleanupReport } from './page-cleanup.js';

import { TesseractOcrEngine } from './tesseract.ocr-engine.js';
import type { TesseractOcrOptions } from './tesseract.ocr-engine.js';
import type { OcrEngine } from './ocr-engine.js';

/** The one factory the application uses; today there is one implementation. */
export function createOcrEngine(options: TesseractOcrOptions = {}): OcrEngine {
  return new TesseractOcrEngine(options);
}
