import assert from 'node:assert/strict';
import { test } from 'node:test';
import { askedLevel, readAspect, readIntent, topicWords } from './message-intent.js';

test('the level the citizen goes to, with or without accents; `xã hội` is not a commune', () => {
  assert.equal(askedLevel('Nộp hồ sơ xin nhận con nuôi ở xã rồi thì sao?'), 'xa');
  assert.equal(askedLevel('ra ubnd phuong lam giay gi'), 'xa');
  assert.equal(askedLevel('phải lên Sở Tư pháp nộp à?'), 'tinh');
  assert.equal(askedLevel('bé đang ở trung tâm bảo trợ xã hội'), undefined);
  assert.equal(askedLevel('đăng ký khai sinh cần gì'), undefined);
});

test('aspects: counts of copies are the result, `tính tiền` is the fee', () => {
  assert.equal(readAspect('xin một lần được mấy bản?'), 'result');
  assert.equal(readAspect('công chứng bản sao tính tiền thế nào'), 'fee');
  assert.equal(readAspect('mất mấy ngày'), 'time');
});

test('off-topic words whose plain forms are ordinary words are read with their accents', () => {
  assert.equal(readIntent('Mai ở Pleiku có mưa không?').kind, 'out_of_scope');
  assert.equal(readIntent('tỉ số trận HAGL tối qua?').kind, 'out_of_scope');
  // `mua` (to buy) is not `mưa` (rain)
  assert.equal(readIntent('mua đất của người quen thì chứng thực hợp đồng ở đâu?').kind, 'question');
});

test('a filler word stays when it is half of a name pair (`cải chính`), not otherwise', () => {
  const pairs = (first: string, second: string) => `${first} ${second}` === 'cai chinh';
  assert.deepEqual(topicWords('làm thủ tục cải chính thì sao', pairs), ['cai', 'chinh']);
  assert.deepEqual(topicWords('cái này làm ở đâu', pairs), []);
});
