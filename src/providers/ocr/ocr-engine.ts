/**
 * OCR provider contract. Implementations differ in engine and quality but share this shape, so the
 * loaders (scanned PDF pages, images) never know which engine runs. Capabilities are data
 * (`languages`, `id`), in the style of the other providers.
 */

/** Uncompressed pixels. `channels` 1 = grey, 3 = RGB, 4 = RGBA (the default, as canvases return). */
export interface RawImage {
  width: number;
  height: number;
  data: Uint8Array | Uint8ClampedArray;
  channels?: 1 | 3 | 4;
}

/** Encoded image bytes (PNG, JPEG, TIFF, BMP, WebP, PNM) or raw pixels. */
export type OcrImage = Uint8Array | RawImage;

export interface OcrBoundingBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface OcrWord {
  text: string;
  /** 0..1 */
  confidence: number;
  bbox: OcrBoundingBox;
}

/** A recognised line in reading order, with its words (pixel boxes of the image that was passed in). */
export interface OcrLine {
  text: string;
  /** 0..1 */
  confidence: number;
  bbox: OcrBoundingBox;
  words: OcrWord[];
}

/**
 * How to segment the page. `auto` finds columns and blocks (best for documents);
 * `single-block` treats the image as one uniform block; `sparse` finds as much text as possible
 * in no particular order (forms, scattered labels).
 */
export type PageSegmentation = 'auto' | 'single-column' | 'single-block' | 'sparse';

export interface RecognizeOptions {
  signal?: AbortSignal;
  /** Resolution of the image when known (e.g. a PDF page rendered at 200 dpi); estimated otherwise. */
  dpi?: number;
  pageSegmentation?: PageSegmentation;
  /** Also return word and line boxes (slightly slower). */
  words?: boolean;
}

export interface OcrResult {
  text: string;
  /** Mean engine confidence, 0..1. */
  confidence: number;
  words?: OcrWord[];
  /** With `words`: the lines the words belong to, in the order of `text`. */
  lines?: OcrLine[];
  /** Wall time spent in this call, for throughput reporting. */
  durationMs: number;
}

export interface OcrEngine {
  /** Stable identifier of engine + model + settings, recorded with every OCR'd page. */
  readonly id: string;
  /** ISO 639-2 codes as the engine names them, e.g. ['vie', 'eng']. */
  readonly languages: readonly string[];
  recognize(image: OcrImage, options?: RecognizeOptions): Promise<OcrResult>;
  /** Frees workers and memory; the engine may not be used afterwards. */
  close(): Promise<void>;
}

export function isRawImage(image: OcrImage): image is RawImage {
  return !(image instanceof Uint8Array);
}
