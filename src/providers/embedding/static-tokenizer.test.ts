import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeStatic, foldedPhrases, formatVocabulary, parseVocabulary, staticTerms } from './static-tokenizer.js';

test('folds diacritics and case, splits phrases at punctuation', () => {
  assert.deepEqual(foldedPhrases('Đăng ký khai sinh, kết hôn.'), [['dang', 'ky', 'khai', 'sinh'], ['ket', 'hon']]);
  assert.deepEqual(foldedPhrases('THỦ TỤC'), foldedPhrases('thu tuc'));
  assert.deepEqual(foldedPhrases('   '), []);
});

test('unifies i/y spellings and tone placement before folding, strips leading zeros', () => {
  assert.deepEqual(foldedPhrases('quí, lí, kĩ thuật'), foldedPhrases('quý, lý, kỹ thuật'));
  assert.deepEqual(foldedPhrases('hoà thuỷ'), foldedPhrases('hòa thủy'));
  assert.deepEqual(foldedPhrases('05 ngày làm việc'), [['5', 'ngay', 'lam', 'viec']]);
  // a plain `li`/`ti` is a different word from `ly`/`ty`: left alone
  assert.deepEqual(foldedPhrases('ti vi'), [['ti', 'vi']]);
});

test('terms are syllables plus bigrams inside a phrase, never across punctuation', () => {
  assert.deepEqual(staticTerms('khai sinh; kết hôn'), ['khai', 'khai sinh', 'sinh', 'ket', 'ket hon', 'hon']);
});

test('vocabulary round-trips; encoding keeps known terms once with idf·(1+ln tf) weights', () => {
  const vocabulary = parseVocabulary(formatVocabulary([{ term: 'khai', idf: 2 }, { term: 'sinh', idf: 1 }, { term: 'khai sinh', idf: 4 }]));
  assert.equal(vocabulary.ids.get('khai sinh'), 3);
  const encoded = encodeStatic('Khai sinh, khai sinh và xyz', vocabulary, 1);
  const byId = new Map(encoded.ids.map((id, index) => [id, encoded.weights[index]!]));
  assert.equal(byId.size, 3);
  assert.ok(Math.abs(byId.get(3)! - 4 * (1 + Math.log(2))) < 1e-5);
  const halfBigrams = encodeStatic('khai sinh', vocabulary, 0.5);
  assert.ok(Math.abs(halfBigrams.weights[halfBigrams.ids.indexOf(3)]! - 2) < 1e-6);
  assert.deepEqual(encodeStatic('xyz', vocabulary, 1), { ids: [], weights: [] });
});
