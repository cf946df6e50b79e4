import assert from 'node:assert/strict';
import { test } from 'node:test';
import { comparable, fold } from './text-folding.js';

test('comparison ignores case and spacing around punctuation, not accents', () => {
  assert.equal(comparable('Người ủy quyền ( 1 bản sao )'), comparable('người ủy quyền (1 bản sao)'));
  assert.notEqual(comparable('ủy quyền'), comparable('uy quyen'));
});

test('folding drops accents and punctuation, keeps word boundaries', () => {
  assert.equal(fold('Lệ phí: 8.000đ?'), ' le phi 8 000d ');
});
