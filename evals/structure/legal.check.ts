/**
 * Parses the 21 laws in corpora/laws and compares the article count per law with
 * laws/index.json; also reports clause/point counts and chunk sizes.
 *
 *   node --import tsx evals/structure/legal.check.ts
 *
 * Writes evals/reports/legal-structure.{json,md} (figures only).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { chunkLegalDocument } from '../../src/ingest/chunk/index.js';
import { parseLegalDocument } from '../../src/ingest/structure/index.js';
import { requireCorpus, writeReport } from './corpus.js';

interface IndexEntry {
  file: string;
  title: string;
  number: string | null;
  year: number;
  articles: number;
}

const root = requireCorpus('laws');
const index = JSON.parse(readFileSync(path.join(root, 'index.json'), 'utf8')) as IndexEntry[];
const rows = index.map((entry) => {
  const document = parseLegalDocument(readFileSync(path.join(root, entry.file), 'utf8'), {
    title: entry.title,
    ...(entry.number ? { number: entry.number } : {}),
  });
  const chunks = chunkLegalDocument(document);
  const numbers = document.articles.map((article) => Number.parseInt(article.number, 10));
  const highest = Math.max(...numbers);
  const missing = Array.from({ length: highest }, (_, i) => i + 1).filter((value) => !numbers.includes(value));
  return {
    file: entry.file,
    number: document.metadata.number ?? '',
    kind: document.metadata.kind ?? '',
    adoptedDate: document.metadata.adoptedDate ?? '',
    indexArticles: entry.articles,
    parsedArticles: document.articles.length,
    missingNumbers: missing,
    clauses: document.articles.reduce((sum, article) => sum + article.clauses.length, 0),
    points: document.articles.reduce((sum, article) => sum + article.points.length + article.clauses.reduce((inner, clause) => inner + clause.points.length, 0), 0),
    divisions: document.divisions.length,
    chunks: chunks.length,
    splitArticles: new Set(chunks.filter((chunk) => chunk.path.clause !== undefined || chunk.path.point !== undefined || chunk.path.part !== undefined).map((chunk) => chunk.path.article)).size,
    maxChunkChars: Math.max(...chunks.map((chunk) => chunk.text.length)),
  };
});

const total = (key: 'indexArticles' | 'parsedArticles' | 'clauses' | 'points' | 'chunks'): number => rows.reduce((sum, row) => sum + row[key], 0);
const lines = [
  '# Legal structure check',
  '',
  `Command: \`node --import tsx evals/structure/legal.check.ts\` · ${new Date().toISOString().slice(0, 10)} · chunk budget 1500 characters`,
  '',
  '| file | number | kind | adopted | articles (index.json) | articles parsed | gaps in numbering | clauses | points | chunks | split articles | max chunk |',
  '|---|---|---|---|---:|---:|---|---:|---:|---:|---:|---:|',
  ...rows.map(
    (row) =>
      `| ${row.file} | ${row.number} | ${row.kind} | ${row.adoptedDate} | ${row.indexArticles} | ${row.parsedArticles}${row.parsedArticles === row.indexArticles ? '' : ' ≠'} | ${row.missingNumbers.join(', ')} | ${row.clauses} | ${row.points} | ${row.chunks} | ${row.splitArticles} | ${row.maxChunkChars} |`,
  ),
  `| **total** | | | | ${total('indexArticles')} | ${total('parsedArticles')} | | ${total('clauses')} | ${total('points')} | ${total('chunks')} | | |`,
  '',
];
const written = writeReport('legal-structure', { rows }, `${lines.join('\n')}\n`);
console.log(lines.join('\n'));
console.log(`Reports: ${written.markdown}, ${written.json}`);
