import type { FileAnalysis, PrecheckCheck } from './precheck.types.js';
import { describeSegment, type AnalysedSegment } from './analysed-segment.js';

/**
 * Legibility: a scan or photo the OCR reads with low confidence, or hardly reads at all, cannot be
 * checked — the citizen is asked for a clearer copy instead of the officer guessing.
 */

/** Below this mean OCR confidence a page is too unclear to rely on; between the two, the officer looks. */
export const ILLEGIBLE_BELOW = 0.55;
export const DOUBTFUL_BELOW = 0.7;

export function checkLegibility(files: readonly FileAnalysis[], segments: readonly AnalysedSegment[]): PrecheckCheck[] {
  const checks: PrecheckCheck[] = [];
  for (const file of files) {
    if (file.error) {
      checks.push({ id: `legibility:file:${file.fileId}`, category: 'legibility', status: 'fail', message: `Không đọc được tệp "${file.fileName}": ${file.error}`, evidence: [{ fileId: file.fileId, page: 1 }] });
    }
  }
  for (const segment of segments) {
    const confidence = segment.segment.ocrConfidence;
    const letters = segment.text.replace(/[^\p{L}\p{N}]/gu, '').length;
    const evidence = [{ fileId: segment.fileId, page: segment.segment.pages.from }];
    if (confidence === undefined) continue;
    if (confidence < ILLEGIBLE_BELOW || letters < 20) {
      checks.push({
        id: `legibility:${segment.fileId}:${segment.segment.pages.from}`,
        category: 'legibility',
        status: 'fail',
        message: `Bản chụp không đủ rõ để đọc (${describeSegment(segment)}, độ tin cậy nhận dạng ${Math.round(confidence * 100)}%): cần nộp bản chụp/scan rõ hơn.`,
        evidence,
      });
    } else if (confidence < DOUBTFUL_BELOW) {
      checks.push({
        id: `legibility:${segment.fileId}:${segment.segment.pages.from}`,
        category: 'legibility',
        status: 'warning',
        message: `Bản chụp hơi mờ (${describeSegment(segment)}, độ tin cậy nhận dạng ${Math.round(confidence * 100)}%): cán bộ nên đối chiếu bản gốc.`,
        evidence,
      });
    }
  }
  if (checks.length === 0) checks.push({ id: 'legibility:all', category: 'legibility', status: 'pass', message: 'Các tệp đều đọc được.', evidence: [] });
  return checks;
}
