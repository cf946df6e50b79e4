import crypto from 'node:crypto';
import { Router, type Request, type Response } from 'express';
import 'zod-openapi';
import type { AssistantService, ChatReply } from '../../agents/assistant/index.js';
import type { AuditService } from '../../audit/index.js';
import { requireAuth } from '../../auth/index.js';
import { bearerSecurity, problemResponses } from '../http/common.schemas.js';
import type { OpenApiPaths } from '../http/route-module.js';
import { parseRequest } from '../http/validate.js';
import {
  chatRequestSchema,
  chatResponseSchema,
  conversationParamsSchema,
  conversationSchema,
  feedbackParamsSchema,
  feedbackRequestSchema,
  handoverAnswerSchema,
  handoverCreatedSchema,
  handoverListQuerySchema,
  handoverParamsSchema,
  handoverRequestSchema,
  handoverSchema,
} from './chat.schemas.js';

/**
 * Who a conversation belongs to: the signed-in subject, else a hash of the client address (the
 * raw address is personal data and is not stored).
 */
function clientKey(request: Request): string {
  if (request.principal) return `sub:${request.principal.subject}`;
  return `ip:${crypto.createHash('sha256').update(request.ip ?? 'unknown').digest('hex').slice(0, 24)}`;
}

const STREAM_PACE_MS = 4;

export function chatRoutes(deps: { assistant: AssistantService; audit: AuditService }): Router {
  const router = Router();

  router.post('/v1/chat', async (request, response) => {
    const body = parseRequest(chatRequestSchema, request.body ?? {}, 'body');
    const reply = await deps.assistant.ask({ message: body.message, clientKey: clientKey(request), ...(body.conversationId ? { conversationId: body.conversationId } : {}) });
    if (request.accepts(['application/json', 'text/event-stream']) === 'text/event-stream' && /text\/event-stream/.test(request.get('accept') ?? '')) {
      await streamReply(response, reply);
      return;
    }
    response.json(reply);
  });

  router.get('/v1/chat/:conversationId', async (request, response) => {
    const params = parseRequest(conversationParamsSchema, request.params, 'params');
    response.json(await deps.assistant.history(params.conversationId, clientKey(request)));
  });

  router.post('/v1/chat/:conversationId/messages/:messageId/feedback', async (request, response) => {
    const params = parseRequest(feedbackParamsSchema, request.params, 'params');
    const body = parseRequest(feedbackRequestSchema, request.body ?? {}, 'body');
    await deps.assistant.feedback({ ...params, clientKey: clientKey(request), rating: body.rating, comment: body.comment });
    response.status(204).end();
  });

  router.post('/v1/chat/:conversationId/handover', async (request, response) => {
    const params = parseRequest(conversationParamsSchema, request.params, 'params');
    const body = parseRequest(handoverRequestSchema, request.body ?? {}, 'body');
    response.status(201).json(await deps.assistant.handover({ conversationId: params.conversationId, clientKey: clientKey(request), question: body.question }));
  });

  router.get('/v1/handovers', requireAuth({ roles: ['officer'] }), async (request, response) => {
    const query = parseRequest(handoverListQuerySchema, request.query, 'query');
    const principal = request.principal!;
    const items = await deps.assistant.listHandovers({ ...query, agency: principal.role === 'admin' ? null : (principal.agency ?? null) });
    // citizens' questions are personal data even redacted: officers' reads are audited (Nghị định 13/2023)
    await deps.audit.recordAccess(request, {
      action: 'handover.list',
      resourceType: 'chat_handover',
      defaultPurpose: 'Trả lời yêu cầu gặp cán bộ của người dân',
      details: { ids: items.map((item) => item.id) },
    });
    response.json({ items });
  });

  router.post('/v1/handovers/:id/answer', requireAuth({ roles: ['officer'] }), async (request, response) => {
    const params = parseRequest(handoverParamsSchema, request.params, 'params');
    const body = parseRequest(handoverAnswerSchema, request.body ?? {}, 'body');
    const principal = request.principal!;
    const answered = await deps.assistant.answerHandover(params.id, body.answer, { subject: principal.subject, name: principal.name });
    await deps.audit.recordAccess(request, { action: 'handover.answer', resourceType: 'chat_handover', resourceId: params.id, defaultPurpose: 'Trả lời yêu cầu gặp cán bộ của người dân' });
    response.json(answered);
  });

  return router;
}

/**
 * Server-sent events: `meta` (ids, outcome), `delta` pieces of the answer text, `citations`, then
 * `done` with the whole reply. The answer is complete and its citations checked before the first
 * byte is sent, so nothing unverified ever reaches the citizen.
 */
