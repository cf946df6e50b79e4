import { AppError } from '../errors/index.js';
import type { DocumentExtractor } from './document-process.job.js';

// Interim extractor for text formats; replaced by the ingest loaders (src/ingest/loaders).
export const extractDocumentText: DocumentExtractor = async (input) => {
  if (!/^(text\/|application\/json)/.test(input.mediaType)) {
    throw new AppError({ status: 422, code: 'format-not-supported-yet', detail: 'Chưa hỗ trợ trích xuất định dạng này.' });
  }
  const text = new TextDecoder('utf-8', { fatal: true }).decode(input.bytes);
  return { pages: [{ pageNumber: 1, text: text.normalize('NFC'), method: 'plain' }] };
};
