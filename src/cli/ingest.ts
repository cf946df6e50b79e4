// `npm run ingest -- <file-or-folder>...`: ingests documents recursively, with progress and a summary.
import path from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { IngestService, type IngestResult } from '../ingest/pipeline/ingest.service.js';
import { createDocumentAnalyzer } from '../jobs/index.js';
import { exitWithError, openCliServices } from './cli-services.js';

const usage = `Cách dùng: npm run ingest -- <tệp hoặc thư mục>... [--concurrency 2] [--json]
Nạp đệ quy: văn bản pháp luật (TXT, PDF, DOC, DOCX, HTML), thủ tục hành chính (JSON của Cổng DVC quốc gia,
quy trình nội bộ .doc), bản quét (PDF, ảnh → OCR). Tệp không đổi được bỏ qua; tệp đã đổi được thay thế
(giữ phiên bản cũ làm lịch sử). Ví dụ: npm run ingest -- ../shared/corpora`;

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { concurrency: { type: 'string', default: '2' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help || positionals.length === 0) {
    console.log(usage);
    process.exit(values.help ? 0 : 1);
  }
  const concurrency = Math.max(1, Math.min(8, Number.parseInt(values.concurrency ?? '2', 10) || 2));
  const files = IngestService.listFiles(positionals);
  const services = await openCliServices();
  const service = new IngestService(services.database, services.blobs, createDocumentAnalyzer(services.ocr, services.embedding));
  const interactive = process.stderr.isTTY && !values.json;
  const bar = new cliProgress.SingleBar(
    { format: 'Nạp tài liệu [{bar}] {value}/{total} · {percentage}% · còn {eta_formatted} · {file}', hideCursor: true, stream: process.stderr, noTTYOutput: false },
    cliProgress.Presets.shades_classic,
  );
  const results: IngestResult[] = [];
  const started = performance.now();
  const controller = new AbortController();
  process.once('SIGINT', () => {
    console.error('\nĐang dừng sau các tệp đang xử lý…');
    controller.abort();
  });
  if (interactive) bar.start(files.length, 0, { file: '' });
  let next = 0;
  let lastLogged = 0;
  const worker = async () => {
    while (next < files.length && !controller.signal.aborted) {
      const entry = files[next++]!;
      const result = entry.skipReason
        ? { file: entry.file, sourcePath: path.relative(entry.root, entry.file), status: 'skipped' as const, reason: entry.skipReason, seconds: 0 }
        : await service.ingestFile(entry.file, entry.root, { signal: controller.signal });
      results.push(result);
      if (interactive) bar.increment({ file: result.sourcePath.slice(-50) });
      else if (!values.json && (results.length - lastLogged >= 100 || results.length === files.length)) {
        lastLogged = results.length;
        console.error(`Đã xử lý ${results.length}/${files.length} tệp…`);
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: concurrency }, worker));
  } finally {
    if (interactive) bar.stop();
    await services.close();
  }
  const seconds = (performance.now() - started) / 1000;
  const count = (status: IngestResult['status']) => results.filter((result) => result.status === status).length;
  if (values.json) {
    console.log(JSON.stringify({ seconds, done: count('done'), skipped: count('skipped'), failed: count('failed'), results }, null, 2));
  } else {
    console.log(`\nXong trong ${seconds.toFixed(1)} giây: ${count('done')} đã nạp, ${count('skipped')} bỏ qua, ${count('failed')} lỗi (tổng ${files.length} tệp).`);
    const skippedReasons = new Map<string, number>();
    for (const result of results) if (result.status === 'skipped') skippedReasons.set(result.reason ?? '', (skippedReasons.get(result.reason ?? '') ?? 0) + 1);
    for (const [reason, total] of skippedReasons) console.log(`  bỏ qua ${total}: ${reason}`);
    for (const result of results.filter((item) => item.status === 'failed')) console.log(`  LỖI ${result.sourcePath}: ${result.reason}`);
  }
  if (count('failed') > 0) process.exitCode = 2;
}

main().catch(exitWithError);
