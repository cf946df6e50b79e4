import type { ProcedureRecord, ProcedureSectionKey } from '../../ingest/structure/index.js';
import { PROCEDURE_SECTION_TITLES } from '../../ingest/structure/index.js';
import type { Passage } from '../../retrieval/index.js';
import { placeToneMark } from '../../ingest/normalize/index.js';
import type { Aspect } from './assistant.types.js';
import { supports } from './citation-check.js';
import { comparable } from './text-folding.js';

/**
 * Extractive answer about one procedure: the aspect asked → the record's sections that hold it →
 * the indexed passages of those sections → lines quoted from them, each line tied to the passage
 * it was taken from. Nothing is paraphrased, so the check against the passages is exact.
 */

export interface DraftLine {
  text: string;
  /** Passage the line is quoted from; absent for connective text that states no fact. */
  passage?: Passage;
}

export interface DraftAnswer {
  lines: DraftLine[];
  /** False when the record has nothing for the aspect (the answer then says so). */
  found: boolean;
}

export const ASPECT_TITLES: Record<Aspect, string> = {
  documents: 'thành phần hồ sơ',
  fee: 'phí, lệ phí',
  time: 'thời hạn giải quyết',
  where: 'nơi nộp và cách thức thực hiện',
  steps: 'trình tự thực hiện',
  conditions: 'yêu cầu, điều kiện',
  legalBasis: 'căn cứ pháp lý',
  result: 'kết quả thực hiện',
  forms: 'mẫu đơn, tờ khai',
  applicants: 'đối tượng thực hiện',
  overview: 'thông tin chính',
};

/** Where each aspect lives: sections of the record, or labelled lines of the overview passage. */
const SOURCES: Record<Aspect, Array<ProcedureSectionKey | `overview:${string}`>> = {
  documents: ['thanhPhanHoSo'],
  fee: ['phiLePhi', 'overview:Phí, lệ phí'],
  // a record without a time names it in its steps (`… trong thời hạn 03 ngày làm việc kể từ ngày nhận hồ sơ`)
  time: ['thoiHanGiaiQuyet', 'overview:Thời hạn giải quyết', 'timeIn:trinhTuThucHien'] as Array<ProcedureSectionKey | `overview:${string}`>,
  where: ['coQuanThucHien', 'overview:Cơ quan thực hiện', 'cachThucThucHien', 'step:1'] as Array<ProcedureSectionKey | `overview:${string}`>,
  steps: ['trinhTuThucHien'],
  conditions: ['yeuCauDieuKien'],
  legalBasis: ['canCuPhapLy'],
  result: ['ketQua', 'overview:Kết quả'],
  // a record without a forms section names its forms in the papers list (`Tờ khai … (Mẫu CT01)`)
  forms: ['mauDonToKhai', 'formsIn:thanhPhanHoSo'] as Array<ProcedureSectionKey | `overview:${string}`>,
  applicants: ['doiTuongThucHien', 'overview:Đối tượng thực hiện'],
  // a short conditions section says who may use the procedure at all (`Trẻ em sinh ra mà cha mẹ bị khuyết tật…`)
  overview: [
    'overview:Cơ quan thực hiện',
    'overview:Thời hạn giải quyết',
    'overview:Phí, lệ phí',
    'overview:Thành phần hồ sơ',
    'overview:Kết quả',
    'brief:yeuCauDieuKien',
  ] as Array<ProcedureSectionKey | `overview:${string}`>,
};

/** Longest conditions section the overview quotes whole (characters); a longer one is asked for. */
const MAX_BRIEF_SECTION = 400;

