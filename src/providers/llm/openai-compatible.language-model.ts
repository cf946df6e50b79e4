import { ChatOpenAI } from '@langchain/openai';
import { AIMessage, HumanMessage, SystemMessage, type BaseMessage } from '@langchain/core/messages';
import type { ChatMessage, GenerateOptions, LanguageModel } from './language-model.js';

export interface OpenAiCompatibleOptions {
  baseUrl: string;
  model: string;
  apiKey?: string;
  /** Per-request timeout; the assistant falls back to its extractive answer after it. */
  timeoutMs?: number;
}

/** LangChain's ChatOpenAI pointed at any OpenAI-compatible base URL. */
export class OpenAiCompatibleLanguageModel implements LanguageModel {
  readonly modelId: string;
  private readonly client: ChatOpenAI;

  constructor(options: OpenAiCompatibleOptions) {
    this.modelId = options.model;
    this.client = new ChatOpenAI({
      model: options.model,
      // local servers (vLLM, Ollama) accept any key; the client library insists on one
      apiKey: options.apiKey ?? 'not-needed',
      configuration: { baseURL: options.baseUrl },
      timeout: options.timeoutMs ?? 20_000,
      maxRetries: 1,
      temperature: 0.1,
    });
  }

  async generate(messages: readonly ChatMessage[], options: GenerateOptions = {}): Promise<string> {
    const response = await this.client.invoke(toLangChain(messages), callOptions(options));
    return typeof response.content === 'string' ? response.content : response.content.map((part) => ('text' in part ? String(part.text) : '')).join('');
  }

  async *stream(messages: readonly ChatMessage[], options: GenerateOptions = {}): AsyncIterable<string> {
    const stream = await this.client.stream(toLangChain(messages), callOptions(options));
    for await (const chunk of stream) {
      const text = typeof chunk.content === 'string' ? chunk.content : chunk.content.map((part) => ('text' in part ? String(part.text) : '')).join('');
      if (text) yield text;
    }
  }
}

function callOptions(options: GenerateOptions) {
  return {
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.maxTokens ? { maxTokens: options.maxTokens } : {}),
  };
}

function toLangChain(messages: readonly ChatMessage[]): BaseMessage[] {
  return messages.map((message) =>
    message.role === 'system' ? new SystemMessage(message.content) : message.role === 'assistant' ? new AIMessage(message.content) : new HumanMessage(message.content),
  );
}
