import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findPersonalData, redactDeep, redactPersonalData } from './personal-data.js';

test('redacts CCCD, CMND, phone numbers and e-mails in Vietnamese text', () => {
  const text =
    'Tôi tên Lan, CCCD 064195001234, CMND cũ 230456789, điện thoại 0905 123 456 hoặc +84 912.345.678, email lan.nguyen@gmail.com';
  const redacted = redactPersonalData(text);
  assert.equal(
    redacted,
    'Tôi tên Lan, CCCD [CCCD], CMND cũ [CMND], điện thoại [SĐT] hoặc [SĐT], email [EMAIL]',
  );
  assert.deepEqual(
    findPersonalData(text).map((finding) => finding.kind),
    ['cccd', 'cmnd', 'phone', 'phone', 'email'],
  );
});

test('leaves dates, money, legal numbers and durations alone', () => {
  const text = 'Lệ phí 8.000 đồng theo Thông tư 85/2019/TT-BTC ngày 29/11/2019, giải quyết trong 05 ngày làm việc, mã 1.000080';
  assert.equal(redactPersonalData(text), text);
});

test('redacts nested strings but keeps numbers and structure', () => {
  const value = { req: { url: '/v1/search?q=0912345678', headers: { 'x-id': '064195001234' } }, size: 123456789 };
  assert.deepEqual(redactDeep(value), {
    req: { url: '/v1/search?q=[SĐT]', headers: { 'x-id': '[CCCD]' } },
    size: 123456789,
  });
});
