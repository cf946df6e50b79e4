import assert from 'node:assert/strict';
import { test } from 'node:test';
import { WordWeights } from './word-weights.js';

test('words many names share are common; two of them side by side in a few names tell a procedure', () => {
  const names = [
    ...Array.from({ length: 30 }, (_, i) => `Cấp lại giấy phép loại ${i}`),
    'Đăng ký lại khai tử',
    'Đăng ký khai tử',
    ...Array.from({ length: 68 }, (_, i) => `Đăng ký hoạt động số ${i}`),
  ];
  const weights = new WordWeights(names);
  assert.equal(weights.common('lai'), true);
  assert.equal(weights.common('cap'), true);
  assert.equal(weights.common('dang'), true);
  assert.equal(weights.common('khai'), false);
  // `khai tu` stands together in 2 names of 100, `dang ky` in 70
  assert.equal(weights.tellingPair('khai', 'tu'), true);
  assert.equal(weights.tellingPair('dang', 'ky'), false);
  assert.equal(weights.tellingPair('tu', 'khai'), false);
  // a handful of names makes no word common
  assert.equal(new WordWeights(['Đăng ký lại khai tử', 'Đăng ký khai sinh']).common('dang'), false);
});