/** A line of the papers list that names a form to fill in. */
const FORM_LINE = /(?:^|[^\p{L}])(?:tờ khai|mẫu(?: số)? [\p{Lu}\d]|mẫu đơn|đơn .{0,60}\(mẫu|theo mẫu)/iu;

/** A sentence that gives a time limit (`trong thời hạn 03 ngày làm việc`, `chậm nhất 05 ngày`). */
const TIME_SENTENCE = /(?:thời hạn|trong vòng|chậm nhất|không quá)\s[^.;]{0,40}?\d+\s*(?:\(\p{L}+\)\s*)?(?:ngày|giờ|tháng)/iu;

/** Longest answer body (characters); the citations lead to the full text. */
const MAX_CHARS = 1800;
const MAX_LINES = 18;

const OVERVIEW_SECTION = 'Tổng quan';
/** A section that only says there is nothing (`Không`, `Không có.`). */
const NO_CONDITIONS = /^không(?: có)?\.?$/iu;

export function composeProcedureAnswer(record: ProcedureRecord, passages: readonly Passage[], aspect: Aspect): DraftAnswer {
  // names often start with "Thủ tục"; the sentences below say it already
  const name = record.name.replace(/^thủ tục\s+/iu, '');
  const reference = record.code ? `${name} (${record.code})` : name;
  const lines: DraftLine[] = [];
  let budget = MAX_CHARS;
  let count = 0;
  let truncated = false;
  const push = (text: string, passage: Passage): void => {
    if (budget <= 0 || count >= MAX_LINES) {
      truncated = true;
      return;
    }
    const clipped = text.length > budget ? clipAtWord(text, budget) : text;
    lines.push({ text: clipped, passage });
    budget -= clipped.length;
    count += 1;
    if (clipped !== text) truncated = true;
  };

  const seenSections = new Set<string>();
  for (const source of SOURCES[aspect]) {
    if (source.startsWith('overview:')) {
      const label = source.slice('overview:'.length);
      // a section of its own is fuller than its overview line: use the overview only when it is missing
      if (aspect !== 'overview' && aspect !== 'where' && aspect !== 'applicants' && lines.length > 0) continue;
      // the line the overview cut, when the section is there in full
      if (aspect !== 'overview' && passages.some((item) => item.citation.section === label)) continue;
      for (const passage of passages.filter((item) => item.citation.section === OVERVIEW_SECTION)) {
        const line = bodyLines(passage).find((candidate) => candidate.startsWith(`${label}:`));
        if (line) push(line, passage);
      }
      continue;
    }
    if (source.startsWith('formsIn:')) {
      if (lines.length > 0) continue;
      const title = PROCEDURE_SECTION_TITLES[source.slice('formsIn:'.length) as ProcedureSectionKey];
      for (const passage of passages.filter((item) => item.citation.section === title)) {
        for (const line of bodyLines(passage).filter((candidate) => FORM_LINE.test(candidate))) push(line, passage);
      }
      continue;
    }
    if (source.startsWith('timeIn:')) {
      if (lines.length > 0) continue;
      const title = PROCEDURE_SECTION_TITLES[source.slice('timeIn:'.length) as ProcedureSectionKey];
      const sentences = passages
        .filter((item) => item.citation.section === title)
        .flatMap((passage) => bodyLines(passage).flatMap((line) => line.split(/(?<=[.;])\s+/u).map((sentence) => ({ sentence, passage }))))
        .filter(({ sentence }) => TIME_SENTENCE.test(sentence));
      for (const { sentence, passage } of sentences.slice(0, 3)) push(sentence, passage);
      continue;
    }
    if (source.startsWith('brief:')) {
      const title = PROCEDURE_SECTION_TITLES[source.slice('brief:'.length) as ProcedureSectionKey];
      const sectionPassages = passages.filter((item) => item.citation.section === title);
      const text = sectionPassages.flatMap((passage) => bodyLines(passage)).join(' ');
      // quoted as the passage shows it under its heading (`Yêu cầu, điều kiện:` then the text)
      const quoted = `${title}: ${text}`;
      const only = sectionPassages.length === 1 ? sectionPassages[0]! : undefined;
      if (only && text.length <= MAX_BRIEF_SECTION && !NO_CONDITIONS.test(text.trim()) && supports(only, quoted)) push(quoted, only);
      continue;
    }
    if (source.startsWith('step:')) {
      const passage = passages.find((item) => item.citation.section === PROCEDURE_SECTION_TITLES.trinhTuThucHien);
      const first = passage ? bodyLines(passage)[0] : undefined;
      if (passage && first && lines.length < 4) push(first, passage);
      continue;
    }
    const title = PROCEDURE_SECTION_TITLES[source as ProcedureSectionKey];
    if (seenSections.has(title)) continue;
    seenSections.add(title);
    const sectionLines = passages.filter((item) => item.citation.section === title).flatMap((passage) => bodyLines(passage).map((line) => ({ line, passage })));
    // the papers everyone hands in first, the cases (`Trường hợp ủy quyền…`) after: a long list is cut at the end
    // (a sub-item `+ …` stays with its item: `+ Trường hợp không có văn bản nêu trên…` is the other way to prove it)
    const ordered = aspect === 'documents' ? casesLast(sectionLines) : sectionLines;
    for (const { line, passage } of ordered) push(line, passage);
  }

  // a conditions field of a bare "Không" sets none: it is not an answer to whether one may do it
  if (aspect === 'conditions' && lines.every((line) => NO_CONDITIONS.test(line.text.trim()))) lines.length = 0;
  if (lines.length === 0) {
    const overview = passages.find((item) => item.citation.section === OVERVIEW_SECTION);
    const intro = `Văn bản của thủ tục ${reference} không ghi ${ASPECT_TITLES[aspect]}.`;
    return { found: false, lines: [{ text: intro }, ...(overview ? bodyLines(overview).slice(0, 4).map((text) => ({ text, passage: overview })) : [])] };
  }
  const intro: DraftLine = { text: aspect === 'overview' ? `Thủ tục ${reference}:` : `Về ${ASPECT_TITLES[aspect]} của thủ tục ${reference}:` };
  const outro: DraftLine[] = truncated ? [{ text: '(Còn tiếp — xem đầy đủ trong văn bản được trích dẫn.)' }] : [];
  return { found: true, lines: [intro, ...lines, ...outro] };
}

/**
 * The passage's own text without the reference and section header lines the chunker adds, each line
 * as the passage's text spells it (the searchable body may keep a source's old tone placement, `uỷ`,
 * where the text shown has `ủy`): a quote must be found verbatim in what the citation shows.
 */
export function bodyLines(passage: Passage): string[] {
  const cached = linesOf.get(passage);
  if (cached) return cached;
  let shown: string | undefined;
  const asShown = (line: string) => {
    if (passage.text.includes(line)) return line;
    shown ??= comparable(passage.text);
    if (shown.includes(comparable(line))) return line;
    const canonical = line.replace(/\p{L}+/gu, (word) => (/[^\x00-\x7F]/.test(word) ? placeToneMark(word) : word));
    return shown.includes(comparable(canonical)) ? canonical : line;
  };
  const lines = passage.fields.body
    .split('\n')
    .map((line) => asShown(line.replace(/\s+/g, ' ').trim().replace(/^(?:[-–•]\s*){2,}/u, '- ')))
    .filter((line) => line.length > 1 && !/^(thành phần hồ sơ|trình tự thực hiện|căn cứ pháp lý|phí, lệ phí|kết quả thực hiện)\s*:?$/iu.test(line));
  linesOf.set(passage, lines);
  return lines;
}

/** Lines of the passages read so far (passages are immutable objects held by the index). */
const linesOf = new WeakMap<Passage, string[]>();

/** Items everyone hands in first, the cases after; each item with its sub-items (`+ …`). */
function casesLast<T extends { line: string }>(lines: readonly T[]): T[] {
  const items: T[][] = [];
  for (const line of lines) {
    const last = items.at(-1);
    if (last && SUB_ITEM.test(line.line)) last.push(line);
    else items.push([line]);
  }
  return [...items.filter((item) => !isConditional(item[0]!.line)), ...items.filter((item) => isConditional(item[0]!.line))].flat();
}

const SUB_ITEM = /^\s*\+/u;

/** A line that applies only in some case (`Trường hợp…`, `Nếu…`, `(ii) Trường hợp…`), not a paper everyone hands in. */
function isConditional(line: string): boolean {
  return /^[-–+*•\s]*(?:\(?[ivx\d]+\)\s*)?(?:trường hợp|nếu|đối với trường hợp|riêng)\b/iu.test(line);
}

function clipAtWord(text: string, limit: number): string {
  const cut = text.lastIndexOf(' ', Math.max(20, limit - 1));
  return `${text.slice(0, cut > 20 ? cut : limit).trimEnd()} …`;
}
