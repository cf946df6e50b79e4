// Test double of an OpenAI-compatible chat completions server (the provincial AI platform, vLLM,
// Ollama expose this protocol). It speaks the real HTTP protocol — JSON and server-sent-event
// streaming — and answers with whatever the test's responder returns. Tests only.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  authorization: string | undefined;
  body: { model: string; stream?: boolean; messages: Array<{ role: string; content: string }>; max_tokens?: number; temperature?: number };
}

export type Responder = (request: RecordedRequest) => string | { status: number; body: string };

export interface OpenAiTestDouble {
  /** Base URL to configure (`LLM_BASE_URL`), ending in `/v1`. */
  baseUrl: string;
  requests: RecordedRequest[];
  respond: Responder;
  close(): Promise<void>;
}

export async function startOpenAiTestDouble(respond: Responder): Promise<OpenAiTestDouble> {
  const requests: RecordedRequest[] = [];
  const double: OpenAiTestDouble = { baseUrl: '', requests, respond, close: async () => undefined };
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.method !== 'POST' || request.url !== '/v1/chat/completions') {
        response.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'not found' } }));
        return;
      }
      const recorded: RecordedRequest = { authorization: request.headers.authorization, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as RecordedRequest['body'] };
      requests.push(recorded);
      const answer = double.respond(recorded);
      if (typeof answer !== 'string') {
        response.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body);
        return;
      }
      const base = { id: `chatcmpl-${requests.length}`, created: Math.floor(Date.now() / 1000), model: recorded.body.model };
      if (!recorded.body.stream) {
        response.writeHead(200, { 'content-type': 'application/json' }).end(
          JSON.stringify({
            ...base,
            object: 'chat.completion',
            choices: [{ index: 0, message: { role: 'assistant', content: answer }, finish_reason: 'stop' }],
            usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
          }),
        );
        return;
      }
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      const pieces = answer.match(/\S+\s*/g) ?? [];
      const send = (delta: Record<string, unknown>, finish: string | null) =>
        response.write(`data: ${JSON.stringify({ ...base, object: 'chat.completion.chunk', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`);
      send({ role: 'assistant', content: '' }, null);
      for (const piece of pieces) send({ content: piece }, null);
      send({}, 'stop');
      response.end('data: [DONE]\n\n');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  double.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  double.close = () => new Promise((resolve) => server.close(() => resolve()));
  return double;
}
