import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AccentedWordCounts } from './word-counts.js';

test('accented words are counted with their accents, per passage, and uncounted on removal', () => {
  const counts = new AccentedWordCounts();
  counts.update('Hồ sơ bổ sung, bổ sung thêm giấy tờ.', 1);
  counts.update('Giấy phép sử dụng súng săn', 1);
  assert.equal(counts.count('bổ'), 1, 'once per passage');
  assert.equal(counts.count('súng'), 1);
  assert.equal(counts.count('sung'), 0, 'plain words are left to the index');
  assert.equal(counts.count('Giấy'), 2, 'case-insensitive');
  assert.equal(counts.count('hoà'), 0);
  counts.update('Hòa giải ở cơ sở', 1);
  assert.equal(counts.count('hoà'), 1, 'tone placement is canonical');
  assert.equal(counts.count('giấy/phép'), 1, 'a compound counts as its rarest part');
  counts.update('Giấy phép sử dụng súng săn', -1);
  assert.equal(counts.count('súng'), 0);
});
