import type { DocumentSegment } from './precheck.types.js';

/** A segment with what the checks need beyond the contract shape: its file and its text. */
export interface AnalysedSegment {
  fileId: string;
  fileName: string;
  segment: DocumentSegment;
  text: string;
}

export function fieldOf(segment: AnalysedSegment, name: string) {
  return segment.segment.fields.find((field) => field.name === name);
}

export function describeSegment(segment: AnalysedSegment): string {
  const { from, to } = segment.segment.pages;
  const pages = from === to ? `trang ${from}` : `trang ${from}–${to}`;
  return `tệp "${segment.fileName}", ${pages}`;
}
