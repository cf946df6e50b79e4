import { findDocumentNumbers } from './document-number.js';
import { parseNationalChannels } from './national-channels.parser.js';
import { parseNationalDocuments } from './national-documents.parser.js';
import {
  PROCEDURE_SECTION_TITLES,
  type LegalBasis,
  type ProcedureRecord,
  type ProcedureSection,
  type ProcedureSectionKey,
  type ProcedureStep,
  type RequiredDocument,
  type SubmissionChannel,
} from './procedure.types.js';
import { isPlaceholder, normalizeSourceText, parseDuration, squash } from './vietnamese-values.js';

/**
 * A record crawled from the National Public Service Portal (dichvucong.gov.vn) → ProcedureRecord.
 * Field names are the crawler's (snake_case Vietnamese); all values are strings.
 */
export interface NationalProcedureSource {
  ma_thu_tuc: string;
  ten_thu_tuc: string;
  so_quyet_dinh?: string;
  cap_thuc_hien?: string;
  linh_vuc?: string;
  doi_tuong_thuc_hien?: string;
  co_quan_co_tham_quyen?: string;
  co_quan_thuc_hien?: string;
  co_quan_phoi_hop?: string;
  trinh_tu_thuc_hien?: string;
  cach_thuc_thuc_hien?: string;
  thanh_phan_ho_so?: string;
  can_cu_phap_ly?: string;
  yeu_cau_dieu_kien?: string;
  ket_qua_xu_ly?: string;
}

const STEP_MARKER = /(?=Bước\s*\d+\s*[:.)\-–])/u;
const LINE_STEP = /^(?:[a-zđ]\)|\d+[.)]\s|-\s)/u;

export function parseNationalSteps(text: string): ProcedureStep[] {
  const trimmed = text.trim();
  if (isPlaceholder(trimmed)) return [];
  let parts = trimmed.split(STEP_MARKER).map((part) => part.trim()).filter((part) => part !== '');
  if (parts.length < 2) {
    parts = [];
    for (const line of trimmed.split('\n').map((candidate) => candidate.trim()).filter((candidate) => candidate !== '')) {
      if (parts.length === 0 || LINE_STEP.test(line)) parts.push(line);
      else parts[parts.length - 1] += `\n${line}`;
    }
  }
  return parts.map((part, index) => {
    const step: ProcedureStep = { order: index + 1, text: part };
    const duration = parseDuration(part);
    if (duration?.value !== undefined) step.duration = duration;
    return step;
  });
}

const LEGAL_BASIS_HEADER = /^\s*Tên văn bản pháp lý\s*Mã văn bản/u;

/**
 * `can_cu_phap_ly`: rows "title + number" glued ("…công an nhân dân68/2013/TT-BCALuật Khiếu nại…").
 * A row ends at a number followed directly by the next title (no space) or by the end; a number
 * followed by a space (" ngày 26/12/2013") is a reference inside the title.
 */
export function parseNationalLegalBasis(text: string): LegalBasis[] {
  const body = text.replace(LEGAL_BASIS_HEADER, '');
  if (isPlaceholder(body)) return [];
  const rows: LegalBasis[] = [];
  let rowStart = 0;
  for (const match of findDocumentNumbers(body)) {
    const after = body.charAt(match.end);
    if (after !== '' && /[\s,;.)]/u.test(after)) continue;
    const raw = body.slice(rowStart, match.end);
    const title = squash(body.slice(rowStart, match.start)).replace(/[\s:,-]+$/u, '');
    rowStart = match.end;
    const numbers = [...new Set(findDocumentNumbers(raw).map((found) => found.number))];
    const previous = rows.at(-1);
    // "Nghị định 05/2012/NĐ-CP05/2012/NĐ-CP": the code column repeats the number in the title.
    if (title === '' && previous && previous.numbers.includes(match.number)) continue;
    // "Nghị định 05/2021/NĐ-CP05/2021/NĐ-CP" leaves a bare kind word as title.
    const bareKind = title === '' || /^(?:Luật|Bộ luật|Nghị định|Nghị quyết|Thông tư(?: liên tịch)?|Quyết định|Pháp lệnh)(?: số)?$/iu.test(title);
    rows.push({ title: bareKind ? squash(`${title} ${match.number}`) : title, numbers, raw: squash(raw) });
  }
  const rest = squash(body.slice(rowStart));
  if (rest !== '') rows.push({ title: rest, numbers: [], raw: rest });
  return rows;
}

/** `ket_qua_xu_ly` carries page UI text after the result ("Từ khóa… Chọn cơ quan thực hiện…"). */
export function cleanNationalResult(text: string): string | undefined {
  const cut = text.split(/Từ khóa|Chọn cơ quan thực hiện/u)[0] ?? '';
  const names = cut
    .split(/Mã:\s*(?:KQ\.[A-Z]\d+\.\d+|[a-z0-9]+)/u)
    .map(squash)
    .filter((name) => name !== '');
  return names.length > 0 ? names.join('; ') : undefined;
}

