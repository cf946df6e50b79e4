import type { PageLine } from '../../ingest/loaders/index.js';
import { boxOfRange, unionBox } from './evidence-box.js';
import type { ExtractedField } from './precheck.types.js';
import { ENGLISH_LABEL, LABELS, SECTION_ROLES, fieldName, qualifierRole, type FieldAttribute, type PersonRole } from './field-labels.js';
import { checkIdNumber, findIdNumber, foldAligned, parseDate, parseDateOrYear, tidyName } from './vietnamese-text.js';

/**
 * Reads "label: value" pairs from the text of a document (PDF/DOCX text layer or OCR), keeping
 * track of whose details each line gives (the requester, the child, the mother, bên nữ…), and
 * normalises values: dates → ISO, sex → Nam/Nữ, ID numbers → digits with format checks.
 */

export interface PageText {
  page: number;
  text: string;
  source: ExtractedField['source'];
  /** OCR confidence 0..1 of the page. */
  confidence?: number;
  /** Where the lines of `text` are on the page (for evidence boxes). */
  lines?: readonly PageLine[];
}

interface LabelMatch {
  attribute: FieldAttribute;
  qualifier?: string;
  start: number;
  end: number;
}

const COMPILED = LABELS.map((label) => ({
  attribute: label.attribute,
  regex: new RegExp(String.raw`(?<![a-z0-9])(?:${label.pattern})${ENGLISH_LABEL}\s*(?:\(\d+\)\s*)?(?::|(?=\s*$))`, 'gu'),
}));

function findLabels(foldedLine: string): LabelMatch[] {
  const matches: LabelMatch[] = [];
  for (const { attribute, regex } of COMPILED) {
    regex.lastIndex = 0;
    for (const match of foldedLine.matchAll(regex)) {
      const qualifier = match.groups?.q;
      matches.push({ attribute, start: match.index, end: match.index + match[0].length, ...(qualifier ? { qualifier } : {}) });
    }
  }
  matches.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: LabelMatch[] = [];
  for (const match of matches) {
    const last = kept[kept.length - 1];
    if (last && match.start < last.end) continue;
    kept.push(match);
  }
  return kept;
}

function cleanValue(raw: string): string {
  return raw
    .replace(/\(\d+\)/g, ' ')
    .replace(/[.…_·]{2,}/g, ' ')
    .replace(/\t/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s:;,.-]+|[\s:;,-]+$/g, '')
    .trim();
}

const TICKED_CHOICE = /(?:[☒☑✓✔■▣⊠]|(?<![\p{L}\d])x(?![\p{L}\d]))\s*(\p{L}+)/u;
const EMPTY_BOX = /[☐□🞎❑❒]/u;
/** A form's item number printed before the next label ("… 8. Mối quan hệ"), not part of the value. */
const TRAILING_ITEM_NUMBER = /\s\d{1,2}\s*[.)]\s*$/u;
const NUMBERED_ITEM = /^\s*\d{1,2}\s*[.)]\s+\p{L}/u;
/** A numbered item whose label the reader does not know ("10. Tôn giáo:") still ends the value before it. */
const UNKNOWN_ITEM = /\s\d{1,2}\s*\.\s*\p{L}[^:\d]{0,40}(?:\(\d+\))?:.*$/u;

interface Normalised {
  attribute: FieldAttribute;
  value: string;
  /** 0..1: how well the value fits its format. */
  fit: number;
}

function normalise(attribute: FieldAttribute, raw: string): Normalised | undefined {
  const folded = foldAligned(raw);
  switch (attribute) {
    case 'name': {
      const name = tidyName(raw);
      const words = name.split(' ').filter(Boolean);
      if (words.length === 0 || /\d/u.test(raw)) return undefined;
      return { attribute, value: name, fit: words.length >= 2 && words.length <= 6 ? 1 : 0.5 };
    }
    case 'dateOfBirth': {
      const date = parseDateOrYear(raw);
      if (!date) return undefined;
      return date.yearOnly ? { attribute: 'birthYear', value: date.iso, fit: 1 } : { attribute, value: date.iso, fit: 1 };
    }
    case 'issueDate':
    case 'expiryDate':
    case 'registrationDate': {
      const date = parseDate(raw);
      if (date) return { attribute, value: date.iso, fit: 1 };
      if (attribute === 'expiryDate' && /khong (?:thoi )?han|vo thoi han/u.test(folded)) return { attribute, value: 'không thời hạn', fit: 1 };
      return undefined;
    }
    case 'birthYear': {
      const date = parseDateOrYear(raw);
      if (!date) return undefined;
      return { attribute: 'birthYear', value: date.iso.slice(0, 4), fit: 1 };
    }
    case 'sex': {
      // printed choices ("☐ Nam ☐ Nữ"): the ticked one, or what was typed before the boxes
      const ticked = TICKED_CHOICE.exec(folded);
      const typed = ticked ? ticked[1] ?? '' : folded.split(EMPTY_BOX)[0] ?? '';
      if (/^\s*(?:nam|male|m)\b/u.test(typed)) return { attribute, value: 'Nam', fit: 1 };
      if (/^\s*(?:nu|female|f)\b/u.test(typed)) return { attribute, value: 'Nữ', fit: 1 };
      return undefined;
    }
    case 'idNumber':
    case 'documentNumber': {
      const id = findIdNumber(raw);
      if (id) {
        const check = checkIdNumber(id.value);
        return { attribute: 'idNumber', value: check.digits, fit: check.valid ? 1 : 0.6 };
      }
      if (attribute === 'idNumber') return undefined;
      const value = cleanValue(raw);
      return value ? { attribute, value, fit: 0.9 } : undefined;
    }
    default: {
      const value = cleanValue(raw);
      return value.length >= 1 ? { attribute, value, fit: 1 } : undefined;
    }
  }
}

