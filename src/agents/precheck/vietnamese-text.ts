/**
 * Text helpers for reading Vietnamese civil documents: accent folding that keeps character offsets
 * (so a label found in folded text points at the original value), dates and ID numbers.
 */

/** Lower case, no diacritics, đ → d, one output character per input UTF-16 unit (offsets stay valid). */
export function foldAligned(text: string): string {
  let out = '';
  for (const char of text) {
    const folded = char.normalize('NFD').replace(/\p{M}+/gu, '').replace(/[đĐð]/g, 'd').toLowerCase();
    const single = folded.length === 1 ? folded : char.toLowerCase().length === char.length ? char.toLowerCase() : char;
    out += single.length === char.length ? single : char;
  }
  return out;
}

/** For comparing names and places: folded, punctuation dropped, spaces collapsed. */
export function foldForCompare(text: string): string {
  return foldAligned(text.normalize('NFC'))
    .replace(/[^a-z0-9\s]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Title case a name that was printed in capitals (`NGUYỄN VĂN AN` → `Nguyễn Văn An`). */
export function tidyName(raw: string): string {
  const cleaned = raw
    // a name typed over the dotted line comes after the dots; dots after a name end it
    .replace(/^[\s.…_·•]+/u, '')
    .replace(/[.…_·•]{2,}.*$/u, '')
    .replace(/[^\p{L}\s'-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return cleaned
    .split(' ')
    .map((word) => (word ? word.charAt(0).toLocaleUpperCase('vi') + word.slice(1).toLocaleLowerCase('vi') : word))
    .join(' ');
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

function validDate(year: number, month: number, day: number): boolean {
  if (year < 1880 || year > 2200 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export interface ParsedDate {
  iso: string;
  /** Offsets of the date inside the input. */
  start: number;
  end: number;
  /** Only a year was written (`Năm sinh: 1990`). */
  yearOnly?: boolean;
}

const NUMERIC_DATE = /(?<!\d)(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})(?!\d)/u;
const WORDED_DATE = /ngay\s*(\d{1,2})\s*,?\s*thang\s*(\d{1,2})\s*,?\s*nam\s*(\d{4})/u;

/** First date in the text: `05/03/2020`, `5-3-2020`, `ngày 05 tháng 3 năm 2020`; ISO yyyy-mm-dd. */
export function parseDate(text: string): ParsedDate | undefined {
  const folded = foldAligned(text);
  const candidates: ParsedDate[] = [];
  const numeric = NUMERIC_DATE.exec(folded);
  if (numeric) {
    const [day, month, year] = [Number(numeric[1]), Number(numeric[2]), Number(numeric[3])];
    if (validDate(year, month, day)) candidates.push({ iso: `${year}-${pad(month)}-${pad(day)}`, start: numeric.index, end: numeric.index + numeric[0].length });
  }
  const worded = WORDED_DATE.exec(folded);
  if (worded) {
    const [day, month, year] = [Number(worded[1]), Number(worded[2]), Number(worded[3])];
    if (validDate(year, month, day)) candidates.push({ iso: `${year}-${pad(month)}-${pad(day)}`, start: worded.index, end: worded.index + worded[0].length });
  }
  candidates.sort((a, b) => a.start - b.start);
  return candidates[0];
}

/** A date or, failing that, a lone four-digit year. */
export function parseDateOrYear(text: string): ParsedDate | undefined {
  const date = parseDate(text);
  if (date) return date;
  const year = /(?<!\d)(1[89]\d\d|20\d\d)(?!\d)/u.exec(text);
  if (!year) return undefined;
  return { iso: year[1] ?? '', start: year.index, end: year.index + (year[1] ?? '').length, yearOnly: true };
}

export function isoToDisplay(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(iso);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : iso;
}

/** Whole years between two ISO dates (age on `reference`). */
export function yearsBetween(fromIso: string, reference: Date): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(fromIso);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  let age = reference.getUTCFullYear() - year;
  const beforeBirthday = reference.getUTCMonth() + 1 < month || (reference.getUTCMonth() + 1 === month && reference.getUTCDate() < day);
  if (beforeBirthday) age -= 1;
  return age;
}

export function isoDateOf(date: Date): string {
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

export type IdNumberKind = 'can_cuoc' | 'cmnd';

export interface IdNumberCheck {
  digits: string;
  kind?: IdNumberKind;
  valid: boolean;
  /** Vietnamese reason when not valid. */
  problem?: string;
  /** What a 12-digit number encodes: century + sex digit and the last two digits of the birth year. */
  encodedSex?: 'Nam' | 'Nữ';
  encodedBirthYear?: number;
}

/**
 * Personal identification number (số định danh cá nhân, printed on the căn cước/CCCD) has 12 digits:
 * a 3-digit place-of-birth code (001–096), one digit for century and sex (0/1: 1900s male/female,
 * 2/3: 2000s, 4/5: 2100s…), two digits of the birth year, six random digits (Nghị định 137/2015/NĐ-CP,
 * Thông tư 59/2021/TT-BCA). The old CMND had 9 digits.
 */
export function checkIdNumber(raw: string): IdNumberCheck {
  const digits = raw.replace(/[\s.-]/g, '');
  if (/^\d{12}$/u.test(digits)) {
    const place = Number(digits.slice(0, 3));
    const centurySex = Number(digits[3]);
    const yearDigits = Number(digits.slice(4, 6));
    const century = 1900 + Math.floor(centurySex / 2) * 100;
    const result: IdNumberCheck = {
      digits,
      kind: 'can_cuoc',
      valid: place >= 1 && place <= 96,
      encodedSex: centurySex % 2 === 0 ? 'Nam' : 'Nữ',
      encodedBirthYear: century + yearDigits,
    };
    if (!result.valid) result.problem = `Mã nơi đăng ký khai sinh ${digits.slice(0, 3)} không hợp lệ (phải từ 001 đến 096).`;
    return result;
  }
  if (/^\d{9}$/u.test(digits)) return { digits, kind: 'cmnd', valid: true };
  return { digits, valid: false, problem: `Số giấy tờ "${raw.trim()}" không phải số căn cước 12 chữ số hay CMND 9 chữ số.` };
}

/** A 9- or 12-digit run, allowing spaces the way cards group digits (`001 099 012 345`). */
export function findIdNumber(text: string): { value: string; start: number; end: number } | undefined {
  const match = /(?<!\d)(\d{3}[ .]?\d{3}[ .]?\d{3}(?:[ .]?\d{3})?)(?!\d)/u.exec(text);
  if (!match || !match[1]) return undefined;
  return { value: match[1].replace(/[ .]/g, ''), start: match.index, end: match.index + match[1].length };
}

/** Levenshtein distance, for telling an OCR slip from a different name. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    let diagonal = previous[0] ?? 0;
    previous[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const above = previous[j] ?? 0;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      previous[j] = Math.min(above + 1, (previous[j - 1] ?? 0) + 1, diagonal + cost);
      diagonal = above;
    }
  }
  return previous[b.length] ?? 0;
}
