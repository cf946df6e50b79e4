export { AssistantService, MAX_MESSAGE_CHARS } from './assistant.service.js';
export type { AssistantDependencies, AssistantSearch, AskInput } from './assistant.service.js';
export { ASPECTS, CHAT_OUTCOMES } from './assistant.types.js';
export type { Aspect, ChatCitation, ChatOutcome, ChatReply, ConversationState } from './assistant.types.js';
export { handoverReply, isOfficeHours, nextOpening } from './fixed-replies.js';
export { buildGroundedPrompt, checkGroundedAnswer } from './llm-answer.composer.js';
