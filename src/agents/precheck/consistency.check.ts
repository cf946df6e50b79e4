import type { Applicant, Evidence, ExtractedField, PrecheckCheck } from './precheck.types.js';
import { describeSegment, type AnalysedSegment } from './analysed-segment.js';
import { splitFieldName, type PersonRole } from './field-labels.js';
import { editDistance, foldForCompare } from './vietnamese-text.js';

/**
 * Cross-document consistency: the same person's name, date of birth, sex and ID number agree
 * across files. People are linked by role (the mother on the birth certificate and on the
 * declaration), by ID number, or by name; names compare without case and diacritics, so "NGUYEN
 * VAN AN" from an OCR'd card matches "Nguyễn Văn An" typed on the form.
 */

interface Mention {
  key: string;
  role: PersonRole | 'applicant';
  segment?: AnalysedSegment;
  name?: ExtractedField;
  dateOfBirth?: ExtractedField;
  birthYear?: ExtractedField;
  idNumber?: ExtractedField;
  sex?: ExtractedField;
}

function mentionsOf(segment: AnalysedSegment, position: number): Mention[] {
  const byRole = new Map<PersonRole, Mention>();
  for (const field of segment.segment.fields) {
    const split = splitFieldName(field.name);
    if (!split) continue;
    const { role, attribute } = split;
    if (attribute !== 'name' && attribute !== 'dateOfBirth' && attribute !== 'birthYear' && attribute !== 'idNumber' && attribute !== 'sex') continue;
    const mention = byRole.get(role) ?? { key: `${position}:${role}`, role, segment };
    mention[attribute] = field;
    byRole.set(role, mention);
  }
  return [...byRole.values()].filter((mention) => mention.name ?? mention.idNumber);
}

class UnionFind {
  private readonly parent: number[];
  constructor(size: number) {
    this.parent = Array.from({ length: size }, (_, index) => index);
  }
  find(index: number): number {
    let root = index;
    while (this.parent[root] !== root) root = this.parent[root] ?? root;
    this.parent[index] = root;
    return root;
  }
  union(a: number, b: number): void {
    this.parent[this.find(a)] = this.find(b);
  }
}

const ATTRIBUTE_LABELS = { name: 'họ tên', dateOfBirth: 'ngày sinh', idNumber: 'số định danh/CCCD', sex: 'giới tính' } as const;

/** Field confidence (lowest OCR word confidence of the value) at which a reading is taken as sure. */
const OCR_SURE = 0.9;

function evidence(mention: Mention, field: ExtractedField | undefined): Evidence[] {
  return field ? [field.evidence] : mention.segment ? [{ fileId: mention.segment.fileId, page: mention.segment.segment.pages.from }] : [];
}

function where(mention: Mention): string {
  return mention.segment ? describeSegment(mention.segment) : 'thông tin người nộp hồ sơ';
}

