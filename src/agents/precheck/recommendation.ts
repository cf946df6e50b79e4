import type { PrecheckCheck, Recommendation } from './precheck.types.js';
import type { CompletenessOutcome } from './completeness.check.js';

/**
 * From checks to the proposal the officer sees: refuse when a legal condition is not met (with
 * its legal basis), ask for additions when anything else failed (with a numbered list the officer
 * can send to the citizen as is), accept otherwise — warnings are listed for the officer but do
 * not block. A missing required document is always a failed check, so it can never be accepted.
 */
export function recommend(checks: readonly PrecheckCheck[], completeness: CompletenessOutcome): Recommendation {
  const failed = checks.filter((check) => check.status === 'fail');
  const warnings = checks.filter((check) => check.status === 'warning');
  const refusals = failed.filter((check) => check.legalBasis);
  if (refusals.length > 0) {
    return {
      decision: 'reject',
      summary: `Đề xuất từ chối tiếp nhận: ${refusals.map((check) => check.message).join(' ')}`,
      reasons: refusals.map((check) => check.message),
      legalBasis: [...new Set(refusals.map((check) => check.legalBasis as string))],
    };
  }
  if (failed.length > 0) {
    const items: string[] = [];
    for (const { requirement, have } of completeness.missing) {
      items.push(have > 0 ? `Nộp đủ số bản: ${requirement.name} (cần ${requirement.count}, đã có ${have}).` : `Bổ sung: ${requirement.name}.`);
    }
    for (const check of failed) {
      if (check.category === 'completeness') continue;
      if (check.category === 'consistency') items.push(`Kiểm tra và thống nhất thông tin: ${check.message}`);
      else if (check.category === 'legibility') items.push(check.message);
      else items.push(`Thay thế hoặc điều chỉnh giấy tờ: ${check.message}`);
    }
    const additionsRequest = [
      'Hồ sơ của Ông/Bà cần bổ sung, hoàn thiện các nội dung sau:',
      ...items.map((item, index) => `${index + 1}. ${item}`),
      'Ông/Bà vui lòng bổ sung để cơ quan tiếp nhận giải quyết hồ sơ.',
    ].join('\n');
    return {
      decision: 'request_additions',
      summary: `Đề xuất yêu cầu bổ sung: ${failed.length} mục chưa đạt.`,
      reasons: failed.map((check) => check.message),
      additionsRequest,
      legalBasis: [],
    };
  }
  return {
    decision: 'accept',
    summary: warnings.length > 0 ? `Đề xuất tiếp nhận; cán bộ lưu ý ${warnings.length} điểm cần xem lại.` : 'Đề xuất tiếp nhận: hồ sơ đủ thành phần, thông tin khớp và còn hiệu lực.',
    reasons: warnings.length > 0 ? warnings.map((check) => check.message) : ['Đủ thành phần hồ sơ theo thủ tục.', 'Thông tin nhân thân khớp giữa các giấy tờ.'],
    legalBasis: [],
  };
}
