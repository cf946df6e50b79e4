import { extractDocumentNumbers } from './document-number.js';
import type { LegalDocumentKind, LegalMetadata, LegalMetadataHints } from './legal.types.js';
import { parseVietnameseDate, squash } from './vietnamese-values.js';

/**
 * Reads document metadata from the header (before the first article) and the closing
 * block (the "… thông qua ngày …" line). Hints from the caller override what is read,
 * because the header of crawled texts is often incomplete.
 */

/**
 * Kind from a heading word; longer names first so "BỘ LUẬT" is not read as "LUẬT".
 * `\b` is ASCII-only in JS, so word ends are written as `(?!\p{L})`.
 */
const KIND_BY_HEADING: ReadonlyArray<readonly [RegExp, LegalDocumentKind]> = [
  [/^HIẾN PHÁP(?!\p{L})/u, 'Hiến pháp'],
  [/^BỘ LUẬT(?!\p{L})/u, 'Bộ luật'],
  [/^LUẬT(?!\p{L})/u, 'Luật'],
  [/^PHÁP LỆNH(?!\p{L})/u, 'Pháp lệnh'],
  [/^NGHỊ QUYẾT(?!\p{L})/u, 'Nghị quyết'],
  [/^NGHỊ ĐỊNH(?!\p{L})/u, 'Nghị định'],
  [/^THÔNG TƯ LIÊN TỊCH(?!\p{L})/u, 'Thông tư liên tịch'],
  [/^THÔNG TƯ(?!\p{L})/u, 'Thông tư'],
  [/^QUYẾT ĐỊNH(?!\p{L})/u, 'Quyết định'],
  [/^CHỈ THỊ(?!\p{L})/u, 'Chỉ thị'],
];

/** Kind implied by the suffix of the document number when the header does not name it. */
const KIND_BY_NUMBER_SUFFIX: ReadonlyArray<readonly [RegExp, LegalDocumentKind]> = [
  [/\/QH\d+$/u, 'Luật'],
  [/\/NĐ-/u, 'Nghị định'],
  [/\/TTLT-/u, 'Thông tư liên tịch'],
  [/\/TT-/u, 'Thông tư'],
  [/\/QĐ-/u, 'Quyết định'],
  [/\/NQ-/u, 'Nghị quyết'],
  [/\/CT-/u, 'Chỉ thị'],
  [/\/VBHN-/u, 'Văn bản hợp nhất'],
];

const MOTTO = /^(CỘNG HÒA|CỘNG HOÀ) XÃ HỘI CHỦ NGHĨA VIỆT NAM|^Độc lập\s*-\s*Tự do\s*-\s*Hạnh phúc/u;

/** Issuers whose capitalisation cannot be derived mechanically. */
const KNOWN_ISSUERS: Record<string, string> = {
  'QUỐC HỘI': 'Quốc hội',
  'ỦY BAN THƯỜNG VỤ QUỐC HỘI': 'Ủy ban Thường vụ Quốc hội',
  'CHÍNH PHỦ': 'Chính phủ',
  'THỦ TƯỚNG CHÍNH PHỦ': 'Thủ tướng Chính phủ',
  'CHỦ TỊCH NƯỚC': 'Chủ tịch nước',
};

function isUpperCaseLine(line: string): boolean {
  const letters = line.replace(/[^\p{L}]/gu, '');
  return letters.length > 1 && letters === letters.toUpperCase();
}

/** `BỘ TƯ PHÁP` → `Bộ Tư pháp`: the word after a ministry/authority noun is a proper name. */
function issuerCase(line: string): string {
  const upper = squash(line).toUpperCase();
  const known = KNOWN_ISSUERS[upper];
  if (known) return known;
  const words = squash(line).toLowerCase().split(' ');
  return words
    .map((word, index) => (index === 0 || (index === 1 && /^(bộ|sở|cục|tổng cục)$/u.test(words[0] ?? '')) ? capitalize(word) : word))
    .join(' ');
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** `LUẬT HÔN NHÂN VÀ GIA ĐÌNH` → `Luật Hôn nhân và gia đình` (the house style of law titles). */
export function titleFromHeading(heading: string, kind: LegalDocumentKind | undefined): string {
  const text = squash(heading);
  if (!isUpperCaseLine(text)) return text;
  const kindWords = kind ? kind.split(' ').length : 1;
  const words = text.toLowerCase().split(' ');
  return words.map((word, index) => (index === 0 || index === kindWords ? capitalize(word) : word)).join(' ');
}

function kindFromNumber(number: string | undefined): LegalDocumentKind | undefined {
  if (!number) return undefined;
  return KIND_BY_NUMBER_SUFFIX.find(([pattern]) => pattern.test(number))?.[1];
}

export function parseLegalMetadata(preamble: string, closing: string, hints: LegalMetadataHints = {}): LegalMetadata {
  const lines = preamble
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

  let kind: LegalDocumentKind | undefined;
  let titleLines: string[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    if (MOTTO.test(line)) continue;
    const found = KIND_BY_HEADING.find(([pattern]) => pattern.test(line));
    if (found && isUpperCaseLine(line)) {
      kind = found[1];
      titleLines = [line];
      // "LUẬT / CƯ TRÚ" split over two lines; the Constitution's second line is the state's name, not a title.
      const bare = squash(line).toLowerCase() === found[1].toLowerCase();
      if (bare && found[1] !== 'Hiến pháp' && isUpperCaseLine(lines[i + 1] ?? '')) titleLines.push(lines[i + 1] ?? '');
      break;
    }
  }

  const numberLine = lines.find((line) => /(?<!\p{L})(?:số|Số)\s*:?\s*\d+\/\d{4}\//u.test(line));
  const number = numberLine ? extractDocumentNumbers(numberLine)[0] : undefined;
  kind ??= kindFromNumber(number);

  const mottoIndex = lines.findIndex((line) => MOTTO.test(line));
  const issuerLine = mottoIndex > 0 ? lines[0] : lines.find((line, index) => index < 3 && isUpperCaseLine(line) && !MOTTO.test(line));

  const dateLine = lines.find((line) => /,\s*ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}/u.test(line));
  const adoptedLine = closing.split('\n').find((line) => /thông qua ngày/u.test(line));

  const metadata: LegalMetadata = { title: titleLines.length > 0 ? titleFromHeading(titleLines.join(' '), kind) : '' };
  if (kind) metadata.kind = kind;
  if (number) metadata.number = number;
  if (issuerLine && !KIND_BY_HEADING.some(([pattern]) => pattern.test(issuerLine))) metadata.issuer = issuerCase(issuerLine);
  const issuedDate = dateLine ? parseVietnameseDate(dateLine) : undefined;
  if (issuedDate) metadata.issuedDate = issuedDate;
  const adoptedDate = adoptedLine ? parseVietnameseDate(squash(adoptedLine)) : undefined;
  if (adoptedDate) metadata.adoptedDate = adoptedDate;
  const yearSource = metadata.issuedDate ?? metadata.adoptedDate ?? number?.split('/')[1];
  if (yearSource) metadata.year = Number(yearSource.slice(0, 4));

  const merged: LegalMetadata = { ...metadata };
  for (const [key, value] of Object.entries(hints) as Array<[keyof LegalMetadata, unknown]>) {
    if (value !== undefined && value !== null && value !== '') Object.assign(merged, { [key]: value });
  }
  return merged;
}
