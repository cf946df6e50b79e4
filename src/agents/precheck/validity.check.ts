import type { ProcedureRecord } from '../../ingest/structure/procedure.types.js';
import type { PrecheckCheck } from './precheck.types.js';
import { describeSegment, fieldOf, type AnalysedSegment } from './analysed-segment.js';
import { forbiddenForCopyCertification } from './kind-rules.js';
import { checkIdNumber, foldAligned, isoDateOf, isoToDisplay, yearsBetween } from './vietnamese-text.js';

/**
 * Validity: identity papers still in force, no dates after today, ID numbers in the national
 * format, and the legal conditions a pre-check can decide from the papers — marriage age
 * (Luật Hôn nhân và gia đình 2014, Điều 8) and papers that may not be certified as copies
 * (Nghị định 23/2015/NĐ-CP, Điều 22). A failed legal condition carries its legal basis: the
 * recommendation turns it into a refusal rather than a request for more papers.
 */

export const MARRIAGE_AGE_BASIS = 'Điểm a khoản 1 Điều 8 Luật Hôn nhân và gia đình số 52/2014/QH13';
export const COPY_CERTIFICATION_BASIS = 'Khoản 2 và khoản 3 Điều 22 Nghị định số 23/2015/NĐ-CP về cấp bản sao từ sổ gốc, chứng thực bản sao từ bản chính';

const DATE_FIELDS = /(?:dateOfBirth|DateOfBirth|issueDate|IssueDate|registrationDate|RegistrationDate)$/u;

function procedureIs(procedure: ProcedureRecord, pattern: RegExp): boolean {
  return pattern.test(foldAligned(procedure.name));
}

export function checkValidity(procedure: ProcedureRecord, segments: readonly AnalysedSegment[], referenceDate: Date): PrecheckCheck[] {
  const today = isoDateOf(referenceDate);
  const checks: PrecheckCheck[] = [];
  const add = (check: Omit<PrecheckCheck, 'id' | 'category'> & { key: string }) => {
    const { key, ...rest } = check;
    checks.push({ id: `validity:${key}:${checks.length + 1}`, category: 'validity', ...rest });
  };

  for (const segment of segments) {
    const where = describeSegment(segment);
    const expiry = fieldOf(segment, 'expiryDate');
    if (segment.segment.kind === 'can_cuoc' && expiry && /^\d{4}-\d{2}-\d{2}$/u.test(expiry.value) && expiry.value < today) {
      add({ key: 'expired', status: 'fail', message: `Giấy tờ tùy thân đã hết hạn từ ngày ${isoToDisplay(expiry.value)} (${where}); cần giấy tờ còn giá trị sử dụng.`, evidence: [expiry.evidence] });
    }
    for (const field of segment.segment.fields) {
      if (!DATE_FIELDS.test(field.name) || !/^\d{4}-\d{2}-\d{2}$/u.test(field.value)) continue;
      if (field.value > today) {
        add({ key: 'future', status: 'fail', message: `Ngày ${isoToDisplay(field.value)} (${field.name}, ${where}) là ngày trong tương lai.`, evidence: [field.evidence] });
      }
    }
    const birth = fieldOf(segment, 'dateOfBirth');
    const issue = fieldOf(segment, 'issueDate');
    if (birth && issue && issue.value < birth.value) {
      add({ key: 'order', status: 'fail', message: `Ngày cấp ${isoToDisplay(issue.value)} trước ngày sinh ${isoToDisplay(birth.value)} (${where}).`, evidence: [issue.evidence, birth.evidence] });
    }
    for (const field of segment.segment.fields) {
      if (!/(?:^i|I)dNumber$/u.test(field.name)) continue;
      const check = checkIdNumber(field.value);
      if (!check.valid) {
        add({ key: 'id-format', status: field.source === 'ocr' ? 'warning' : 'fail', message: `${check.problem ?? 'Số giấy tờ không hợp lệ.'} (${where})`, evidence: [field.evidence] });
        continue;
      }
      const prefix = field.name === 'idNumber' ? '' : field.name.slice(0, -'IdNumber'.length);
      const dob = fieldOf(segment, prefix ? `${prefix}DateOfBirth` : 'dateOfBirth');
      if (check.kind === 'can_cuoc' && dob && check.encodedBirthYear && !dob.value.startsWith(String(check.encodedBirthYear))) {
        add({ key: 'id-birth-year', status: 'warning', message: `Số định danh ${field.value} mã hoá năm sinh ${check.encodedBirthYear}, khác năm sinh ghi trên giấy tờ (${isoToDisplay(dob.value)}, ${where}).`, evidence: [field.evidence, dob.evidence] });
      }
    }
  }

  if (procedureIs(procedure, /\bket hon\b/u) && !procedureIs(procedure, /trich luc|xac nhan|ghi vao so|ly hon/u)) {
    const ages: { role: 'wife' | 'husband'; minimum: number; label: string }[] = [
      { role: 'wife', minimum: 18, label: 'Bên nữ' },
      { role: 'husband', minimum: 20, label: 'Bên nam' },
    ];
    for (const { role, minimum, label } of ages) {
      const field = segments.map((segment) => fieldOf(segment, `${role}DateOfBirth`)).find((candidate) => candidate !== undefined);
      if (!field) continue;
      const age = yearsBetween(field.value, referenceDate);
      if (age === undefined) continue;
      if (age < minimum) {
        add({ key: 'marriage-age', status: 'fail', message: `${label} sinh ngày ${isoToDisplay(field.value)}, chưa đủ ${minimum} tuổi (hiện ${age} tuổi): chưa đủ tuổi kết hôn.`, requirement: 'Nam từ đủ 20 tuổi trở lên, nữ từ đủ 18 tuổi trở lên', legalBasis: MARRIAGE_AGE_BASIS, evidence: [field.evidence] });
      } else {
        add({ key: 'marriage-age', status: 'pass', message: `${label} đủ tuổi kết hôn (${age} tuổi).`, legalBasis: MARRIAGE_AGE_BASIS, evidence: [field.evidence] });
      }
    }
  }

  if (procedureIs(procedure, /chung thuc ban sao/u)) {
    for (const segment of segments) {
      if (segment.segment.kind === 'to_khai') continue;
      const reason = forbiddenForCopyCertification(segment.text);
      if (reason) {
        add({ key: 'copy-forbidden', status: 'fail', message: `Bản chính ${reason} (${describeSegment(segment)}) nên không được dùng làm cơ sở chứng thực bản sao.`, requirement: 'Bản chính giấy tờ, văn bản không thuộc trường hợp không được chứng thực bản sao', legalBasis: COPY_CERTIFICATION_BASIS, evidence: [{ fileId: segment.fileId, page: segment.segment.pages.from }] });
      }
    }
  }

  if (!checks.some((check) => check.status !== 'pass')) {
    checks.push({ id: 'validity:all', category: 'validity', status: 'pass', message: 'Không thấy giấy tờ hết hạn, ngày không hợp lệ hay điều kiện không đáp ứng.', evidence: [] });
  }
  return checks;
}
