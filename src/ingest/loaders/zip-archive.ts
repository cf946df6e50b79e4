import { inflateRawSync } from 'node:zlib';
import type { LoaderLimits } from './document.types.js';
import { loaderErrors } from './loader-errors.js';

/**
 * Minimal ZIP reader used to vet DOCX packages *before* a library inflates them: the central directory
 * declares every entry's sizes, so a zip bomb is refused without decompressing anything, and entries we
 * do inflate are capped at their declared size so a lying header cannot make them grow.
 */

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_HEADER = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;
const ZIP64_MARKER = 0xffffffff;

export class ZipFormatError extends Error {}

export function readCentralDirectory(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  // The record is 22 bytes plus a comment of at most 65 535 bytes, so it sits near the end.
  for (let offset = bytes.length - 22; offset >= Math.max(0, bytes.length - 22 - 0xffff); offset--) {
    if (view.getUint32(offset, true) === END_OF_CENTRAL_DIRECTORY) {
      end = offset;
      break;
    }
  }
  if (end < 0) throw new ZipFormatError('end of central directory not found');
  const count = view.getUint16(end + 10, true);
  const directoryOffset = view.getUint32(end + 16, true);
  if (directoryOffset === ZIP64_MARKER || count === 0xffff) throw new ZipFormatError('ZIP64 archive');
  const entries: ZipEntry[] = [];
  let offset = directoryOffset;
  const names = new TextDecoder('utf-8');
  for (let index = 0; index < count; index++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== CENTRAL_DIRECTORY_HEADER) {
      throw new ZipFormatError('truncated central directory');
    }
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    entries.push({
      method: view.getUint16(offset + 10, true),
      compressedSize: view.getUint32(offset + 20, true),
      uncompressedSize: view.getUint32(offset + 24, true),
      localHeaderOffset: view.getUint32(offset + 42, true),
      name: names.decode(bytes.subarray(offset + 46, offset + 46 + nameLength)),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * Refuses archives whose declared contents exceed the limits: too many entries, too much data in total,
 * an absurd compression ratio, or ZIP64 sizes (never needed below our 4 GB-free limits).
 */
export function checkArchiveLimits(entries: ZipEntry[], limits: LoaderLimits): void {
  if (entries.length > limits.maxZipEntries) throw loaderErrors.archiveTooLarge(`${entries.length} tệp con`);
  let total = 0;
  for (const entry of entries) {
    if (entry.uncompressedSize === ZIP64_MARKER || entry.compressedSize === ZIP64_MARKER) {
      throw loaderErrors.archiveTooLarge('dùng định dạng ZIP64');
    }
    total += entry.uncompressedSize;
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (entry.uncompressedSize > 1024 * 1024 && ratio > limits.maxCompressionRatio) {
      throw loaderErrors.archiveTooLarge(`"${entry.name}" nén ${Math.round(ratio)}:1`);
    }
  }
  if (total > limits.maxUncompressedBytes) {
    throw loaderErrors.archiveTooLarge(`${Math.round(total / 1024 / 1024)} MB sau giải nén, giới hạn ${Math.round(limits.maxUncompressedBytes / 1024 / 1024)} MB`);
  }
}

/** Inflates one entry, never producing more than its declared size (a lying header throws). */
export function readEntry(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const offset = entry.localHeaderOffset;
  if (offset + 30 > bytes.length || view.getUint32(offset, true) !== LOCAL_FILE_HEADER) {
    throw new ZipFormatError(`bad local header for ${entry.name}`);
  }
  const start = offset + 30 + view.getUint16(offset + 26, true) + view.getUint16(offset + 28, true);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (data.length !== entry.compressedSize) throw new ZipFormatError(`truncated entry ${entry.name}`);
  if (entry.method === 0) return data;
  if (entry.method !== 8) throw new ZipFormatError(`unsupported compression method ${entry.method}`);
  try {
    const inflated = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
    if (inflated.length !== entry.uncompressedSize) throw new ZipFormatError(`size mismatch in ${entry.name}`);
    return inflated;
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw loaderErrors.archiveTooLarge(`"${entry.name}" lớn hơn kích thước khai báo`);
    }
    throw cause;
  }
}
