import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ChatReply } from '../../src/agents/assistant/index.js';
import { judgeTurn } from './judge.js';

const citation = (source: string, text: string): ChatReply['citations'][number] => ({
  index: 1,
  document: { id: 'd', title: 't', number: null, kind: 'Thủ tục hành chính', source },
  citation: { article: null, clause: null, point: null, section: 'Phí, lệ phí', label: 'Phí, lệ phí — X' },
  procedure: { code: 'X', name: 'X' },
  text,
});
const reply = (answer: string, source: string, text: string): ChatReply => ({
  conversationId: 'c',
  messageId: 'm',
  outcome: 'answered',
  answer,
  citations: [citation(source, text)],
});

test('a right answer passes; facts compare without accents', () => {
  const verdict = judgeTurn(
    { message: 'q', outcome: 'answered', sources: ['a/DOC_001.doc'], facts: ['8.000 đồng'] },
    reply('Lệ phí:\nNộp trực tiếp: 8.000 ĐỒNG [1]', 'procedures/a/DOC_001.doc', 'X\nPhí:\nNộp trực tiếp: 8.000 đồng'),
  );
  assert.deepEqual(verdict, { pass: true, problems: [], unsupported: 0 });
});

test('wrong source, missing fact, unsupported line and wrong outcome are all failures', () => {
  const verdict = judgeTurn(
    { message: 'q', outcome: 'answered', sources: ['a/DOC_002.doc'], facts: ['75.000 đồng'] },
    reply('Nộp trực tiếp: 9.000 đồng [1]', 'procedures/a/DOC_001.doc', 'Nộp trực tiếp: 8.000 đồng'),
  );
  assert.equal(verdict.pass, false);
  assert.equal(verdict.unsupported, 1);
  assert.equal(verdict.problems.length, 3);
  const outcome = judgeTurn({ message: 'q', outcome: 'no_information' }, reply('x', 's', 'x'));
  assert.deepEqual(outcome.problems, ['kết quả answered, cần no_information']);
});
