// Vietnamese labels of the API's codes. The page does not import the server's zod schemas (bundle
// size); the codes are those of src/agents/precheck/precheck.types.ts and
// src/api/routes/dossiers.schemas.ts. Document kinds come from the engine's zod-free list.
import { DOCUMENT_KIND_LABELS } from '../../../agents/precheck/document-kinds.js';

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

/** The engine's own list (zod-free module), so the names cannot drift from the server's. */
export const kindLabels: Readonly<Record<string, string>> = DOCUMENT_KIND_LABELS;

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
