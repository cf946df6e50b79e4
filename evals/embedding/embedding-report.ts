/** The JSON shape of evals/reports/embedding.json and its Markdown rendering. */

export type LegMetrics = Record<string, number>;

interface SetResult {
  questions: number;
  passages: number;
  /** Ranking (dense, lexical, `rrf dense×w`) → metric → mean over questions. */
  metrics: Record<string, LegMetrics>;
  diacriticsAgreement: number;
  /** Questions the lexical reference misses (legal: not in top 10, routing: not in top 3) that the dense leg finds. */
  denseRescues: number;
  /** First correct unit rank per ranking (null: not in the top 200 passages). */
  perQuestion: { id: string; ranks: Record<string, number | null> }[];
  latencies?: undefined;
}

export interface EmbeddingReport {
  generatedAt: string;
  command: string;
  machine: string;
  model: { id: string; dimensions: number; maxBatch: number; loadSeconds: number };
  throughput: { passages: number; characters: number; seconds: number; textsPerSecond: number; charactersPerSecond: number };
  queryLatencyMs: { p50: number; p95: number; includes: string };
  legal: SetResult;
  routing: SetResult;
  totalSeconds: number;
}

const fixed = (value: number, digits = 3) => value.toFixed(digits);

function table(result: SetResult): string {
  const columns = Object.keys(result.metrics.dense ?? {});
  const describe = (leg: string) =>
    leg === 'dense'
      ? 'dense only'
      : leg === 'lexical'
        ? 'lexical reference (BM25)'
        : leg.startsWith('rrf')
          ? `RRF, dense weight ${leg.replace('rrf dense×', '')} (lexical 1)`
          : `BM25/max + ${leg.replace('score dense×', '')} × cosine`;
  const rows = Object.entries(result.metrics).map(([leg, metrics]) => `| ${describe(leg)} | ${columns.map((column) => fixed(metrics[column] ?? 0)).join(' | ')} |`);
  return [`| ranking | ${columns.join(' | ')} |`, `|---|${columns.map(() => '---:').join('|')}|`, ...rows].join('\n');
}

export function renderMarkdown(report: EmbeddingReport): string {
  return `# Embedding (dense leg) evaluation

Generated ${report.generatedAt} by \`${report.command}\` on ${report.machine}.

Model \`${report.model.id}\`: ${report.model.dimensions} dimensions, batches of up to ${report.model.maxBatch}, loaded in ${fixed(report.model.loadSeconds, 2)} s.

Passages are the chunks of the ingest pipeline (loadDocument → parseLegalDocument / parseProvincialProcedure → chunkLegalDocument / chunkProcedure); the ranking is collapsed to articles (legal) or procedure titles (routing) before scoring. The lexical reference is a plain BM25 over folded syllables + bigrams kept only to show what fusion with a dense ranking adds; the service's lexical leg (src/retrieval) is measured by its own evaluation.

## Legal retrieval (${report.legal.questions} questions, ${report.legal.passages} passages)

${table(report.legal)}

Dense finds within its top 10 the gold article of ${report.legal.denseRescues} questions the lexical reference misses there. Dense top-1 unchanged when the question loses its diacritics: ${fixed(report.legal.diacriticsAgreement)}.

## Procedure routing (${report.routing.questions} questions, ${report.routing.passages} passages)

${table(report.routing)}

Dense finds within its top 3 the gold procedure of ${report.routing.denseRescues} questions the lexical reference misses there. Dense top-1 unchanged without diacritics: ${fixed(report.routing.diacriticsAgreement)}.

## Speed

- Embedding passages: ${report.throughput.passages} texts (${(report.throughput.characters / 1e6).toFixed(2)} M characters) in ${fixed(report.throughput.seconds, 2)} s = **${report.throughput.textsPerSecond.toFixed(0)} texts/s** (${(report.throughput.charactersPerSecond / 1e6).toFixed(2)} M characters/s).
- Query (${report.queryLatencyMs.includes}): p50 **${fixed(report.queryLatencyMs.p50, 2)} ms**, p95 **${fixed(report.queryLatencyMs.p95, 2)} ms**.

Total run ${fixed(report.totalSeconds, 1)} s. Per-question first-correct ranks are in the JSON report.
`;
}
