/**
 * The two development sets and how a result is judged against their gold answers
 * (formats: ../shared/eval/README.md).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { SearchResult } from '../../src/retrieval/index.js';
import { CORPORA_DIR, readLawIndex, SHARED_DIR } from './shared-corpus.source.js';

export type SetName = 'legal-retrieval' | 'procedure-routing';
export const SET_NAMES: readonly SetName[] = ['legal-retrieval', 'procedure-routing'];

export interface EvalQuestion {
  id: string;
  /** What is sent to the search: the question, plus the options of a multiple-choice question. */
  query: string;
  type: string;
  /** True when a result is a correct answer. */
  isCorrect: (result: SearchResult) => boolean;
  /** Unit key of a result (law article / procedure document), to compare rankings. */
  gold: string;
  /** What counts as the right answer (the gold units, or the procedure title): equal keys = same answer. */
  answerKey: string;
}

interface LegalLine {
  id: string;
  question: string;
  type?: string;
  choices?: Record<string, string>;
  gold: Array<{ law: string; article: string }>;
}

interface RoutingLine {
  id: string;
  question: string;
  gold: { document: string; title: string };
}

export function defaultQuestionsFile(set: SetName): string {
  return path.join(SHARED_DIR, 'eval', set, 'dev.jsonl');
}

function readLines<T>(file: string): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}

const sameTitle = (a: string, b: string): boolean => a.normalize('NFC').toLowerCase().trim() === b.normalize('NFC').toLowerCase().trim();

export function loadQuestions(set: SetName, file = defaultQuestionsFile(set)): EvalQuestion[] {
  if (set === 'legal-retrieval') {
    const lawFile = new Map(readLawIndex().map((entry) => [entry.title.normalize('NFC').toLowerCase(), entry.file]));
    return readLines<LegalLine>(file).map((line) => {
      const golds = line.gold.map((gold) => ({ law: gold.law, file: lawFile.get(gold.law.normalize('NFC').toLowerCase()), article: gold.article }));
      // The law is recognised by its file (whatever folder it was ingested from) or by its title.
      const sameLaw = (gold: (typeof golds)[number], result: SearchResult): boolean =>
        (gold.file !== undefined && (result.document.source === gold.file || result.document.source.endsWith(`/${gold.file}`))) || sameTitle(result.document.title, gold.law);
      const choices = line.choices ? Object.values(line.choices) : [];
      return {
        id: line.id,
        query: [line.question, ...choices].join('\n'),
        type: line.type ?? 'Câu khẳng định',
        isCorrect: (result) => golds.some((gold) => gold.article === result.citation.article && sameLaw(gold, result)),
        gold: line.gold.map((gold) => `${gold.law} Điều ${gold.article}`).join('; '),
        answerKey: line.gold.map((gold) => `${gold.law.normalize('NFC').toLowerCase()}#${gold.article}`).sort().join(';'),
      };
    });
  }
  const titles = JSON.parse(readFileSync(path.join(CORPORA_DIR, 'procedures', 'provincial', 'titles.json'), 'utf8')) as Record<string, string>;
  return readLines<RoutingLine>(file).map((line) => {
    // Files that carry the same procedure title count as the same answer; a source path matches
    // when it ends with the file's path under procedures/provincial (any ingest folder).
    const accepted = Object.entries(titles)
      .filter(([file, title]) => file === line.gold.document || sameTitle(title, line.gold.title))
      .map(([file]) => file);
    if (!accepted.includes(line.gold.document)) accepted.push(line.gold.document);
    return {
      id: line.id,
      query: line.question,
      type: 'routing',
      isCorrect: (result) => accepted.some((file) => result.document.source === file || result.document.source.endsWith(`/${file}`)),
      gold: line.gold.document,
      answerKey: line.gold.title.normalize('NFC').toLowerCase().trim(),
    };
  });
}
