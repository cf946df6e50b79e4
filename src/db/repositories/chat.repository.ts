import type { Queryable } from '../database.js';

export type ChatOutcome = 'answered' | 'needs_clarification' | 'no_information' | 'out_of_scope' | 'personal_data_request' | 'refused';

export interface ConversationRow {
  id: string;
  clientKey: string;
  state: Record<string, unknown>;
  createdAt: Date;
  updatedAt: Date;
}

export interface ChatMessageInput {
  id: string;
  conversationId: string;
  role: 'user' | 'assistant' | 'officer';
  content: string;
  outcome?: ChatOutcome | null;
  aspect?: string | null;
  citations?: unknown[];
  composer?: string | null;
  latencyMs?: number | null;
}

export interface ChatMessageRow {
  id: string;
  ordinal: number;
  role: 'user' | 'assistant' | 'officer';
  content: string;
  outcome: ChatOutcome | null;
  createdAt: Date;
}

export interface HandoverRow {
  id: string;
  conversationId: string;
  question: string;
  status: 'open' | 'answered';
  answer: string | null;
  answeredBy: string | null;
  agency: string | null;
  createdAt: Date;
  answeredAt: Date | null;
}

const handoverColumns = `id, conversation_id AS "conversationId", question, status, answer, answered_by AS "answeredBy", agency,
  created_at AS "createdAt", answered_at AS "answeredAt"`;

/** Conversations, messages, feedback and hand-over requests of the citizen assistant. */
export class ChatRepository {
  constructor(private readonly db: Queryable) {}

  async conversation(id: string): Promise<ConversationRow | undefined> {
    const rows = await this.db.query<ConversationRow>(
      `SELECT id, client_key AS "clientKey", state, created_at AS "createdAt", updated_at AS "updatedAt" FROM chat_conversations WHERE id = $1`,
      [id],
    );
    return rows[0];
  }

  /**
   * Stores one exchange (the question and the answer) and the conversation's new state in one
   * statement; a new conversation is created by the same statement (one round trip per turn).
   */
  async recordTurn(conversation: { id: string; clientKey: string }, state: Record<string, unknown>, messages: readonly ChatMessageInput[]): Promise<void> {
    const values: unknown[] = [conversation.id, conversation.clientKey, JSON.stringify(state)];
    const tuples = messages.map((message, index) => {
      const base = 3 + index * 8;
      values.push(message.id, message.role, message.content, message.outcome ?? null, message.aspect ?? null, JSON.stringify(message.citations ?? []), message.composer ?? null, message.latencyMs ?? null);
      // ordinals continue the conversation; the statement sees the messages stored before it
      return `($${base + 1}, $1, (SELECT coalesce(max(ordinal), 0) FROM chat_messages WHERE conversation_id = $1) + ${index + 1}, $${base + 2}, $${base + 3}, $${base + 4}, $${base + 5}, $${base + 6}::jsonb, $${base + 7}, $${base + 8})`;
    });
    await this.db.query(
      `WITH conversation AS (
         INSERT INTO chat_conversations (id, client_key, state) VALUES ($1, $2, $3::jsonb)
         ON CONFLICT (id) DO UPDATE SET state = EXCLUDED.state, updated_at = now()
         RETURNING id)
       INSERT INTO chat_messages (id, conversation_id, ordinal, role, content, outcome, aspect, citations, composer, latency_ms)
       VALUES ${tuples.join(', ')}`,
      values as string[],
    );
  }

  /** A message outside a question/answer turn (an officer's reply to a hand-over). */
  async appendMessage(message: ChatMessageInput): Promise<void> {
    await this.db.query(
      `INSERT INTO chat_messages (id, conversation_id, ordinal, role, content)
       VALUES ($1, $2, (SELECT coalesce(max(ordinal), 0) + 1 FROM chat_messages WHERE conversation_id = $2), $3, $4)`,
      [message.id, message.conversationId, message.role, message.content],
    );
  }

  async messages(conversationId: string): Promise<ChatMessageRow[]> {
    return this.db.query<ChatMessageRow>(
      `SELECT id, ordinal, role, content, outcome, created_at AS "createdAt" FROM chat_messages WHERE conversation_id = $1 ORDER BY ordinal`,
      [conversationId],
    );
  }

  /** The assistant message with this id, if it belongs to the conversation. */
  async assistantMessage(conversationId: string, messageId: string): Promise<ChatMessageRow | undefined> {
    const rows = await this.db.query<ChatMessageRow>(
      `SELECT id, ordinal, role, content, outcome, created_at AS "createdAt" FROM chat_messages
        WHERE id = $1 AND conversation_id = $2 AND role = 'assistant'`,
      [messageId, conversationId],
    );
    return rows[0];
  }

  /** One rating per answer; rating again replaces it. */
  async saveFeedback(messageId: string, rating: 'up' | 'down', comment: string | null): Promise<void> {
    await this.db.query(
      `INSERT INTO chat_feedback (message_id, rating, comment) VALUES ($1, $2, $3)
       ON CONFLICT (message_id) DO UPDATE SET rating = EXCLUDED.rating, comment = EXCLUDED.comment, updated_at = now()`,
      [messageId, rating, comment],
    );
  }

  async feedback(messageId: string): Promise<{ rating: 'up' | 'down'; comment: string | null } | undefined> {
    const rows = await this.db.query<{ rating: 'up' | 'down'; comment: string | null }>('SELECT rating, comment FROM chat_feedback WHERE message_id = $1', [messageId]);
    return rows[0];
  }

  async createHandover(input: { id: string; conversationId: string; question: string; agency: string | null }): Promise<HandoverRow> {
    const rows = await this.db.query<HandoverRow>(
      `INSERT INTO chat_handovers (id, conversation_id, question, agency) VALUES ($1, $2, $3, $4) RETURNING ${handoverColumns}`,
      [input.id, input.conversationId, input.question, input.agency],
    );
    return rows[0]!;
  }

  async handovers(filter: { status?: 'open' | 'answered'; agency?: string | null; limit: number }): Promise<HandoverRow[]> {
    return this.db.query<HandoverRow>(
      `SELECT ${handoverColumns} FROM chat_handovers
        WHERE ($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR agency IS NULL OR agency = $2)
        ORDER BY created_at LIMIT $3`,
      [filter.status ?? null, filter.agency ?? null, filter.limit],
    );
  }

  async handover(id: string): Promise<HandoverRow | undefined> {
    const rows = await this.db.query<HandoverRow>(`SELECT ${handoverColumns} FROM chat_handovers WHERE id = $1`, [id]);
    return rows[0];
  }

  async handoversOf(conversationId: string): Promise<HandoverRow[]> {
    return this.db.query<HandoverRow>(`SELECT ${handoverColumns} FROM chat_handovers WHERE conversation_id = $1 ORDER BY created_at`, [conversationId]);
  }

  /** Marks the request answered; false when it was already answered (two officers at once). */
  async answerHandover(id: string, answer: string, answeredBy: string): Promise<HandoverRow | undefined> {
    const rows = await this.db.query<HandoverRow>(
      `UPDATE chat_handovers SET status = 'answered', answer = $2, answered_by = $3, answered_at = now()
        WHERE id = $1 AND status = 'open' RETURNING ${handoverColumns}`,
      [id, answer, answeredBy],
    );
    return rows[0];
  }
}
