/**
 * A chat language model behind an OpenAI-compatible endpoint (the provincial AI platform, vLLM,
 * Ollama…). Capabilities are data; the assistant never depends on a particular vendor.
 */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface GenerateOptions {
  maxTokens?: number;
  temperature?: number;
  signal?: AbortSignal;
}

export interface LanguageModel {
  readonly modelId: string;
  /** The whole completion. */
  generate(messages: readonly ChatMessage[], options?: GenerateOptions): Promise<string>;
  /** The completion piece by piece, as the server streams it. */
  stream(messages: readonly ChatMessage[], options?: GenerateOptions): AsyncIterable<string>;
}
