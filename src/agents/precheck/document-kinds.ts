/**
 * Kinds of documents procedures ask for (loại giấy tờ) and their Vietnamese names. Free of zod and
 * Node so the officer page's browser bundle imports the same list the engine uses.
 */
export const DOCUMENT_KINDS = [
  'to_khai', // tờ khai / đơn theo mẫu (Mẫu CT01, tờ khai đăng ký khai sinh…)
  'can_cuoc', // thẻ căn cước / CCCD / CMND
  'giay_chung_sinh', // giấy chứng sinh
  'giay_chung_nhan_ket_hon', // giấy chứng nhận kết hôn
  'trich_luc_ho_tich', // trích lục hộ tịch (khai sinh, kết hôn…)
  'giay_uy_quyen', // giấy ủy quyền
  'van_ban_cam_doan', // văn bản cam đoan
  'giay_to_cu_tru', // giấy tờ chứng minh chỗ ở hợp pháp / xác nhận cư trú
  'ban_can_chung_thuc', // giấy tờ, văn bản cần chứng thực (bản chính để sao y)
  'khac', // khác
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  to_khai: 'Tờ khai, đơn theo mẫu',
  can_cuoc: 'Thẻ căn cước / CCCD / CMND',
  giay_chung_sinh: 'Giấy chứng sinh',
  giay_chung_nhan_ket_hon: 'Giấy chứng nhận kết hôn',
  trich_luc_ho_tich: 'Trích lục hộ tịch',
  giay_uy_quyen: 'Giấy ủy quyền',
  van_ban_cam_doan: 'Văn bản cam đoan',
  giay_to_cu_tru: 'Giấy tờ chứng minh nơi cư trú',
  ban_can_chung_thuc: 'Giấy tờ cần chứng thực',
  khac: 'Giấy tờ khác',
};
