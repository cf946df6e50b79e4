import { extractDocumentNumbers } from './document-number.js';
import {
  PROCEDURE_SECTION_TITLES,
  type LegalBasis,
  type ProcedureRecord,
  type ProcedureSection,
  type ProcedureSectionKey,
  type ProcedureStep,
} from './procedure.types.js';
import { parseProvincialDossier } from './provincial-documents.parser.js';
import { stripBullet } from './required-document.js';
import { isPlaceholder, normalizeSourceText, parseDuration, parseFee, parseVietnameseDate, squash } from './vietnamese-values.js';

/**
 * Internal procedure documents (quy trình nội bộ, ISO 9001) of a provincial Department of
 * Justice, as extracted from Word .doc (tables come as tab-separated cells, a row ends with
 * "\t\n"). Layout: a header table (SỞ TƯ PHÁP | QUY TRÌNH <title> | Mã hiệu, Lần ban hành,
 * Ngày ban hành), ISO boilerplate, then "5. NỘI DUNG" with lettered sections
 * (a. Thành phần, số lượng hồ sơ … k. Quy trình các bước xử lý công việc, a table), then
 * "6. BIỂU MẪU", records and the blank forms themselves.
 */

export interface ProvincialProcedureHints {
  sourceId?: string;
  /** Lĩnh vực, known from the collection the file belongs to (e.g. `Hộ tịch`). */
  field?: string;
}

interface SectionLabel {
  key: ProcedureSectionKey;
  pattern: string;
  /** Short labels ("Phí:") only count with a letter marker ("e. Phí:"), never bare in prose. */
  needsMarker?: boolean;
}

const SECTION_LABELS: SectionLabel[] = [
  { key: 'thanhPhanHoSo', pattern: String.raw`Thành phần,?\s*số lượng hồ sơ` },
  { key: 'thoiHanGiaiQuyet', pattern: String.raw`Thời hạn giải quyết` },
  { key: 'doiTuongThucHien', pattern: String.raw`Đối tượng thực hiện(?: thủ tục hành chính)?` },
  { key: 'coQuanThucHien', pattern: String.raw`Cơ quan (?:thực hiện|có thẩm quyền quyết định|trực tiếp thực hiện)(?: thủ tục (?:hành chính|TTHC))?` },
  { key: 'coQuanPhoiHop', pattern: String.raw`Cơ quan phối hợp` },
  { key: 'ketQua', pattern: String.raw`Kết quả thực hiện(?: thủ tục hành chính)?` },
  { key: 'phiLePhi', pattern: String.raw`(?:Phí,\s*lệ phí|Lệ phí,\s*chi phí|Lệ phí|Phí)`, needsMarker: true },
  { key: 'mauDonToKhai', pattern: String.raw`(?:Tên\s+)?mẫu đơn,?\s*(?:mẫu\s+)?tờ khai` },
  { key: 'yeuCauDieuKien', pattern: String.raw`Yêu cầu,?\s*điều kiện(?: thực hiện thủ tục hành chính)?` },
  { key: 'canCuPhapLy', pattern: String.raw`Căn cứ pháp lý(?: của thủ tục hành chính)?` },
  { key: 'trinhTuThucHien', pattern: String.raw`Quy trình (?:các bước )?(?:xử lý công việc|các bước)` },
];

const MARKER = String.raw`[a-zđ]\s*[.)]?\s*`;
const HEADING_PATTERN = new RegExp(
  SECTION_LABELS.map(
    (label, index) =>
      `(?<l${index}>(?:^|\\n)[ \\t]*${label.needsMarker ? MARKER : `(?:${MARKER})?`}${label.pattern}\\s*(?::|(?=\\n))` +
      `|[ \\t]${MARKER}${label.pattern}\\s*:)`,
  ).join('|'),
  'giu',
);

const CONTENT_START = /^[ \t]*(?:5\.\s*)?NỘI DUNG[ \t]*$/mu;
const CONTENT_END = /^[ \t]*(?:\d\.\s*)?(?:BIỂU MẪU|HỒ SƠ\s+(?:CẦN\s+)?LƯU(?:\s+TRỮ)?)[ \t]*$/mu;

