import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { OpenAiCompatibleLanguageModel } from './openai-compatible.language-model.js';
import { startOpenAiTestDouble, type OpenAiTestDouble } from './testing/openai.test-double.js';

let double: OpenAiTestDouble;
before(async () => {
  double = await startOpenAiTestDouble((request) => `Bạn đã hỏi: ${request.body.messages.at(-1)?.content ?? ''}`);
});
after(async () => double?.close());

test('generates a completion over HTTP with the configured model and key', async () => {
  const model = new OpenAiCompatibleLanguageModel({ baseUrl: double.baseUrl, model: 'vi-test-7b', apiKey: 'khoa-thu' });
  const answer = await model.generate([
    { role: 'system', content: 'Trả lời ngắn.' },
    { role: 'user', content: 'lệ phí bao nhiêu?' },
  ]);
  assert.equal(answer, 'Bạn đã hỏi: lệ phí bao nhiêu?');
  const request = double.requests.at(-1)!;
  assert.equal(request.body.model, 'vi-test-7b');
  assert.equal(request.authorization, 'Bearer khoa-thu');
  assert.deepEqual(request.body.messages.map((message) => message.role), ['system', 'user']);
});

test('streams the completion piece by piece', async () => {
  const model = new OpenAiCompatibleLanguageModel({ baseUrl: double.baseUrl, model: 'vi-test-7b' });
  const pieces: string[] = [];
  for await (const piece of model.stream([{ role: 'user', content: 'một hai ba bốn' }])) pieces.push(piece);
  assert.ok(pieces.length >= 4, `${pieces.length} pieces`);
  assert.equal(pieces.join(''), 'Bạn đã hỏi: một hai ba bốn');
  assert.equal(double.requests.at(-1)!.body.stream, true);
});

test('a server error is an error, not an answer', async () => {
  const previous = double.respond;
  double.respond = () => ({ status: 500, body: JSON.stringify({ error: { message: 'quá tải' } }) });
  try {
    const model = new OpenAiCompatibleLanguageModel({ baseUrl: double.baseUrl, model: 'vi-test-7b', timeoutMs: 5000 });
    await assert.rejects(model.generate([{ role: 'user', content: 'x' }]));
  } finally {
    double.respond = previous;
  }
});
