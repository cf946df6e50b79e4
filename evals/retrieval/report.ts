/** JSON + Markdown reports of a retrieval evaluation (figures and question ids, no corpus text). */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { RetrievalConfig, SearchFilters } from '../../src/retrieval/index.js';
import type { AblationRow } from './ablation.js';
import type { SetName } from './datasets.js';
import type { EvalOutcome } from './evaluate.js';
import type { RankSummary } from './metrics.js';
import { REPO_ROOT } from './shared-corpus.source.js';

export interface PeerRow {
  name: string;
  buildSeconds: number;
  /** The peer answered every n-th question. */
  sampleEvery: number;
  outcome: EvalOutcome;
  /** Our figures on the same sample. */
  oursOnSample: RankSummary;
}

export interface SetReport {
  set: SetName;
  questionsFile: string;
  command: string;
  date: string;
  machine: { cpus: number; cpuModel: string; loadAverage: number[]; node: string };
  corpus: { description: string; passages: number; documents: number; loadSeconds: number };
  index: { buildSeconds: number; postingsBytes: number; terms: number };
  filters: SearchFilters;
  config: RetrievalConfig;
  ours: EvalOutcome;
  unfiltered: EvalOutcome;
  /** Best R@1/hit@1 any system answering identical questions identically can reach on this file. */
  ceiling?: { ceiling: number; conflictingGroups: number; questionsInConflict: number };
  peers: PeerRow[];
  ablation?: AblationRow[];
}

const TARGETS: Record<SetName, Array<{ label: string; value: (report: SetReport) => number; target: number; lowerIsBetter?: boolean }>> = {
  'legal-retrieval': [
    { label: 'Recall@1', value: (report) => report.ours.summary.at1, target: 0.88 },
    { label: 'Recall@10', value: (report) => report.ours.summary.at10, target: 0.98 },
    { label: 'MRR@10', value: (report) => report.ours.summary.mrr10, target: 0.92 },
    { label: 'diacritics agreement', value: (report) => report.ours.diacriticsAgreement ?? 0, target: 0.95 },
    { label: 'p95 latency (ms)', value: (report) => report.ours.latency.p95, target: 50, lowerIsBetter: true },
  ],
  'procedure-routing': [
    { label: 'hit@1', value: (report) => report.ours.summary.at1, target: 0.9 },
    { label: 'hit@3', value: (report) => report.ours.summary.at3, target: 0.97 },
    { label: 'diacritics agreement', value: (report) => report.ours.diacriticsAgreement ?? 0, target: 0.95 },
    { label: 'p95 latency (ms)', value: (report) => report.ours.latency.p95, target: 50, lowerIsBetter: true },
  ],
};

const f3 = (value: number): string => value.toFixed(3);
const ms = (value: number): string => (value >= 100 ? value.toFixed(0) : value.toFixed(1));
const ratio = (a: number, b: number): string => (b === 0 ? '—' : `${(a / b).toFixed(2)}×`);

function metricColumns(set: SetName, summary: RankSummary): string[] {
  return set === 'legal-retrieval' ? [f3(summary.at1), f3(summary.at5), f3(summary.at10), f3(summary.mrr10)] : [f3(summary.at1), f3(summary.at3), f3(summary.at10), f3(summary.mrr10)];
}

