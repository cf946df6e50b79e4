import type { RequiredDocument } from './procedure.types.js';
import { describeDocument, stripBullet } from './required-document.js';
import { squash } from './vietnamese-values.js';

/**
 * `thanh_phan_ho_so` of the national crawl: one or more tables "Tên giấy tờ | Mẫu đơn, tờ khai
 * | Số lượng" flattened without separators, each optionally preceded by a group label
 * ("* Hồ sơ cấp Giấy phép … bao gồm:"). A row ends at its quantity ("1 bản chính",
 * "0 bản chính,1 bản sao"); the form file name, when any, sits glued between the name
 * and the quantity ("…theo mẫu thống nhấtMẫu TP-LS-02-sđ.docx1 bản chính").
 */

const TABLE_HEADER = /Tên giấy tờ\s*Mẫu đơn,\s*tờ khai\s*Số lượng/gu;
const QUANTITY = /(\d+)\s*bản\s+(chính|sao)(?:\s*,\s*(\d+)\s*bản\s+(chính|sao))?/gu;
const EXTENSION = /\.(?:docx?|pdf|xlsx?|rar|zip|odt)$/iu;
const FILE_STARTERS = /(?:Mẫu|Mau|mau|mẫu|Phụ lục|Phu luc|Phu lục|PL|Phlc|TK|BM|Don|Đơn)/u;

interface Quantity {
  original?: number;
  copy?: number;
}

function readQuantity(match: RegExpMatchArray, before: string): { quantity: Quantity; leftover: string } {
  const quantity: Quantity = {};
  let first = match[1] ?? '';
  let leftover = '';
  // "BM.NCC.20.031 bản chính": the form code's digits are glued to the quantity; quantities are small.
  if (first.length > 1 && /[\p{L}.\-_/]$/u.test(before) && !EXTENSION.test(before)) {
    leftover = first.slice(0, -1);
    first = first.slice(-1);
  }
  const assign = (count: string, kind: string | undefined): void => {
    if (kind === 'chính') quantity.original = Number(count);
    else quantity.copy = Number(count);
  };
  assign(first, match[2]);
  if (match[3]) assign(match[3], match[4]);
  return { quantity, leftover };
}

/** Splits glued attachment file names (`….docx`, `.pdf`, …) off the end of a row name. */
export function splitAttachments(text: string): { name: string; attachments: string[] } {
  let name = text.trim();
  const attachments: string[] = [];
  for (let guard = 0; guard < 5 && EXTENSION.test(name); guard += 1) {
    // Punctuation (";", ")", a previous extension) is the surest boundary. A form-name word glued
    // to the text after it ("…NĐ-CPMẫu số 32", "…trả lạiMau 08-Phu luc_39…") starts the file name at
    // its leftmost occurrence; a lower→upper case change is the last resort, since portal file
    // names often lost their diacritics and mix cases ("PLCpgiyphp…").
    let punctuation = 0;
    for (let i = name.length - 6; i > 0 && punctuation === 0; i -= 1) {
      if (/[;)]/u.test(name.charAt(i - 1)) || EXTENSION.test(name.slice(0, i))) punctuation = i;
    }
    let starter = -1;
    let caseChange = -1;
    for (let i = Math.max(punctuation, 1); i <= name.length - 6; i += 1) {
      const previous = name.charAt(i - 1);
      if (starter < 0 && !/[\s(]/u.test(previous) && name.slice(i).search(FILE_STARTERS) === 0) starter = i;
      if (/[\p{Ll}\d]/u.test(previous) && /\p{Lu}/u.test(name.charAt(i))) caseChange = i;
    }
    const start = starter > 0 ? starter : punctuation > 0 ? punctuation : caseChange;
    if (start <= 0) break;
    attachments.unshift(name.slice(start).trim());
    name = name.slice(0, start).trim();
  }
  return { name, attachments };
}

/**
 * One portal row sometimes lists several documents ("Tờ trình …; + Báo cáo …; + Tài liệu khác").
 * A list introduced by a colon belongs to one document ("Một trong các giấy tờ: - …; - …") and stays whole.
 */
export function splitListedItems(text: string): string[] {
  const separator = /[;.]\s*[+\-•]\s+(?=\p{Lu})/gu;
  const first = separator.exec(text);
  separator.lastIndex = 0;
  if (!first || text.slice(0, first.index).includes(':')) return [text];
  return text
    .split(separator)
    .map((item) => item.trim())
    .filter((item) => item.length > 2);
}

function isGroupLabel(text: string): boolean {
  const label = squash(text);
  return label !== '' && !/^-+$/u.test(label);
}

function cleanGroup(text: string): string {
  return squash(stripBullet(text)).replace(/:$/u, '');
}

export function parseNationalDocuments(thanhPhanHoSo: string): RequiredDocument[] {
  const documents: RequiredDocument[] = [];
  const headers = [...thanhPhanHoSo.matchAll(TABLE_HEADER)];
  const tables: Array<{ group?: string; body: string }> = [];
  if (headers.length === 0) {
    tables.push({ body: thanhPhanHoSo });
  } else {
    let label = thanhPhanHoSo.slice(0, headers[0]?.index ?? 0);
    headers.forEach((header, i) => {
      const start = (header.index ?? 0) + header[0].length;
      const end = headers[i + 1]?.index ?? thanhPhanHoSo.length;
      const table: { group?: string; body: string } = { body: thanhPhanHoSo.slice(start, end) };
      if (isGroupLabel(label)) table.group = cleanGroup(label);
      tables.push(table);
      label = '';
    });
  }

  tables.forEach((table, tableIndex) => {
    let cursor = 0;
    for (const match of table.body.matchAll(QUANTITY)) {
      // "(01 bản chính)" inside a name is part of the text, not the quantity column.
      const before = table.body.slice(cursor, match.index);
      if ((before.match(/\(/gu)?.length ?? 0) > (before.match(/\)/gu)?.length ?? 0)) continue;
      const rowText = before;
      cursor = (match.index ?? 0) + match[0].length;
      // Glued digits go back to the name ("BM.NCC.20.03" + "1 bản chính").
      const { quantity, leftover } = readQuantity(match, rowText);
      const { name, attachments } = splitAttachments(rowText + leftover);
      // Rows with a quantity but no name ("….1 bản chính") carry nothing to list; nor does "Số lượng hồ sơ: 01 bộ".
      if ((!/\p{L}/u.test(name) && attachments.length === 0) || /^[\s\d.]*Số lượng hồ sơ/u.test(name)) continue;
      const context: Parameters<typeof describeDocument>[1] = { quantity, attachments };
      if (table.group) context.group = table.group;
      for (const item of splitListedItems(name)) documents.push(describeDocument(item, context));
    }
    // Text after the last quantity: the next table's group label, or a final row without quantity.
    const tail = table.body.slice(cursor);
    const next = tables[tableIndex + 1];
    if (next && isGroupLabel(tail) && next.group === undefined) next.group = cleanGroup(tail);
    else if (!next && squash(tail).length > 3) {
      const context: Parameters<typeof describeDocument>[1] = {};
      if (table.group) context.group = table.group;
      documents.push(describeDocument(splitAttachments(tail).name, context));
    }
  });
  return documents;
}
