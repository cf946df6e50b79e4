import type { LoadedDocument, LoaderContext } from './document.types.js';
import { htmlToText } from './html-to-text.js';
import { decodeText } from './text-decoding.js';

/** Plain text: decoded, otherwise untouched (normalisation is a later ingest step). */
export function loadPlainText({ input }: LoaderContext): LoadedDocument {
  const { text, encoding } = decodeText(input.bytes);
  return {
    format: 'txt',
    mediaType: 'text/plain',
    pages: [{ pageNumber: 1, text: text.replace(/\r\n?/g, '\n'), method: 'plain' }],
    // No title guess: the first line of an official text is the issuing body (QUỐC HỘI), not the title.
    metadata: { pageCount: 1, encoding },
    warnings: [],
  };
}

export function loadHtml({ input }: LoaderContext): LoadedDocument {
  const { text: html, encoding } = decodeHtml(input.bytes);
  const { text, tables, title } = htmlToText(html);
  return {
    format: 'html',
    mediaType: 'text/html',
    pages: [{ pageNumber: 1, text, method: 'plain' }],
    metadata: { pageCount: 1, encoding, ...(title ? { title } : {}) },
    ...(tables.length > 0 ? { tables } : {}),
    warnings: [],
  };
}

/** A `<meta charset>` wins over guessing, as in browsers; without one the text rules apply. */
function decodeHtml(bytes: Uint8Array): { text: string; encoding: string } {
  const hasBom = (bytes[0] === 0xef && bytes[1] === 0xbb) || bytes[0] === 0xff || bytes[0] === 0xfe;
  if (!hasBom) {
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
    const declared = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
    if (declared && declared !== 'utf-8' && declared !== 'utf8') {
      try {
        return { text: new TextDecoder(declared).decode(bytes).normalize('NFC'), encoding: declared };
      } catch {
        // unknown label: fall through to detection
      }
    }
  }
  return decodeText(bytes);
}
