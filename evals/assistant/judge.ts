import type { ChatReply } from '../../src/agents/assistant/index.js';
import { unsupportedLines } from '../../src/agents/assistant/testing/demo-corpus.js';
import { foldForSearch } from '../../src/ingest/normalize/index.js';

/** One turn of an evaluation item, as written in questions.jsonl. */
export interface ExpectedTurn {
  message: string;
  outcome: ChatReply['outcome'];
  /** Source files (suffix of the document's ingest path) an answer may cite; any of them. */
  sources?: string[];
  /** Short facts the answer must state (compared without accents and case). */
  facts?: string[];
  aspect?: string;
  redacted?: string[];
}

export interface TurnVerdict {
  pass: boolean;
  problems: string[];
  /** Lines whose [n] marker points to a citation that does not contain them. */
  unsupported: number;
}

const flat = (text: string) => foldForSearch(text).replace(/\s+/g, ' ');

/**
 * Right outcome; for an answer, every citation from an expected source file and every expected
 * fact stated; every cited line found in its citation. The aspect is reported, not required.
 */
export function judgeTurn(expected: ExpectedTurn, reply: ChatReply): TurnVerdict {
  const problems: string[] = [];
  if (reply.outcome !== expected.outcome) problems.push(`kết quả ${reply.outcome}, cần ${expected.outcome}`);
  const unsupported = unsupportedLines(reply.answer, reply.citations).length;
  if (unsupported > 0) problems.push(`${unsupported} dòng không có trong đoạn trích dẫn`);
  if (expected.outcome === 'answered' && reply.outcome === 'answered') {
    if (expected.sources) {
      if (reply.citations.length === 0) problems.push('không có trích dẫn');
      const wrong = reply.citations.filter((citation) => !expected.sources!.some((source) => citation.document.source.endsWith(source)));
      if (wrong.length > 0) problems.push(`trích dẫn sai nguồn: ${[...new Set(wrong.map((citation) => citation.document.source))].join(', ')}`);
    }
    const answer = flat(reply.answer);
    const missing = (expected.facts ?? []).filter((fact) => !answer.includes(flat(fact)));
    if (missing.length > 0) problems.push(`thiếu: ${missing.join('; ')}`);
  }
  for (const kind of expected.redacted ?? []) if (!reply.redacted?.includes(kind as never)) problems.push(`không ẩn ${kind}`);
  return { pass: problems.length === 0, problems, unsupported };
}
