import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { ChatReply } from '../agents/assistant/index.js';
import { ingestDemoCorpus, unsupportedLines } from '../agents/assistant/testing/demo-corpus.js';
import { createDocumentAnalyzer } from '../jobs/index.js';
import { startOpenAiTestDouble, type OpenAiTestDouble } from '../providers/llm/testing/openai.test-double.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

/** Reads a server-sent event stream into its events. */
async function readEvents(response: Response): Promise<Array<{ event: string; data: unknown }>> {
  const text = await response.text();
  return text
    .split('\n\n')
    .filter((block) => block.trim())
    .map((block) => {
      const event = /^event: (.+)$/m.exec(block)?.[1] ?? 'message';
      const data = JSON.parse(/^data: (.+)$/m.exec(block)?.[1] ?? 'null') as unknown;
      return { event, data };
    });
}

for (const database of ['pglite', 'postgres-wire'] as const) {
  describe(`chat API (${database})`, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer({ database, workers: false });
      await ingestDemoCorpus(server.services.database, server.services.blobs, createDocumentAnalyzer(server.services.ocr));
    });
    after(async () => server?.close());

    const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
      fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

    test('answers without a token, with citations in the search result shape, and follows up', async () => {
      const response = await post('/v1/chat', { message: 'Chứng thực bản sao mất phí bao nhiêu?' });
      assert.equal(response.status, 200);
      const reply = (await response.json()) as ChatReply;
      assert.equal(reply.outcome, 'answered');
      assert.equal(reply.procedure?.code, 'DEMO.002');
      assert.match(reply.answer, /2\.000 Đồng/);
      const citation = reply.citations[0]!;
      assert.deepEqual(Object.keys(citation.document).sort(), ['id', 'kind', 'number', 'source', 'title']);
      assert.deepEqual(Object.keys(citation.citation).sort(), ['article', 'clause', 'label', 'point', 'section']);
      assert.deepEqual(citation.procedure, { code: 'DEMO.002', name: 'Chứng thực bản sao từ bản chính (minh họa)' });
      assert.deepEqual(unsupportedLines(reply.answer, reply.citations), []);

      const followUp = (await (await post('/v1/chat', { conversationId: reply.conversationId, message: 'cần mang theo giấy tờ gì?' })).json()) as ChatReply;
      assert.equal(followUp.conversationId, reply.conversationId);
      assert.equal(followUp.procedure?.code, 'DEMO.002');
      assert.equal(followUp.aspect, 'documents');
      assert.match(followUp.answer, /Bản chính giấy tờ cần chứng thực bản sao/);
    });

    test('streams the answer as server-sent events when asked to', async () => {
      const response = await post('/v1/chat', { message: 'dang ky khai sinh can giay to gi' }, { accept: 'text/event-stream' });
      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-type') ?? '', /^text\/event-stream/);
      const events = await readEvents(response);
      assert.equal(events[0]?.event, 'meta');
      assert.equal(events.at(-1)?.event, 'done');
      const deltas = events.filter((event) => event.event === 'delta').map((event) => (event.data as { text: string }).text);
      assert.ok(deltas.length > 5, 'the answer arrives in pieces');
      const done = events.at(-1)!.data as ChatReply;
      assert.equal(deltas.join(''), done.answer);
      assert.equal(done.procedure?.code, 'DEMO.001');
      const citations = events.find((event) => event.event === 'citations')!.data as { citations: ChatReply['citations'] };
      assert.deepEqual(citations.citations, done.citations);
    });

    test('bad input gets a Vietnamese problem; another client cannot continue a conversation', async () => {
      for (const body of [{}, { message: '   ' }, { message: 'x'.repeat(1001) }, { message: 'hi', conversationId: 'not-a-uuid' }, { message: 'x', extra: 1 }]) {
        const response = await post('/v1/chat', body);
        assert.equal(response.status, 400, JSON.stringify(body).slice(0, 60));
        assert.match(response.headers.get('content-type') ?? '', /problem\+json/);
      }
      const unknown = await post('/v1/chat', { message: 'lệ phí?', conversationId: '00000000-0000-4000-8000-000000000000' });
      assert.equal(unknown.status, 404);
      const mine = (await (await post('/v1/chat', { message: 'đăng ký thường trú' })).json()) as ChatReply;
      const token = await server.token('citizen');
      // the same conversation id from a signed-in client (another owner) is not found
      const other = await post('/v1/chat', { message: 'lệ phí?', conversationId: mine.conversationId }, { authorization: `Bearer ${token}` });
      assert.equal(other.status, 404);
    });

    test('feedback, hand-over, and the officer answer the citizen then sees', async () => {
      const reply = (await (await post('/v1/chat', { message: 'đăng ký thường trú cần điều kiện gì' })).json()) as ChatReply;
      assert.equal(reply.aspect, 'conditions');
      const feedbackPath = `/v1/chat/${reply.conversationId}/messages/${reply.messageId}/feedback`;
      assert.equal((await post(feedbackPath, { rating: 'up', comment: 'Rõ ràng' })).status, 204);
      assert.equal((await post(feedbackPath, { rating: 'great' })).status, 400);
      assert.equal((await post(`/v1/chat/${reply.conversationId}/messages/00000000-0000-4000-8000-000000000000/feedback`, { rating: 'up' })).status, 404);

      const created = await post(`/v1/chat/${reply.conversationId}/handover`, {});
      assert.equal(created.status, 201);
      const handover = (await created.json()) as { id: string; reply: string; officeHours: boolean };
      assert.match(handover.reply, handover.officeHours ? /trong giờ làm việc hôm nay/ : /ngoài giờ làm việc.*từ \d+ giờ/);

      assert.equal((await fetch(`${server.url}/v1/handovers`)).status, 401);
      const citizen = await server.token('citizen');
      assert.equal((await fetch(`${server.url}/v1/handovers`, { headers: { authorization: `Bearer ${citizen}` } })).status, 403);
      const officer = await server.token('officer');
      const list = (await (await fetch(`${server.url}/v1/handovers?status=open`, { headers: { authorization: `Bearer ${officer}` } })).json()) as {
        items: Array<{ id: string; question: string }>;
      };
      assert.equal(list.items.find((item) => item.id === handover.id)?.question, 'đăng ký thường trú cần điều kiện gì');
      const answered = await post(`/v1/handovers/${handover.id}/answer`, { answer: 'Bạn cần có chỗ ở hợp pháp.' }, { authorization: `Bearer ${officer}` });
      assert.equal(answered.status, 200);
      const audited = await server.services.audit.list({ resourceType: 'chat_handover' });
      assert.deepEqual(audited.map((entry) => entry.action).sort(), ['handover.answer', 'handover.list']);
      assert.equal(audited[0]?.actorRole, 'officer');
      const history = (await (await fetch(`${server.url}/v1/chat/${reply.conversationId}`)).json()) as { messages: Array<{ role: string; content: string }> };
      assert.deepEqual(history.messages.at(-1), { ...history.messages.at(-1), role: 'officer', content: 'Bạn cần có chỗ ở hợp pháp.' });
    });
  });
}

