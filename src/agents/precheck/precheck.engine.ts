import type { OcrEngine } from '../../providers/ocr/index.js';
import type { TextClassifier } from '../../providers/classifier/index.js';
import type { AnalysedSegment } from './analysed-segment.js';
import { checkCompleteness } from './completeness.check.js';
import { checkConsistency } from './consistency.check.js';
import { readDossierFile, type ReadFile } from './dossier-file.reader.js';
import { extractFields, type PageText } from './field-extraction.js';
import { splitFieldName } from './field-labels.js';
import type { FormFieldValue } from './form-fields.reader.js';
import { checkLegibility } from './legibility.check.js';
import type { DossierPrechecker, ExtractedField, FileAnalysis, PrecheckInput, PrecheckProgress, PrecheckResult } from './precheck.types.js';
import { recommend } from './recommendation.js';
import { segmentPages, type PageRange } from './segmentation.js';
import { checkValidity } from './validity.check.js';

export interface PrecheckEngineOptions {
  ocr?: OcrEngine;
  /** Resolves to the document-kind classifier, or null to classify by rules only. */
  classifier: () => Promise<TextClassifier | null>;
  ocrDpi?: number;
}

/** Fields typed into a fillable form, as extracted fields of their page, framed by their widgets. */
function formFieldsOf(fileId: string, values: readonly FormFieldValue[], from: number, to: number): ExtractedField[] {
  const inRange = values.filter((value) => value.page >= from && value.page <= to);
  const direct: ExtractedField[] = [];
  const labelled: PageText[] = [];
  for (const value of inRange) {
    const box = value.box;
    // a field already named like the contract (fullName, motherName…) is taken as it is
    if (/^[a-z][A-Za-z]+$/u.test(value.label) && splitFieldName(value.label)) {
      const lines = extractFields(fileId, [{ page: value.page, text: `${labelFor(value.label)}: ${value.value}`, source: 'form_field' }]);
      const field = lines[0];
      const evidence = { ...(field?.evidence ?? { fileId, page: value.page, value: value.value }), field: value.label, ...(box ? { box } : {}) };
      direct.push(field ? { ...field, name: value.label, evidence } : { name: value.label, value: value.value, raw: value.value, confidence: 0.99, source: 'form_field', evidence });
    } else {
      // the label is the field's name, not printed inside the widget: only the value has the widget's box
      const prefix = `${value.label}: `;
      const text = `${prefix}${value.value.replace(/\s*\n\s*/gu, ' ')}`;
      const lines = box ? [{ lineIndex: 0, text, box, spans: [{ start: prefix.length, end: text.length, box }] }] : undefined;
      labelled.push({ page: value.page, text, source: 'form_field', ...(lines ? { lines } : {}) });
    }
  }
  return [...direct, ...extractFields(fileId, labelled)];
}

/** A printed label for a contract field name, so one normaliser serves both paths. */
function labelFor(name: string): string {
  const split = splitFieldName(name);
  switch (split?.attribute) {
    case 'name':
      return 'Họ và tên';
    case 'dateOfBirth':
      return 'Ngày sinh';
    case 'birthYear':
      return 'Năm sinh';
    case 'sex':
      return 'Giới tính';
    case 'idNumber':
      return 'Số định danh cá nhân';
    case 'issueDate':
      return 'Ngày cấp';
    case 'expiryDate':
      return 'Có giá trị đến';
    case 'registrationDate':
      return 'Ngày đăng ký';
    default:
      return 'Nội dung';
  }
}

/**
 * The pre-check pipeline: read every file (text layer, OCR, form fields) → split into documents and
 * classify them → extract fields → completeness, consistency, validity and legibility checks →
 * recommendation. Pure computation over the inputs; storage and jobs belong to the service.
 */
export class PrecheckEngine implements DossierPrechecker {
  constructor(private readonly options: PrecheckEngineOptions) {}

  async precheck(input: PrecheckInput, options: { onProgress?: (progress: PrecheckProgress) => void | Promise<void> } = {}): Promise<PrecheckResult> {
    const started = performance.now();
    const progress = async (stage: PrecheckProgress['stage'], done: number, total: number) => {
      await options.onProgress?.({ stage, done, total });
    };
    const total = input.files.length;
    const read: ReadFile[] = [];
    await progress('reading', 0, total);
    for (const file of input.files) {
      read.push(await readDossierFile(file, { ...(this.options.ocr ? { ocr: this.options.ocr } : {}), ...(this.options.ocrDpi ? { ocrDpi: this.options.ocrDpi } : {}) }));
      await progress('reading', read.length, total);
    }

    const classifier = await this.options.classifier();
    const files: FileAnalysis[] = [];
    const segments: AnalysedSegment[] = [];
    await progress('classifying', 0, total);
    const ranges: PageRange[][] = [];
    for (const file of read) {
      ranges.push(await segmentPages(file.pages, classifier));
      await progress('classifying', ranges.length, total);
    }
    await progress('extracting', 0, total);
    read.forEach((file, index) => {
      const { fileId, fileName } = file.file;
      const analysis: FileAnalysis = { fileId, fileName, pageCount: file.pages.length, segments: [], ...(file.error ? { error: file.error } : {}) };
      for (const range of ranges[index] ?? []) {
        const typed = formFieldsOf(fileId, file.formFields, range.from, range.to);
        const printed = extractFields(fileId, range.pages);
        const names = new Set(typed.map((field) => field.name));
        const fields = [...typed, ...printed.filter((field) => !names.has(field.name))];
        const ocrPages = range.pages.filter((page) => page.source === 'ocr');
        const ocrConfidence = ocrPages.length > 0 ? ocrPages.reduce((sum, page) => sum + (page.confidence ?? 0), 0) / ocrPages.length : undefined;
        const segment = {
          pages: { from: range.from, to: range.to },
          kind: range.kind,
          confidence: range.confidence,
          method: range.method,
          ...(range.formCode ? { formCode: range.formCode } : {}),
          ...(ocrConfidence !== undefined ? { ocrConfidence: Math.round(ocrConfidence * 1000) / 1000 } : {}),
          fields: range.formCode && !fields.some((field) => field.name === 'formCode')
            ? [...fields, { name: 'formCode', value: range.formCode, confidence: range.confidence, source: range.pages[0]?.source ?? 'text_layer', evidence: { fileId, page: range.from, field: 'formCode', value: range.formCode } } satisfies ExtractedField]
            : fields,
        };
        analysis.segments.push(segment);
        segments.push({ fileId, fileName, segment, text: range.pages.map((page) => page.text).join('\n') });
      }
      files.push(analysis);
    });
    await progress('extracting', total, total);

    await progress('checking', 0, 4);
    const completeness = checkCompleteness(input.procedure, segments, input.applicant);
    await progress('checking', 1, 4);
    const consistency = checkConsistency(segments, input.applicant);
    await progress('checking', 2, 4);
    const validity = checkValidity(input.procedure, segments, input.referenceDate);
    await progress('checking', 3, 4);
    const legibility = checkLegibility(files, segments);
    const checks = [...completeness.checks, ...consistency, ...validity, ...legibility];
    await progress('checking', 4, 4);
    return { files, checks, recommendation: recommend(checks, completeness), durationMs: Math.round(performance.now() - started) };
  }
}
