// Evaluation of the citizen assistant on our own questions (evals/assistant/questions.jsonl),
// written from the 53 provincial procedure documents, over the whole shared corpus.
// Usage: node --import tsx evals/assistant/assistant.eval.ts [--set heldout]  → evals/reports/assistant[.heldout].{json,md}
// The `heldout` set was written after the code was frozen and run once: it estimates how the
// assistant does on questions nobody tuned it on.
import fs from 'node:fs';
import path from 'node:path';
import { AssistantService, type ChatReply } from '../../src/agents/assistant/index.js';
import { loadConfig } from '../../src/config/index.js';
import { ChatRepository, openDatabase, PassageRepository, ProcedureRepository } from '../../src/db/index.js';
import { LiveSearchIndex } from '../../src/retrieval/live-index.js';
import { projectRoot } from '../../src/runtime/paths.js';
import { cacheDataDir, ensureCorpusIngested } from './eval-services.js';
import { judgeTurn, type ExpectedTurn } from './judge.js';

interface Item {
  id: string;
  note?: string;
  turns: ExpectedTurn[];
}

const here = path.join(projectRoot, 'evals', 'assistant');
const setArgument = process.argv.indexOf('--set');
const set = setArgument !== -1 ? process.argv[setArgument + 1] : undefined;
const suffix = set ? `.${set}` : '';
const reportsDir = path.join(projectRoot, 'evals', 'reports');
const items = fs
  .readFileSync(path.join(here, `questions${suffix}.jsonl`), 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line) as Item);

ensureCorpusIngested();
const config = loadConfig({ ...process.env, DATA_DIR: cacheDataDir, LOG_LEVEL: 'silent' });
const database = await openDatabase(config);
const logger = { info() {}, warn() {} };
const search = new LiveSearchIndex(new PassageRepository(database), logger);
await search.refresh();
const assistant = new AssistantService({ search, procedures: new ProcedureRepository(database), chat: new ChatRepository(database), logger });

/** A citation is supported when its text is a passage the index holds for that document. */
async function citationsNotRetrieved(reply: ChatReply): Promise<number> {
  let missing = 0;
  for (const citation of reply.citations) {
    const passages = await search.passagesOf(citation.document.id);
    if (!passages.some((passage) => passage.text === citation.text && passage.citation.label === citation.citation.label)) missing += 1;
  }
  return missing;
}

const results = [];
let unsupportedCitations = 0;
let turnsTotal = 0;
let turnsPassed = 0;
const started = performance.now();
for (const item of items) {
  let conversationId: string | undefined;
  const turns = [];
  for (const expected of item.turns) {
    const t0 = performance.now();
    const reply = await assistant.ask({ message: expected.message, clientKey: 'eval', ...(conversationId ? { conversationId } : {}) });
    const ms = performance.now() - t0;
    conversationId = reply.conversationId;
    const verdict = judgeTurn(expected, reply);
    const notRetrieved = await citationsNotRetrieved(reply);
    if (notRetrieved > 0) verdict.problems.push(`${notRetrieved} trích dẫn không phải đoạn đã tìm được`);
    unsupportedCitations += verdict.unsupported + notRetrieved;
    const pass = verdict.problems.length === 0;
    turnsTotal += 1;
    if (pass) turnsPassed += 1;
    turns.push({
      message: expected.message,
      expected: { outcome: expected.outcome, sources: expected.sources ?? [], facts: expected.facts ?? [], aspect: expected.aspect ?? null },
      got: {
        outcome: reply.outcome,
        aspect: reply.aspect ?? null,
        procedure: reply.procedure ? `${reply.procedure.name} (${reply.procedure.code})` : null,
        sources: [...new Set(reply.citations.map((citation) => citation.document.source))],
        citations: reply.citations.map((citation) => citation.citation.label),
      },
      pass,
      problems: verdict.problems,
      ms: Math.round(ms),
    });
  }
  results.push({ id: item.id, note: item.note ?? null, pass: turns.every((turn) => turn.pass), turns });
}
await database.close();

