import type { ProcedureDuration, SubmissionChannel } from './procedure.types.js';
import { extractMoneyAmounts, isPlaceholder, parseAmount, parseFee } from './vietnamese-values.js';

/**
 * `cach_thuc_thuc_hien` of the national crawl: the table "Hình thức nộp | Thời gian |
 * Phí, lệ phí | Mô tả" flattened WITHOUT separators, e.g.
 * `Trực tuyến5 Ngày làm việc2,000,000 Việt Nam Đồng(Phí …)Dịch vụ bưu chính5 Ngày…`.
 *
 * A row starts at a channel name directly followed by its time (a digit) or by the
 * "Không có thông tin" placeholder; inside a row the grammar is
 * time [unit] · fee item(s) [(note)] · free description.
 */

const HEADER = /^\s*Hình thức nộp\s*Thời gian\s*Phí,\s*lệ phí\s*Mô tả/u;
const ROW_START = /(Trực tiếp|Trực tuyến|Dịch vụ bưu chính)(?=\d|Không có thông tin|\s*$)/gu;
const TIME = /^(\d+(?:[.,]\d+)?)\s*(Ngày làm việc|Ngày|Giờ làm việc|Giờ|Tháng|Năm|Tuần)?/u;
const MONEY_UNIT = /^\s*(?:VNĐ|Việt Nam Đồng|Đồng|đồng)/u;
const FEE_ITEM = /^(?:Miễn phí|Không có thông tin|(?:Lệ phí|Phí)\s*:\s*[\d.,]+\s*(?:Đồng|VNĐ|đồng)|[\d.,]+\s*(?:VNĐ|Việt Nam Đồng|Đồng)|VNĐ|Việt Nam Đồng)/u;

/** Consumes a balanced "( … )" at the start of `text`; unbalanced parentheses take the rest. */
function takeParenthesis(text: string): string {
  if (!text.startsWith('(')) return '';
  let depth = 0;
  for (let i = 0; i < text.length; i += 1) {
    if (text[i] === '(') depth += 1;
    if (text[i] === ')') depth -= 1;
    if (depth === 0) return text.slice(0, i + 1);
  }
  return text;
}

interface TimeSplit {
  time?: ProcedureDuration;
  rest: string;
  uncertain: boolean;
}

/**
 * Separates the time from a glued fee amount when the unit is missing:
 * `120 VNĐ(20.000 vnđ/tờ khai)` is time 1 + fee 20 VNĐ. The amount quoted in the note
 * decides when present; otherwise the shortest time that leaves a well-formed amount.
 */
function splitGluedTimeAndAmount(digits: string, afterDigits: string): TimeSplit {
  const noteAmounts = extractMoneyAmounts(afterDigits).map(String);
  const candidates: number[] = [];
  for (let cut = 1; cut < digits.length; cut += 1) {
    const amount = digits.slice(cut);
    if (/^[1-9]\d{0,2}(?:,\d{3})*$|^[1-9]\d*$/u.test(amount) && !digits.slice(0, cut).includes(',')) candidates.push(cut);
  }
  const byNote = candidates.find((cut) => noteAmounts.some((note) => note.startsWith(digits.slice(cut).replace(/,/g, ''))));
  const cut = byNote ?? candidates[0];
  if (cut === undefined) return { rest: digits + afterDigits, uncertain: true };
  const value = parseAmount(digits.slice(0, cut));
  const time: ProcedureDuration = { text: digits.slice(0, cut) };
  if (value !== undefined) time.value = value;
  return { time, rest: digits.slice(cut) + afterDigits, uncertain: byNote === undefined };
}

function splitTime(text: string): TimeSplit {
  const match = TIME.exec(text);
  if (!match) return { rest: text, uncertain: false };
  const digits = match[1] ?? '';
  const unit = match[2];
  const after = text.slice(match[0].length);
  if (!unit && MONEY_UNIT.test(after)) return splitGluedTimeAndAmount(digits, after);
  const time: ProcedureDuration = { text: match[0].trim() };
  const value = parseAmount(digits);
  if (value !== undefined) time.value = value;
  if (unit) time.unit = unit.toLowerCase();
  return { time, rest: after, uncertain: false };
}

function splitFee(text: string): { fee: string; rest: string } {
  let rest = text;
  let fee = '';
  for (;;) {
    const item = FEE_ITEM.exec(rest);
    if (!item) break;
    // "Không có thông tin(1) Trường hợp …": the parenthesis opens the description, not a fee note.
    const note = item[0] === 'Không có thông tin' ? '' : takeParenthesis(rest.slice(item[0].length));
    fee += item[0] + note;
    rest = rest.slice(item[0].length + note.length);
  }
  return { fee: fee.trim(), rest: rest.trim() };
}

function parseRow(channel: string, rowText: string): SubmissionChannel {
  const body = rowText.slice(channel.length);
  const { time, rest, uncertain } = splitTime(body);
  const { fee, rest: description } = splitFee(rest);
  const row: SubmissionChannel = { channel, raw: rowText };
  if (time) row.processingTime = time;
  const parsedFee = isPlaceholder(fee.replace(/^Không có thông tin/u, '')) ? undefined : parseFee(fee.replace(/^Không có thông tin/u, ''));
  if (parsedFee) row.fee = parsedFee;
  if (description !== '' && !isPlaceholder(description)) row.description = description;
  if (uncertain) row.uncertain = true;
  return row;
}

export function parseNationalChannels(cachThucThucHien: string): SubmissionChannel[] {
  const text = cachThucThucHien.replace(HEADER, '');
  const starts = [...text.matchAll(ROW_START)].map((match) => ({ index: match.index, channel: match[1] ?? '' }));
  return starts.map((start, i) => {
    const end = starts[i + 1]?.index ?? text.length;
    return parseRow(start.channel, text.slice(start.index, end));
  });
}