function renderDocuments(documents: RequiredDocument[]): string {
  const lines: string[] = [];
  let group: string | undefined;
  for (const document of documents) {
    if (document.group && document.group !== group) lines.push(`${document.group}:`);
    group = document.group;
    const quantity = [
      document.quantity?.original ? `${document.quantity.original} bản chính` : '',
      document.quantity?.copy ? `${document.quantity.copy} bản sao` : '',
    ]
      .filter((part) => part !== '')
      .join(', ');
    const forms = document.attachments.length > 0 ? ` [mẫu: ${document.attachments.join('; ')}]` : '';
    lines.push(`- ${document.text}${forms}${quantity ? ` (${quantity})` : ''}`);
  }
  return lines.join('\n');
}

/** One line per distinct value, naming the channels it applies to ("Trực tiếp, Trực tuyến: Miễn phí"). */
function renderByChannel(channels: SubmissionChannel[], value: (channel: SubmissionChannel) => string | undefined): string {
  const byValue = new Map<string, string[]>();
  for (const channel of channels) {
    const text = value(channel);
    if (text) byValue.set(text, [...(byValue.get(text) ?? []), channel.channel]);
  }
  return [...byValue].map(([text, names]) => `${names.join(', ')}: ${text}`).join('\n');
}

export function parseNationalProcedure(source: NationalProcedureSource, sourceId?: string): ProcedureRecord {
  const field = (value: string | undefined): string => normalizeSourceText(value ?? '').trim();
  const present = (value: string | undefined): string | undefined => (isPlaceholder(field(value)) ? undefined : field(value));

  const channels = parseNationalChannels(field(source.cach_thuc_thuc_hien));
  const documents = parseNationalDocuments(field(source.thanh_phan_ho_so));
  const legalBasis = parseNationalLegalBasis(field(source.can_cu_phap_ly));
  const steps = parseNationalSteps(field(source.trinh_tu_thuc_hien));
  const result = cleanNationalResult(field(source.ket_qua_xu_ly));
  const agency = present(source.co_quan_thuc_hien) ?? present(source.co_quan_co_tham_quyen);

  const sections: ProcedureSection[] = [];
  const addSection = (key: ProcedureSectionKey, text: string | undefined, raw: string | undefined): void => {
    if (text && text.trim() !== '') sections.push({ key, title: PROCEDURE_SECTION_TITLES[key], text: text.trim(), raw: (raw ?? text).trim() });
  };
  addSection('thanhPhanHoSo', renderDocuments(documents), field(source.thanh_phan_ho_so));
  addSection('trinhTuThucHien', present(source.trinh_tu_thuc_hien), source.trinh_tu_thuc_hien);
  const channelText = channels
    .map((channel) =>
      [channel.channel, channel.processingTime?.text, channel.fee?.text, channel.description].filter((part) => part).join(' · '),
    )
    .join('\n');
  addSection('cachThucThucHien', channelText, field(source.cach_thuc_thuc_hien));
  addSection(
    'thoiHanGiaiQuyet',
    renderByChannel(channels, (channel) => channel.processingTime?.text),
    field(source.cach_thuc_thuc_hien),
  );
  addSection('phiLePhi', renderByChannel(channels, (channel) => channel.fee?.text), field(source.cach_thuc_thuc_hien));
  addSection('yeuCauDieuKien', present(source.yeu_cau_dieu_kien), source.yeu_cau_dieu_kien);
  addSection(
    'canCuPhapLy',
    legalBasis.map((basis) => `- ${basis.title}${basis.numbers.length > 0 && basis.title !== basis.numbers[0] ? ` (${basis.numbers.join(', ')})` : ''}`).join('\n'),
    field(source.can_cu_phap_ly),
  );
  addSection('ketQua', result, field(source.ket_qua_xu_ly));
  addSection('coQuanThucHien', agency, agency);
  addSection('coQuanPhoiHop', present(source.co_quan_phoi_hop), source.co_quan_phoi_hop);
  addSection('doiTuongThucHien', present(source.doi_tuong_thuc_hien), source.doi_tuong_thuc_hien);

  const record: ProcedureRecord = {
    source: 'national',
    code: field(source.ma_thu_tuc),
    name: squash(field(source.ten_thu_tuc)),
    steps,
    channels,
    documents,
    forms: [...new Set(documents.flatMap((document) => document.attachments))],
    legalBasis,
    sections,
  };
  if (sourceId) record.sourceId = sourceId;
  const optional: Array<[keyof ProcedureRecord, string | undefined]> = [
    ['field', present(source.linh_vuc)],
    ['agency', agency],
    ['level', present(source.cap_thuc_hien)],
    ['applicants', present(source.doi_tuong_thuc_hien)],
    ['decisionNumber', present(source.so_quyet_dinh)],
    ['conditions', present(source.yeu_cau_dieu_kien)],
    ['result', result],
  ];
  for (const [key, value] of optional) if (value) Object.assign(record, { [key]: value });
  // Record-level time and fee: the in-person channel when it has them, else the first that does.
  const ordered = [...channels].sort((a, b) => Number(b.channel === 'Trực tiếp') - Number(a.channel === 'Trực tiếp'));
  const time = ordered.find((channel) => channel.processingTime)?.processingTime;
  if (time) record.processingTime = time;
  const fee = ordered.find((channel) => channel.fee)?.fee;
  if (fee) record.fee = fee;
  return record;
}
