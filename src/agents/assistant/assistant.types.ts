import type { ChatOutcome } from '../../db/repositories/index.js';
import type { ResultCitation, ResultDocument, ResultProcedure } from '../../retrieval/index.js';

export type { ChatOutcome };

export const CHAT_OUTCOMES = ['answered', 'needs_clarification', 'no_information', 'out_of_scope', 'personal_data_request', 'refused'] as const;

/**
 * What a procedure question asks about. `overview` when no aspect is named: the answer then
 * summarises time, fee, where and documents.
 */
export const ASPECTS = ['documents', 'fee', 'time', 'where', 'steps', 'conditions', 'legalBasis', 'result', 'forms', 'applicants', 'overview'] as const;
export type Aspect = (typeof ASPECTS)[number];

/** A citation as in `/v1/search` results (document + citation + procedure), plus the quoted passage. */
export interface ChatCitation {
  /** Marker number used in the answer text: `[1]` refers to the first citation. */
  index: number;
  document: ResultDocument;
  citation: ResultCitation;
  procedure: ResultProcedure | null;
  /** The cited passage as retrieved (what the answer's sentences were checked against). */
  text: string;
}

export interface ChatReply {
  conversationId: string;
  /** Id of the assistant message: feedback refers to it. */
  messageId: string;
  outcome: ChatOutcome;
  answer: string;
  citations: ChatCitation[];
  suggestions?: string[];
  /** The procedure the answer is about (the follow-ups' subject). */
  procedure?: { code: string; name: string; documentId: string } | null;
  aspect?: Aspect | null;
  /** `extractive` or `llm:<model>`; absent when no retrieval was involved. */
  composer?: string;
  /** Personal data the user typed and that was removed before anything was logged or sent on. */
  redacted?: string[];
}

/** The conversation's memory between turns (stored as JSON with the conversation). */
export interface ConversationState {
  /** The procedure under discussion: follow-ups (`còn lệ phí thì sao?`) resolve to it. */
  procedureDocumentId?: string;
  procedureName?: string;
  lastAspect?: Aspect;
  /** Set while the assistant waits for the user to choose between close procedures. */
  pending?: { question: string; aspect: Aspect; candidates: Array<{ documentId: string; name: string; code: string }> };
  /** Set after "which procedure?" with no candidates: the question the next message completes. */
  unnamed?: { question: string };
  /**
   * The law and article of the last legal answer and the question it answered: a follow-up nothing else answers is
   * asked of the law.
   */
  law?: { documentId: string; question: string; article?: string };
}
