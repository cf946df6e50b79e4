import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PrecheckResult } from '../agents/precheck/precheck.types.js';
import { locateEvidence } from './evidence-locator.js';
import { renderPdf } from './testing/dossier-fixtures.js';

const resultFor = (values: { fileId: string; page: number; value: string }[]): PrecheckResult => ({
  files: [
    {
      fileId: 'a',
      fileName: 'a.pdf',
      pageCount: 2,
      segments: [
        {
          pages: { from: 1, to: 2 },
          kind: 'to_khai',
          confidence: 0.9,
          method: 'rule',
          fields: values.map((evidence, index) => ({ name: `field${index}`, value: evidence.value, confidence: 0.9, source: 'text_layer', evidence: { ...evidence, field: `field${index}` } })),
        },
      ],
    },
  ],
  checks: [{ id: 'c', category: 'consistency', status: 'fail', message: 'x', evidence: [{ fileId: 'a', page: 2, value: 'Nguyễn Văn Hùng', field: 'fatherName' }, { fileId: 'a', page: 1 }] }],
  recommendation: { decision: 'request_additions', summary: 'x', reasons: [], legalBasis: [] },
  durationMs: 1,
});

test('a value read from the text layer gets the box of the words on its page', async () => {
  // page 1: line 0 at baseline 780, line 1 at 780 - 11 × 1.9; page 2: line 0
  const bytes = await renderPdf([
    [{ text: 'TỜ KHAI' }, { text: 'Họ, chữ đệm, tên: TRẦN THỊ MAI' }],
    [{ text: 'Họ tên cha: NGUYỄN VĂN HÙNG' }],
  ]);
  const result = await locateEvidence(
    resultFor([
      { fileId: 'a', page: 1, value: 'TRẦN THỊ MAI' },
      { fileId: 'a', page: 1, value: 'không có trên trang' },
      { fileId: 'b', page: 1, value: 'TRẦN THỊ MAI' },
    ]),
    [
      { fileId: 'a', mediaType: 'application/pdf', bytes },
      { fileId: 'b', mediaType: 'image/png', bytes: new Uint8Array([0x89, 0x50]) },
    ],
  );
  const [found, missing, image] = result.files[0]!.segments[0]!.fields.map((field) => field.evidence.box);
  assert.ok(found, 'box for a value on the page');
  const baseline = 780 - 11 * 1.9;
  assert.ok(found.y < (842 - baseline) / 842 && found.y + found.height > (842 - baseline) / 842, `the box covers the second line's baseline: ${JSON.stringify(found)}`);
  assert.ok(found.x > 150 / 595 && found.x + found.width < 1, 'the box starts after the label');
  assert.equal(missing, undefined);
  assert.equal(image, undefined, 'images are not searched');
  // a check's evidence is located the same way (case-insensitively), on its own page
  const [father, pageOnly] = result.checks[0]!.evidence;
  assert.ok(father?.box && father.box.y < (842 - 770) / 842, 'found on page 2, first line');
  assert.equal(pageOnly?.box, undefined);
});
