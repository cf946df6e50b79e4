import type { SearchResult, Passage } from '../../retrieval/index.js';
import type { DraftAnswer } from './procedure-answer.composer.js';

/**
 * Extractive answer to a legal question: the governing unit (clause, or article when it is not
 * split) quoted as retrieved, introduced by its citation label (article, clause, point).
 */
const MAX_CHARS = 1400;

export function composeLegalAnswer(result: SearchResult, passage: Passage): DraftAnswer {
  const lines = passage.fields.body
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  const quoted: DraftAnswer['lines'] = [];
  let budget = MAX_CHARS;
  for (const line of lines) {
    if (budget <= 0) break;
    const text = line.length > budget ? `${line.slice(0, line.lastIndexOf(' ', budget)).trimEnd()} …` : line;
    quoted.push({ text, passage });
    budget -= text.length;
  }
  const heading = passage.fields.heading ? ` (${passage.fields.heading.replace(/\s+/g, ' ').trim()})` : '';
  return { found: quoted.length > 0, lines: [{ text: `Theo ${result.citation.label}${heading}:` }, ...quoted] };
}
