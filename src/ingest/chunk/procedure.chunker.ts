import { PROCEDURE_SECTION_TITLES, type ProcedureRecord, type ProcedureSectionKey } from '../structure/index.js';
import { DEFAULT_CHUNK_OPTIONS, type Chunk, type ChunkOptions, type ChunkPath } from './chunk.types.js';
import { packBalanced, splitToBudget } from './text-split.js';

/**
 * Procedure record → one overview chunk plus one chunk per section (Thành phần hồ sơ,
 * Trình tự thực hiện, …). Every chunk starts with the procedure name and code so that a
 * chunk retrieved alone still says which procedure it belongs to. A long section is split
 * between lines (list items), then sentences.
 */

/** Short sections that read better inside the overview than as chunks of their own (a long one gets its own as well). */
const OVERVIEW_SECTIONS: ReadonlySet<ProcedureSectionKey> = new Set(['coQuanThucHien', 'coQuanPhoiHop', 'doiTuongThucHien']);

export function procedureReference(record: ProcedureRecord): string {
  return record.code ? `${record.name} (${record.code})` : record.name;
}

/** Overview lines stay short; the full text of each value is in its own section chunk (that of an overview section when it was cut). */
const OVERVIEW_VALUE_CHARS = 240;

const flat = (text: string) => text.replace(/\s+/gu, ' ').trim();

function brief(text: string): string {
  const value = flat(text);
  return value.length > OVERVIEW_VALUE_CHARS ? `${value.slice(0, OVERVIEW_VALUE_CHARS - 1)}…` : value;
}

function overviewText(record: ProcedureRecord): string {
  const lines = [
    `Thủ tục: ${record.name}`,
    record.code ? `Mã: ${record.code}` : '',
    record.field ? `Lĩnh vực: ${record.field}` : '',
    record.level ? `Cấp thực hiện: ${record.level}` : '',
    record.agency ? `Cơ quan thực hiện: ${brief(record.agency)}` : '',
    record.applicants ? `Đối tượng thực hiện: ${brief(record.applicants)}` : '',
    record.processingTime ? `Thời hạn giải quyết: ${brief(record.processingTime.text)}` : '',
    record.fee ? `Phí, lệ phí: ${brief(record.fee.text)}` : '',
    record.documents.length > 0 ? `Thành phần hồ sơ: ${brief(record.documents.map((document) => document.name).join('; '))}` : '',
    record.result ? `Kết quả: ${brief(record.result)}` : '',
  ];
  const coordinating = record.sections.find((section) => section.key === 'coQuanPhoiHop');
  if (coordinating) lines.push(`Cơ quan phối hợp: ${brief(coordinating.text)}`);
  return lines.filter((line) => line !== '').join('\n');
}

export function chunkProcedure(record: ProcedureRecord, options: ChunkOptions = {}): Chunk[] {
  const { maxChars } = { ...DEFAULT_CHUNK_OPTIONS, ...options };
  const reference = procedureReference(record);
  const chunks: Chunk[] = [];
  const push = (text: string, displayText: string, path: ChunkPath, label: string): void => {
    chunks.push({ text, displayText, path, label, ordinal: chunks.length });
  };

  for (const [index, body] of splitToBudget(overviewText(record), maxChars).entries()) {
    push(body, body, { section: 'tongQuan', ...(index > 0 ? { part: index + 1 } : {}) }, `Tổng quan — ${reference}`);
  }

  for (const section of record.sections) {
    // the overview's line says all of a short one; a long one (`… trường hợp không có nơi thường trú thì nơi tạm trú`) is cut there
    if (OVERVIEW_SECTIONS.has(section.key) && flat(section.text).length <= OVERVIEW_VALUE_CHARS) continue;
    const title = PROCEDURE_SECTION_TITLES[section.key];
    const header = `${reference}\n${title}:`;
    const budget = Math.max(200, maxChars - header.length - 1);
    // Lines are list items or table rows: keep them whole where possible.
    const lines = section.text.split('\n').flatMap((line) => (line.length > budget ? splitToBudget(line, budget) : [line]));
    const groups = packBalanced(lines, (line) => line.length, budget).map((group) => group.join('\n'));
    groups.forEach((body, index) => {
      const path: ChunkPath = { section: section.key };
      if (groups.length > 1) {
        path.part = index + 1;
        path.parts = groups.length;
      }
      const partNote = groups.length > 1 ? ` (phần ${index + 1}/${groups.length})` : '';
      push(`${header}\n${body}`, body, path, `${title} — ${reference}${partNote}`);
    });
  }
  return chunks;
}
