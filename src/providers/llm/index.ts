export type { ChatMessage, GenerateOptions, LanguageModel } from './language-model.js';
export { OpenAiCompatibleLanguageModel } from './openai-compatible.language-model.js';
export type { OpenAiCompatibleOptions } from './openai-compatible.language-model.js';
import type { AppConfig } from '../../config/index.js';
import type { LanguageModel } from './language-model.js';
import { OpenAiCompatibleLanguageModel } from './openai-compatible.language-model.js';

/** The configured model, or null: without LLM_BASE_URL the assistant answers extractively. */
export function createLanguageModel(config: Pick<AppConfig, 'llm'>): LanguageModel | null {
  if (!config.llm) return null;
  return new OpenAiCompatibleLanguageModel({ baseUrl: config.llm.baseUrl, model: config.llm.model, ...(config.llm.apiKey ? { apiKey: config.llm.apiKey } : {}) });
}
