import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseLegalDocument } from '../structure/index.js';
import { chunkLegalDocument, legalLabel } from './legal.chunker.js';

// Written for this test: one short article and one long article with clauses and points.
const clause = (number: number, words: number): string => `${number}. Quy định số ${number} ${'nội dung '.repeat(words).trim()}.`;
const SAMPLE = [
  'QUỐC HỘI',
  'Luật số: 98/2030/QH16',
  'LUẬT THỬ CHIA ĐOẠN',
  'Điều 1. Phạm vi',
  'Luật này quy định việc chia đoạn.',
  'Điều 2. Quy định dài',
  'Các quy định sau đây được áp dụng:',
  clause(1, 20),
  clause(2, 20),
  '3. Khoản có nhiều điểm:',
  ...['a', 'b', 'c', 'd'].map((letter) => `${letter}) Điểm ${letter} ${'chi tiết '.repeat(15).trim()};`),
  clause(4, 20),
].join('\n');

test('short articles stay whole; long ones split between clauses, a huge clause between points', () => {
  const document = parseLegalDocument(SAMPLE);
  const chunks = chunkLegalDocument(document, { maxChars: 600 });
  const [first, ...rest] = chunks;
  assert.equal(first?.label, 'Điều 1 Luật Thử chia đoạn (98/2030/QH16)');
  assert.equal(first?.text, 'Luật Thử chia đoạn (98/2030/QH16)\nĐiều 1. Phạm vi\nLuật này quy định việc chia đoạn.');
  assert.ok(chunks.every((chunk) => chunk.text.length <= 600), 'budget respected');
  assert.deepEqual(chunks.map((chunk) => chunk.ordinal), chunks.map((_, index) => index));
  for (const chunk of rest) {
    // Every piece repeats the law, the article heading and the short article introduction.
    assert.ok(chunk.text.startsWith('Luật Thử chia đoạn (98/2030/QH16)\nĐiều 2. Quy định dài\nCác quy định sau đây được áp dụng:'), chunk.text);
    assert.equal(chunk.path.article, '2');
  }
  assert.deepEqual(rest.map((chunk) => [chunk.path.clause, chunk.path.point]), [
    ['1-2', undefined],
    ['3', 'a-b'],
    ['3', 'c-d'],
    ['4', undefined],
  ]);
  assert.equal(rest[0]?.label, 'Khoản 1 và 2 Điều 2 Luật Thử chia đoạn (98/2030/QH16)');
  assert.equal(rest[1]?.label, 'Điểm a và b Khoản 3 Điều 2 Luật Thử chia đoạn (98/2030/QH16)');
  // The clause introduction travels with its points; no clause is cut in the middle.
  assert.ok(rest[2]?.displayText.startsWith('3. Khoản có nhiều điểm:\nc) Điểm c'));
  assert.ok(rest[0]?.displayText.endsWith(clause(2, 20)));
});

test('labels follow Vietnamese citation style', () => {
  assert.equal(legalLabel('Luật Cư trú (68/2020/QH14)', '20', ['2'], []), 'Khoản 2 Điều 20 Luật Cư trú (68/2020/QH14)');
  assert.equal(legalLabel('Hiến pháp', '5', [], []), 'Điều 5 Hiến pháp');
  assert.equal(legalLabel('Luật X (1/2020/QH14)', '3', ['1'], ['a', 'b', 'c']), 'Điểm a, b và c Khoản 1 Điều 3 Luật X (1/2020/QH14)');
});

const lawsDir = path.resolve(process.env.SHARED_DIR ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', 'shared'), 'corpora', 'laws');

test('real law: Luật Cư trú is chunked within budget and every article is covered', { skip: existsSync(lawsDir) ? false : `no corpus at ${lawsDir}` }, () => {
  const document = parseLegalDocument(readFileSync(path.join(lawsDir, 'luat-cu-tru-2020.txt'), 'utf8'), { title: 'Luật Cư trú', number: '68/2020/QH14' });
  const chunks = chunkLegalDocument(document);
  assert.ok(chunks.every((chunk) => chunk.text.length <= 1500));
  assert.deepEqual([...new Set(chunks.map((chunk) => chunk.path.article))], document.articles.map((article) => article.number));
  const article20 = chunks.filter((chunk) => chunk.path.article === '20');
  assert.ok(article20.length > 1, 'Điều 20 is long and is split');
  assert.ok(article20.every((chunk) => chunk.text.includes('Điều 20. Điều kiện đăng ký thường trú')));
  assert.ok(article20.some((chunk) => chunk.label.startsWith('Khoản') && chunk.label.includes('2') && chunk.label.endsWith('Điều 20 Luật Cư trú (68/2020/QH14)')));
  // Clause 2 of Điều 20 (with its points a–c) sits whole in one chunk.
  const clause2 = document.articles.find((article) => article.number === '20')?.clauses[1]?.text ?? '';
  assert.ok(article20.some((chunk) => chunk.displayText.includes(clause2)));
});
