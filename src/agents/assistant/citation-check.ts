import type { Passage } from '../../retrieval/index.js';
import type { ChatCitation } from './assistant.types.js';
import { comparable } from './text-folding.js';

/**
 * The last step before an answer leaves the service: every quoted line must come from a passage
 * that retrieval returned for this turn and be found in it; connective lines may only repeat
 * numbers (fees, days, codes) that the cited passages contain. Lines that fail are dropped and
 * counted — the count is reported by the evaluation and must stay 0.
 */

export interface CheckedLine {
  text: string;
  passage?: Passage;
}

export interface CheckedAnswer {
  answer: string;
  citations: ChatCitation[];
  /** Lines dropped because no retrieved passage supports them. */
  unsupported: number;
}

export function supports(passage: Passage, line: string): boolean {
  const quoted = comparable(line.replace(/\s*…$/u, ''));
  return quoted.length > 0 && comparable(passage.text).includes(quoted);
}

const NUMBER = /\d[\d.,/]*/g;

export function checkAndCite(lines: readonly CheckedLine[], retrieved: ReadonlyMap<string, Passage>): CheckedAnswer {
  const citations: ChatCitation[] = [];
  const indexOf = new Map<string, number>();
  const kept: Array<{ text: string; marker?: number }> = [];
  let unsupported = 0;
  for (const line of lines) {
    if (!line.passage) {
      kept.push({ text: line.text });
      continue;
    }
    const passage = retrieved.get(line.passage.id);
    if (!passage || !supports(passage, line.text)) {
      unsupported += 1;
      continue;
    }
    let marker = indexOf.get(passage.id);
    if (marker === undefined) {
      marker = citations.length + 1;
      indexOf.set(passage.id, marker);
      citations.push({ index: marker, document: passage.document, citation: passage.citation, procedure: passage.procedure, text: passage.text });
    }
    kept.push({ text: line.text, marker });
  }
  // connective lines may repeat what the citations say or how they are labelled (article, clause, number)
  const cited = citations.map((citation) => `${comparable(citation.text)}\n${comparable(citation.citation.label)}`).join('\n');
  const answerLines = kept.flatMap((line) => {
    if (line.marker !== undefined) return [`${line.text} [${line.marker}]`];
    const numbers = line.text.match(NUMBER) ?? [];
    if (numbers.some((number) => !cited.includes(number.toLowerCase()))) {
      unsupported += 1;
      return [];
    }
    return [line.text];
  });
  return { answer: answerLines.join('\n'), citations, unsupported };
}
