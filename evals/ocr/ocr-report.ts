import type { ThroughputResult } from './loader-throughput.js';

export interface VariantResult {
  id: string;
  description: string;
  engineId: string;
  cer: number;
  strictCer: number;
  secondsPerPage: number;
  /** Process CPU time (all threads, including the Tesseract worker) per page: less sensitive to other load. */
  cpuSecondsPerPage: number;
  startupSeconds: number;
  meanConfidence: number;
  pages: { page: string; cer: number; strictCer: number; seconds: number; cpuSeconds: number; confidence: number }[];
}

export interface BenchReport {
  generatedAt: string;
  command: string;
  dataset: { folder: string; pages: number; dpi: number; groundTruth: string };
  machine: { cpus: number; cpuModel: string; memoryGb: number; node: string; loadAverageBefore: number[]; loadAverageAfter: number[] };
  variants: VariantResult[];
  throughput: ThroughputResult[];
}

const TARGET_CER = 0.08;
const TARGET_SECONDS = 4;
const fixed = (value: number, digits: number) => value.toFixed(digits);

export function renderMarkdown(report: BenchReport): string {
  const lines: string[] = [];
  const { machine } = report;
  lines.push('# OCR benchmark', '');
  lines.push(`Command: \`${report.command}\` · ${report.generatedAt.slice(0, 16).replace('T', ' ')} UTC`, '');
  lines.push(
    `Machine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGb} GB, Node ${machine.node}. ` +
      `Load average before/after: ${machine.loadAverageBefore.join(' / ')} → ${machine.loadAverageAfter.join(' / ')} ` +
      '(the machine is shared with other work, so seconds are indicative; CER is deterministic).',
    '',
  );
  lines.push(
    `Data: ${report.dataset.pages} born-digital pages rendered at ${report.dataset.dpi} dpi (\`${report.dataset.folder}\`); ground truth ` +
      `${report.dataset.groundTruth}. Target: CER ≤ ${TARGET_CER} at ≤ ${TARGET_SECONDS} s/page.`,
    '',
  );
  lines.push('## Variants', '');
  lines.push('| variant | CER | strict CER | s/page (wall) | CPU s/page | start-up s | mean confidence | meets target |', '|---|---:|---:|---:|---:|---:|---:|:---:|');
  for (const variant of report.variants) {
    const meets = variant.cer <= TARGET_CER && variant.secondsPerPage <= TARGET_SECONDS ? 'yes' : 'no';
    lines.push(`| ${variant.description} (\`${variant.id}\`) | ${fixed(variant.cer, 4)} | ${fixed(variant.strictCer, 4)} | ${fixed(variant.secondsPerPage, 2)} | ${fixed(variant.cpuSecondsPerPage, 2)} | ${fixed(variant.startupSeconds, 2)} | ${fixed(variant.meanConfidence, 3)} | ${meets} |`);
  }
  lines.push('');
  const best = [...report.variants].sort((a, b) => a.cer - b.cer)[0];
  if (best) lines.push(`Lowest CER: \`${best.id}\` (${fixed(best.cer, 4)} at ${fixed(best.secondsPerPage, 2)} s/page).`, '');
  lines.push('### CER per page', '');
  const pageNames = report.variants[0]?.pages.map((page) => page.page) ?? [];
  lines.push(`| variant | ${pageNames.join(' | ')} |`, `|---|${pageNames.map(() => '---:').join('|')}|`);
  for (const variant of report.variants) lines.push(`| \`${variant.id}\` | ${variant.pages.map((page) => fixed(page.cer, 3)).join(' | ')} |`);
  lines.push('');
  lines.push('## How CER is computed', '');
  lines.push(
    '- CER = Levenshtein distance (insertions + deletions + substitutions over Unicode code points, NFC) ÷ code points of the normalised ground truth, pooled over all pages (sum of edits ÷ sum of lengths).',
    '- Both OCR output and ground truth go through the same normalisation (`evals/ocr/ocr-metrics.ts`): `normalizeVietnamese` (NFC, one tone-mark placement, hyphenation/invisible characters); private-use glyphs dropped (the ground truth has Wingdings check boxes U+F0A8); runs of ≥ 3 leader characters (`. … _ - – —`) become one `…` (form lines have 30 or 180 dots depending on the font).',
    '- **Whitespace:** every run of spaces, tabs and line breaks becomes a single space; leading/trailing whitespace is removed. Line breaks do not count; a missing or extra space between words counts as one edit.',
    '- *Strict CER* uses only NFC + the whitespace rule, to show what the normalisation changes.',
    '- Reading order still counts: the ground truth is the PDF text layer in content-stream order, which for two-column headers and tables differs from the visual order any OCR produces. This is the largest remaining error on the DC01 form pages.',
    '- s/page = wall time of `recognize` per page (image decode, clean-up, upscaling when used, Tesseract), after one warm-up call; CPU s/page = process CPU time over the same span (all threads; Tesseract runs single-threaded in its worker, so on an idle machine wall ≈ CPU). "Meets target" uses wall time. Start-up = worker creation + model load, paid once per process.',
    '',
  );
  if (report.throughput.length > 0) {
    lines.push('## Loader throughput', '');
    lines.push('Sequential, one process, after one warm-up load; `node --import tsx evals/ocr/ocr.bench.ts`.', '');
    lines.push('| set | items | pages | MB | seconds (wall) | CPU seconds | items/s | pages/s | MB/s | items per CPU-s | OCR pages |', '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const row of report.throughput) {
      lines.push(`| ${row.set} | ${row.items} | ${row.pages} | ${fixed(row.megabytes, 2)} | ${fixed(row.seconds, 2)} | ${fixed(row.cpuSeconds, 2)} | ${fixed(row.itemsPerSecond, 2)} | ${fixed(row.pagesPerSecond, 2)} | ${fixed(row.megabytesPerSecond, 2)} | ${fixed(row.items / Math.max(1e-9, row.cpuSeconds), 2)} | ${row.ocrPages} |`);
    }
    lines.push('');
    const scanned = report.throughput.find((row) => row.ocrPages > 0);
    if (scanned) lines.push(`Scanned PDFs: ${fixed(scanned.seconds / scanned.pages, 2)} s/page wall, ${fixed(scanned.cpuSeconds / scanned.pages, 2)} CPU s/page, including pdf.js rendering at 200 dpi.`, '');
  }
  return lines.join('\n');
}
