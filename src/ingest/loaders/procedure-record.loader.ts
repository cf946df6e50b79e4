import type { LoadedDocument, LoaderContext } from './document.types.js';
import { loaderErrors } from './loader-errors.js';
import { decodeText } from './text-decoding.js';

/**
 * A national TTHC (thủ tục hành chính = administrative procedure) record as crawled from
 * dichvucong.gov.vn. All fields are strings; table-like fields (cach_thuc_thuc_hien, thanh_phan_ho_so,
 * can_cu_phap_ly) have their cells glued together by the crawler, so `raw_text` is the text we index
 * and the structured fields are parsed later (ingest/structure).
 */
export interface NationalProcedureRecord {
  ma_thu_tuc: string;
  ten_thu_tuc: string;
  raw_text: string;
  detail_url?: string;
  formality_id?: string;
  so_quyet_dinh?: string;
  cap_thuc_hien?: string;
  loai_thu_tuc?: string;
  linh_vuc?: string;
  doi_tuong_thuc_hien?: string;
  co_quan_co_tham_quyen?: string;
  dia_chi_tiep_nhan?: string;
  co_quan_duoc_uy_quyen?: string;
  co_quan_phoi_hop?: string;
  thu_tuc_lien_quan?: string;
  trinh_tu_thuc_hien?: string;
  cach_thuc_thuc_hien?: string;
  thanh_phan_ho_so?: string;
  can_cu_phap_ly?: string;
  co_quan_thuc_hien?: string;
  yeu_cau_dieu_kien?: string;
  ket_qua_xu_ly?: string;
}

const REQUIRED = ['ma_thu_tuc', 'ten_thu_tuc', 'raw_text'] as const;

export function loadProcedureRecord({ input }: LoaderContext): LoadedDocument {
  const { text } = decodeText(input.bytes);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (cause) {
    throw Object.assign(loaderErrors.notProcedureRecord('nội dung không phải JSON hợp lệ'), { cause });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw loaderErrors.notProcedureRecord('cần một đối tượng JSON');
  }
  const record = parsed as Record<string, unknown>;
  const missing = REQUIRED.filter((field) => typeof record[field] !== 'string' || (record[field] as string).trim() === '');
  if (missing.length > 0) throw loaderErrors.notProcedureRecord(`thiếu trường ${missing.join(', ')}`);
  const nonString = Object.entries(record).filter(([, value]) => typeof value !== 'string').map(([key]) => key);
  if (nonString.length > 0) throw loaderErrors.notProcedureRecord(`trường ${nonString.join(', ')} phải là chuỗi`);
  const procedure = record as unknown as NationalProcedureRecord;
  return {
    format: 'json',
    mediaType: 'application/json',
    pages: [{ pageNumber: 1, text: procedure.raw_text, method: 'plain' }],
    metadata: { title: procedure.ten_thu_tuc.trim(), pageCount: 1 },
    record: procedure,
    warnings: [],
  };
}
