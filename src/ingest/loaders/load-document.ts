import path from 'node:path';
import { detectRasterFormat } from '../../providers/ocr/index.js';
import { DEFAULT_LIMITS } from './document.types.js';
import type { DocumentFormat, LoadedDocument, LoadInput, LoadOptions, LoaderContext } from './document.types.js';
import { loadImage } from './image.loader.js';
import { loaderErrors } from './loader-errors.js';
import { isOleCompoundFile, OleCompoundFile } from './ole-compound-file.js';
import { loadPdf } from './pdf.loader.js';
import { loadProcedureRecord } from './procedure-record.loader.js';
import { loadHtml, loadPlainText } from './text.loader.js';
import { loadLegacyWord, loadWordOpenXml } from './word.loader.js';

/**
 * The one entry point of the loaders: bytes + file name → pages of text. The content decides the
 * format (magic bytes); the file name and declared media type only break ties between text formats and
 * give a better message when a file is not what its name says.
 */
export async function loadDocument(input: LoadInput, options: LoadOptions = {}): Promise<LoadedDocument> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  options.signal?.throwIfAborted();
  if (input.bytes.length === 0) throw loaderErrors.empty();
  if (input.bytes.length > limits.maxBytes) throw loaderErrors.tooLarge(input.bytes.length, limits.maxBytes);
  const context: LoaderContext = { input, options, limits };
  const declared = declaredFormat(input);
  const bytes = input.bytes;
  let document: LoadedDocument;

  if (isPdf(bytes)) {
    document = await loadPdf(context);
  } else if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    document = await loadWordOpenXml(context);
  } else if (isOleCompoundFile(bytes)) {
    document = await loadOleDocument(context);
  } else if (detectRasterFormat(bytes)) {
    document = await loadImage(context);
  } else if (startsWithAscii(bytes, '{\\rtf')) {
    throw loaderErrors.unsupported('Tệp RTF chưa được hỗ trợ; hãy mở bằng Word và lưu dạng DOCX hoặc PDF.');
  } else if (declared === 'pdf') {
    throw loaderErrors.pdfCorrupt(new Error('no %PDF- header'));
  } else if (declared === 'docx' || declared === 'doc') {
    throw loaderErrors.officeCorrupt(declared, new Error('not a ZIP or OLE container'));
  } else if (declared === 'image') {
    throw loaderErrors.unsupported('Tệp có tên là ảnh nhưng nội dung không phải ảnh PNG, JPEG hay TIFF.');
  } else if (declared === 'json' || (declared === undefined && firstNonSpace(bytes) === '{')) {
    document = loadProcedureRecord(context);
  } else if (declared === 'html' || (declared !== 'txt' && looksLikeHtml(bytes))) {
    document = loadHtml(context);
  } else {
    document = loadPlainText(context);
  }
  options.onProgress?.(1);
  return document;
}

async function loadOleDocument(context: LoaderContext): Promise<LoadedDocument> {
  let file: OleCompoundFile;
  try {
    file = new OleCompoundFile(context.input.bytes);
  } catch (cause) {
    throw loaderErrors.officeCorrupt('doc', cause);
  }
  // Office 2007+ files saved with a password are an OLE container around the encrypted ZIP.
  if (file.find('EncryptedPackage') || file.find('EncryptionInfo')) throw loaderErrors.officeEncrypted('docx');
  if (!file.find('WordDocument')) {
    throw loaderErrors.unsupported('Tệp Office dạng cũ này không phải tài liệu Word (có thể là Excel hoặc PowerPoint).');
  }
  return loadLegacyWord(context, file);
}

const EXTENSIONS: Record<string, DocumentFormat> = {
  '.pdf': 'pdf',
  '.docx': 'docx',
  '.doc': 'doc',
  '.txt': 'txt',
  '.text': 'txt',
  '.md': 'txt',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.json': 'json',
  '.png': 'image',
  '.jpg': 'image',
  '.jpeg': 'image',
  '.tif': 'image',
  '.tiff': 'image',
};

function declaredFormat(input: LoadInput): DocumentFormat | undefined {
  const media = input.mediaType?.split(';')[0]?.trim().toLowerCase();
  if (media === 'application/pdf') return 'pdf';
  if (media === 'application/json') return 'json';
  if (media === 'text/html' || media === 'application/xhtml+xml') return 'html';
  if (media === 'application/msword') return 'doc';
  if (media === 'application/vnd.openxmlformats-officedocument.wordprocessingml.document') return 'docx';
  if (media?.startsWith('image/')) return 'image';
  const fromName = EXTENSIONS[path.extname(input.filename).toLowerCase()];
  if (fromName) return fromName;
  if (media === 'text/plain') return 'txt';
  return undefined;
}

/** The PDF header may be preceded by junk (some generators add bytes); readers accept it in the first 1 KB. */
function isPdf(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return head.includes('%PDF-');
}

function startsWithAscii(bytes: Uint8Array, prefix: string): boolean {
  return [...prefix].every((char, index) => bytes[index] === char.charCodeAt(0));
}

function firstNonSpace(bytes: Uint8Array): string | undefined {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  for (let index = start; index < Math.min(bytes.length, 1024); index++) {
    const byte = bytes[index]!;
    if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) return String.fromCharCode(byte);
  }
  return undefined;
}

function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024)).replace(/^\uFEFF|^\xEF\xBB\xBF/, '');
  return /^\s*(<!--[\s\S]*?-->\s*)*<(!doctype\s+html|html[\s>]|head[\s>]|body[\s>])/i.test(head);
}
