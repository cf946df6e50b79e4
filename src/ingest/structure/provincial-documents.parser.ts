import type { RequiredDocument } from './procedure.types.js';
import { describeDocument, startsWithDocumentNoun, stripBullet } from './required-document.js';
import { squash } from './vietnamese-values.js';

/**
 * "Thành phần, số lượng hồ sơ" of a provincial internal procedure (quy trình nội bộ):
 * bullet lists ("- ", "+ ", "* ") under group headers ("* Giấy tờ phải nộp:",
 * "Hồ sơ của người nhận con nuôi:"), mixed with notes ("Lưu ý:", "Trường hợp … thì không
 * phải nộp …") that are not documents. Each line is classified; a document line ending
 * with ":" followed by "+" lines is one document whose sub-lines are its variants.
 */

export interface ProvincialDossier {
  documents: RequiredDocument[];
  /** "Số lượng hồ sơ: 01 bộ" */
  setCount?: string;
}

/** Headers that open (or, after "Lưu ý", resume) a list of documents. */
const DOSSIER_HEADER = [
  /(?:giấy\s+tờ|hồ\s+sơ|tài\s+liệu)(?:\s+\p{L}+){0,4}\s+(?:sau(?:\s+đây)?|gồm(?:\s+có)?|bao\s+gồm)\s*:$/iu,
  /^(?:\*\s*)?giấy\s+tờ\s+phải\s+(?:nộp|xuất\s+trình)/iu,
  /^(?:thành\s+phần\s+hồ\s+sơ|hồ\s+sơ\s+(?:của|gồm|đề\s+nghị))/iu,
];
/** Headers that only ever group documents, never name one. */
const GENERIC_GROUP = /^(?:\*\s*)?(?:giấy\s+tờ\s+phải|thành\s+phần\s+hồ\s+sơ|hồ\s+sơ\s+(?:của|gồm|đề\s+nghị)|các\s+giấy\s+tờ\s+sau)/iu;
/** Any other "… sau: / … gồm:" introduces a list too, but inside notes it is a list of notes. */
const LIST_HEADER = /(?:sau|gồm|gồm\s+có|bao\s+gồm)\s*:$/iu;
/** "Lưu ý:", "* Lưu ý", "- . * Lưu ý" (a stray bullet in one file) — after any leading marks. */
const NOTES_START = /^[^\p{L}]*lưu\s+ý(?!\p{L})/iu;
const SET_COUNT = /^(?:[-+*]\s*)?số\s+lượng\s+hồ\s+sơ\s*:?\s*(.*)$/iu;
const NEGATIVE = /không\s+(?:phải|cần|được\s+yêu\s+cầu)\s+(?:nộp|xuất\s+trình)|không\s+phải\s+tải/iu;
/**
 * "Người yêu cầu chứng thực xuất trình bản chính …", "Người nước ngoài … phải nộp bản sao hộ chiếu …":
 * a subject, a submit verb, then the document (checked by the caller to start with a document noun).
 */
const REQUESTER_SUBMITS = /^(?!trường\s+hợp|nếu|đối\s+với)[^;:]{1,90}?\s(?:phải\s+)?(?:nộp|xuất\s+trình)\s+(?!(?:các\s+)?giấy\s+tờ\s+(?:sau|tương\s+ứng))(.+)$/iu;
const CONDITIONAL_DOCUMENT =
  /^(?:trường\s+hợp|trong\s+trường\s+hợp|đối\s+với|nếu)(?!\p{L}).*?(?:thì\s+(?:phải\s+)?(?:nộp|có|xuất\s+trình|gửi\s+kèm)|phải\s+(?:có|nộp|xuất\s+trình|gửi\s+kèm)|:\s*\p{Lu})/iu;

function isDossierHeader(line: string): boolean {
  const text = stripBullet(line);
  return DOSSIER_HEADER.some((pattern) => pattern.test(text));
}

export type DossierLineKind = 'group' | 'listHeader' | 'notes' | 'count' | 'document' | 'variant' | 'other';

