import type { ProcedureRecord, RequiredDocument } from '../../ingest/structure/procedure.types.js';
import type { DocumentKind } from './precheck.types.js';
import { foldAligned } from './vietnamese-text.js';

/**
 * Turns a procedure's dossier items (thành phần hồ sơ, as parsed by the ingest pipeline) into what
 * the pre-check can verify: which document kinds satisfy the item, whether it is always required,
 * only in a stated case, or not something a citizen hands in (an interactive online form, data the
 * agency looks up itself, a note).
 */

export type RequirementStatus = 'required' | 'conditional' | 'not_submitted';

/** A condition the engine can decide from the dossier itself. */
export type ConditionTrigger = 'authorisation' | 'postal' | 'online' | 'unknown';

export interface Requirement {
  index: number;
  /** Short name for messages. */
  name: string;
  document: RequiredDocument;
  kinds: DocumentKind[];
  status: RequirementStatus;
  trigger?: ConditionTrigger;
  /** How many documents of these kinds the item asks for ("01 bản chính, 01 bản sao" → 2). */
  count: number;
  /** Alternative case of the procedure the item belongs to (a group heading), if the record has cases. */
  caseName?: string;
}

const KIND_PATTERNS: { kind: DocumentKind; pattern: RegExp }[] = [
  { kind: 'giay_uy_quyen', pattern: /uy quyen/u },
  { kind: 'to_khai', pattern: /^(?:ban (?:chinh|sao) )?(?:to khai|don (?:de nghi|xin|dang ky)|phieu (?:yeu cau|de nghi)|van ban (?:yeu cau|de nghi))|\bmau (?:so )?(?:ct|dc|tk)\d|theo mau\b/u },
  { kind: 'giay_chung_sinh', pattern: /giay chung sinh|xac nhan ve viec sinh|cam doan ve viec sinh/u },
  { kind: 'van_ban_cam_doan', pattern: /cam doan/u },
  { kind: 'giay_chung_nhan_ket_hon', pattern: /giay chung nhan ket hon/u },
  { kind: 'trich_luc_ho_tich', pattern: /trich luc|giay khai sinh/u },
  { kind: 'can_cuoc', pattern: /can cuoc|chung minh nhan dan|ho chieu|giay to tuy than|co dan anh va thong tin ca nhan|chung minh (?:ve )?nhan than/u },
  {
    kind: 'giay_to_cu_tru',
    pattern: /cu tru|cho o hop phap|cho thue|cho muon|cho o nho|quyen so huu (?:nha|cho o)|quyen su dung dat/u,
  },
  { kind: 'ban_can_chung_thuc', pattern: /can chung thuc|lam co so (?:de )?chung thuc|ban chinh giay to, van ban/u },
];

const NOT_SUBMITTED = /^luu y\b|\bduoc khai thac\b|dien tu tuong tac|\bmau (?:ho tich )?dien tu\b|^truong hop quy dinh tai|ho so gom\s*$/u;

export function requirementKinds(document: RequiredDocument): DocumentKind[] {
  const texts = [document.name, ...document.alternatives];
  const kinds = new Set<DocumentKind>();
  for (const text of texts) {
    const folded = foldAligned(text);
    const hit = KIND_PATTERNS.find((candidate) => candidate.pattern.test(folded));
    if (hit) kinds.add(hit.kind);
  }
  if (document.formCodes.length > 0 && kinds.size === 0) kinds.add('to_khai');
  // "Bản chính giấy tờ … và bản sao cần chứng thực": the document itself is what is certified
  if (kinds.has('ban_can_chung_thuc')) return ['ban_can_chung_thuc'];
  return kinds.size > 0 ? [...kinds] : ['khac'];
}

function triggerOf(condition: string): ConditionTrigger {
  const folded = foldAligned(condition);
  if (/uy quyen/u.test(folded)) return 'authorisation';
  if (/truc tuyen|cong dich vu cong/u.test(folded) && !/truc tiep/u.test(folded)) return 'online';
  if (/buu chinh/u.test(folded) && !/truc tiep/u.test(folded)) return 'postal';
  if (/truc tiep/u.test(folded)) return 'unknown';
  return 'unknown';
}

/** Group headings that only say how the list is laid out; any other heading names a case. */
const LAYOUT_GROUP = /^(?:thanh phan ho so|giay to phai (?:nop|xuat trinh)|giay to (?:xuat trinh|nop)|ho so gom|giay to, tai lieu)/u;

export function buildRequirements(procedure: ProcedureRecord): Requirement[] {
  return procedure.documents.map((document, index) => {
    const folded = foldAligned(document.name);
    const kinds = requirementKinds(document);
    let status: RequirementStatus = 'required';
    let trigger: ConditionTrigger | undefined;
    if (NOT_SUBMITTED.test(folded) || document.quantity?.original === 0) status = 'not_submitted';
    else if (document.condition) {
      trigger = triggerOf(document.condition);
      // the tờ khai "if submitted in person or by post" applies to a desk submission: required
      status = trigger === 'unknown' && /truc tiep/u.test(foldAligned(document.condition)) ? 'required' : 'conditional';
      if (trigger === 'online') status = 'not_submitted';
    }
    const quantity = document.quantity;
    const count = Math.max(1, Math.min(2, (quantity?.original ?? 0) + (quantity?.copy ?? 0)));
    const group = document.group?.trim();
    const caseName = group && !LAYOUT_GROUP.test(foldAligned(group)) ? group : undefined;
    return {
      index,
      name: shortName(document),
      document,
      kinds,
      status,
      ...(trigger ? { trigger } : {}),
      count,
      ...(caseName ? { caseName } : {}),
    };
  });
}

function shortName(document: RequiredDocument): string {
  const name = document.name.replace(/\s+/g, ' ').trim();
  return name.length > 160 ? `${name.slice(0, 157).replace(/\s+\S*$/u, '')}…` : name;
}

/**
 * Records whose items are grouped by case ("Đăng ký thường trú vào chỗ ở hợp pháp do thuê, mượn…")
 * list alternatives: the dossier must satisfy one case, not all. Returns the case names, or [] when
 * the record has no cases.
 */
export function caseNames(requirements: readonly Requirement[]): string[] {
  const names = [...new Set(requirements.map((requirement) => requirement.caseName).filter((name): name is string => Boolean(name)))];
  return names.length >= 2 ? names : [];
}
