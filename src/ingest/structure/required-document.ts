import type { CopyType, RequiredDocument } from './procedure.types.js';
import { squash } from './vietnamese-values.js';

/**
 * Turns one dossier item (thành phần hồ sơ) into a RequiredDocument: short name, the case
 * it applies to, form codes, copy types and "one of" alternatives. Shared by the national
 * and provincial parsers; the text conventions are the same in both.
 */

/** Words a document name starts with (lower case). Used to tell documents from notes and to split "hoặc". */
const DOCUMENT_NOUNS = [
  'tờ khai', 'mẫu', 'giấy', 'bản', 'văn bản', 'đơn', 'hộ chiếu', 'thẻ', 'căn cước', 'chứng minh', 'sổ',
  'quyết định', 'biên bản', 'trích lục', 'hợp đồng', 'dự thảo', 'di chúc', 'phiếu', 'ảnh', 'hai ảnh', 'bằng',
  'chứng chỉ', 'lý lịch', 'tài liệu', 'báo cáo', 'danh sách', 'công văn', 'tờ trình', 'kết luận', 'chứng từ',
  'hóa đơn', 'hoá đơn', 'bản vẽ', 'sơ đồ', 'phương án', 'đề án', 'kế hoạch', 'thông báo', 'các giấy tờ',
  'giấy tờ', 'bảng kê', 'chứng nhận', 'điều lệ', 'cam kết', 'thư', 'quy chế', 'dữ liệu', 'chứng cứ',
];
const DOCUMENT_NOUN_START = new RegExp(
  String.raw`^(?:(?:0?\d+|một|hai|ba)\s+)?(?:${DOCUMENT_NOUNS.map((noun) => noun.replace(/\s+/g, String.raw`\s+`)).join('|')})(?!\p{L})`,
  'iu',
);

/** "Bản chính hoặc bản sao có chứng thực …" — a copy-type phrase in front of the real name. */
const COPY_PREFIX =
  /^(?:(?:bản\s+(?:chính|sao(?:\s+(?:có\s+|được\s+)?chứng\s+thực)?(?:\s+từ\s+bản\s+chính)?|chụp|điện\s+tử|photo)|hoặc|và|,)\s*)+/iu;

const BULLET = /^(?:[-+*•·–]+|\*\)|\+\)|\d+[.)]|[a-zđ]\))\s*/u;

export function startsWithDocumentNoun(text: string): boolean {
  const bare = stripBullet(text);
  return DOCUMENT_NOUN_START.test(bare) || DOCUMENT_NOUN_START.test(bare.replace(COPY_PREFIX, ''));
}

export function stripBullet(text: string): string {
  let value = text.trim();
  while (BULLET.test(value)) value = value.replace(BULLET, '').trim();
  return value;
}

