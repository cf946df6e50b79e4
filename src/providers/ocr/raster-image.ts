import type { RawImage } from './ocr-engine.js';

/**
 * Image sniffing and decoding. Dimensions are read from headers before anything is decoded, so a
 * 30 000 × 30 000 "decompression bomb" is refused without allocating 3.6 GB.
 */

export type RasterFormat = 'png' | 'jpeg' | 'tiff' | 'bmp' | 'gif' | 'webp' | 'pnm';

export interface ImageSize {
  format: RasterFormat;
  width: number;
  height: number;
}

export interface GrayImage {
  width: number;
  height: number;
  /** One byte per pixel, 0 = black. */
  pixels: Uint8Array;
}

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) =>
  signature.every((value, index) => bytes[offset + index] === value);

export function detectRasterFormat(bytes: Uint8Array): RasterFormat | undefined {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  if (startsWith(bytes, [0x42, 0x4d])) return 'bmp';
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) return 'gif';
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return 'webp';
  if (bytes[0] === 0x50 && bytes[1] !== undefined && bytes[1] >= 0x31 && bytes[1] <= 0x36) return 'pnm';
  return undefined;
}

/** Width and height from the header, or undefined when the header is truncated or unknown. */
export function readImageSize(bytes: Uint8Array): ImageSize | undefined {
  const format = detectRasterFormat(bytes);
  if (!format) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    const size = readSize(format, bytes, view);
    return size && size.width > 0 && size.height > 0 ? { format, ...size } : undefined;
  } catch {
    return undefined; // RangeError from a truncated header
  }
}

function readSize(format: RasterFormat, bytes: Uint8Array, view: DataView): { width: number; height: number } | undefined {
  switch (format) {
    case 'png':
      return { width: view.getUint32(16), height: view.getUint32(20) };
    case 'gif':
      return { width: view.getUint16(6, true), height: view.getUint16(8, true) };
    case 'bmp':
      return { width: Math.abs(view.getInt32(18, true)), height: Math.abs(view.getInt32(22, true)) };
    case 'jpeg':
      return readJpegSize(bytes, view);
    case 'tiff':
      return readTiffSize(view);
    case 'webp':
      return readWebpSize(bytes, view);
    case 'pnm': {
      const header = new TextDecoder('latin1').decode(bytes.subarray(0, 256)).replace(/#[^\n]*\n/g, ' ');
      const match = /^P[1-6]\s+(\d+)\s+(\d+)/.exec(header);
      return match ? { width: Number(match[1]), height: Number(match[2]) } : undefined;
    }
  }
}

function readJpegSize(bytes: Uint8Array, view: DataView) {
  let offset = 2;
  while (offset + 9 < bytes.length) {
    if (bytes[offset] !== 0xff) return undefined;
    const marker = bytes[offset + 1]!;
    if (marker === 0xff) {
      offset++;
      continue;
    }
    const length = view.getUint16(offset + 2);
    // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: view.getUint16(offset + 5), width: view.getUint16(offset + 7) };
    }
    offset += 2 + length;
  }
  return undefined;
}

function readTiffSize(view: DataView) {
  const little = view.getUint8(0) === 0x49;
  const ifd = view.getUint32(4, little);
  const count = view.getUint16(ifd, little);
  let width: number | undefined;
  let height: number | undefined;
  for (let index = 0; index < count; index++) {
    const entry = ifd + 2 + index * 12;
    const tag = view.getUint16(entry, little);
    const type = view.getUint16(entry + 2, little);
    const value = type === 3 ? view.getUint16(entry + 8, little) : view.getUint32(entry + 8, little);
    if (tag === 256) width = value;
    if (tag === 257) height = value;
  }
  return width !== undefined && height !== undefined ? { width, height } : undefined;
}

function readWebpSize(bytes: Uint8Array, view: DataView) {
  const chunk = new TextDecoder('latin1').decode(bytes.subarray(12, 16));
  if (chunk === 'VP8X') return { width: 1 + (view.getUint32(24, true) & 0xffffff), height: 1 + (view.getUint32(27, true) & 0xffffff) };
  if (chunk === 'VP8L') {
    const bits = view.getUint32(21, true);
    return { width: 1 + (bits & 0x3fff), height: 1 + ((bits >> 14) & 0x3fff) };
  }
  if (chunk === 'VP8 ') return { width: view.getUint16(26, true) & 0x3fff, height: view.getUint16(28, true) & 0x3fff };
  return undefined;
}

/** ITU-R BT.601 luma of RGB(A) or grey pixels. */
export function toGray(image: RawImage): GrayImage {
  const channels = image.channels ?? 4;
  const pixelCount = image.width * image.height;
  if (image.data.length < pixelCount * channels) throw new RangeError('image data shorter than width × height × channels');
  const pixels = new Uint8Array(pixelCount);
  const data = image.data;
  if (channels === 1) {
    pixels.set(data.subarray(0, pixelCount));
  } else {
    for (let index = 0, source = 0; index < pixelCount; index++, source += channels) {
      pixels[index] = (data[source]! * 299 + data[source + 1]! * 587 + data[source + 2]! * 114 + 500) / 1000;
    }
  }
  return { width: image.width, height: image.height, pixels };
}

/** Binary PGM (P5): trivial to write and read by Leptonica, so no encoder library is needed. */
export function encodePgm(image: GrayImage): Uint8Array {
  const header = new TextEncoder().encode(`P5\n${image.width} ${image.height}\n255\n`);
  const output = new Uint8Array(header.length + image.pixels.length);
  output.set(header);
  output.set(image.pixels, header.length);
  return output;
}

/** The part of @napi-rs/canvas used here. */
interface CanvasModule {
  loadImage(source: Uint8Array): Promise<{ width: number; height: number }>;
  createCanvas(width: number, height: number): {
    getContext(kind: '2d'): {
      fillStyle: string;
      fillRect(x: number, y: number, width: number, height: number): void;
      drawImage(image: unknown, x: number, y: number): void;
      getImageData(x: number, y: number, width: number, height: number): { data: Uint8ClampedArray };
    };
  };
}

let canvasModule: Promise<CanvasModule | undefined> | undefined;

/**
 * @napi-rs/canvas is the optional dependency pdfjs-dist itself uses to render pages in Node (prebuilt
 * Skia, no system libraries). It is loaded lazily and treated as optional: without it, images go to the
 * OCR engine undecoded and without clean-up.
 */
export function loadCanvasModule(): Promise<CanvasModule | undefined> {
  const specifier = '@napi-rs/canvas';
  canvasModule ??= import(specifier).then(
    (module: Partial<CanvasModule> & { default?: CanvasModule }) =>
      typeof module.loadImage === 'function' ? (module as CanvasModule) : module.default,
    () => undefined,
  );
  return canvasModule;
}

/** Decodes PNG/JPEG/WebP/GIF/BMP to grey pixels (white background under transparency); undefined if it cannot. */
export async function decodeToGray(bytes: Uint8Array): Promise<GrayImage | undefined> {
  const format = detectRasterFormat(bytes);
  if (!format || format === 'tiff' || format === 'pnm') return undefined; // Skia decodes neither
  const canvas = await loadCanvasModule();
  if (!canvas) return undefined;
  try {
    const image = await canvas.loadImage(bytes);
    const surface = canvas.createCanvas(image.width, image.height);
    const context = surface.getContext('2d');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, image.width, image.height);
    context.drawImage(image, 0, 0);
    const { data } = context.getImageData(0, 0, image.width, image.height);
    return toGray({ width: image.width, height: image.height, data, channels: 4 });
  } catch {
    return undefined;
  }
}