async function streamReply(response: Response, reply: ChatReply): Promise<void> {
  response.status(200);
  response.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
  response.setHeader('Cache-Control', 'no-cache, no-transform');
  response.setHeader('X-Accel-Buffering', 'no');
  response.flushHeaders();
  const send = (event: string, data: unknown) => response.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  send('meta', { conversationId: reply.conversationId, messageId: reply.messageId, outcome: reply.outcome, procedure: reply.procedure ?? null, aspect: reply.aspect ?? null });
  const words = reply.answer.match(/\S+\s*|\s+/g) ?? [];
  // a few words per event, paced a few milliseconds apart: the page shows the answer as it is
  // "typed", and proxies that buffer small writes still pass the events on one by one
  for (let at = 0; at < words.length && !response.destroyed; at += 4) {
    send('delta', { text: words.slice(at, at + 4).join('') });
    await new Promise((resolve) => setTimeout(resolve, STREAM_PACE_MS));
  }
  send('citations', { citations: reply.citations, suggestions: reply.suggestions ?? [] });
  send('done', reply);
  response.end();
}

export const chatPaths: OpenApiPaths = {
  '/v1/chat': {
    post: {
      tags: ['Trợ lý ảo'],
      summary: 'Hỏi trợ lý ảo (không cần đăng nhập)',
      description:
        'Trả lời câu hỏi về thủ tục hành chính (giấy tờ, lệ phí, thời hạn, nơi nộp, trình tự, điều kiện, căn cứ pháp lý, kết quả) và pháp luật, ' +
        'kèm trích dẫn đã được đối chiếu với đoạn văn bản tìm được. Gửi `conversationId` để hỏi tiếp ("còn lệ phí thì sao?"). ' +
        'Với `Accept: text/event-stream`, câu trả lời được gửi dần theo Server-Sent Events: `meta`, nhiều `delta` {text}, `citations`, `done` (toàn bộ ChatResponse). ' +
        'Số căn cước, số điện thoại, email trong câu hỏi bị ẩn trước khi ghi nhật ký hoặc gửi tới mô hình ngôn ngữ.',
      requestBody: { required: true, content: { 'application/json': { schema: chatRequestSchema } } },
      responses: {
        '200': {
          description: 'Câu trả lời',
          content: {
            'application/json': { schema: chatResponseSchema },
            'text/event-stream': { schema: { type: 'string', description: 'Các sự kiện meta, delta, citations, done' } },
          },
        },
        ...problemResponses(400, 404, 429),
      },
    },
  },
  '/v1/chat/{conversationId}': {
    get: {
      tags: ['Trợ lý ảo'],
      summary: 'Xem lại cuộc trò chuyện (kể cả trả lời của cán bộ)',
      requestParams: { path: conversationParamsSchema },
      responses: { '200': { description: 'Các tin nhắn', content: { 'application/json': { schema: conversationSchema } } }, ...problemResponses(400, 404, 429) },
    },
  },
  '/v1/chat/{conversationId}/messages/{messageId}/feedback': {
    post: {
      tags: ['Trợ lý ảo'],
      summary: 'Đánh giá một câu trả lời (👍/👎, góp ý tùy chọn)',
      requestParams: { path: feedbackParamsSchema },
      requestBody: { required: true, content: { 'application/json': { schema: feedbackRequestSchema } } },
      responses: { '204': { description: 'Đã ghi nhận' }, ...problemResponses(400, 404, 429) },
    },
  },
  '/v1/chat/{conversationId}/handover': {
    post: {
      tags: ['Trợ lý ảo'],
      summary: 'Đề nghị gặp cán bộ',
      description: 'Ghi nhận yêu cầu kèm cuộc trò chuyện; ngoài giờ làm việc, câu trả lời cho biết khi nào cán bộ sẽ phản hồi.',
      requestParams: { path: conversationParamsSchema },
      requestBody: { content: { 'application/json': { schema: handoverRequestSchema } } },
      responses: { '201': { description: 'Đã ghi nhận', content: { 'application/json': { schema: handoverCreatedSchema } } }, ...problemResponses(400, 404, 429) },
    },
  },
  '/v1/handovers': {
    get: {
      tags: ['Trợ lý ảo'],
      summary: 'Danh sách yêu cầu gặp cán bộ (cán bộ)',
      security: bearerSecurity,
      requestParams: { query: handoverListQuerySchema },
      responses: {
        '200': { description: 'Các yêu cầu, cũ nhất trước', content: { 'application/json': { schema: { type: 'object', properties: { items: { type: 'array', items: { $ref: '#/components/schemas/Handover' } } } } } } },
        ...problemResponses(400, 401, 403, 429),
      },
    },
  },
  '/v1/handovers/{id}/answer': {
    post: {
      tags: ['Trợ lý ảo'],
      summary: 'Cán bộ trả lời yêu cầu (câu trả lời hiện trong cuộc trò chuyện)',
      security: bearerSecurity,
      requestParams: { path: handoverParamsSchema },
      requestBody: { required: true, content: { 'application/json': { schema: handoverAnswerSchema } } },
      responses: { '200': { description: 'Đã trả lời', content: { 'application/json': { schema: handoverSchema } } }, ...problemResponses(400, 401, 403, 404, 409, 429) },
    },
  },
};
