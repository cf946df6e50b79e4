import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AnalysedSegment } from './analysed-segment.js';
import { checkConsistency } from './consistency.check.js';
import type { ExtractedField } from './precheck.types.js';

const field = (name: string, value: string, source: ExtractedField['source'], confidence: number): ExtractedField => ({ name, value, source, confidence, evidence: { fileId: name, page: 1, box: { x: 0.1, y: 0.2, width: 0.3, height: 0.02 } } });
const segment = (fileId: string, fields: ExtractedField[]): AnalysedSegment => ({ fileId, fileName: `${fileId}.pdf`, text: '', segment: { pages: { from: 1, to: 1 }, kind: 'to_khai', confidence: 1, method: 'rule', fields } });

test('a name one letter away is an OCR slip only where the OCR was unsure of the words; the evidence keeps its boxes', () => {
  const typed = segment('a', [field('fullName', 'Lý Thanh Hạnh', 'text_layer', 0.95), field('idNumber', '001170104681', 'text_layer', 0.95)]);
  const status = (confidence: number) => {
    const scanned = segment('b', [field('fullName', 'Lý Thanh Oanh', 'ocr', confidence), field('idNumber', '001170104681', 'ocr', 0.95)]);
    const checks = checkConsistency([typed, scanned], { fullName: 'Lý Thanh Hạnh' }).filter((check) => check.id.startsWith('consistency:name'));
    assert.equal(checks.length, 1, JSON.stringify(checks));
    assert.ok(checks[0]?.evidence.every((item) => item.box !== undefined));
    return checks[0]?.status;
  };
  assert.equal(status(0.62), 'warning');
  assert.equal(status(0.95), 'fail');
});
