/**
 * Parses the 53 provincial procedure documents (.doc) and reports, per file, what the
 * structure parser extracted — title (against titles.json), processing time, fee and the
 * required documents — so they can be checked by hand against the files.
 *
 *   node --import tsx evals/structure/provincial.check.ts
 *
 * Writes evals/reports/provincial-structure.{json,md}. Those reports quote the corpus, so they
 * are generated artefacts and are not committed.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import WordExtractor from 'word-extractor';
import { parseProvincialProcedure, type ProcedureRecord } from '../../src/ingest/structure/index.js';
import { cell, percent, requireCorpus, writeReport } from './corpus.js';

/** Lĩnh vực of each collection folder. */
const FIELD_BY_COLLECTION: Record<string, string> = {
  quy_trinh_cap_ho_tich_cap_xa: 'Hộ tịch',
  quy_trinh_chung_thuc: 'Chứng thực',
  quy_trinh_nuoi_con_nuoi: 'Nuôi con nuôi',
};

type TitleMatch = 'exact' | 'prefix' | 'different' | 'missing';

function compareTitles(parsed: string, expected: string | undefined): TitleMatch {
  if (!expected) return 'missing';
  const normalize = (text: string): string => text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
  const [a, b] = [normalize(parsed), normalize(expected)];
  if (a === b) return 'exact';
  return a.startsWith(b) || b.startsWith(a) ? 'prefix' : 'different';
}

interface FileReport {
  file: string;
  code: string;
  title: string;
  expectedTitle?: string;
  titleMatch: TitleMatch;
  processingTime?: ProcedureRecord['processingTime'];
  fee?: ProcedureRecord['fee'];
  documentCount: number;
  documents: Array<{ name: string; group?: string; condition?: string; oneOf: boolean; alternatives: string[] }>;
  documentSetCount?: string;
  steps: number;
  sections: string[];
}

const root = requireCorpus('procedures', 'provincial');
const titles = JSON.parse(readFileSync(path.join(root, 'titles.json'), 'utf8')) as Record<string, string>;
const extractor = new WordExtractor();
const reports: FileReport[] = [];

for (const collection of readdirSync(root).sort()) {
  const directory = path.join(root, collection);
  if (!statSync(directory).isDirectory()) continue;
  for (const name of readdirSync(directory).filter((file) => file.endsWith('.doc')).sort()) {
    const file = `${collection}/${name}`;
    const document = await extractor.extract(path.join(directory, name));
    const hints: { sourceId: string; field?: string } = { sourceId: file };
    const field = FIELD_BY_COLLECTION[collection];
    if (field) hints.field = field;
    const record = parseProvincialProcedure(document.getBody(), hints);
    const report: FileReport = {
      file,
      code: record.code,
      title: record.name,
      titleMatch: compareTitles(record.name, titles[file]),
      documentCount: record.documents.length,
      documents: record.documents.map((item) => ({
        name: item.name,
        ...(item.group ? { group: item.group } : {}),
        ...(item.condition ? { condition: item.condition } : {}),
        oneOf: item.oneOf,
        alternatives: item.alternatives,
      })),
      steps: record.steps.length,
      sections: record.sections.map((section) => section.key),
    };
    const expected = titles[file];
    if (expected) report.expectedTitle = expected;
    if (record.processingTime) report.processingTime = record.processingTime;
    if (record.fee) report.fee = record.fee;
    if (record.documentSetCount) report.documentSetCount = record.documentSetCount;
    reports.push(report);
  }
}

