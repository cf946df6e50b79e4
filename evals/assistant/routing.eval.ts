// The assistant on the shared procedure-routing questions (../shared/eval/procedure-routing/dev.jsonl,
// written by others): does the first answer cite the right provincial procedure, does it ask
// (with the right one among the choices), or does it go wrong? Complements the retrieval eval,
// which ranks documents; this measures what a citizen actually gets.
// Usage: node --import tsx evals/assistant/routing.eval.ts → evals/reports/assistant-routing.{json,md}
import fs from 'node:fs';
import path from 'node:path';
import { AssistantService } from '../../src/agents/assistant/index.js';
import { loadConfig } from '../../src/config/index.js';
import { ChatRepository, openDatabase, PassageRepository, ProcedureRepository } from '../../src/db/index.js';
import { LiveSearchIndex } from '../../src/retrieval/live-index.js';
import { projectRoot } from '../../src/runtime/paths.js';
import { cacheDataDir, ensureCorpusIngested } from './eval-services.js';

interface Question {
  id: string;
  question: string;
  gold: { document: string; title: string };
}

ensureCorpusIngested();
const config = loadConfig({ ...process.env, DATA_DIR: cacheDataDir, LOG_LEVEL: 'silent' });
const file = path.join(config.paths.sharedDir, 'eval', 'procedure-routing', 'dev.jsonl');
const questions = fs
  .readFileSync(file, 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line) as Question);
const database = await openDatabase(config);
const logger = { info() {}, warn() {} };
const search = new LiveSearchIndex(new PassageRepository(database), logger);
await search.refresh();
const procedures = new ProcedureRepository(database);
const assistant = new AssistantService({ search, procedures, chat: new ChatRepository(database), logger });

// titles that exist in two files count for either (as in the retrieval eval)
const titles = JSON.parse(fs.readFileSync(path.join(config.paths.sharedDir, 'corpora', 'procedures', 'provincial', 'titles.json'), 'utf8')) as Record<string, string>;
const sameTitle = (document: string) => Object.entries(titles).filter(([, title]) => title === titles[document]).map(([file]) => file);

const counts = { answeredRight: 0, answeredOtherProvincial: 0, answeredNational: 0, answeredLaw: 0, clarifiedWithGold: 0, clarifiedWithoutGold: 0, noInformation: 0, other: 0 };
const wrong: Array<{ id: string; question: string; gold: string; got: string }> = [];
const started = performance.now();
for (const item of questions) {
  const gold = sameTitle(item.gold.document);
  const reply = await assistant.ask({ message: item.question, clientKey: 'routing-eval' });
  const sources = reply.citations.map((citation) => citation.document.source);
  if (reply.outcome === 'answered') {
    if (sources.length > 0 && sources.every((source) => gold.some((document) => source.endsWith(document)))) counts.answeredRight += 1;
    else {
      if (sources.some((source) => source.includes('/provincial/'))) counts.answeredOtherProvincial += 1;
      else if (sources.some((source) => source.includes('/national/'))) counts.answeredNational += 1;
      else counts.answeredLaw += 1;
      wrong.push({ id: item.id, question: item.question, gold: item.gold.title, got: reply.procedure?.name ?? reply.citations[0]?.citation.label ?? '' });
    }
  } else if (reply.outcome === 'needs_clarification') {
    const goldTitles = new Set(gold.map((document) => titles[document]));
    const offered = reply.suggestions ?? [];
    // a choice is right when one of the offered names is the gold procedure's (record names may be longer than titles)
    const hit = offered.some((name) => [...goldTitles].some((title) => title && (name === title || name.startsWith(title.replace(/^Thủ tục /, '')) || title.startsWith(name))));
    if (hit) counts.clarifiedWithGold += 1;
    else counts.clarifiedWithoutGold += 1;
  } else if (reply.outcome === 'no_information') counts.noInformation += 1;
  else counts.other += 1;
}
await database.close();

const total = questions.length;
const pct = (value: number) => `${((value / total) * 100).toFixed(1)}%`;
const summary = {
  command: 'node --import tsx evals/assistant/routing.eval.ts',
  questions: total,
  ...counts,
  answeredRightShare: counts.answeredRight / total,
  rightOrAskedWithRight: (counts.answeredRight + counts.clarifiedWithGold) / total,
  unsupportedLinesDropped: assistant.unsupportedLines,
  msPerQuestion: Math.round((performance.now() - started) / total),
};
const reportsDir = path.join(projectRoot, 'evals', 'reports');
fs.writeFileSync(path.join(reportsDir, 'assistant-routing.json'), JSON.stringify({ summary, wrong }, null, 2) + '\n');
const md = [
  '# Trợ lý ảo — câu hỏi định tuyến thủ tục (bộ dev dùng chung, 694 câu do người khác viết)',
  '',
  `Lệnh: \`${summary.command}\`. Mỗi câu hỏi là lượt đầu của một cuộc trò chuyện mới; đúng khi mọi trích dẫn thuộc tệp thủ tục đúng (hoặc tệp cùng tên).`,
  '',
  '| kết quả | số câu | tỉ lệ |',
  '|---|---|---|',
  `| trả lời, đúng thủ tục | ${counts.answeredRight} | **${pct(counts.answeredRight)}** |`,
  `| hỏi lại, có thủ tục đúng trong các lựa chọn | ${counts.clarifiedWithGold} | ${pct(counts.clarifiedWithGold)} |`,
  `| hỏi lại, không có thủ tục đúng | ${counts.clarifiedWithoutGold} | ${pct(counts.clarifiedWithoutGold)} |`,
  `| trả lời bằng thủ tục cấp tỉnh khác | ${counts.answeredOtherProvincial} | ${pct(counts.answeredOtherProvincial)} |`,
  `| trả lời bằng bản ghi thủ tục quốc gia | ${counts.answeredNational} | ${pct(counts.answeredNational)} |`,
  `| trả lời bằng điều luật | ${counts.answeredLaw} | ${pct(counts.answeredLaw)} |`,
  `| không có thông tin | ${counts.noInformation} | ${pct(counts.noInformation)} |`,
  `| khác | ${counts.other} | ${pct(counts.other)} |`,
  '',
  `Đúng hoặc hỏi lại có lựa chọn đúng: **${(summary.rightOrAskedWithRight * 100).toFixed(1)}%** · ${summary.msPerQuestion} ms/câu (một tiến trình, gồm ghi cơ sở dữ liệu).`,
  '',
].join('\n');
fs.writeFileSync(path.join(reportsDir, 'assistant-routing.md'), md);
console.log(md);