/** The lowest OCR confidence among the words of a value, when the page has word positions. */
function wordConfidence(lines: readonly PageLine[] | undefined, lineIndex: number, start: number, end: number): number | undefined {
  const line = lines?.find((candidate) => candidate.lineIndex === lineIndex);
  const values = (line?.spans ?? []).filter((span) => span.end > start && span.start < end && span.confidence !== undefined).map((span) => span.confidence as number);
  return values.length > 0 ? Math.max(0.05, Math.min(...values)) : undefined;
}

/** Reads the fields of one document (a segment: its pages in order). */
export function extractFields(fileId: string, pages: readonly PageText[]): ExtractedField[] {
  const fields = new Map<string, ExtractedField>();
  let sectionRole: PersonRole = '';
  let personRole: PersonRole = '';
  for (const page of pages) {
    const lines = page.text.split('\n');
    const base = page.source === 'ocr' ? Math.max(0.05, Math.min(1, page.confidence ?? 0.6)) : page.source === 'form_field' ? 0.99 : 0.95;
    for (let index = 0; index < lines.length; index += 1) {
      const line = lines[index] ?? '';
      const folded = foldAligned(line);
      const compact = folded.replace(/[^a-z0-9\s,]/g, ' ').replace(/\s+/g, ' ').trim();
      const section = SECTION_ROLES.find((candidate) => candidate.pattern.test(compact));
      const labels = findLabels(folded);
      if (section && labels.length === 0) {
        sectionRole = section.role;
        personRole = section.role;
        continue;
      }
      labels.forEach((label, position) => {
        const next = labels[position + 1];
        let raw = line.slice(label.end, next ? next.start : line.length);
        raw = raw.replace(UNKNOWN_ITEM, ' ');
        if (next) raw = raw.replace(TRAILING_ITEM_NUMBER, ' ');
        let valueOnNextLine = false;
        if (!cleanValue(raw) && !next) {
          // bilingual cards print the value on the line under its label
          const following = lines[index + 1] ?? '';
          // …unless it is the form's next numbered item
          if (following.trim() && !NUMBERED_ITEM.test(following) && findLabels(foldAligned(following)).length === 0) {
            raw = following;
            valueOnNextLine = true;
          }
        }
        const qualified = qualifierRole(label.qualifier);
        if (label.attribute === 'name') personRole = qualified ?? sectionRole;
        const role = qualified ?? personRole;
        const normalised = normalise(label.attribute, raw);
        if (!normalised) return;
        const name = fieldName(role, normalised.attribute);
        // OCR: the words of this value say more than the page's mean confidence
        const valueStart = valueOnNextLine ? 0 : label.end;
        const valueEnd = valueOnNextLine ? Number.POSITIVE_INFINITY : label.end + raw.replace(/\s+$/u, '').length;
        const words = page.source === 'ocr' ? wordConfidence(page.lines, valueOnNextLine ? index + 1 : index, valueStart, valueEnd) : undefined;
        const confidence = Math.round((words ?? base) * normalised.fit * 1000) / 1000;
        const existing = fields.get(name);
        if (existing && existing.confidence >= confidence) return;
        // the label and its value, so the officer sees what was read and under which heading
        const box = valueOnNextLine
          ? unionBox([boxOfRange(page.lines, index, label.start, label.end), boxOfRange(page.lines, index + 1)])
          : boxOfRange(page.lines, index, label.start, label.end + raw.replace(/\s+$/u, '').length);
        const value = cleanValue(raw) || raw.trim();
        fields.set(name, {
          name,
          value: normalised.value,
          raw: value,
          confidence,
          source: page.source,
          evidence: { fileId, page: page.page, field: name, value, ...(box ? { box } : {}) },
        });
      });
    }
  }
  return [...fields.values()];
}
