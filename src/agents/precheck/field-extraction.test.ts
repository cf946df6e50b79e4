import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractFields } from './field-extraction.js';
import { classifyByRules, forbiddenForCopyCertification, startsNewDocument } from './kind-rules.js';

const value = (fields: ReturnType<typeof extractFields>, name: string) => fields.find((field) => field.name === name)?.value;

test('labels on one line and across lines are read with the person they belong to', () => {
  const text = [
    'TỜ KHAI ĐĂNG KÝ KẾT HÔN',
    'BÊN NỮ',
    'Họ, chữ đệm, tên: Lê Thị Hoa',
    'Ngày, tháng, năm sinh: 01/02/2000   Dân tộc: Kinh',
    'Số định danh cá nhân: 064300001111',
    'BÊN NAM',
    'Họ, chữ đệm, tên: Phạm Văn Nam',
    'Ngày, tháng, năm sinh: 09/09/1998',
  ].join('\n');
  const fields = extractFields('f1', [{ page: 1, text, source: 'text_layer' }]);
  assert.equal(value(fields, 'wifeName'), 'Lê Thị Hoa');
  assert.equal(value(fields, 'wifeDateOfBirth'), '2000-02-01');
  assert.equal(value(fields, 'wifeEthnicity'), 'Kinh');
  assert.equal(value(fields, 'wifeIdNumber'), '064300001111');
  assert.equal(value(fields, 'husbandName'), 'Phạm Văn Nam');
  assert.equal(value(fields, 'husbandDateOfBirth'), '1998-09-09');
});

test('bilingual card labels with the value on the next line; OCR confidence scales field confidence', () => {
  const text = ['CĂN CƯỚC CÔNG DÂN', 'Số / No.: 064195001234', 'Họ và tên / Full name:', 'NGUYEN THI LAN', 'Ngày sinh / Date of birth: 12/04/1995', 'Giới tính / Sex: Nữ', 'Có giá trị đến / Date of expiry: 12/04/2035'].join('\n');
  const fields = extractFields('f1', [{ page: 1, text, source: 'ocr', confidence: 0.8 }]);
  assert.equal(value(fields, 'fullName'), 'Nguyen Thi Lan');
  assert.equal(value(fields, 'idNumber'), '064195001234');
  assert.equal(value(fields, 'sex'), 'Nữ');
  assert.equal(value(fields, 'expiryDate'), '2035-04-12');
  assert.ok(fields.every((field) => field.source === 'ocr' && field.confidence <= 0.8));
  assert.equal(fields.find((field) => field.name === 'fullName')?.evidence.page, 1);
});

test('rules name kinds from titles and form codes; dotted leaders and footnotes are not values', () => {
  assert.equal(classifyByRules('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nGIẤY CHỨNG SINH')?.kind, 'giay_chung_sinh');
  const ct01 = classifyByRules('Mẫu CT01 ban hành kèm theo Thông tư\nTỜ KHAI THAY ĐỔI THÔNG TIN CƯ TRÚ');
  assert.equal(ct01?.kind, 'to_khai');
  assert.equal(ct01?.formCode, 'CT01');
  assert.equal(classifyByRules('TRICH LUC KHAI SINH')?.kind, 'trich_luc_ho_tich');
  assert.equal(classifyByRules('TỜ KHAI ĐỀ NGHỊ CẤP BẢN SAO TRÍCH LỤC HỘ TỊCH')?.kind, 'to_khai');
  assert.equal(classifyByRules('Biên lai thu tiền điện tháng 5'), undefined);
  assert.equal(startsNewDocument('Đặc điểm nhân dạng: sẹo chấm'), false);
  assert.equal(forbiddenForCopyCertification('MẬT\nBÁO CÁO'), 'đóng dấu mật');
  const fields = extractFields('f', [{ page: 1, text: 'Nơi cư trú: (2) ........................', source: 'text_layer' }]);
  assert.equal(fields.length, 0);
});

test('numbered form items (CT01, DC01): birth-name labels, ĐDCN, ticked choices, values typed over dots, unknown items end a value', () => {
  const text = [
    '1. Họ, chữ đệm và tên khai sinh(1): ĐẶNG BÍCH GIANG',
    '2. Tên gọi khác:……………….....3. Số ĐDCN: 064175189014',
    '4. Ngày, tháng, năm sinh:....../......../..........14/06/1975\t5. Giới tính: 🞎 Nam 🞎 ☒ Nữ',
    '9. Dân tộc: Gia Rai 10. Tôn giáo:……………...',
    '15. Địa chỉ thư điện tử:……………',
    '16. Họ, chữ đệm và tên, số định danh cá nhân của cha, mẹ.',
    '21. Họ, chữ đệm và tên chủ hộ(1): ……………RƠ MAH BÍCH THẢO\tMối quan hệ với chủ hộ:……',
    '7. Họ, chữ đệm và tên chủ hộ: Nguyễn Mỹ Ngân    8. Mối quan hệ với chủ hộ: Con',
  ].join('\n');
  const fields = extractFields('f', [{ page: 1, text, source: 'text_layer' }]);
  assert.equal(value(fields, 'fullName'), 'Đặng Bích Giang');
  assert.equal(value(fields, 'idNumber'), '064175189014');
  assert.equal(value(fields, 'dateOfBirth'), '1975-06-14');
  assert.equal(value(fields, 'sex'), 'Nữ');
  assert.equal(value(fields, 'ethnicity'), 'Gia Rai');
  assert.equal(value(fields, 'email'), undefined);
  assert.equal(value(fields, 'householderName'), 'Rơ Mah Bích Thảo');
  const ct01 = extractFields('f', [{ page: 1, text: text.split('\n')[7] ?? '', source: 'text_layer' }]);
  assert.equal(value(ct01, 'householderName'), 'Nguyễn Mỹ Ngân');
  assert.equal(value(ct01, 'householderRelationship'), 'Con');
  // nothing ticked: no sex is read from the printed choices
  assert.equal(value(extractFields('f', [{ page: 1, text: 'Giới tính: ☐ Nam ☐ Nữ', source: 'text_layer' }]), 'sex'), undefined);
});

test('a form\'s notes page mentioning "chứng minh nhân dân" or "căn cước công dân" does not start a new document', () => {
  const notes = 'đủ thông tin ngày, tháng, năm sinh.\n(3) Ghi số định danh cá nhân/căn cước công dân/thẻ căn cước (ví dụ: Căn cước công dân\nchứng minh nhân dân,...).';
  assert.equal(startsNewDocument(notes), false);
  assert.equal(startsNewDocument('CĂN CƯỚC CÔNG DÂN\nSố: 064195001234'), true);
});
