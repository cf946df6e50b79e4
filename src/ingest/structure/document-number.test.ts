import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractDocumentNumbers, findDocumentNumbers } from './document-number.js';

test('reads plain document numbers with their suffixes', () => {
  assert.deepEqual(extractDocumentNumbers('theo Nghị định số 15/2021/NĐ-CP và Thông tư 03/2022/TT-BTP; Luật số 52/2014/QH13'), [
    '15/2021/NĐ-CP',
    '03/2022/TT-BTP',
    '52/2014/QH13',
  ]);
  assert.deepEqual(extractDocumentNumbers('Quyết định 12/2019/QĐ-TTg, Nghị quyết 07/2023/NQ-HĐND'), ['12/2019/QĐ-TTg', '07/2023/NQ-HĐND']);
});

test('repairs numbers glued to neighbouring table cells', () => {
  // Title glued after the number, year glued before it, number glued to the repeated code column.
  const glued = 'Luật Thí điểm năm 201944/2019/QH14Quy định mẫu biểu18/2020/TT-BCANghị định 09/2021/NĐ-CP09/2021/NĐ-CP';
  assert.deepEqual(
    findDocumentNumbers(glued).map((match) => match.number),
    ['44/2019/QH14', '18/2020/TT-BCA', '09/2021/NĐ-CP', '09/2021/NĐ-CP'],
  );
  const first = findDocumentNumbers(glued)[0];
  assert.equal(glued.slice(first?.start, first?.end), '44/2019/QH14');
});
