import { z } from 'zod';
import 'zod-openapi';
import { ASPECTS, CHAT_OUTCOMES, MAX_MESSAGE_CHARS } from '../../agents/assistant/index.js';

export const chatRequestSchema = z
  .object({
    conversationId: z.uuid('Mã cuộc trò chuyện không hợp lệ').optional().describe('Bỏ trống để bắt đầu cuộc trò chuyện mới'),
    message: z
      .string()
      .trim()
      .min(1, 'Câu hỏi không được để trống')
      .max(MAX_MESSAGE_CHARS, `Câu hỏi tối đa ${MAX_MESSAGE_CHARS.toLocaleString('vi-VN')} ký tự`)
      .describe('Câu hỏi của người dân, có dấu hoặc không dấu'),
  })
  .strict()
  .meta({ id: 'ChatRequest' });

export const chatCitationSchema = z
  .object({
    index: z.number().int().describe('Số trích dẫn, câu trả lời ghi [index]'),
    document: z.object({ id: z.string(), title: z.string(), number: z.string().nullable(), kind: z.string(), source: z.string() }),
    citation: z.object({
      article: z.string().nullable(),
      clause: z.string().nullable(),
      point: z.string().nullable(),
      section: z.string().nullable(),
      label: z.string(),
    }),
    procedure: z.object({ code: z.string(), name: z.string() }).nullable(),
    text: z.string().describe('Đoạn văn bản được trích dẫn, đúng như đã tìm được'),
  })
  .meta({ id: 'ChatCitation', description: 'Trích dẫn: cùng dạng document + citation + procedure như kết quả /v1/search' });

export const chatResponseSchema = z
  .object({
    conversationId: z.uuid(),
    messageId: z.uuid().describe('Mã câu trả lời, dùng khi gửi đánh giá'),
    outcome: z.enum(CHAT_OUTCOMES).describe('Kết quả: đã trả lời, cần làm rõ, không có thông tin, ngoài phạm vi, hỏi về hồ sơ cá nhân, từ chối'),
    answer: z.string().describe('Câu trả lời; [n] trỏ tới trích dẫn thứ n'),
    citations: z.array(chatCitationSchema),
    suggestions: z.array(z.string()).optional().describe('Gợi ý câu hỏi/lựa chọn tiếp theo'),
    procedure: z.object({ code: z.string(), name: z.string(), documentId: z.string() }).nullable().optional().describe('Thủ tục đang được hỏi'),
    aspect: z.enum(ASPECTS).nullable().optional().describe('Khía cạnh được hỏi: giấy tờ, lệ phí, thời hạn…'),
    composer: z.string().optional().describe('`extractive` hoặc `llm:<model>`'),
    redacted: z.array(z.string()).optional().describe('Loại dữ liệu cá nhân đã bị ẩn khỏi câu hỏi'),
  })
  .meta({ id: 'ChatResponse' });

export const conversationParamsSchema = z.object({ conversationId: z.uuid('Mã cuộc trò chuyện không hợp lệ') });
export const feedbackParamsSchema = z.object({ conversationId: z.uuid('Mã cuộc trò chuyện không hợp lệ'), messageId: z.uuid('Mã câu trả lời không hợp lệ') });

export const feedbackRequestSchema = z
  .object({
    rating: z.enum(['up', 'down']).describe('👍 up, 👎 down'),
    comment: z.string().max(1000, 'Góp ý tối đa 1.000 ký tự').optional(),
  })
  .strict()
  .meta({ id: 'ChatFeedbackRequest' });

export const handoverRequestSchema = z
  .object({ question: z.string().trim().max(MAX_MESSAGE_CHARS).optional().describe('Nội dung cần cán bộ trả lời; mặc định là câu hỏi gần nhất') })
  .strict()
  .meta({ id: 'HandoverRequest' });

export const handoverCreatedSchema = z
  .object({
    id: z.uuid(),
    status: z.enum(['open', 'answered']),
    createdAt: z.iso.datetime(),
    reply: z.string().describe('Thông báo cho người dân, gồm thời gian dự kiến có trả lời'),
    officeHours: z.boolean().describe('Đang trong giờ làm việc'),
  })
  .meta({ id: 'HandoverCreated' });

export const handoverSchema = z
  .object({
    id: z.uuid(),
    conversationId: z.uuid(),
    question: z.string(),
    status: z.enum(['open', 'answered']),
    answer: z.string().nullable(),
    answeredBy: z.string().nullable(),
    agency: z.string().nullable(),
    createdAt: z.iso.datetime(),
    answeredAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Handover' });

export const handoverListQuerySchema = z.object({
  status: z.enum(['open', 'answered']).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});
export const handoverParamsSchema = z.object({ id: z.uuid('Mã yêu cầu không hợp lệ') });
export const handoverAnswerSchema = z
  .object({ answer: z.string().trim().min(1, 'Câu trả lời không được để trống').max(4000) })
  .strict()
  .meta({ id: 'HandoverAnswer' });

export const conversationSchema = z
  .object({
    conversationId: z.uuid(),
    messages: z.array(
      z.object({
        id: z.uuid(),
        ordinal: z.number().int(),
        role: z.enum(['user', 'assistant', 'officer']),
        content: z.string(),
        outcome: z.enum(CHAT_OUTCOMES).nullable(),
        createdAt: z.iso.datetime(),
      }),
    ),
    handovers: z.array(z.object({ id: z.uuid(), status: z.enum(['open', 'answered']), createdAt: z.iso.datetime(), answeredAt: z.iso.datetime().nullable() })),
  })
  .meta({ id: 'Conversation' });