export function renderMarkdown(report: SetReport): string {
  const { set } = report;
  const legal = set === 'legal-retrieval';
  const header = legal ? '| system | questions | R@1 | R@5 | R@10 | MRR@10 | p50 ms | p95 ms |' : '| system | questions | hit@1 | hit@3 | hit@10 | MRR@10 | p50 ms | p95 ms |';
  const lines: string[] = [
    `# Retrieval evaluation — ${set}`,
    '',
    `Command: \`${report.command}\` · ${report.date.slice(0, 16).replace('T', ' ')} UTC · questions: ${report.questionsFile} (${report.ours.summary.questions})`,
    '',
    `Machine: ${report.machine.cpus} × ${report.machine.cpuModel}, Node ${report.machine.node}, load average at the end ${report.machine.loadAverage.map((value) => value.toFixed(1)).join(' / ')} (other jobs share this machine: latencies are noisy, ratios measured in the same run are the fairer comparison).`,
    '',
    `Corpus: ${report.corpus.description} — ${report.corpus.passages} passages (chunks) from ${report.corpus.documents} documents, loaded, parsed and chunked in ${report.corpus.loadSeconds.toFixed(1)} s. Our index: built in ${report.index.buildSeconds.toFixed(1)} s, ${(report.index.postingsBytes / 1e6).toFixed(0)} MB of postings, ${report.index.terms} terms.`,
    '',
    `Search filter for this task (the API's \`filters\`): \`${JSON.stringify(report.filters)}\`; the whole corpus stays indexed (IDF, vocabulary). A result is one citable unit (law article / procedure document), represented by its best passage; peers' passages are collapsed the same way.`,
    '',
    '## Ours and the peers',
    '',
    `${header} ${legal ? 'R@1' : 'hit@1'} ours ÷ peer (same sample) | p95 peer ÷ ours |`,
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    `| **ours** | ${report.ours.summary.questions} | ${metricColumns(set, report.ours.summary).join(' | ')} | ${ms(report.ours.latency.p50)} | ${ms(report.ours.latency.p95)} | | |`,
    `| ours, no kind filter | ${report.unfiltered.summary.questions} | ${metricColumns(set, report.unfiltered.summary).join(' | ')} | ${ms(report.unfiltered.latency.p50)} | ${ms(report.unfiltered.latency.p95)} | | |`,
  ];
  for (const peer of report.peers) {
    lines.push(
      `| ours on ${peer.name}'s sample (1 question in ${peer.sampleEvery}) | ${peer.oursOnSample.questions} | ${metricColumns(set, peer.oursOnSample).join(' | ')} | | | | |`,
      `| ${peer.name} | ${peer.outcome.summary.questions} | ${metricColumns(set, peer.outcome.summary).join(' | ')} | ${ms(peer.outcome.latency.p50)} | ${ms(peer.outcome.latency.p95)} | ${ratio(peer.oursOnSample.at1, peer.outcome.summary.at1)} | ${ratio(peer.outcome.latency.p95, report.ours.latency.p95)} |`,
    );
  }
  if (report.peers.length > 0) {
    lines.push('', `Peer index build: ${report.peers.map((peer) => `${peer.name} ${peer.buildSeconds > 0 ? `${peer.buildSeconds.toFixed(1)} s` : 'none (scores at query time)'}`).join(' · ')}; ours ${report.index.buildSeconds.toFixed(1)} s.`);
  }
  lines.push('', '## Targets', '', '| metric | target | value | met |', '|---|---:|---:|:---:|');
  for (const target of TARGETS[set]) {
    const value = target.value(report);
    const met = target.lowerIsBetter ? value <= target.target : value >= target.target;
    lines.push(`| ${target.label} | ${target.lowerIsBetter ? '≤' : '≥'} ${target.target} | ${target.lowerIsBetter ? ms(value) : f3(value)} | ${met ? 'yes' : 'no'} |`);
  }
  const bestPeerAt1 = Math.max(0, ...report.peers.map((peer) => peer.outcome.summary.at1 - peer.oursOnSample.at1));
  const fastestPeer = Math.min(Infinity, ...report.peers.map((peer) => peer.outcome.latency.p95));
  if (report.peers.length > 0) {
    lines.push(`| ahead of every peer at ${legal ? 'R@1' : 'hit@1'} (same sample) | | ${bestPeerAt1 > 0 ? 'no' : 'yes'} | ${bestPeerAt1 > 0 ? 'no' : 'yes'} |`);
    lines.push(`| p95 not slower than the fastest peer | ${ms(fastestPeer)} | ${ms(report.ours.latency.p95)} | ${report.ours.latency.p95 <= fastestPeer ? 'yes' : 'no'} |`);
  }
  if (report.ceiling) {
    const { ceiling, conflictingGroups, questionsInConflict } = report.ceiling;
    lines.push(
      '',
      `Ceiling of this question file: ${conflictingGroups} groups of identical questions (case, accents and punctuation aside; ${questionsInConflict} questions) carry different gold answers, so no system that answers the same question the same way can exceed ${legal ? 'R@1' : 'hit@1'} ${f3(ceiling)} here.`,
    );
  }
  if (Object.keys(report.ours.byType).length > 1) {
    lines.push('', '## By question type', '', `| type | questions | ${legal ? 'R@1 | R@5 | R@10' : 'hit@1 | hit@3 | hit@10'} | MRR@10 |`, '|---|---:|---:|---:|---:|---:|');
    for (const [type, summary] of Object.entries(report.ours.byType)) lines.push(`| ${type} | ${summary.questions} | ${metricColumns(set, summary).join(' | ')} |`);
  }
  const ranks = report.ours.outcomes.map((outcome) => outcome.rank);
  const histogram = [1, 2, 3, 4, 5].map((rank) => `${rank}: ${ranks.filter((value) => value === rank).length}`);
  lines.push(
    '',
    '## Diacritics and ranks',
    '',
    `Every question was also asked with its diacritics removed; the top unit was the same for ${f3(report.ours.diacriticsAgreement ?? 0)} of them.`,
    '',
    `Rank of the first correct unit: ${histogram.join(' · ')} · 6–10: ${ranks.filter((value) => value !== null && value > 5).length} · not in top 10: ${ranks.filter((value) => value === null).length}. Per-question ranks, top units and timings are in the JSON report.`,
  );
  if (report.ablation) {
    lines.push('', '## Ablation (same corpus, same filter; each row one index/config)', '', `| step | ${legal ? 'R@1 | R@5 | R@10' : 'hit@1 | hit@3 | hit@10'} | MRR@10 | diacritics agreement | p95 ms |`, '|---|---:|---:|---:|---:|---:|---:|');
    for (const row of report.ablation.filter((item) => item.kind === 'cumulative')) {
      lines.push(`| ${row.step} | ${metricColumns(set, row.summary).join(' | ')} | ${f3(row.diacriticsAgreement)} | ${ms(row.p95)} |`);
    }
    lines.push('', 'Alternatives measured against the default (one change each):', '', `| change | ${legal ? 'R@1 | R@5 | R@10' : 'hit@1 | hit@3 | hit@10'} | MRR@10 | diacritics agreement | p95 ms |`, '|---|---:|---:|---:|---:|---:|---:|');
    for (const row of report.ablation.filter((item) => item.kind === 'alternative')) {
      lines.push(`| ${row.step} | ${metricColumns(set, row.summary).join(' | ')} | ${f3(row.diacriticsAgreement)} | ${ms(row.p95)} |`);
    }
  }
  lines.push('', '## Configuration', '', '```json', JSON.stringify(report.config, null, 2), '```', '');
  return lines.join('\n');
}

