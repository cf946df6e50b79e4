import { test } from 'node:test';
import assert from 'node:assert/strict';
import { levenshtein, normalizeForCer, pooledCer, scorePage } from './ocr-metrics.js';

test('Levenshtein counts code points, not UTF-16 units or bytes', () => {
  assert.equal(levenshtein('', 'abc'), 3);
  assert.equal(levenshtein('kitten', 'sitting'), 3);
  assert.equal(levenshtein('Hòa', 'Hoa'), 1);
  assert.equal(levenshtein('𝔸b', 'ab'), 1);
});

test('normalisation: tone placement, leaders, check boxes and whitespace do not count', () => {
  assert.equal(normalizeForCer('CỘNG HOÀ\n\nxã  hội'), 'CỘNG HÒA xã hội');
  assert.equal(normalizeForCer('Họ tên:……………......... Nam'), 'Họ tên: … Nam');
  assert.equal(normalizeForCer('Họ tên: . . . . . Nam'), 'Họ tên: … Nam');
  assert.equal(normalizeForCer('\uF0A8 Nam'), 'Nam');
  assert.equal(normalizeForCer('Thông tư số .../2021'), 'Thông tư số … /2021');
});

test('pooled CER weighs pages by their length', () => {
  const scores = [scorePage('abcd', 'abcd'), scorePage('ab', 'abcdefghij')];
  assert.equal(pooledCer(scores).cer, 8 / 14);
});
