/**
 * The dev sets through the running service's public API, as held-out evaluations call it:
 * `POST /v1/search` over HTTP, the database's corpus (whatever `npm run ingest` loaded), with and
 * without the task's kind filter. Latency here includes HTTP and JSON.
 *
 *   npm run eval -- legal-retrieval|procedure-routing|all --api http://localhost:3000 [--questions FILE] [--limit N]
 *
 * Writes evals/reports/<set>.api.json and .md.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SearchFilters, SearchResult } from '../../src/retrieval/index.js';
import type { EvalQuestion, SetName } from './datasets.js';
import { evaluate, type EvalOutcome, type Retriever } from './evaluate.js';
import { REPO_ROOT } from './shared-corpus.source.js';

export function apiRetriever(baseUrl: string, filters: SearchFilters | undefined): Retriever {
  const url = new URL('/v1/search', baseUrl).toString();
  return {
    name: filters ? 'API, task kind filter' : 'API, no filter',
    async search(query: string, k: number): Promise<SearchResult[]> {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, k, ...(filters ? { filters } : {}) }),
      });
      if (!response.ok) throw new Error(`POST /v1/search → ${response.status}: ${await response.text()}`);
      return ((await response.json()) as { results: SearchResult[] }).results;
    },
  };
}

export async function runApiEvaluation(set: SetName, questions: readonly EvalQuestion[], baseUrl: string, filters: SearchFilters, smoke: boolean): Promise<string> {
  const health = await fetch(new URL('/readyz', baseUrl)).catch((error: unknown) => {
    throw new Error(`Không kết nối được ${baseUrl}: ${String(error)}`);
  });
  if (!health.ok) throw new Error(`${baseUrl}/readyz trả về ${health.status}`);
  const unfiltered = await evaluate(apiRetriever(baseUrl, undefined), questions, { diacritics: true });
  const filtered = await evaluate(apiRetriever(baseUrl, filters), questions);
  const rows: Array<[string, EvalOutcome]> = [
    ['no filter (as a caller who sends only the question)', unfiltered],
    [`kind filter ${JSON.stringify(filters.kind)}`, filtered],
  ];
  const name = `${set}.api${smoke ? '.smoke' : ''}`;
  const directory = path.join(REPO_ROOT, 'evals', 'reports');
  mkdirSync(directory, { recursive: true });
  const report = {
    set,
    command: `npm run eval -- ${process.argv.slice(2).join(' ')}`.trim(),
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? '', loadAverage: os.loadavg(), node: process.version },
    baseUrl,
    runs: rows.map(([label, outcome]) => ({ label, ...outcome })),
  };
  writeFileSync(path.join(directory, `${name}.json`), `${JSON.stringify(report, null, 1)}\n`);
  const metric = set === 'legal-retrieval' ? ['R@1', 'R@5', 'R@10', 'MRR@10'] : ['hit@1', 'hit@3', 'hit@10', 'MRR@10'];
  const lines = [
    `# ${set} through the HTTP API`,
    '',
    `\`${report.command}\` · ${report.date} · ${report.machine.cpus} × ${report.machine.cpuModel} · Node ${report.machine.node}`,
    '',
    `Questions: ${questions.length}. Corpus: what the service at ${baseUrl} has ingested. Latency includes HTTP and JSON.`,
    '',
    `| run | ${metric.join(' | ')} | diacritics agreement | p50 ms | p95 ms |`,
    `|---|${metric.map(() => '---').join('|')}|---|---|---|`,
    ...rows.map(([label, { summary, latency, diacriticsAgreement }]) => {
      const values = set === 'legal-retrieval' ? [summary.at1, summary.at5, summary.at10, summary.mrr10] : [summary.at1, summary.at3, summary.at10, summary.mrr10];
      return `| ${label} | ${values.map((value) => value.toFixed(3)).join(' | ')} | ${diacriticsAgreement === null ? '—' : diacriticsAgreement.toFixed(3)} | ${latency.p50.toFixed(1)} | ${latency.p95.toFixed(1)} |`;
    }),
    '',
  ];
  writeFileSync(path.join(directory, `${name}.md`), lines.join('\n'));
  for (const [label, { summary, latency }] of rows) {
    console.log(`${set} API ${label}: @1 ${summary.at1.toFixed(3)} @3 ${summary.at3.toFixed(3)} @10 ${summary.at10.toFixed(3)} MRR ${summary.mrr10.toFixed(3)} · p95 ${latency.p95.toFixed(1)} ms`);
  }
  return path.join(directory, `${name}.md`);
}