/** The JSON keeps per-question ranks and ids only (no question or corpus text). */
function toJson(report: SetReport): unknown {
  const strip = (outcome: EvalOutcome) => ({
    ...outcome,
    outcomes: outcome.outcomes.map(({ id, type, rank, top, ms: time, strippedTop }) => ({ id, type, rank, top, ms: Math.round(time * 100) / 100, ...(strippedTop !== undefined ? { diacriticsSameTop: strippedTop === top } : {}) })),
  });
  return { ...report, ours: strip(report.ours), unfiltered: strip(report.unfiltered), peers: report.peers.map((peer) => ({ ...peer, outcome: strip(peer.outcome) })) };
}

/** Writes evals/reports/<name>.json and .md; `name` defaults to the set (smoke runs pass `<set>.smoke`). */
export function writeSetReport(report: SetReport, name: string = report.set): { json: string; markdown: string } {
  const directory = path.join(REPO_ROOT, 'evals', 'reports');
  mkdirSync(directory, { recursive: true });
  const files = { json: path.join(directory, `${name}.json`), markdown: path.join(directory, `${name}.md`) };
  writeFileSync(files.json, `${JSON.stringify(toJson(report), null, 1)}\n`);
  writeFileSync(files.markdown, renderMarkdown(report));
  return files;
}
