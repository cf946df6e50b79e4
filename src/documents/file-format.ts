import path from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import { AppError, badRequest } from '../errors/index.js';

export const documentFormats = ['pdf', 'doc', 'docx', 'txt', 'html', 'image', 'json'] as const;
export type DocumentFormat = (typeof documentFormats)[number];

export interface DetectedFormat {
  format: DocumentFormat;
  mediaType: string;
}

const textExtensions: Record<string, DetectedFormat> = {
  '.txt': { format: 'txt', mediaType: 'text/plain; charset=utf-8' },
  '.text': { format: 'txt', mediaType: 'text/plain; charset=utf-8' },
  '.md': { format: 'txt', mediaType: 'text/plain; charset=utf-8' },
  '.html': { format: 'html', mediaType: 'text/html; charset=utf-8' },
  '.htm': { format: 'html', mediaType: 'text/html; charset=utf-8' },
  '.json': { format: 'json', mediaType: 'application/json' },
};

const binaryTypes: Record<string, DetectedFormat> = {
  'application/pdf': { format: 'pdf', mediaType: 'application/pdf' },
  'application/x-cfb': { format: 'doc', mediaType: 'application/msword' },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
    format: 'docx',
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  },
  'image/png': { format: 'image', mediaType: 'image/png' },
  'image/jpeg': { format: 'image', mediaType: 'image/jpeg' },
  'image/tiff': { format: 'image', mediaType: 'image/tiff' },
};

export const acceptedFormatsText = 'PDF, DOC, DOCX, TXT, HTML, JSON, PNG, JPEG, TIFF';

const unsupported = (detail: string) => new AppError({ status: 415, code: 'unsupported-media-type', detail });

/**
 * Decides the format from the bytes (magic numbers), not from what the client claims. Text
 * formats have no magic number: they are accepted by extension when the bytes are text.
 */
export async function detectFormat(bytes: Uint8Array, filename: string): Promise<DetectedFormat> {
  if (bytes.byteLength === 0) throw badRequest('Tệp tải lên rỗng (0 byte).', undefined, 'empty-file');
  const extension = path.extname(filename).toLowerCase();
  const sniffed = await fileTypeFromBuffer(bytes);
  const textual = textExtensions[extension];
  // Magic-number sniffing can mistake plain text for an exotic format (text starting "FORM…" reads as AIFF)
  if (sniffed && !(textual && !binaryTypes[sniffed.mime] && !looksBinary(bytes))) {
    const known = binaryTypes[sniffed.mime];
    if (!known) {
      throw unsupported(
        `Định dạng tệp "${sniffed.ext}" (${sniffed.mime}) không được hỗ trợ. Chỉ nhận: ${acceptedFormatsText}.`,
      );
    }
    // An OLE container may also be an encrypted DOCX or an XLS; the loader decides later, but the
    // extension must at least claim a Word document.
    if (known.format === 'doc' && extension !== '.doc' && extension !== '.docx') {
      throw unsupported(`Tệp "${filename}" là tệp Office dạng OLE nhưng không phải tài liệu Word (.doc). Chỉ nhận: ${acceptedFormatsText}.`);
    }
    return known;
  }
  if (!textual) {
    throw unsupported(
      `Không nhận dạng được định dạng của tệp "${filename}". Chỉ nhận: ${acceptedFormatsText}.`,
    );
  }
  if (looksBinary(bytes)) {
    throw unsupported(`Tệp "${filename}" có phần mở rộng ${extension} nhưng nội dung không phải văn bản.`);
  }
  return textual;
}

function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  // UTF-16 text carries NULs but starts with a byte-order mark
  if ((sample[0] === 0xff && sample[1] === 0xfe) || (sample[0] === 0xfe && sample[1] === 0xff)) return false;
  return sample.includes(0);
}
