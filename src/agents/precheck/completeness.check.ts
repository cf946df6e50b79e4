import type { Applicant, DocumentKind, Evidence, PrecheckCheck } from './precheck.types.js';
import { DOCUMENT_KIND_LABELS } from './precheck.types.js';
import type { ProcedureRecord } from '../../ingest/structure/procedure.types.js';
import { fieldOf, type AnalysedSegment } from './analysed-segment.js';
import { buildRequirements, caseNames, type Requirement } from './requirements.js';
import { foldForCompare } from './vietnamese-text.js';

/**
 * Completeness: every required dossier item is matched by documents of a kind that satisfies it,
 * in the quantity asked; "one of" items by any alternative; conditional items when the dossier
 * shows their case applies (someone other than the requester submits → the authorisation).
 * Procedures whose record lists alternative cases are checked against the case the dossier fits best.
 */

export interface CompletenessOutcome {
  checks: PrecheckCheck[];
  /** Names of the missing items, for the list sent to the citizen. */
  missing: { requirement: Requirement; have: number }[];
  caseName?: string;
}

function matchingSegments(requirement: Requirement, segments: readonly AnalysedSegment[]): AnalysedSegment[] {
  const kinds = new Set<DocumentKind>(requirement.kinds);
  return segments.filter((segment) => {
    const kind = segment.segment.kind;
    // the document to be certified can be any paper except the request form and the requester's own ID card
    if (kinds.has('ban_can_chung_thuc')) return kind !== 'to_khai' && kind !== 'can_cuoc';
    return kinds.has(kind);
  });
}

function evidenceOf(segments: readonly AnalysedSegment[]): Evidence[] {
  return segments.map((segment) => ({ fileId: segment.fileId, page: segment.segment.pages.from }));
}

/** The person named as requester on the declaration (or its subject when it names none). */
function requesterName(segments: readonly AnalysedSegment[]): string | undefined {
  for (const segment of segments) {
    if (segment.segment.kind !== 'to_khai') continue;
    const field = fieldOf(segment, 'requesterName') ?? fieldOf(segment, 'fullName') ?? fieldOf(segment, 'wifeName');
    if (field) return field.value;
  }
  return undefined;
}

function submittedByOther(applicant: Applicant, segments: readonly AnalysedSegment[]): boolean {
  const requester = requesterName(segments);
  if (!requester) return false;
  const names = segments.flatMap((segment) => segment.segment.kind === 'to_khai' ? segment.segment.fields.filter((field) => field.name.endsWith('Name') || field.name === 'fullName').map((field) => foldForCompare(field.value)) : []);
  return !names.includes(foldForCompare(applicant.fullName));
}

function evaluate(requirements: readonly Requirement[], segments: readonly AnalysedSegment[], applicant: Applicant) {
  const checks: PrecheckCheck[] = [];
  const missing: CompletenessOutcome['missing'] = [];
  const byOther = submittedByOther(applicant, segments);
  for (const requirement of requirements) {
    if (requirement.status === 'not_submitted') continue;
    const matches = matchingSegments(requirement, segments);
    const id = `completeness:${requirement.index}`;
    const base = { id, category: 'completeness' as const, requirement: requirement.document.text.slice(0, 500) };
    const kindNames = requirement.kinds.map((kind) => DOCUMENT_KIND_LABELS[kind].toLowerCase()).join(' hoặc ');
    if (requirement.status === 'conditional') {
      const needed = requirement.trigger === 'authorisation' && byOther;
      if (needed && matches.length === 0) {
        checks.push({ ...base, status: 'fail', message: `Thiếu ${requirement.name}: người nộp hồ sơ không phải người yêu cầu ghi trong tờ khai nên cần văn bản ủy quyền.`, evidence: [] });
        missing.push({ requirement, have: 0 });
      } else if (matches.length > 0) {
        checks.push({ ...base, status: 'pass', message: `Có ${requirement.name} (${requirement.document.condition ?? 'theo trường hợp'}).`, evidence: evidenceOf(matches) });
      } else if (requirement.trigger === 'unknown' || requirement.trigger === 'authorisation') {
        checks.push({ ...base, status: 'pass', message: `Không bắt buộc với hồ sơ này: ${requirement.name} (chỉ cần ${lowerFirst(requirement.document.condition ?? 'trong trường hợp riêng')}).`, evidence: [] });
      }
      continue;
    }
    if (requirement.kinds.length === 1 && requirement.kinds[0] === 'khac') {
      const others = segments.filter((segment) => segment.segment.kind === 'khac');
      if (others.length > 0) {
        checks.push({ ...base, status: 'warning', message: `Cán bộ cần xem giấy tờ nào đáp ứng: ${requirement.name}.`, evidence: evidenceOf(others) });
      } else {
        checks.push({ ...base, status: 'fail', message: `Chưa thấy giấy tờ: ${requirement.name}.`, evidence: [] });
        missing.push({ requirement, have: 0 });
      }
      continue;
    }
    if (matches.length >= requirement.count) {
      checks.push({ ...base, status: 'pass', message: `Có ${requirement.name} (nhận diện là ${kindNames}).`, evidence: evidenceOf(matches) });
    } else if (matches.length > 0) {
      checks.push({ ...base, status: 'fail', message: `${requirement.name}: cần ${requirement.count} bản, hồ sơ có ${matches.length}.`, evidence: evidenceOf(matches) });
      missing.push({ requirement, have: matches.length });
    } else {
      checks.push({ ...base, status: 'fail', message: `Thiếu ${requirement.name}.`, evidence: [] });
      missing.push({ requirement, have: 0 });
    }
  }
  return { checks, missing };
}

export function checkCompleteness(procedure: ProcedureRecord, segments: readonly AnalysedSegment[], applicant: Applicant): CompletenessOutcome {
  const requirements = buildRequirements(procedure);
  const cases = caseNames(requirements);
  if (cases.length === 0) return evaluate(requirements, segments, applicant);
  // items outside any case, plus the declaration form, apply whichever case the dossier is
  const common = requirements.filter((requirement) => !requirement.caseName);
  const form = requirements.find((requirement) => requirement.caseName && requirement.status === 'required' && requirement.kinds.includes('to_khai'));
  let best: (CompletenessOutcome & { score: number }) | undefined;
  // a case whose every item is data the agency looks up itself cannot be verified from the papers:
  // it is considered only when no case with papers to check exists (conservative: never accept on a guess)
  const verifiable = cases.filter((caseName) => requirements.some((requirement) => requirement.caseName === caseName && requirement.status === 'required' && !requirement.kinds.includes('to_khai')));
  for (const caseName of verifiable.length > 0 ? verifiable : cases) {
    const inCase = requirements.filter((requirement) => requirement.caseName === caseName);
    const set = [...common, ...inCase];
    if (form && !inCase.some((requirement) => requirement.kinds.includes('to_khai'))) set.push(form);
    const outcome = evaluate(set, segments, applicant);
    const satisfied = outcome.checks.filter((check) => check.status === 'pass' && check.evidence.length > 0).length;
    const score = satisfied * 2 - outcome.missing.length * 3;
    if (!best || score > best.score) best = { ...outcome, caseName, score };
  }
  const chosen = best as CompletenessOutcome & { score: number };
  chosen.checks.unshift({
    id: 'completeness:case',
    category: 'completeness',
    status: 'pass',
    message: `Hồ sơ được đối chiếu theo trường hợp: ${chosen.caseName}.`,
    evidence: [],
  });
  return { checks: chosen.checks, missing: chosen.missing, ...(chosen.caseName ? { caseName: chosen.caseName } : {}) };
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
