// Ingestion benchmark: the whole shared corpus into an empty embedded database, through the same
// IngestService as `npm run ingest`. Reports wall time and items/s per loader (file type).
// Run: node --import tsx evals/ingest/ingest.bench.ts [--concurrency 2] [folder]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { migrate, openPgliteDatabase } from '../../src/db/index.js';
import { IngestService, type IngestResult } from '../../src/ingest/pipeline/ingest.service.js';
import { createDocumentAnalyzer } from '../../src/jobs/index.js';
import { createOcrEngine } from '../../src/providers/ocr/index.js';
import { createEmbeddingModel } from '../../src/providers/embedding/index.js';
import { projectRoot } from '../../src/runtime/paths.js';
import { FileBlobStore } from '../../src/storage/index.js';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { concurrency: { type: 'string', default: '2' } } });
const sharedDir = path.resolve(process.env.SHARED_DIR ?? path.join(projectRoot, '../shared'));
const target = positionals[0] ?? path.join(sharedDir, 'corpora');
const concurrency = Number(values.concurrency);

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tls-ingest-bench-'));
const database = await openPgliteDatabase(path.join(workDir, 'pglite'));
await migrate(database);
const ocr = createOcrEngine({ cacheDir: path.join(workDir, 'tesseract') });
const embedding = await createEmbeddingModel({ modelsDir: path.join(projectRoot, 'models'), model: process.env.EMBEDDING_MODEL ?? '' });
const service = new IngestService(database, new FileBlobStore(path.join(workDir, 'blobs')), createDocumentAnalyzer(ocr, embedding));
const files = IngestService.listFiles([target]);
const results: IngestResult[] = [];
const started = performance.now();
let next = 0;
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (next < files.length) {
      const entry = files[next++]!;
      if (entry.skipReason) results.push({ file: entry.file, sourcePath: path.relative(entry.root, entry.file), status: 'skipped', reason: entry.skipReason, seconds: 0 });
      else results.push(await service.ingestFile(entry.file, entry.root));
    }
  }),
);
const wallSeconds = (performance.now() - started) / 1000;
const counts = (await database.query<{ documents: number; chunks: number; embeddings: number; procedures: number; requirements: number }>(
  `SELECT (SELECT count(*)::int FROM documents) AS documents, (SELECT count(*)::int FROM chunks) AS chunks,
          (SELECT count(*)::int FROM chunk_embeddings) AS embeddings,
          (SELECT count(*)::int FROM procedures) AS procedures, (SELECT count(*)::int FROM procedure_requirements) AS requirements`,
))[0]!;
await ocr.close();
await embedding?.close();
await database.close();
const databaseBytes = directorySize(path.join(workDir, 'pglite'));
fs.rmSync(workDir, { recursive: true, force: true });

const byType = new Map<string, { items: number; seconds: number; failed: number }>();
for (const result of results.filter((item) => item.status !== 'skipped')) {
  const type = path.extname(result.sourcePath).toLowerCase() || '(none)';
  const entry = byType.get(type) ?? { items: 0, seconds: 0, failed: 0 };
  entry.items += 1;
  entry.seconds += result.seconds;
  if (result.status === 'failed') entry.failed += 1;
  byType.set(type, entry);
}
const report = {
  target: path.relative(sharedDir, target) || '.',
  machine: { cpus: os.cpus().length, node: process.version },
  concurrency,
  wallSeconds: round(wallSeconds),
  done: results.filter((item) => item.status === 'done').length,
  skipped: results.filter((item) => item.status === 'skipped').length,
  failed: results.filter((item) => item.status === 'failed').map((item) => ({ path: item.sourcePath, reason: item.reason })),
  stored: { ...counts, databaseMegabytes: round(databaseBytes / 1e6) },
  perType: Object.fromEntries(
    [...byType].map(([type, entry]) => [type, { items: entry.items, seconds: round(entry.seconds), itemsPerSecond: round(entry.items / Math.max(entry.seconds, 1e-6)), failed: entry.failed }]),
  ),
  slowest: [...results].sort((a, b) => b.seconds - a.seconds).slice(0, 8).map((item) => ({ path: item.sourcePath, seconds: round(item.seconds) })),
};
const reportsDir = path.join(projectRoot, 'evals', 'reports');
fs.mkdirSync(reportsDir, { recursive: true });
fs.writeFileSync(path.join(reportsDir, 'ingest.json'), JSON.stringify(report, null, 2) + '\n');
const lines = [
  '# Ingestion benchmark',
  '',
  `Command: \`node --import tsx evals/ingest/ingest.bench.ts\` · ${report.machine.cpus} CPUs · Node ${report.machine.node} · concurrency ${concurrency} · embedded PGlite (file) from empty`,
  '',
  `**Wall time: ${report.wallSeconds} s** for ${files.length} files — ${report.done} ingested, ${report.skipped} skipped, ${report.failed.length} failed.`,
  `Stored: ${counts.documents} documents, ${counts.chunks} chunks (${counts.embeddings} embedded with ${embedding?.modelId ?? 'no model'}), ${counts.procedures} procedures with ${counts.requirements} required-document rows; database ${report.stored.databaseMegabytes} MB.`,
  '',
  '| file type | items | busy seconds | items/s | failed |',
  '|---|---:|---:|---:|---:|',
  ...Object.entries(report.perType).map(([type, entry]) => `| ${type} | ${entry.items} | ${entry.seconds} | ${entry.itemsPerSecond} | ${entry.failed} |`),
  '',
  '"busy seconds" sums per-file time (load → structure → chunks → one transaction); with concurrency 2 it can exceed the wall time.',
  '',
  '## Failed',
  ...(report.failed.length ? report.failed.map((item) => `- \`${item.path}\`: ${item.reason}`) : ['- none']),
  '',
  '## Slowest files',
  ...report.slowest.map((item) => `- \`${item.path}\`: ${item.seconds} s`),
  '',
];
fs.writeFileSync(path.join(reportsDir, 'ingest.md'), lines.join('\n'));
console.log(lines.join('\n'));

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
function directorySize(directory: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(directory, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += fs.statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return total;
}
