/**
 * Small value parsers for the way Vietnamese administrative texts write durations
 * (`05 ngày làm việc`, `1/2 ngày`, `Ngay trong ngày`), money (`8.000 đồng`,
 * `2,000,000 Việt Nam Đồng`) and dates (`07/7/2025`, `ngày 13 tháng 11 năm 2020`).
 */

export interface ParsedDuration {
  /** The text the duration was read from (trimmed). */
  text: string;
  /** Numeric amount when one is written; `1/2` and `½` become 0.5. */
  value?: number;
  /** Unit as written, lower-cased: `ngày làm việc`, `ngày`, `giờ`, `tháng`… (absent when the source lost it). */
  unit?: string;
  /** "Ngay trong ngày" — resolved on the day of submission. */
  sameDay?: boolean;
}

export interface ParsedFee {
  text: string;
  /** The fee text states that nothing is charged (Miễn phí / Miễn lệ phí / Không). */
  free: boolean;
  /** Every money amount in the text, in đồng. */
  amounts: number[];
}

const UNIT = String.raw`ngày làm việc|ngày|giờ làm việc|giờ|tháng|năm|tuần|phút`;
const AMOUNT = String.raw`\d+\s*\/\s*\d+|½|\d+(?:[.,]\d+)?`;
const DURATION_PATTERN = new RegExp(String.raw`(${AMOUNT})\s*(?:\([^)]{1,20}\)\s*)?(${UNIT})(?!\p{L})`, 'iu');
const SAME_DAY_PATTERN = /ngay\s+trong\s+ngày|^[-+*\s]*trong\s+ngày(?!\s+làm\s+việc)/iu;
const PLACEHOLDER = /^(?:không có thông tin|chưa có thông tin|không quy định)\.?$/iu;

/** True for the crawler's "no data" cells. */
export function isPlaceholder(text: string | undefined): boolean {
  const value = (text ?? '').trim();
  return value === '' || value === '-' || value === '--' || PLACEHOLDER.test(value);
}

export function parseAmount(raw: string): number | undefined {
  const compact = raw.replace(/\s+/g, '');
  if (compact === '½') return 0.5;
  const fraction = /^(\d+)\/(\d+)$/.exec(compact);
  if (fraction) return Number(fraction[1]) / Number(fraction[2]);
  const value = Number(compact.replace(',', '.'));
  return Number.isFinite(value) ? value : undefined;
}

/** Reads the first duration in `text`; keeps the text even when no number is found. */
export function parseDuration(text: string): ParsedDuration | undefined {
  const trimmed = text.trim();
  if (isPlaceholder(trimmed)) return undefined;
  const result: ParsedDuration = { text: trimmed };
  const match = DURATION_PATTERN.exec(trimmed);
  const sameDay = SAME_DAY_PATTERN.exec(trimmed);
  if (sameDay && (!match || sameDay.index < match.index)) {
    result.sameDay = true;
    return result;
  }
  if (match) {
    const value = parseAmount(match[1] ?? '');
    if (value !== undefined) result.value = value;
    result.unit = (match[2] ?? '').toLowerCase().replace(/\s+/g, ' ');
  }
  return result;
}

const MONEY_PATTERN =
  /(\d{1,3}(?:[.,]\d{3})+|\d+)\s*(?:\([^)]{1,40}\)\s*)?(?:Việt\s*Nam\s*)?(?:đồng|VNĐ|VND|đ)(?!\p{L})/giu;

/** Money amounts in đồng; `8.000`, `8,000` and `8000` all read as 8000. */
export function extractMoneyAmounts(text: string): number[] {
  const amounts: number[] = [];
  for (const match of text.matchAll(MONEY_PATTERN)) {
    const value = Number((match[1] ?? '').replace(/[.,]/g, ''));
    if (Number.isFinite(value)) amounts.push(value);
  }
  return amounts;
}

const FREE_PATTERN = /^(?:[-+*•\s]*)(?:miễn\s+(?:phí|lệ\s+phí|thu)|không(?:\s+(?:thu|có))?\s*(?:phí|lệ\s+phí)?\s*\.?\s*$)/iu;

export function parseFee(text: string): ParsedFee | undefined {
  const trimmed = text.trim().replace(/^[.\s]+$/, '');
  if (isPlaceholder(trimmed)) return undefined;
  return { text: trimmed, free: FREE_PATTERN.test(trimmed), amounts: extractMoneyAmounts(trimmed) };
}

/** `07/7/2025` or `ngày 13 tháng 11 năm 2020` → `2025-07-07` / `2020-11-13`. */
export function parseVietnameseDate(text: string): string | undefined {
  const numeric = /(\d{1,2})\/(\d{1,2})\/(\d{4})/.exec(text);
  const spelled = /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/iu.exec(text);
  const match = spelled ?? numeric;
  if (!match) return undefined;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** NFC, unified line breaks, no trailing spaces — the text we parse (display keeps the same characters). */
export function normalizeSourceText(text: string): string {
  return text.normalize('NFC').replace(/\r\n?/g, '\n').replace(/\u00a0/g, ' ');
}

/** Collapses runs of whitespace (incl. tabs from Word tables) into single spaces. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
