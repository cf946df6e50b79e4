import assert from 'node:assert/strict';
import { test } from 'node:test';
import { QuestionReading } from './question-reading.js';
import { WordWeights } from './word-weights.js';

const weights = new WordWeights(['Đăng ký việc nuôi con nuôi trong nước', 'Đăng ký khai sinh', 'Cấp giấy phép sử dụng vũ khí', 'Bổ sung thông tin hộ tịch', 'Đăng ký kết hôn']);
// passages: `đang` everywhere, `súng` rare, `flycam` never
const passageShares: Record<string, number> = { đang: 0.31, súng: 0.0001, khó: 0.03, khăn: 0.01 };
const neverSeen = new Set(['săn', 'bắn', 'flycam', 'bé']);
const wordShare = async (word: string) => (neverSeen.has(word) ? undefined : (passageShares[word] ?? 0.05));

test('a story: the request is read twice, names of places are no topic, story words weigh little', async () => {
  const reading = await QuestionReading.read('Vợ chồng tôi ở Chư Sê đang khó khăn. Muốn nhận con nuôi thì hồ sơ cần những gì?', true, weights, wordShare);
  assert.equal(reading.aspect, 'documents');
  assert.equal(reading.request, 'Muốn nhận con nuôi thì hồ sơ cần những gì?');
  assert.ok(!reading.topics.includes('chu') && !reading.topics.includes('se'));
  assert.equal(reading.unseen, 0);
  // the request alone covers the name better than the whole story
  assert.ok(reading.nameShare('Đăng ký việc nuôi con nuôi trong nước') > 0.5, String(reading.nameShare('Đăng ký việc nuôi con nuôi trong nước')));
  assert.ok(reading.nameShare('Đăng ký khai sinh') < 0.1);
});

test('a rewording read again keeps the names of places found in the message as typed', async () => {
  const typed = await QuestionReading.read('Tôi ở xã Ia Grai muốn nhận con nuôi', true, weights, wordShare);
  assert.ok(!typed.topics.includes('grai'));
  // the formal rewording is lower-cased: the name is known only from the message
  const lowered = await QuestionReading.read('tôi ở xã ia grai muốn nhận con nuôi', false, weights, wordShare);
  assert.ok(lowered.topics.includes('grai'));
  const again = await QuestionReading.read('tôi ở xã ia grai muốn nhận con nuôi', false, weights, wordShare, typed.names);
  assert.ok(!again.topics.includes('grai') && !again.topics.includes('ia'));
});

test('accented words are matched with their accents; a word the corpus never saw is counted', async () => {
  const gun = await QuestionReading.read('xin giấy phép sử dụng súng săn bắn flycam', false, weights, wordShare);
  assert.equal(gun.unseen, 3, 'săn, bắn, flycam');
  assert.ok(gun.nameShare('Bổ sung thông tin hộ tịch') === 0, '`súng` is not `sung` of `bổ sung`');
  const plain = await QuestionReading.read('bo sung thong tin ho tich', false, weights, wordShare);
  assert.ok(plain.nameShare('Bổ sung thông tin hộ tịch') > 0.9);
});

test('informal words are also read formally', async () => {
  const reading = await QuestionReading.read('làm giấy khai sinh cho con', false, weights, wordShare);
  assert.ok(reading.formal.includes('đăng ký khai sinh'), reading.formal);
  assert.ok(reading.questionWords.has('khai') && reading.questionWords.has('sinh'));
});

test('an informal word the vocabulary knows is no word the corpus has never seen', async () => {
  const reading = await QuestionReading.read('nhận con riêng (bé 8 tuổi) làm con nuôi', false, weights, wordShare);
  assert.equal(reading.unseen, 0);
});

test('a word the corpus never saw in the story around a request is not in what is asked', async () => {
  const story = await QuestionReading.read('Chúng tôi đang dùng flycam chụp ảnh cưới. Giờ muốn nhận con nuôi thì cần giấy tờ gì?', true, weights, wordShare);
  assert.equal(story.unseen, 1);
  assert.equal(story.unseenAsked, 0);
  const asked = await QuestionReading.read('Đăng ký flycam ở đâu?', true, weights, wordShare);
  assert.equal(asked.unseenAsked, 1);
});

test('the heaviest word asked is the request’s, among the words the corpus has seen', async () => {
  // words of names weigh by how few names have them: `khai`/`sinh` (one name) over `đăng`/`ký` (four)
  const named = await QuestionReading.read('đăng ký khai sinh ở đâu', false, weights, wordShare);
  assert.ok(['khai', 'sinh'].includes(named.heaviestAsked ?? ''), named.heaviestAsked);
  // `flycam`, never seen, is no word to look for; the story's `khăn` is not what is asked
  const story = await QuestionReading.read('Nhà tôi đang khó khăn lắm. Xin giấy phép sử dụng flycam ở đâu?', true, weights, wordShare);
  assert.ok(story.heaviestAsked !== undefined && !['flycam', 'khăn', 'khó', 'đang'].includes(story.heaviestAsked), story.heaviestAsked);
});
