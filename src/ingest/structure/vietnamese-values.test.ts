import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractMoneyAmounts, isPlaceholder, parseDuration, parseFee, parseVietnameseDate } from './vietnamese-values.js';

test('durations keep their unit and read fractions', () => {
  assert.deepEqual(parseDuration('05 ngày làm việc kể từ ngày nhận đủ hồ sơ'), {
    text: '05 ngày làm việc kể từ ngày nhận đủ hồ sơ',
    value: 5,
    unit: 'ngày làm việc',
  });
  assert.equal(parseDuration('1/2 ngày')?.value, 0.5);
  assert.equal(parseDuration('½ ngày')?.value, 0.5);
  assert.equal(parseDuration('03 (ba) tháng')?.unit, 'tháng');
  assert.equal(parseDuration('Ngay trong ngày tiếp nhận; nếu nộp sau 15 giờ thì trả vào hôm sau')?.sameDay, true);
  assert.equal(parseDuration('Không có thông tin'), undefined);
});

test('money amounts in the usual spellings', () => {
  assert.deepEqual(extractMoneyAmounts('Lệ phí: 8.000 đồng; nộp trực tuyến 4.000 đồng'), [8000, 4000]);
  assert.deepEqual(extractMoneyAmounts('1,500,000 Việt Nam Đồng'), [1500000]);
  assert.deepEqual(extractMoneyAmounts('400.000 (bốn trăm nghìn) đồng/trường hợp'), [400000]);
  assert.deepEqual(extractMoneyAmounts('120 VNĐ'), [120]);
});

test('fees: free statements and placeholders', () => {
  assert.equal(parseFee('Miễn phí')?.free, true);
  assert.equal(parseFee('Miễn lệ phí đối với người cao tuổi')?.free, true);
  assert.equal(parseFee('Không.')?.free, true);
  assert.equal(parseFee('Lệ phí : 50.000 Đồng')?.free, false);
  assert.equal(parseFee('Không có thông tin'), undefined);
  assert.equal(isPlaceholder('--'), true);
});

test('dates in numeric and spelled form', () => {
  assert.equal(parseVietnameseDate('Ngày ban hành: 3/9/2024'), '2024-09-03');
  assert.equal(parseVietnameseDate('thông qua ngày 21 tháng 5 năm 2019.'), '2019-05-21');
  assert.equal(parseVietnameseDate('không có ngày'), undefined);
});