/** Classifies one line of the dossier section; exported for tests. */
export function classifyDossierLine(line: string, previousWasParent: boolean): DossierLineKind {
  const text = stripBullet(line);
  if (text === '') return 'other';
  if (SET_COUNT.test(line.trim())) return 'count';
  if (NOTES_START.test(line.trim())) return 'notes';
  if (previousWasParent && /^\s*\+/u.test(line)) return 'variant';
  // "- Chứng cứ chứng minh quan hệ cha, con gồm:" names one document whose "+" lines are its forms.
  if (/^\s*-/u.test(line) && text.endsWith(':') && startsWithDocumentNoun(text) && !GENERIC_GROUP.test(text)) return 'document';
  if (isDossierHeader(line)) return 'group';
  if (LIST_HEADER.test(text)) return 'listHeader';
  // Only the first sentence decides: a document line may go on to say what need NOT be submitted.
  const firstSentence = text.split(/\.\s+(?=\p{Lu})/u)[0] ?? text;
  if (NEGATIVE.test(firstSentence)) return 'other';
  if (startsWithDocumentNoun(text)) return 'document';
  // "nộp hồ sơ" is the act of applying, not a document named "hồ sơ".
  const submitted = REQUESTER_SUBMITS.exec(text)?.[1];
  if (submitted && startsWithDocumentNoun(submitted)) return 'document';
  if (CONDITIONAL_DOCUMENT.test(firstSentence)) return 'document';
  return 'other';
}

export function parseProvincialDossier(sectionText: string): ProvincialDossier {
  const documents: RequiredDocument[] = [];
  let setCount: string | undefined;
  let group: string | undefined;
  let inNotes = false;
  let parent: { line: string; dash: boolean; variants: string[]; group: string | undefined } | undefined;

  const flushParent = (): void => {
    if (!parent) return;
    const document = describeDocument(parent.line, parent.group ? { group: parent.group } : {});
    // "Chứng cứ … gồm một trong các giấy tờ sau đây:" → "Chứng cứ …"
    if (parent.line.trim().endsWith(':')) document.name = document.name.replace(/\s+(?:gồm|bao\s+gồm|như\s+sau)(?!\p{L}).*$/iu, '');
    if (parent.variants.length > 0) {
      document.oneOf = true;
      document.alternatives = parent.variants.map((variant) => squash(stripBullet(variant)));
    }
    documents.push(document);
    parent = undefined;
  };

  const lines = sectionText
    .split('\n')
    .map((line) => line.replace(/\t/g, ' ').trim())
    .filter((line) => line !== '');

  for (const line of lines) {
    // "+" lines belong to the "-" document above when it ends with ":" or when they state a
    // case ("+ Trường hợp không có Giấy chứng sinh thì nộp …"): they are its alternative forms.
    const acceptsVariants = parent !== undefined && (parent.line.trim().endsWith(':') || (parent.dash && /^\s*\+\s*(?:trường\s+hợp|nếu)\s/iu.test(line)));
    const kind = classifyDossierLine(line, acceptsVariants);
    if (kind === 'variant' && parent) {
      parent.variants.push(line);
      continue;
    }
    flushParent();
    if (kind === 'count') {
      const count = squash(SET_COUNT.exec(line.trim())?.[1] ?? '');
      if (count !== '') setCount = setCount ? `${setCount}; ${count}` : count;
      continue;
    }
    if (kind === 'notes') {
      inNotes = true;
      continue;
    }
    if (kind === 'group' || (kind === 'listHeader' && !inNotes)) {
      // A dossier header after "Lưu ý" resumes the list ("Hồ sơ của người được nhận làm con nuôi gồm:").
      inNotes = false;
      group = squash(stripBullet(line)).replace(/:$/u, '');
      continue;
    }
    if (inNotes || kind !== 'document') continue;
    const submitted = startsWithDocumentNoun(line) ? undefined : REQUESTER_SUBMITS.exec(stripBullet(line))?.[1];
    parent = { line: submitted && startsWithDocumentNoun(submitted) ? submitted : line, dash: /^\s*-/u.test(line), variants: [], group };
  }
  flushParent();
  const dossier: ProvincialDossier = { documents };
  if (setCount) dossier.setCount = setCount;
  return dossier;
}
