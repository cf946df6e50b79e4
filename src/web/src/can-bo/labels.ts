// Vietnamese labels of the API's codes. Kept in the page (not imported from the server's zod
// schemas) so the bundle stays small; the codes are those of src/agents/precheck/precheck.types.ts
// and src/api/routes/dossiers.schemas.ts.

export type DossierStatus = 'queued' | 'processing' | 'checked' | 'failed' | 'accepted' | 'additions_requested' | 'rejected';
export type Decision = 'accept' | 'request_additions' | 'reject';
export type CheckCategory = 'completeness' | 'consistency' | 'validity' | 'legibility';
export type CheckStatus = 'pass' | 'fail' | 'warning';

export const statusLabels: Record<DossierStatus, string> = {
  queued: 'Chờ kiểm tra',
  processing: 'Đang kiểm tra',
  checked: 'Chờ quyết định',
  failed: 'Kiểm tra sơ bộ lỗi',
  accepted: 'Đã tiếp nhận',
  additions_requested: 'Đã yêu cầu bổ sung',
  rejected: 'Đã từ chối',
};

export const decisionLabels: Record<Decision, string> = {
  accept: 'Tiếp nhận',
  request_additions: 'Yêu cầu bổ sung',
  reject: 'Từ chối',
};

export const categoryLabels: Record<CheckCategory, string> = {
  completeness: 'Thành phần hồ sơ',
  consistency: 'Thống nhất thông tin giữa các giấy tờ',
  validity: 'Hiệu lực và điều kiện',
  legibility: 'Độ rõ của bản chụp, bản quét',
};

export const checkStatusLabels: Record<CheckStatus, string> = { pass: 'Đạt', fail: 'Không đạt', warning: 'Cần xem lại' };

export const kindLabels: Record<string, string> = {
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

/** Common field names; form-specific ones are shown as they come. */
export const fieldLabels: Record<string, string> = {
  fullName: 'Họ và tên',
  dateOfBirth: 'Ngày sinh',
  sex: 'Giới tính',
  idNumber: 'Số định danh / CCCD',
  residence: 'Nơi cư trú',
  issueDate: 'Ngày cấp',
  expiryDate: 'Có giá trị đến',
  fatherName: 'Họ tên cha',
  motherName: 'Họ tên mẹ',
  spouseName: 'Họ tên vợ/chồng',
  formCode: 'Mã mẫu',
  nationality: 'Quốc tịch',
  placeOfOrigin: 'Quê quán',
  requesterName: 'Người yêu cầu',
  requesterIdNumber: 'Số định danh người yêu cầu',
  requesterResidence: 'Nơi cư trú người yêu cầu',
  requesterRelationship: 'Quan hệ với người được khai sinh',
  childName: 'Họ tên trẻ',
  childDateOfBirth: 'Ngày sinh của trẻ',
  childSex: 'Giới tính của trẻ',
  childPlaceOfBirth: 'Nơi sinh của trẻ',
  childEthnicity: 'Dân tộc của trẻ',
  childNationality: 'Quốc tịch của trẻ',
  motherBirthYear: 'Năm sinh của mẹ',
  motherIdNumber: 'Số định danh của mẹ',
  motherEthnicity: 'Dân tộc của mẹ',
  fatherBirthYear: 'Năm sinh của cha',
};

export const fieldLabel = (name: string) => fieldLabels[name] ?? name;