interface FoundSection {
  key: ProcedureSectionKey;
  heading: string;
  start: number;
  contentStart: number;
}

/** Finds the lettered sections inside "NỘI DUNG"; also those glued on one line ("b. Thời hạn …: c. Đối tượng …:"). */
export function splitProvincialSections(content: string): Array<{ key: ProcedureSectionKey; heading: string; body: string; raw: string }> {
  const found: FoundSection[] = [];
  for (const match of content.matchAll(HEADING_PATTERN)) {
    const index = Object.entries(match.groups ?? {}).find(([, value]) => value !== undefined)?.[0];
    const label = SECTION_LABELS[Number(index?.slice(1))];
    if (!label || found.some((section) => section.key === label.key)) continue;
    const start = match.index + (match[0].length - match[0].trimStart().length);
    found.push({ key: label.key, heading: squash(match[0]), start, contentStart: match.index + match[0].length });
  }
  return found.map((section, i) => {
    const end = found[i + 1]?.start ?? content.length;
    return {
      key: section.key,
      heading: section.heading,
      // Tabs are kept: the steps section is a Word table whose cells are tab-separated.
      body: content.slice(section.contentStart, end).replace(/^\s*\n|\s+$/gu, ''),
      raw: content.slice(section.start, end).trim(),
    };
  });
}

/** Header table: title cell(s) between "QUY TRÌNH" and the code/edition cells. */
export function parseProvincialHeader(text: string): { title: string; code?: string; issuedDate?: string; issuer?: string } {
  const headerEnd = text.search(/MỤC LỤC|SỬA ĐỔI TÀI LIỆU/u);
  const header = text.slice(0, headerEnd > 0 ? headerEnd : 1500);
  const cells = header
    .split(/[\t\n]/u)
    .map(squash)
    .filter((cell) => cell !== '');
  const title = cells
    .filter((cell) => !/^(?:SỞ TƯ PHÁP|QUY TRÌNH|Mã hiệu|Lần ban hành|Ngày ban hành|\d{1,2}$)/u.test(cell))
    .join(' ');
  const result: { title: string; code?: string; issuedDate?: string; issuer?: string } = { title: squash(title) };
  const code = /Mã hiệu\s*:\s*([^\t\n]+)/u.exec(header)?.[1];
  if (code) result.code = squash(code);
  const date = /Ngày ban hành\s*:\s*([\d/]+)/u.exec(header)?.[1];
  const issuedDate = date ? parseVietnameseDate(date) : undefined;
  if (issuedDate) result.issuedDate = issuedDate;
  if (/SỞ TƯ PHÁP/u.test(header)) result.issuer = 'Sở Tư pháp';
  return result;
}

/**
 * Steps table: a row ends with "\t\n" and the next starts with its STT cell ("", "1.", "  2. ")
 * and a tab. Merged cells add empty cells in front, so leading empty/STT cells are dropped
 * and the rest read as content | actor | time.
 */
export function parseProvincialSteps(sectionBody: string): ProcedureStep[] {
  const table = sectionBody.split(/\n\s*\*\s*Ghi chú/u)[0] ?? '';
  const steps: ProcedureStep[] = [];
  for (const row of table.split(/\t\n(?=[ ]*(?:\d+\.?)?[ ]*\t)/u)) {
    const cells = row.split('\t').map((cell) => cell.trim());
    const first = cells.findIndex((cell, index) => index > 0 && cell !== '' && !/^\d+\.?$/u.test(cell));
    if (first < 0 || cells.length < 3) continue;
    const [text = '', actorCell = '', timeCell = ''] = cells.slice(first);
    if (/Trình tự các bước/u.test(text)) continue;
    const step: ProcedureStep = { order: steps.length + 1, text };
    const actor = squash(actorCell);
    if (actor !== '') step.actor = actor;
    const duration = parseDuration(squash(timeCell));
    if (duration) step.duration = duration;
    steps.push(step);
  }
  return steps;
}