const FORM_CODE_AFTER_MAU = /(?:^|[\s(,;])(?:mẫu|mau)(?:\s+số|\s+so)?\s*[:.]?\s*([A-ZĐ0-9][A-Za-zĐđ0-9.\-/]*\d[A-Za-zĐđ0-9-]*|\d+[a-z]?(?:\/[A-ZĐ-]+)?)/giu;
const STANDALONE_FORM_CODE = /(?<![\p{L}\d/])((?:TK|DK|ĐK|BK|CT|DC|NA|HK|CC|TP|M)\d{1,2}[a-z]?(?:-[A-ZĐ]{1,6})*)(?![\p{L}\d/])/gu;

/** `Mẫu CT01`, `mẫu số 03`, `TK1-TS`, `BM.NCC.20.01` → codes; document numbers are not form codes. */
export function extractFormCodes(text: string): string[] {
  const codes: string[] = [];
  for (const match of text.matchAll(FORM_CODE_AFTER_MAU)) {
    const code = (match[1] ?? '').replace(/[.,;:]+$/u, '');
    if (code && !/^\d+\/\d{4}\//u.test(code)) codes.push(code);
  }
  for (const match of text.matchAll(STANDALONE_FORM_CODE)) codes.push(match[1] ?? '');
  return [...new Set(codes.filter((code) => code !== ''))];
}

export function extractCopyTypes(text: string): CopyType[] {
  const lower = text.toLowerCase();
  const types = new Set<CopyType>();
  if (/bản\s+chính/u.test(lower)) types.add('bản chính');
  if (/bản\s+sao\s+(?:có\s+|được\s+)?chứng\s+thực|bản\s+sao\s+công\s+chứng/u.test(lower)) types.add('bản sao chứng thực');
  if (/bản\s+sao(?!\s+(?:có\s+|được\s+)?chứng\s+thực|\s+điện\s+tử)/u.test(lower)) types.add('bản sao');
  if (/bản\s+(?:chụp|photo)/u.test(lower)) types.add('bản chụp');
  if (/bản\s+(?:sao\s+)?điện\s+tử/u.test(lower)) types.add('bản điện tử');
  return [...types];
}

interface NameAndCondition {
  name: string;
  condition?: string;
}

const LEADING_CASE =
  /^((?:trường hợp|trong trường hợp|đối với|nếu)\s[^:]*?)(?:\s+thì\s+|\s*:\s*|\s+(?=phải\s+(?:có|nộp|xuất\s+trình|gửi\s+kèm)))(.+)$/iu;
const TRAILING_CASE = /^(.+?)\s+((?:trong|đối với)\s+trường hợp\s.+|nếu\s.+)$/iu;
const CONDITION_PARENTHESIS = /\s*\(([^()]*?(?:nếu|đối với|trường hợp|áp dụng)[^()]*)\)/iu;
/** "Người yêu cầu chứng thực phải nộp …" — what follows the verb is the document. */
export const REQUESTER_VERB = /^người\s+yêu\s+cầu(?:\s+\p{L}+){0,4}?\s+(?:phải\s+)?(?:nộp|xuất\s+trình)\s+/iu;
const MUST_VERB = /^(?:phải\s+)?(?:có|nộp(?:\s+(?:thêm|lại))?|xuất\s+trình|gửi\s+kèm(?:\s+theo)?|kèm\s+theo|bổ\s+sung)\s+/iu;

/** Splits the case an item applies to ("Trường hợp …", "(nếu …)", "… trong trường hợp …") from its name. */
export function splitCondition(text: string): NameAndCondition {
  let name = text;
  let condition: string | undefined;
  const leading = LEADING_CASE.exec(name);
  if (leading) {
    condition = squash(leading[1] ?? '');
    // "… thì phải xuất trình (bản chính) hoặc nộp bản sao giấy tờ …" → "bản sao giấy tờ …"
    name = (leading[2] ?? '').replace(REQUESTER_VERB, '').replace(MUST_VERB, '').replace(/^\((?:bản\s+chính|bản\s+sao)\)\s+hoặc\s+(?:nộp\s+)?/iu, '');
    // "… thì người nước ngoài phải nộp bản sao hộ chiếu": drop the subject when a document follows.
    const subject = /^[^,;:]{1,40}?\s+phải\s+(?:nộp|có|xuất\s+trình)\s+/iu.exec(name);
    if (subject && startsWithDocumentNoun(name.slice(subject[0].length))) name = name.slice(subject[0].length);
  }
  const parenthesis = CONDITION_PARENTHESIS.exec(firstClause(name));
  if (parenthesis) {
    condition ??= squash(parenthesis[1] ?? '');
    name = name.replace(parenthesis[0], '');
  }
  const trailing = condition ? undefined : TRAILING_CASE.exec(firstClause(name));
  if (trailing && startsWithDocumentNoun(trailing[1] ?? '')) {
    condition = squash(trailing[2] ?? '');
    name = trailing[1] ?? '';
  }
  const result: NameAndCondition = { name: cleanName(firstClause(name)) };
  if (condition) result.condition = condition.replace(/[;.,:]+$/u, '');
  return result;
}

/** Text up to the first ";" or sentence end outside parentheses — the rest is explanation. */
function firstClause(text: string): string {
  let depth = 0;
  for (let i = 0; i < text.length; i += 1) {
    const character = text.charAt(i);
    if (character === '(') depth += 1;
    else if (character === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && (character === ';' || (character === '.' && /^\.\s+\p{Lu}/u.test(text.slice(i, i + 3))) || (character === ':' && text.slice(i + 1).trim() === ''))) {
      return text.slice(0, i);
    }
  }
  return text;
}

function cleanName(text: string): string {
  const name = squash(text).replace(/^[,;:.\s]+|[,;:.\s]+$/gu, '');
  return name.charAt(0).toUpperCase() + name.slice(1);
}

const ONE_OF = /một\s+trong\s+(?:các|những|số)\s/iu;

/** Alternatives ("one of") stated by the item: "một trong các giấy tờ: …", "A/B/C", "A Hoặc B", "A hoặc B". */
export function findAlternatives(text: string): { oneOf: boolean; alternatives: string[] } {
  const body = stripBullet(text);
  if (ONE_OF.test(body)) {
    const list = body.slice(body.indexOf(':') + 1);
    const alternatives = list
      .split(/\s*;\s*|\s+-\s+|\s*\+\s+/u)
      .map((item) => cleanName(stripBullet(item)))
      .filter((item) => item.length > 2);
    return { oneOf: true, alternatives: body.includes(':') ? alternatives : [] };
  }
  const named = firstClause(body.replace(COPY_PREFIX, ''));
  const slashParts = named.split(/\s*\/\s*(?=\p{Lu})/u);
  // Every part must itself name a document, so "104/2022/NĐ-CP" is never split.
  if (slashParts.length >= 2 && slashParts.every((part) => /^\p{Lu}/u.test(part) && startsWithDocumentNoun(part))) {
    const last = slashParts.pop() ?? '';
    const [lastName, ...rest] = last.split(/\s+hoặc\s+/u);
    const alternatives = [...slashParts, lastName ?? '', ...rest].map(cleanName).filter((item) => item !== '');
    return { oneOf: true, alternatives };
  }
  // "hoặc" inside parentheses qualifies a condition ("(nếu nộp trực tiếp hoặc qua bưu chính)"), not documents.
  const unbracketed = named.replace(/\s*\([^()]*\)/gu, '');
  const capitalOr = unbracketed.split(/\s+Hoặc\s+/u);
  if (capitalOr.length >= 2) return { oneOf: true, alternatives: capitalOr.map(cleanName) };
  const parts = unbracketed.split(/\s+hoặc\s+/u);
  if (parts.length >= 2 && parts.every((part) => startsWithDocumentNoun(part) && !/^bản\s+(?:chính|sao|chụp)$/iu.test(part.trim()))) {
    return { oneOf: true, alternatives: parts.map(cleanName) };
  }
  // "Giấy chứng sinh; trường hợp không có Giấy chứng sinh thì nộp văn bản …; nếu không có … thì phải có giấy cam đoan"
  const fallbacks = [...body.matchAll(/(?:trường hợp|nếu)\s+không\s+có\s+[^;]*?\s+thì\s+(?:phải\s+)?(?:nộp|có)\s+([^;]+)/giu)];
  if (fallbacks.length > 0) {
    return { oneOf: true, alternatives: [cleanName(firstClause(body)), ...fallbacks.map((match) => cleanName(firstClause(match[1] ?? '')))] };
  }
  return { oneOf: false, alternatives: [] };
}

export interface DocumentContext {
  group?: string;
  quantity?: { original?: number; copy?: number };
  attachments?: string[];
}

export function describeDocument(text: string, context: DocumentContext = {}): RequiredDocument {
  const raw = squash(text);
  const { name, condition } = splitCondition(stripBullet(raw));
  const { oneOf, alternatives } = findAlternatives(raw);
  const copyTypes = extractCopyTypes(raw);
  if (context.quantity?.original) copyTypes.push('bản chính');
  if (context.quantity?.copy) copyTypes.push('bản sao');
  const document: RequiredDocument = {
    name: name || cleanName(stripBullet(raw)),
    text: raw,
    formCodes: extractFormCodes([raw, ...(context.attachments ?? [])].join(' ')),
    attachments: context.attachments ?? [],
    copyTypes: [...new Set(copyTypes)],
    oneOf,
    alternatives,
  };
  if (context.group) document.group = context.group;
  if (condition) document.condition = condition;
  if (context.quantity) document.quantity = context.quantity;
  return document;
}