const passed = results.filter((result) => result.pass).length;
const byKind = new Map<string, { total: number; passed: number }>();
for (const result of results) {
  const kind = result.id.split('-')[0]!;
  const entry = byKind.get(kind) ?? { total: 0, passed: 0 };
  entry.total += 1;
  if (result.pass) entry.passed += 1;
  byKind.set(kind, entry);
}
const summary = {
  firstRun: set ? (JSON.parse(fs.readFileSync(path.join(here, 'first-runs.json'), 'utf8')) as Record<string, string>)[set] ?? null : null,
  command: `node --import tsx evals/assistant/assistant.eval.ts${set ? ` --set ${set}` : ''}`,
  set: set ?? 'dev',
  corpus: 'whole shared corpus (laws, 53 provincial procedures, national TTHC records), extractive composer',
  date: new Date().toISOString(),
  items: results.length,
  passed,
  accuracy: Math.round((passed / results.length) * 1000) / 1000,
  turns: turnsTotal,
  turnsPassed,
  unsupportedCitations,
  linesDroppedByCheck: assistant.unsupportedLines,
  seconds: Math.round((performance.now() - started) / 100) / 10,
  byKind: Object.fromEntries(byKind),
};
fs.mkdirSync(reportsDir, { recursive: true });
fs.writeFileSync(path.join(reportsDir, `assistant${suffix}.json`), JSON.stringify({ summary, results }, null, 2) + '\n');

const failures = results.filter((result) => !result.pass);
const firstRuns = JSON.parse(fs.readFileSync(path.join(here, 'first-runs.json'), 'utf8')) as Record<string, string>;
const firstRun = set ? firstRuns[set] : undefined;
const md = [
  `# Trợ lý ảo — đánh giá trên bộ câu hỏi tự soạn${set ? ` (${set}: viết sau khi chốt mã, chạy một lần)` : ' (dev: dùng trong khi phát triển)'}`,
  '',
  `Lệnh: \`${summary.command}\` · ${summary.date.slice(0, 10)} · ${summary.corpus}.`,
  '',
  `Câu hỏi tự soạn từ 53 quy trình cấp tỉnh (giấy tờ, lệ phí, thời hạn, nơi nộp, trình tự, điều kiện, căn cứ pháp lý, kết quả, mẫu đơn; có câu không dấu, câu hỏi tiếp, ngoài phạm vi, không có thông tin). ` +
    'Một câu đạt khi mọi lượt đúng kết quả (outcome), mọi trích dẫn thuộc đúng tệp nguồn, câu trả lời nêu đủ các dữ kiện kỳ vọng và mọi dòng có [n] nằm nguyên văn trong đoạn được trích.',
  '',
  '| chỉ số | giá trị |',
  '|---|---|',
  `| câu hỏi đạt | **${passed}/${results.length} (${(summary.accuracy * 100).toFixed(1)}%)** |`,
  ...(firstRun ? [`| lần chạy đầu | ${firstRun} |`] : []),
  `| lượt hỏi đạt | ${turnsPassed}/${turnsTotal} |`,
  `| trích dẫn không được đoạn tìm được hỗ trợ | **${unsupportedCitations}** |`,
  `| dòng bị bộ kiểm tra trích dẫn loại trước khi trả lời | ${summary.linesDroppedByCheck} |`,
  `| thời gian chạy | ${summary.seconds} s |`,
  '',
  '| loại | đạt |',
  '|---|---|',
  ...[...byKind].map(([kind, entry]) => `| ${kind} | ${entry.passed}/${entry.total} |`),
  '',
  '## Câu chưa đạt',
  '',
  ...(failures.length === 0
    ? ['Không có.']
    : failures.flatMap((failure) =>
        failure.turns
          .filter((turn) => !turn.pass)
          .map((turn) => `- **${failure.id}** — “${turn.message}”: ${turn.problems.join('; ')} (trả lời: ${turn.got.outcome}${turn.got.procedure ? `, ${turn.got.procedure}` : ''})`),
      )),
  '',
].join('\n');
fs.writeFileSync(path.join(reportsDir, `assistant${suffix}.md`), md);
console.log(md);
