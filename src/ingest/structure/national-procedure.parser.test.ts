import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { parseNationalChannels } from './national-channels.parser.js';
import { parseNationalDocuments, splitAttachments } from './national-documents.parser.js';
import { cleanNationalResult, parseNationalLegalBasis, parseNationalProcedure, parseNationalSteps, type NationalProcedureSource } from './national-procedure.parser.js';
import { procedureRecordSchema } from './procedure.types.js';
import { corpusPath, corpusSkip } from './shared-corpus.testing.js';

// Synthetic cells written for these tests, glued the way the portal crawl glues them.
test('channels: time with and without unit, fee items with notes, description', () => {
  const channels = parseNationalChannels(
    'Hình thức nộpThời gianPhí, lệ phíMô tảTrực tiếp10 Ngày làm việcLệ phí : 30.000 Đồng(Lệ phí cấp giấy)Nộp tại bộ phận một cửa' +
      'Trực tuyến7Miễn phí(không thu khi nộp trực tuyến)Dịch vụ bưu chínhKhông có thông tinKhông có thông tin',
  );
  assert.deepEqual(
    channels.map((channel) => [channel.channel, channel.processingTime?.value, channel.processingTime?.unit, channel.fee?.free, channel.fee?.amounts, channel.description]),
    [
      ['Trực tiếp', 10, 'ngày làm việc', false, [30000], 'Nộp tại bộ phận một cửa'],
      ['Trực tuyến', 7, undefined, true, [], undefined],
      ['Dịch vụ bưu chính', undefined, undefined, undefined, undefined, undefined],
    ],
  );
});

test('channels: a time glued to a fee amount is split using the amount in the note', () => {
  const [channel] = parseNationalChannels('Trực tiếp150 VNĐ(50.000 đồng/hồ sơ)');
  assert.equal(channel?.processingTime?.value, 1);
  assert.deepEqual(channel?.fee?.amounts.slice(0, 1), [50]);
  assert.equal(channel?.uncertain, undefined);
});

test('documents: quantities, glued form files, alternatives', () => {
  const documents = parseNationalDocuments(
    '--Tên giấy tờMẫu đơn, tờ khaiSố lượngTờ khai đề nghị theo mẫu TK01Mau TK01.docx1 bản chính' +
      'Bản sao giấy chứng nhận đăng ký0 bản chính,1 bản sao' +
      'Một trong các giấy tờ chứng minh nhân thân: - Hộ chiếu; - Thẻ căn cước1 bản chính',
  );
  assert.equal(documents.length, 3);
  assert.equal(documents[0]?.name, 'Tờ khai đề nghị theo mẫu TK01');
  assert.deepEqual(documents[0]?.attachments, ['Mau TK01.docx']);
  assert.ok(documents[0]?.formCodes.includes('TK01'));
  assert.deepEqual(documents[1]?.quantity, { original: 0, copy: 1 });
  assert.ok(documents[1]?.copyTypes.includes('bản sao'));
  assert.equal(documents[2]?.oneOf, true);
  assert.deepEqual(documents[2]?.alternatives, ['Hộ chiếu', 'Thẻ căn cước']);
});

test('documents: digits of a form code glued to the quantity go back to the code', () => {
  const [document] = parseNationalDocuments('Tên giấy tờMẫu đơn, tờ khaiSố lượngBản khai theo mẫu BM.01.071 bản chính');
  assert.deepEqual(document?.quantity, { original: 1 });
  assert.ok(document?.formCodes.includes('BM.01.07'), JSON.stringify(document?.formCodes));
  assert.deepEqual(splitAttachments('Đơn đề nghị (theo mẫu)Phụ lục 2.docx'), { name: 'Đơn đề nghị (theo mẫu)', attachments: ['Phụ lục 2.docx'] });
});

test('legal basis rows, steps and result', () => {
  const basis = parseNationalLegalBasis(
    'Tên văn bản pháp lýMã văn bảnLuật Thí điểm44/2019/QH14Nghị định sửa đổi Nghị định 01/2018/NĐ-CP ngày 02/01/201809/2021/NĐ-CP',
  );
  assert.deepEqual(
    basis.map((row) => [row.title, row.numbers]),
    [
      ['Luật Thí điểm', ['44/2019/QH14']],
      ['Nghị định sửa đổi Nghị định 01/2018/NĐ-CP ngày 02/01/2018', ['01/2018/NĐ-CP', '09/2021/NĐ-CP']],
    ],
  );
  const steps = parseNationalSteps('Bước 1: Nộp hồ sơ.\nBước 2: Thẩm định trong 05 ngày làm việc.\nBước 3: Trả kết quả.');
  assert.equal(steps.length, 3);
  assert.equal(steps[1]?.duration?.value, 5);
  assert.equal(cleanNationalResult('Giấy phép hoạt độngMã: KQ.G01.000123Từ khóaKhông có thông tinMô tả'), 'Giấy phép hoạt động');
});

test('all 2,642 national records parse, validate and keep their codes', { skip: corpusSkip('procedures', 'national', 'records') }, () => {
  const root = corpusPath('procedures', 'national', 'records');
  let records = 0;
  let withTime = 0;
  let withFee = 0;
  let withDocuments = 0;
  for (const ministry of readdirSync(root)) {
    for (const file of readdirSync(path.join(root, ministry)).filter((name) => name.endsWith('.json'))) {
      const source = JSON.parse(readFileSync(path.join(root, ministry, file), 'utf8')) as NationalProcedureSource;
      const record = parseNationalProcedure(source);
      assert.equal(`${record.code}.json`, file);
      procedureRecordSchema.parse(record);
      records += 1;
      if (record.processingTime) withTime += 1;
      if (record.fee) withFee += 1;
      if (record.documents.length > 0) withDocuments += 1;
    }
  }
  assert.equal(records, 2642);
  // Floors below the measured shares (94.8% / 85.4% / 99.2%); the gaps are "Không có thông tin" in the source.
  assert.ok(withTime / records > 0.94, `time ${withTime}`);
  assert.ok(withFee / records > 0.84, `fee ${withFee}`);
  assert.ok(withDocuments / records > 0.99, `documents ${withDocuments}`);
});

test('a known record: complaint procedure of the Ministry of Public Security', { skip: corpusSkip('procedures', 'national', 'records', 'bo-cong-an') }, () => {
  const source = JSON.parse(readFileSync(corpusPath('procedures', 'national', 'records', 'bo-cong-an', '1.000178.json'), 'utf8')) as NationalProcedureSource;
  const record = parseNationalProcedure(source);
  assert.deepEqual(record.channels.map((channel) => [channel.channel, channel.processingTime?.text]), [
    ['Dịch vụ bưu chính', '60 Ngày làm việc'],
    ['Trực tiếp', '60 Ngày làm việc'],
  ]);
  assert.equal(record.fee, undefined);
  assert.equal(record.documents.length, 8);
  assert.ok(record.documents.every((document) => document.quantity?.original === 1));
  assert.deepEqual(record.legalBasis.flatMap((basis) => basis.numbers), ['68/2013/TT-BCA', '02/2011/QH13', '11/2015/TT-BCA', '05/2012/NĐ-CP']);
  assert.equal(record.level, 'Cấp bộ');
});