const total = reports.length;
const count = (predicate: (report: FileReport) => boolean): number => reports.filter(predicate).length;
const summary = {
  files: total,
  withTitle: count((report) => report.title !== ''),
  titleExact: count((report) => report.titleMatch === 'exact'),
  titlePrefix: count((report) => report.titleMatch === 'prefix'),
  titleDifferent: count((report) => report.titleMatch === 'different'),
  withProcessingTime: count((report) => report.processingTime !== undefined),
  withNumericProcessingTime: count((report) => report.processingTime?.value !== undefined || report.processingTime?.sameDay === true),
  withFee: count((report) => report.fee !== undefined),
  withDocuments: count((report) => report.documentCount > 0),
  documents: reports.reduce((sum, report) => sum + report.documentCount, 0),
  withSteps: count((report) => report.steps > 0),
};

const lines: string[] = [
  '# Provincial procedure structure check',
  '',
  `Command: \`node --import tsx evals/structure/provincial.check.ts\` · ${new Date().toISOString().slice(0, 10)} · text from \`word-extractor\` (getBody)`,
  '',
  '| measure | count | share |',
  '|---|---:|---:|',
  `| files | ${total} | |`,
  `| title found | ${summary.withTitle} | ${percent(summary.withTitle, total)} |`,
  `| title = titles.json (exact) | ${summary.titleExact} | ${percent(summary.titleExact, total)} |`,
  `| title = titles.json (one is a prefix of the other) | ${summary.titlePrefix} | ${percent(summary.titlePrefix, total)} |`,
  `| title differs | ${summary.titleDifferent} | ${percent(summary.titleDifferent, total)} |`,
  `| processing time found | ${summary.withProcessingTime} | ${percent(summary.withProcessingTime, total)} |`,
  `| fee found | ${summary.withFee} | ${percent(summary.withFee, total)} |`,
  `| ≥ 1 required document | ${summary.withDocuments} | ${percent(summary.withDocuments, total)} |`,
  `| steps table parsed | ${summary.withSteps} | ${percent(summary.withSteps, total)} |`,
  `| required documents (total) | ${summary.documents} | |`,
  '',
  '## Per file',
  '',
  '| file | code | title (✓ = titles.json) | processing time | fee | docs | steps |',
  '|---|---|---|---|---|---:|---:|',
  ...reports.map((report) => {
    const mark = report.titleMatch === 'exact' ? '✓' : report.titleMatch === 'prefix' ? '≈' : `✗ (titles.json: ${cell(report.expectedTitle, 80)})`;
    const time = report.processingTime ? `${cell(report.processingTime.text, 70)}${report.processingTime.value !== undefined ? ` [${report.processingTime.value} ${report.processingTime.unit ?? ''}]` : report.processingTime.sameDay ? ' [trong ngày]' : ''}` : '—';
    const fee = report.fee ? `${cell(report.fee.text, 70)}${report.fee.amounts.length > 0 ? ` [${report.fee.amounts.join(', ')} đ]` : ''}${report.fee.free ? ' [miễn]' : ''}` : '—';
    return `| ${report.file} | ${report.code} | ${cell(report.title, 90)} ${mark} | ${time} | ${fee} | ${report.documentCount} | ${report.steps} |`;
  }),
  '',
  '## Required documents per file',
  '',
  ...reports.flatMap((report) => [
    `### ${report.file} — ${report.title}`,
    '',
    ...(report.documents.length === 0
      ? ['_(none found)_']
      : report.documents.map(
          (item, index) =>
            `${index + 1}. ${cell(item.name, 160)}${item.condition ? ` — _khi: ${cell(item.condition, 90)}_` : ''}${item.oneOf && item.alternatives.length > 0 ? ` — một trong: ${item.alternatives.map((alternative) => cell(alternative, 50)).join(' / ')}` : ''}${item.group ? ` · [${cell(item.group, 40)}]` : ''}`,
        )),
    ...(report.documentSetCount ? ['', `Số lượng hồ sơ: ${cell(report.documentSetCount, 100)}`] : []),
    '',
  ]),
];

const written = writeReport('provincial-structure', { summary, files: reports }, `${lines.join('\n')}\n`);
console.log(lines.slice(4, 16).join('\n'));
console.log(`\nReports: ${written.markdown}, ${written.json}`);
