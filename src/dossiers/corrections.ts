import { DOCUMENT_KINDS, type DocumentKind, type PrecheckResult } from '../agents/precheck/precheck.types.js';
import type { DossierCorrectionRow, DossierFileRow } from '../db/repositories/index.js';
import { badRequest } from '../errors/index.js';

/** The officer's fix of one thing the engine read: a field's value, or the document kind (`field: "kind"`). */
export interface CorrectionInput {
  fileId: string;
  page?: number | undefined;
  field: string;
  value: string;
}

/**
 * Pairs each correction with what the engine read there, so the stored row is a labelled example
 * (read value → correct value) for retraining the classifier and the extractors.
 */
export function resolveCorrections(inputs: CorrectionInput[], files: DossierFileRow[], result: PrecheckResult | undefined): DossierCorrectionRow[] {
  return inputs.map((input, index) => {
    const fieldPath = `body.corrections.${index}`;
    if (!files.some((file) => file.id === input.fileId)) {
      throw badRequest(`Sửa lỗi số ${index + 1}: hồ sơ không có tệp ${input.fileId}.`, [{ field: `${fieldPath}.fileId`, message: 'không thuộc hồ sơ' }], 'invalid-correction');
    }
    const analysis = result?.files.find((file) => file.fileId === input.fileId);
    if (input.page !== undefined && analysis && analysis.pageCount > 0 && input.page > analysis.pageCount) {
      throw badRequest(`Sửa lỗi số ${index + 1}: tệp chỉ có ${analysis.pageCount} trang.`, [{ field: `${fieldPath}.page`, message: 'vượt số trang' }], 'invalid-correction');
    }
    const segments = (analysis?.segments ?? []).filter((segment) => input.page === undefined || (segment.pages.from <= input.page && input.page <= segment.pages.to));
    let extracted: string | undefined;
    if (input.field === 'kind') {
      if (!(DOCUMENT_KINDS as readonly string[]).includes(input.value)) {
        throw badRequest(`Sửa lỗi số ${index + 1}: loại giấy tờ "${input.value}" không hợp lệ (chọn một trong: ${DOCUMENT_KINDS.join(', ')}).`, [{ field: `${fieldPath}.value`, message: 'loại giấy tờ không hợp lệ' }], 'invalid-correction');
      }
      extracted = segments[0]?.kind satisfies DocumentKind | undefined;
    } else {
      const found = segments.flatMap((segment) => segment.fields).find((field) => field.name === input.field && (input.page === undefined || field.evidence.page === input.page));
      extracted = found?.value;
    }
    return {
      fileId: input.fileId,
      page: input.page ?? null,
      field: input.field,
      extractedValue: extracted ?? null,
      correctedValue: input.value,
    };
  });
}
