import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ProcedureRecord, RequiredDocument } from '../../ingest/structure/procedure.types.js';
import { createDossierPrechecker, type PrecheckProgress } from './index.js';
import { textPdf } from './testing/text-pdf.js';

// A procedure record written for these tests (our own wording, shaped like the parsed records).
function item(name: string, extra: Partial<RequiredDocument> = {}): RequiredDocument {
  return { name, text: name, formCodes: [], attachments: [], copyTypes: [], oneOf: false, alternatives: [], ...extra };
}
const marriage: ProcedureRecord = {
  source: 'provincial',
  code: 'TEST-KH',
  name: 'Đăng ký kết hôn',
  steps: [],
  channels: [],
  documents: [
    item('Tờ khai đăng ký kết hôn theo mẫu'),
    item('Hộ chiếu/Thẻ căn cước', { oneOf: true, alternatives: ['Hộ chiếu', 'Thẻ căn cước'] }),
    item('Văn bản ủy quyền', { condition: 'trong trường hợp ủy quyền nộp hồ sơ' }),
  ],
  forms: [],
  legalBasis: [],
  sections: [],
};

const form = (wifeBirth: string) =>
  textPdf([[
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    '# TỜ KHAI ĐĂNG KÝ KẾT HÔN',
    'BÊN NỮ',
    'Họ, chữ đệm, tên: Lê Thị Hoa',
    `Ngày, tháng, năm sinh: ${wifeBirth}`,
    'Số định danh cá nhân: 064300001111',
    'BÊN NAM',
    'Họ, chữ đệm, tên: Phạm Văn Nam',
    'Ngày, tháng, năm sinh: 09/09/1998',
  ]]);
const card = (name: string, expiry = '01/02/2040') =>
  textPdf([['# CĂN CƯỚC CÔNG DÂN', 'Số / No.: 064300001111', `Họ và tên / Full name: ${name}`, 'Ngày sinh / Date of birth: 01/02/2000', 'Giới tính / Sex: Nữ', `Có giá trị đến / Date of expiry: ${expiry}`]]);

const engine = createDossierPrechecker({ modelsDir: '/nonexistent', classifier: null });
const run = async (files: Uint8Array[], applicant = 'Lê Thị Hoa') =>
  engine.precheck({
    procedure: marriage,
    applicant: { fullName: applicant },
    referenceDate: new Date('2025-06-01T00:00:00Z'),
    files: files.map((bytes, index) => ({ fileId: `f${index}`, fileName: `tep-${index}.pdf`, mediaType: 'application/pdf', bytes })),
  });

test('a complete, consistent dossier is proposed for acceptance, with progress reported', async () => {
  const stages: PrecheckProgress[] = [];
  const result = await engine.precheck(
    { procedure: marriage, applicant: { fullName: 'Lê Thị Hoa' }, referenceDate: new Date('2025-06-01T00:00:00Z'), files: [{ fileId: 'a', fileName: 'a.pdf', mediaType: 'application/pdf', bytes: await form('01/02/2000') }, { fileId: 'b', fileName: 'b.pdf', mediaType: 'application/pdf', bytes: await card('LÊ THỊ HOA') }] },
    { onProgress: (progress) => void stages.push(progress) },
  );
  assert.equal(result.recommendation.decision, 'accept', JSON.stringify(result.checks, null, 1));
  assert.deepEqual([...new Set(stages.map((stage) => stage.stage))], ['reading', 'classifying', 'extracting', 'checking']);
  assert.equal(result.files[1]?.segments[0]?.kind, 'can_cuoc');
});

test('a missing identity paper is never accepted and the citizen gets a Vietnamese list', async () => {
  const result = await run([await form('01/02/2000')]);
  assert.equal(result.recommendation.decision, 'request_additions');
  assert.match(result.recommendation.additionsRequest ?? '', /1\. Bổ sung: Hộ chiếu\/Thẻ căn cước/u);
});

test('names that differ beyond case and diacritics fail; an expired card asks for a valid one', async () => {
  const mismatch = await run([await form('01/02/2000'), await card('LÊ THỊ HỒNG')]);
  assert.equal(mismatch.recommendation.decision, 'request_additions');
  assert.ok(mismatch.checks.some((check) => check.category === 'consistency' && check.status === 'fail'));
  const expired = await run([await form('01/02/2000'), await card('LE THI HOA', '01/01/2024')]);
  assert.ok(expired.checks.some((check) => check.id.startsWith('validity:expired') && check.status === 'fail'));
  assert.equal(expired.recommendation.decision, 'request_additions');
});

test('someone else submitting needs the authorisation; a bride under 18 is refused with the legal basis', async () => {
  const byOther = await run([await form('01/02/2000'), await card('LÊ THỊ HOA')], 'Trần Văn Bình');
  assert.equal(byOther.recommendation.decision, 'request_additions');
  assert.match(byOther.recommendation.additionsRequest ?? '', /ủy quyền/u);
  const young = await run([await form('01/02/2009'), await card('LÊ THỊ HOA')]);
  assert.equal(young.recommendation.decision, 'reject');
  assert.match(young.recommendation.legalBasis.join(' '), /Điều 8 Luật Hôn nhân và gia đình/u);
});

test('fillable PDF fields are read from the form, not from the page text', async () => {
  const bytes = await textPdf([['# CĂN CƯỚC CÔNG DÂN', 'Số / No.:', 'Họ và tên / Full name:']], [
    { name: 'fullName', value: 'Lê Thị Hoa' },
    { name: 'Số định danh cá nhân', value: '064300001111' },
  ]);
  const result = await run([bytes]);
  const fields = result.files[0]?.segments[0]?.fields ?? [];
  const fullName = fields.find((field) => field.name === 'fullName');
  assert.equal(fullName?.value, 'Lê Thị Hoa');
  assert.equal(fullName?.source, 'form_field');
  assert.equal(fields.find((field) => field.name === 'idNumber')?.value, '064300001111');
});

test('an unreadable file is reported, not thrown', async () => {
  const result = await run([new Uint8Array([1, 2, 3, 4]), await form('01/02/2000')]);
  assert.ok(result.files[0]?.error);
  assert.notEqual(result.recommendation.decision, 'accept');
});
