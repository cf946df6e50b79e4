/**
 * Số hiệu văn bản (document numbers) such as `52/2014/QH13`, `123/2015/NĐ-CP`,
 * `01/2022/TT-BTP`, `10/2022/NQ-HĐND`, `104/1999/QĐ-TTg`.
 *
 * The national TTHC crawl glues table cells together ("…năm 201102/2011/QH13Nghị định…"),
 * so a plain `\d+/\d{4}/[A-Z-]+` over-reads on both sides. The suffix grammar below only
 * allows digits after "QH" (legislature number) and the lowercase "g" of "TTg", which keeps
 * a following glued number or title from being swallowed.
 */

const SEGMENT = String.raw`(?:QH\d{1,2}|TTg|[A-ZĐ]+)`;
const NUMBER_PATTERN = new RegExp(String.raw`(\d+)\/(\d{4})\/(${SEGMENT}(?:-${SEGMENT})*)`, 'gu');
const LOWERCASE = /\p{Ll}/u;
const YEAR_PREFIX = /^(?:19|20)\d\d/;

export interface DocumentNumberMatch {
  /** Normalised number, e.g. `52/2014/QH13`. */
  readonly number: string;
  /** Offset of the first character of the number in the searched text. */
  readonly start: number;
  /** Offset just after the number. */
  readonly end: number;
}

/** Finds every document number in `text`, repairing the glue artefacts of crawled tables. */
export function findDocumentNumbers(text: string): DocumentNumberMatch[] {
  const found: DocumentNumberMatch[] = [];
  for (const match of text.matchAll(NUMBER_PATTERN)) {
    let serial = match[1] ?? '';
    const year = match[2] ?? '';
    let suffix = match[3] ?? '';
    let start = match.index;
    let end = start + match[0].length;

    // "năm 201102/2011/QH13": a year glued in front of the serial number.
    if (serial.length >= 5 && YEAR_PREFIX.test(serial)) {
      start += 4;
      serial = serial.slice(4);
    }
    // "68/2013/TT-BCALuật …": the capital that starts the next glued title is not part of the suffix.
    const after = text.charAt(end);
    const lastSegment = suffix.slice(suffix.lastIndexOf('-') + 1);
    if (after !== '' && LOWERCASE.test(after) && lastSegment.length > 1 && !lastSegment.endsWith('g')) {
      suffix = suffix.slice(0, -1);
      end -= 1;
    }
    found.push({ number: `${serial}/${year}/${suffix}`, start, end });
  }
  return found;
}

/** Distinct document numbers in order of first appearance. */
export function extractDocumentNumbers(text: string): string[] {
  return [...new Set(findDocumentNumbers(text).map((match) => match.number))];
}
