import mammoth from 'mammoth';
import { AppError } from '../../errors/index.js';
import WordExtractor from 'word-extractor';
import type { LoadedDocument, LoaderContext } from './document.types.js';
import { decodeHtmlEntities } from './html-entities.js';
import { htmlToText } from './html-to-text.js';
import { loaderErrors } from './loader-errors.js';
import { isWordDocumentEncrypted, readSummaryInformation } from './ole-compound-file.js';
import type { OleCompoundFile } from './ole-compound-file.js';
import { readWordTables } from './word-binary-tables.js';
import { checkArchiveLimits, readCentralDirectory, readEntry } from './zip-archive.js';
import type { ZipEntry } from './zip-archive.js';

/**
 * Word 97–2003 (.doc): text from word-extractor — table cells end with `\t`, rows with `\n`, as Word
 * stores them — plus the exact table structure read from the binary (word-binary-tables.ts).
 * Footnotes, endnotes and text boxes follow the body; running headers/footers are left out because they
 * repeat on every page ("Trang: 6/6", the procedure name).
 */
export async function loadLegacyWord({ input }: LoaderContext, file: OleCompoundFile): Promise<LoadedDocument> {
  if (isWordDocumentEncrypted(file)) throw loaderErrors.officeEncrypted('doc');
  let document: WordExtractor.Document;
  try {
    document = await new WordExtractor().extract(Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength));
  } catch (cause) {
    throw loaderErrors.officeCorrupt('doc', cause);
  }
  const warnings: string[] = [];
  // filterUnicode: false keeps the original quotes and dashes (the default folds “ ” – — to ASCII);
  // the option exists in word-extractor but is missing from its type definitions.
  const raw = document as unknown as Record<'getBody' | 'getFootnotes' | 'getEndnotes', (options: { filterUnicode: boolean }) => string> & {
    getTextboxes(options: { filterUnicode: boolean; includeHeadersAndFooters: boolean }): string;
  };
  const original = { filterUnicode: false };
  const parts = [raw.getBody(original), raw.getFootnotes(original), raw.getEndnotes(original), raw.getTextboxes({ ...original, includeHeadersAndFooters: false })];
  const text = parts
    .map((part) => part.replace(/\r\n?/g, '\n').replace(/^\n+|\s+$/g, ''))
    .filter((part) => part.trim() !== '')
    .join('\n\n');
  let tables: string[][][] = [];
  try {
    tables = readWordTables(file);
  } catch {
    // The text above is complete either way; only the table split is lost.
    warnings.push('Không tách được cấu trúc bảng của tệp DOC; nội dung bảng vẫn có trong văn bản.');
  }
  const metadata = readSummaryInformation(file);
  return {
    format: 'doc',
    mediaType: 'application/msword',
    pages: [{ pageNumber: 1, text, method: 'plain' }],
    metadata: { pageCount: 1, ...metadata },
    ...(tables.length > 0 ? { tables } : {}),
    warnings,
  };
}

/** Parts mammoth reads; media are skipped (images are dropped, so they are never inflated). */
const isXmlPart = (entry: ZipEntry) => /\.(xml|rels)$/i.test(entry.name);

/**
 * DOCX: the ZIP central directory is checked first (zip-bomb limits), every XML part is test-inflated with
 * a hard cap at its declared size, and only then mammoth converts the document to HTML, which goes
 * through the same HTML → text path as web pages (tables become tab-separated rows).
 */
export async function loadWordOpenXml({ input, limits }: LoaderContext): Promise<LoadedDocument> {
  let entries: ZipEntry[];
  const parts = new Map<string, Uint8Array>();
  try {
    entries = readCentralDirectory(input.bytes);
    checkArchiveLimits(entries, limits);
    for (const entry of entries) if (isXmlPart(entry)) parts.set(entry.name, readEntry(input.bytes, entry));
  } catch (cause) {
    if (cause instanceof AppError) throw cause; // zip-bomb limits
    throw loaderErrors.officeCorrupt('docx', cause);
  }
  if (!parts.has('word/document.xml')) {
    throw loaderErrors.unsupported('Tệp ZIP này không phải tài liệu Word (DOCX) (thiếu word/document.xml).');
  }
  let html: string;
  const warnings: string[] = [];
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength) },
      {
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
        externalFileAccess: false,
      },
    );
    html = result.value;
    if (result.messages.some((message) => message.type === 'error')) {
      warnings.push('Một số phần của tệp DOCX không chuyển đổi được; văn bản có thể thiếu.');
    }
  } catch (cause) {
    throw loaderErrors.officeCorrupt('docx', cause);
  }
  const { text, tables } = htmlToText(html);
  const core = parts.get('docProps/core.xml');
  return {
    format: 'docx',
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    pages: [{ pageNumber: 1, text, method: 'plain' }],
    metadata: { pageCount: 1, ...(core ? readCoreProperties(new TextDecoder().decode(core)) : {}) },
    ...(tables.length > 0 ? { tables } : {}),
    warnings,
  };
}

function readCoreProperties(xml: string): { title?: string; author?: string; createdAt?: string } {
  const read = (tag: string) => {
    const value = new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`).exec(xml)?.[1];
    return value ? decodeHtmlEntities(value).trim() || undefined : undefined;
  };
  const title = read('dc:title');
  const author = read('dc:creator');
  const createdAt = read('dcterms:created');
  return { ...(title ? { title } : {}), ...(author ? { author } : {}), ...(createdAt ? { createdAt } : {}) };
}
