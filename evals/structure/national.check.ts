/**
 * Parses the 2,642 national procedure records (National Public Service Portal crawl) and
 * measures how many yield a processing time, a fee and at least one required document.
 *
 *   node --import tsx evals/structure/national.check.ts
 *
 * Writes evals/reports/national-structure.{json,md} (figures plus a few record codes per gap,
 * no corpus text).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseNationalProcedure, type NationalProcedureSource } from '../../src/ingest/structure/index.js';
import { percent, requireCorpus, writeReport } from './corpus.js';

const root = requireCorpus('procedures', 'national', 'records');
const started = performance.now();
const stats = {
  records: 0,
  codeMatchesFile: 0,
  withProcessingTime: 0,
  withProcessingTimeUnit: 0,
  withFee: 0,
  withFreeFee: 0,
  withFeeAmount: 0,
  withDocuments: 0,
  documents: 0,
  documentsWithQuantity: 0,
  documentsWithAttachment: 0,
  documentsWithFormCode: 0,
  oneOfDocuments: 0,
  withLegalBasis: 0,
  legalBasisWithNumber: 0,
  legalBasis: 0,
  withSteps: 0,
  channels: 0,
  channelsUncertain: 0,
};
const gaps: Record<'processingTime' | 'fee' | 'documents', string[]> = { processingTime: [], fee: [], documents: [] };
const byMinistry: Record<string, { records: number; time: number; fee: number; documents: number }> = {};

for (const ministry of readdirSync(root).sort()) {
  const row = (byMinistry[ministry] = { records: 0, time: 0, fee: 0, documents: 0 });
  for (const file of readdirSync(path.join(root, ministry)).filter((name) => name.endsWith('.json')).sort()) {
    const source = JSON.parse(readFileSync(path.join(root, ministry, file), 'utf8')) as NationalProcedureSource;
    const record = parseNationalProcedure(source, `${ministry}/${file}`);
    stats.records += 1;
    row.records += 1;
    if (`${record.code}.json` === file) stats.codeMatchesFile += 1;
    if (record.processingTime) {
      stats.withProcessingTime += 1;
      row.time += 1;
      if (record.processingTime.unit) stats.withProcessingTimeUnit += 1;
    } else gaps.processingTime.push(record.code);
    if (record.fee) {
      stats.withFee += 1;
      row.fee += 1;
      if (record.fee.free) stats.withFreeFee += 1;
      if (record.fee.amounts.length > 0) stats.withFeeAmount += 1;
    } else gaps.fee.push(record.code);
    if (record.documents.length > 0) {
      stats.withDocuments += 1;
      row.documents += 1;
    } else gaps.documents.push(record.code);
    stats.documents += record.documents.length;
    stats.documentsWithQuantity += record.documents.filter((document) => document.quantity).length;
    stats.documentsWithAttachment += record.documents.filter((document) => document.attachments.length > 0).length;
    stats.documentsWithFormCode += record.documents.filter((document) => document.formCodes.length > 0).length;
    stats.oneOfDocuments += record.documents.filter((document) => document.oneOf).length;
    if (record.legalBasis.length > 0) stats.withLegalBasis += 1;
    stats.legalBasis += record.legalBasis.length;
    stats.legalBasisWithNumber += record.legalBasis.filter((basis) => basis.numbers.length > 0).length;
    if (record.steps.length > 0) stats.withSteps += 1;
    stats.channels += record.channels.length;
    stats.channelsUncertain += record.channels.filter((channel) => channel.uncertain).length;
  }
}
const seconds = (performance.now() - started) / 1000;

const n = stats.records;
const lines = [
  '# National procedure structure check',
  '',
  `Command: \`node --import tsx evals/structure/national.check.ts\` · ${new Date().toISOString().slice(0, 10)} · ${n} records in ${seconds.toFixed(1)} s`,
  '',
  '| measure | count | share |',
  '|---|---:|---:|',
  `| records | ${n} | |`,
  `| code = file name | ${stats.codeMatchesFile} | ${percent(stats.codeMatchesFile, n)} |`,
  `| processing time found | ${stats.withProcessingTime} | ${percent(stats.withProcessingTime, n)} |`,
  `| … with a unit (ngày, ngày làm việc, giờ, tháng) | ${stats.withProcessingTimeUnit} | ${percent(stats.withProcessingTimeUnit, n)} |`,
  `| fee found (not "Không có thông tin") | ${stats.withFee} | ${percent(stats.withFee, n)} |`,
  `| … stated free (Miễn phí) | ${stats.withFreeFee} | ${percent(stats.withFreeFee, n)} |`,
  `| … with an amount in đồng | ${stats.withFeeAmount} | ${percent(stats.withFeeAmount, n)} |`,
  `| ≥ 1 required document | ${stats.withDocuments} | ${percent(stats.withDocuments, n)} |`,
  `| required documents (total) | ${stats.documents} | |`,
  `| … with quantity | ${stats.documentsWithQuantity} | ${percent(stats.documentsWithQuantity, stats.documents)} |`,
  `| … with an attached form file | ${stats.documentsWithAttachment} | ${percent(stats.documentsWithAttachment, stats.documents)} |`,
  `| … with a form code | ${stats.documentsWithFormCode} | ${percent(stats.documentsWithFormCode, stats.documents)} |`,
  `| … "one of" alternatives | ${stats.oneOfDocuments} | ${percent(stats.oneOfDocuments, stats.documents)} |`,
  `| ≥ 1 legal basis | ${stats.withLegalBasis} | ${percent(stats.withLegalBasis, n)} |`,
  `| legal basis rows with a document number | ${stats.legalBasisWithNumber} | ${percent(stats.legalBasisWithNumber, stats.legalBasis)} |`,
  `| steps found | ${stats.withSteps} | ${percent(stats.withSteps, n)} |`,
  `| channel rows whose time/fee boundary was guessed | ${stats.channelsUncertain} | ${percent(stats.channelsUncertain, stats.channels)} |`,
  '',
  '## By ministry',
  '',
  '| folder | records | time | fee | ≥1 document |',
  '|---|---:|---:|---:|---:|',
  ...Object.entries(byMinistry).map(
    ([ministry, row]) => `| ${ministry} | ${row.records} | ${percent(row.time, row.records)} | ${percent(row.fee, row.records)} | ${percent(row.documents, row.records)} |`,
  ),
  '',
  '## Records without a value (first 20 codes)',
  '',
  ...Object.entries(gaps).map(([key, codes]) => `- ${key} (${codes.length}): ${codes.slice(0, 20).join(', ')}`),
  '',
];
const written = writeReport('national-structure', { stats, byMinistry, gaps }, `${lines.join('\n')}\n`);
console.log(lines.slice(4, 25).join('\n'));
console.log(`\nReports: ${written.markdown}, ${written.json}`);