function parseLegalBasisLines(body: string): LegalBasis[] {
  return body
    .split('\n')
    .map((line) => squash(stripBullet(line)).replace(/[;.]$/u, ''))
    .filter((line) => line !== '')
    .map((line) => ({ title: line, numbers: extractDocumentNumbers(line), raw: line }));
}

/** `QT 01/CX-HCTP`: CX = cấp xã (commune), CT = cấp tỉnh (province) in this numbering scheme. */
function levelFromCode(code: string | undefined): string | undefined {
  if (!code) return undefined;
  if (/\/CX-/u.test(code)) return 'Cấp xã';
  if (/\/CT-/u.test(code)) return 'Cấp tỉnh';
  return undefined;
}

function meaningful(text: string | undefined): string | undefined {
  const value = squash(text ?? '').replace(/^[.\s]+|\s+$/gu, '');
  return value === '' || isPlaceholder(value) || /^không\.?$/iu.test(value) ? undefined : value;
}

export function parseProvincialProcedure(source: string, hints: ProvincialProcedureHints = {}): ProcedureRecord {
  const text = normalizeSourceText(source);
  const header = parseProvincialHeader(text);
  const startMatch = CONTENT_START.exec(text);
  const afterStart = startMatch ? text.slice(startMatch.index + startMatch[0].length) : text;
  const endMatch = CONTENT_END.exec(afterStart);
  const content = endMatch ? afterStart.slice(0, endMatch.index) : afterStart;
  const found = splitProvincialSections(content);
  const body = (key: ProcedureSectionKey): string | undefined => found.find((section) => section.key === key)?.body;

  const dossier = parseProvincialDossier(body('thanhPhanHoSo') ?? '');
  const steps = parseProvincialSteps(body('trinhTuThucHien') ?? '');
  const sections: ProcedureSection[] = found
    .filter((section) => meaningful(section.body) !== undefined)
    .map((section) => ({
      key: section.key,
      title: PROCEDURE_SECTION_TITLES[section.key],
      text:
        section.key === 'trinhTuThucHien' && steps.length > 0
          ? steps.map((step) => `Bước ${step.order}: ${squash(step.text)}${step.actor ? ` — ${step.actor}` : ''}${step.duration ? ` (${step.duration.text})` : ''}`).join('\n')
          : section.body.replace(/\t+/gu, ' | '),
      raw: section.raw,
    }));

  const record: ProcedureRecord = {
    source: 'provincial',
    code: header.code ?? hints.sourceId ?? '',
    name: header.title,
    steps,
    channels: [],
    documents: dossier.documents,
    forms: (body('mauDonToKhai') ?? '')
      .split('\n')
      .map((line) => squash(stripBullet(line)).replace(/[;.]$/u, ''))
      .filter((line) => meaningful(line) !== undefined),
    legalBasis: parseLegalBasisLines(body('canCuPhapLy') ?? ''),
    sections,
  };
  if (hints.sourceId) record.sourceId = hints.sourceId;
  if (dossier.setCount) record.documentSetCount = dossier.setCount;
  const processingTime = meaningful(body('thoiHanGiaiQuyet'));
  const duration = processingTime ? parseDuration(processingTime) : undefined;
  if (duration) record.processingTime = duration;
  // "Phí: Không." states that nothing is charged — information, unlike an empty field.
  const feeBody = squash(body('phiLePhi') ?? '').replace(/^[.\s]+$/u, '');
  const feeText = feeBody === '' || isPlaceholder(feeBody) ? undefined : feeBody;
  const fee = feeText ? parseFee(feeText) : undefined;
  if (fee) record.fee = fee;
  const optional: Array<[keyof ProcedureRecord, string | undefined]> = [
    ['field', hints.field],
    ['agency', meaningful(body('coQuanThucHien'))],
    ['level', levelFromCode(header.code)],
    ['applicants', meaningful(body('doiTuongThucHien'))],
    ['issuer', header.issuer],
    ['issuedDate', header.issuedDate],
    ['conditions', meaningful(body('yeuCauDieuKien'))],
    ['result', meaningful(body('ketQua'))],
  ];
  for (const [key, value] of optional) if (value) Object.assign(record, { [key]: value });
  return record;
}