export function checkConsistency(segments: readonly AnalysedSegment[], applicant: Applicant): PrecheckCheck[] {
  const mentions: Mention[] = segments.flatMap((segment, position) => mentionsOf(segment, position));
  const applicantMention: Mention = { key: 'applicant', role: 'applicant', name: { name: 'fullName', value: applicant.fullName, confidence: 1, source: 'text_layer', evidence: { fileId: '', page: 1 } } };
  if (applicant.idNumber) applicantMention.idNumber = { name: 'idNumber', value: applicant.idNumber.replace(/\D/g, ''), confidence: 1, source: 'text_layer', evidence: { fileId: '', page: 1 } };
  mentions.push(applicantMention);

  const sets = new UnionFind(mentions.length);
  for (let i = 0; i < mentions.length; i += 1) {
    for (let j = i + 1; j < mentions.length; j += 1) {
      const a = mentions[i] as Mention;
      const b = mentions[j] as Mention;
      if (a.role !== '' && a.role !== 'applicant' && a.role === b.role) sets.union(i, j);
      else if (a.idNumber && b.idNumber && a.idNumber.value === b.idNumber.value) sets.union(i, j);
      else if (a.name && b.name && foldForCompare(a.name.value) === foldForCompare(b.name.value)) sets.union(i, j);
      else if (a.name && b.name && a.dateOfBirth && b.dateOfBirth && a.dateOfBirth.value === b.dateOfBirth.value && editDistance(foldForCompare(a.name.value), foldForCompare(b.name.value)) <= 2) sets.union(i, j);
    }
  }
  const clusters = new Map<number, Mention[]>();
  mentions.forEach((mention, index) => {
    const root = sets.find(index);
    clusters.set(root, [...(clusters.get(root) ?? []), mention]);
  });

  const checks: PrecheckCheck[] = [];
  const seen = new Set<string>();
  let compared = 0;
  for (const cluster of clusters.values()) {
    if (cluster.length < 2) continue;
    for (const attribute of ['name', 'dateOfBirth', 'idNumber', 'sex'] as const) {
      const withValue = cluster.filter((mention) => mention[attribute]);
      for (let i = 0; i < withValue.length; i += 1) {
        for (let j = i + 1; j < withValue.length; j += 1) {
          const a = withValue[i] as Mention;
          const b = withValue[j] as Mention;
          if (a.segment && b.segment && a.segment === b.segment) continue;
          const fa = a[attribute] as ExtractedField;
          const fb = b[attribute] as ExtractedField;
          compared += 1;
          const va = attribute === 'name' ? foldForCompare(fa.value) : fa.value;
          const vb = attribute === 'name' ? foldForCompare(fb.value) : fb.value;
          if (va === vb) continue;
          const key = `${attribute}:${[fa.value, fb.value].sort().join('|')}`;
          if (seen.has(key)) continue;
          seen.add(key);
          // a one-letter difference is an OCR slip only where the engine was unsure of those words;
          // a clearly read different name (another given name one letter away) is a real mismatch
          const ocr = (fa.source === 'ocr' && fa.confidence < OCR_SURE) || (fb.source === 'ocr' && fb.confidence < OCR_SURE);
          const slip = attribute === 'name' ? editDistance(va, vb) <= 1 : attribute === 'idNumber' ? editDistance(va, vb) <= 1 : false;
          const status = ocr && slip ? 'warning' : 'fail';
          checks.push({
            id: `consistency:${attribute}:${checks.length + 1}`,
            category: 'consistency',
            status,
            message:
              `${capitalise(ATTRIBUTE_LABELS[attribute])} không khớp: "${fa.value}" (${where(a)}) và "${fb.value}" (${where(b)})` +
              (status === 'warning' ? ' — có thể do nhận dạng ảnh, cán bộ đối chiếu bản gốc.' : '.'),
            evidence: [...evidence(a, fa), ...evidence(b, fb)].filter((item) => item.fileId !== ''),
          });
        }
      }
    }
    // a birth year written alone (parents on the birth declaration) against a full date elsewhere
    const years = cluster.filter((mention) => mention.birthYear);
    const dates = cluster.filter((mention) => mention.dateOfBirth);
    for (const a of years) {
      for (const b of dates) {
        const year = (a.birthYear as ExtractedField).value;
        const date = (b.dateOfBirth as ExtractedField).value;
        compared += 1;
        if (date.startsWith(year)) continue;
        checks.push({
          id: `consistency:birthYear:${checks.length + 1}`,
          category: 'consistency',
          status: 'fail',
          message: `Năm sinh không khớp: ${year} (${where(a)}) và ngày sinh ${date} (${where(b)}).`,
          evidence: [...evidence(a, a.birthYear), ...evidence(b, b.dateOfBirth)].filter((item) => item.fileId !== ''),
        });
      }
    }
  }
  if (checks.length === 0) {
    checks.push({
      id: 'consistency:all',
      category: 'consistency',
      status: 'pass',
      message: compared > 0 ? `Thông tin nhân thân khớp giữa các giấy tờ (${compared} cặp đã đối chiếu).` : 'Không có thông tin nhân thân trùng lặp để đối chiếu giữa các giấy tờ.',
      evidence: [],
    });
  }
  return checks;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
