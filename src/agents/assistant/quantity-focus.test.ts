import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countedThing, quantityLines } from './quantity-focus.js';
import { procedurePassage } from './testing/procedure-passage.js';

const passage = (id: string, body: string) => procedurePassage(id, body);

test('a question about a count names the counted thing, with or without accents', () => {
  assert.equal(countedThing('xin một lần được mấy bản?'), 'ban');
  assert.equal(countedThing('nop bao nhieu bo ho so'), 'bo');
  assert.equal(countedThing('cần mấy người làm chứng?'), 'nguoi');
  // durations are the time aspect's, not a count
  assert.equal(countedThing('mất mấy ngày?'), undefined);
  assert.equal(countedThing('lệ phí bao nhiêu?'), undefined);
});

test('the lines giving a number of the thing are found, the shortest first, each with its passage', () => {
  const passages = [
    passage('p1', '- Tờ khai theo mẫu;\n- Trường hợp để kết hôn thì chỉ cấp 01 bản cho người yêu cầu.'),
    passage('p2', 'Số lượng hồ sơ: 01 (bộ)\nKết quả: Giấy xác nhận (bản chính).'),
    passage('p3', 'Giấy tờ tùy thân: hai bản sao có chứng thực, kèm bản chính để đối chiếu khi nộp trực tiếp tại Bộ phận Một cửa.'),
  ];
  const lines = quantityLines('ban', passages);
  assert.deepEqual(lines.map((line) => line.passage?.id), ['p1', 'p3']);
  assert.match(lines[0]!.text, /01 bản/);
  assert.deepEqual(quantityLines('bo', passages).map((line) => line.text), ['Số lượng hồ sơ: 01 (bộ)']);
  assert.deepEqual(quantityLines('nguoi', passages), []);
  // asked what is issued, the copies to hand in do not answer
  assert.deepEqual(quantityLines('ban', passages, true).map((line) => line.passage?.id), ['p1']);
  assert.deepEqual(quantityLines('ban', [passages[2]!], true), []);
});