describe('chat API with LLM_BASE_URL set (OpenAI-compatible test double)', () => {
  let server: TestServer;
  let double: OpenAiTestDouble;
  before(async () => {
    double = await startOpenAiTestDouble((request) => {
      const prompt = request.body.messages.at(-1)?.content ?? '';
      const line = /<nguon so="1"[^>]*>\n[\s\S]*?\n([^\n]*Đồng[^\n]*)/.exec(prompt)?.[1] ?? '';
      return `Mức thu: ${line.trim()} [1]`;
    });
    server = await startTestServer({ workers: false, env: { LLM_BASE_URL: double.baseUrl, LLM_MODEL: 'vi-test-7b', LLM_API_KEY: 'khoa' } });
    await ingestDemoCorpus(server.services.database, server.services.blobs, createDocumentAnalyzer(server.services.ocr));
  });
  after(async () => {
    await server?.close();
    await double?.close();
  });

  test('the configured model words the answer; citations are the checked ones', async () => {
    const response = await fetch(`${server.url}/v1/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ message: 'lệ phí đăng ký thường trú' }),
    });
    const events = await readEvents(response);
    const done = events.at(-1)!.data as ChatReply;
    assert.equal(done.composer, 'llm:vi-test-7b');
    assert.match(done.answer, /^Mức thu: Trực tiếp: Lệ phí : 20\.000 Đồng \[1\]$/);
    assert.equal(done.citations[0]?.procedure?.code, 'DEMO.004');
    assert.equal(double.requests.at(-1)?.authorization, 'Bearer khoa');
  });
});
