import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ProcedureRecord } from '../structure/index.js';
import { chunkProcedure } from './procedure.chunker.js';

const record: ProcedureRecord = {
  source: 'national',
  code: '9.999999',
  name: 'Cấp giấy phép thử nghiệm',
  field: 'Thử nghiệm',
  agency: 'Sở Thử nghiệm',
  steps: [],
  channels: [],
  processingTime: { text: '05 ngày làm việc', value: 5, unit: 'ngày làm việc' },
  fee: { text: 'Miễn phí', free: true, amounts: [] },
  documents: [
    { name: 'Đơn đề nghị', text: 'Đơn đề nghị', formCodes: [], attachments: [], copyTypes: [], oneOf: false, alternatives: [] },
  ],
  forms: [],
  legalBasis: [],
  sections: [
    { key: 'thanhPhanHoSo', title: 'Thành phần hồ sơ', text: '- Đơn đề nghị (1 bản chính)', raw: 'Đơn đề nghị1 bản chính' },
    { key: 'coQuanThucHien', title: 'Cơ quan thực hiện', text: 'Sở Thử nghiệm', raw: 'Sở Thử nghiệm' },
    {
      key: 'trinhTuThucHien',
      title: 'Trình tự thực hiện',
      text: Array.from({ length: 12 }, (_, index) => `Bước ${index + 1}: ${'thực hiện công việc '.repeat(8).trim()}.`).join('\n'),
      raw: '',
    },
  ],
};

test('one overview chunk, then one chunk per section, each prefixed with the procedure name', () => {
  const chunks = chunkProcedure(record, { maxChars: 500 });
  assert.equal(chunks[0]?.path.section, 'tongQuan');
  assert.match(chunks[0]?.text ?? '', /Cơ quan thực hiện: Sở Thử nghiệm/u);
  assert.match(chunks[0]?.text ?? '', /Thời hạn giải quyết: 05 ngày làm việc/u);
  assert.ok(!chunks.some((chunk) => chunk.path.section === 'coQuanThucHien'), 'short agency section folds into the overview');
  const dossier = chunks.find((chunk) => chunk.path.section === 'thanhPhanHoSo');
  assert.equal(dossier?.label, 'Thành phần hồ sơ — Cấp giấy phép thử nghiệm (9.999999)');
  assert.equal(dossier?.text, 'Cấp giấy phép thử nghiệm (9.999999)\nThành phần hồ sơ:\n- Đơn đề nghị (1 bản chính)');
  const steps = chunks.filter((chunk) => chunk.path.section === 'trinhTuThucHien');
  assert.ok(steps.length > 1, 'long section split');
  for (const chunk of steps) {
    assert.ok(chunk.text.startsWith('Cấp giấy phép thử nghiệm (9.999999)\nTrình tự thực hiện:\n'));
    assert.ok(chunk.text.length <= 500);
    // Steps are never cut: each line of the display text is a whole step.
    assert.ok(chunk.displayText.split('\n').every((line) => /^Bước \d+: .*\.$/u.test(line)));
  }
  assert.match(steps[0]?.label ?? '', /\(phần 1\/\d\)$/u);
});

test('an agency too long for its overview line keeps its whole text in a chunk of its own', () => {
  const agency = `Ủy ban nhân dân cấp xã nơi người yêu cầu thường trú. ${'Trường hợp không có nơi thường trú nhưng có đăng ký tạm trú thì Ủy ban nhân dân cấp xã nơi tạm trú thực hiện. '.repeat(3).trim()}`;
  const long: ProcedureRecord = {
    ...record,
    agency,
    sections: record.sections.map((section) => (section.key === 'coQuanThucHien' ? { ...section, text: agency, raw: agency } : section)),
  };
  const chunks = chunkProcedure(long, { maxChars: 1500 });
  assert.match(chunks[0]?.text ?? '', /Cơ quan thực hiện: Ủy ban nhân dân cấp xã nơi người yêu cầu thường trú\. .*…$/mu);
  const own = chunks.find((chunk) => chunk.path.section === 'coQuanThucHien');
  assert.equal(own?.label, 'Cơ quan thực hiện — Cấp giấy phép thử nghiệm (9.999999)');
  assert.ok(own?.text.endsWith(agency));
});
