import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDossierPrechecker, DOCUMENT_KINDS, type PrecheckResult } from '../../src/agents/precheck/index.js';
import { createOcrEngine } from '../../src/providers/ocr/index.js';
import { loadDocumentClassifier } from '../../src/providers/classifier/index.js';
import { buildDossier, PROCEDURES, REAL_FORM_VARIANTS, variantsFor, type ProcedureKey } from './synthetic/dossiers.js';
import { loadRealForms } from './synthetic/real-forms.js';
import { loadProcedures, materialise } from './materialize.js';
import { otherPaper } from './synthetic/documents.js';
import { makePerson } from './synthetic/people.js';
import { Random } from './synthetic/random.js';
import { randomDamage, renderImage } from './synthetic/render.js';
import { ConfusionMatrix, countFields, f1, microF1, type FieldCounts } from './precheck-metrics.js';

/**
 * Pre-check evaluation on generated dossiers (five procedures × variants × seeds). Held-out seeds
 * (default 1001–1002) are never used while developing; `--seeds 1-2` is the development split.
 * Writes evals/reports/precheck.{json,md}. Usage:
 *   node --import tsx evals/precheck/precheck.eval.ts [--seeds 1001-1002] [--procedures khai-sinh,ket-hon] [--variants real_form,…] [--no-model] [--keep]
 * Real-form dossiers fill the blank forms of $SHARED_DIR/corpora/forms; `--keep` writes every
 * generated file under evals/precheck/.cache/ (gitignored) for inspection.
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const sharedDir = path.resolve(process.env.SHARED_DIR ?? path.join(repoRoot, '..', 'shared'));
const args = process.argv.slice(2);
const option = (name: string) => {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
};
const [seedFrom, seedTo] = (option('--seeds') ?? '1001-1002').split('-').map(Number) as [number, number?];
const seeds = Array.from({ length: (seedTo ?? seedFrom) - seedFrom + 1 }, (_, index) => seedFrom + index);
const procedures = (option('--procedures')?.split(',') ?? Object.keys(PROCEDURES)) as ProcedureKey[];
const onlyVariants = option('--variants')?.split(',');
const useModel = !args.includes('--no-model');
const reportName = option('--report') ?? 'precheck';

const records = await loadProcedures(sharedDir);
const forms = await loadRealForms(sharedDir);
const keep = args.includes('--keep');
const ocr = createOcrEngine();
const classifier = useModel ? await loadDocumentClassifier(path.join(repoRoot, 'models')) : null;
const engine = createDossierPrechecker({ ocr, modelsDir: path.join(repoRoot, 'models'), classifier });
const labels = [...DOCUMENT_KINDS, '(không tách được)'];
const confusion = { all: new ConfusionMatrix(labels), typed: new ConfusionMatrix(labels), scanned: new ConfusionMatrix(labels), real: new ConfusionMatrix(labels) };
const fieldCounts = { typed: new Map<string, FieldCounts>(), scanned: new Map<string, FieldCounts>(), realTyped: new Map<string, FieldCounts>(), realScanned: new Map<string, FieldCounts>() };
const decisions = new ConfusionMatrix(['accept', 'request_additions', 'reject']);
const realDecisions = new ConfusionMatrix(['accept', 'request_additions', 'reject']);
const boxes = { fields: 0, withBox: 0 };
const rows: { id: string; expected: string; got: string; seconds: number; pages: number; summary: string }[] = [];
let unsafeAccepts = 0;

// warm-up: the first OCR call starts the worker and loads the language data; that is start-up, not a dossier's time
{
  const random = new Random(1);
  const warm = otherPaper(random, makePerson(random, { referenceYear: 2025 }));
  await ocr.recognize(renderImage(warm, 0, randomDamage(random, 'light'), random));
}


for (const procedure of procedures) {
  for (const variant of variantsFor(procedure).filter((candidate) => !onlyVariants || onlyVariants.includes(candidate))) {
    for (const seed of seeds) {
      const spec = buildDossier(procedure, variant, seed);
      const files = await materialise(spec, seed, forms);
      if (keep) {
        const folder = path.join(repoRoot, 'evals', 'precheck', '.cache', spec.id.replace(/\//g, '_'));
        mkdirSync(folder, { recursive: true });
        for (const file of files) writeFileSync(path.join(folder, file.input.fileName), file.input.bytes);
      }
      const started = performance.now();
      const result: PrecheckResult = await engine.precheck({ procedure: records[procedure], applicant: spec.applicant, files: files.map((file) => file.input), referenceDate: new Date(`${spec.referenceDate}T00:00:00Z`) });
      const seconds = (performance.now() - started) / 1000;
      const got = result.recommendation.decision;
      decisions.add(spec.expected, got);
      const realDossier = REAL_FORM_VARIANTS.includes(variant);
      if (realDossier) realDecisions.add(spec.expected, got);
      if (got === 'accept' && (variant === 'missing' || variant === 'proxy_missing')) unsafeAccepts += 1;
      for (const file of files) {
        const analysis = result.files.find((candidate) => candidate.fileId === file.input.fileId);
        for (const document of file.documents) {
          const segment = analysis?.segments.find((candidate) => candidate.pages.from === document.startPage);
          const predicted = segment?.kind ?? '(không tách được)';
          confusion.all.add(document.kind, predicted);
          const extracted = new Map((segment?.fields ?? []).map((field) => [field.name, field.value]));
          if (file.realForm) {
            // real forms are reported on their own rows, not mixed into the generated layouts' figures
            confusion.real.add(document.kind, predicted);
            countFields(fieldCounts[file.scanned ? 'realScanned' : 'realTyped'], document.truth, extracted);
          } else {
            confusion[file.scanned ? 'scanned' : 'typed'].add(document.kind, predicted);
            countFields(fieldCounts[file.scanned ? 'scanned' : 'typed'], document.truth, extracted);
          }
          for (const field of segment?.fields ?? []) {
            if (!(field.name in document.truth)) continue;
            boxes.fields += 1;
            if (field.evidence.box) boxes.withBox += 1;
          }
        }
      }
      const pages = result.files.reduce((sum, file) => sum + file.pageCount, 0);
      rows.push({ id: spec.id, expected: spec.expected, got, seconds, pages, summary: result.recommendation.reasons.slice(0, 2).join(' / ').slice(0, 240) });
      process.stdout.write(`${got === spec.expected ? 'ok  ' : 'MISS'} ${spec.id} ${got} ${seconds.toFixed(2)}s\n`);
    }
  }
}
await ocr.close();

const fieldTable = (counts: Map<string, FieldCounts>) =>
  Object.fromEntries([...counts.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([name, value]) => [name, { ...value, f1: Math.round(f1(value) * 1000) / 1000 }]));
const secondsPerDossier = rows.reduce((sum, row) => sum + row.seconds, 0) / Math.max(1, rows.length);
const perPage = rows.map((row) => row.seconds / Math.max(1, row.pages));
const fivePage = (perPage.reduce((sum, value) => sum + value, 0) / Math.max(1, perPage.length)) * 5;
const report = {
  command: `node --import tsx evals/precheck/precheck.eval.ts ${args.join(' ')}`.trim(),
  date: new Date().toISOString(),
  machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, load ${os.loadavg().map((value) => value.toFixed(2)).join('/')}`,
  seeds,
  classifier: classifier?.id ?? 'rules only',
  dossiers: rows.length,
  recommendationAccuracy: Math.round(decisions.accuracy() * 1000) / 1000,
  unsafeAccepts,
  classificationAccuracy: { all: round(confusion.all.accuracy()), typed: round(confusion.typed.accuracy()), scanned: round(confusion.scanned.accuracy()), realForms: round(confusion.real.accuracy()) },
  fieldF1: { typed: round(microF1(fieldCounts.typed.values())), scanned: round(microF1(fieldCounts.scanned.values())), realFormsTyped: round(microF1(fieldCounts.realTyped.values())), realFormsScanned: round(microF1(fieldCounts.realScanned.values())) },
  realFormDossiers: { dossiers: realDecisions.total(), recommendationAccuracy: round(realDecisions.accuracy()) },
  evidenceBoxes: { fieldsWithTruth: boxes.fields, withBox: boxes.withBox, share: round(boxes.withBox / Math.max(1, boxes.fields)) },
  fieldsTyped: fieldTable(fieldCounts.typed),
  fieldsScanned: fieldTable(fieldCounts.scanned),
  fieldsRealFormsTyped: fieldTable(fieldCounts.realTyped),
  fieldsRealFormsScanned: fieldTable(fieldCounts.realScanned),
  secondsPerDossier: round(secondsPerDossier),
  secondsPerFivePageDossier: round(fivePage),
  decisionConfusion: decisions.toJson(),
  classificationConfusion: confusion.all.toJson(),
  dossierResults: rows,
};
function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

const fieldRows = (counts: Map<string, FieldCounts>) =>
  [...counts.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([name, value]) => `| ${name} | ${value.tp} | ${value.fp} | ${value.fn} | ${f1(value).toFixed(3)} |`).join('\n');
const markdown = `# Dossier pre-check evaluation

Command: \`${report.command}\` · ${report.date}

Machine: ${report.machine} (shared with other work; seconds are indicative).

Data: ${rows.length} generated dossiers — procedures ${procedures.join(', ')}; variants per procedure from \`evals/precheck/synthetic/dossiers.ts\`; seeds ${seeds.join(', ')} (held out from development unless the command says otherwise). Procedure records parsed at eval time from \`$SHARED_DIR/corpora\`. Classifier: ${report.classifier}.

| metric | value | target |
|---|---:|---:|
| recommendation accuracy | ${report.recommendationAccuracy} | ≥ 0.95 |
| accepts while a required document was missing | ${unsafeAccepts} | 0 |
| document classification accuracy, generated layouts (all / typed / scanned) | ${report.classificationAccuracy.all} / ${report.classificationAccuracy.typed} / ${report.classificationAccuracy.scanned} | |
| field F1, typed documents (micro) | ${report.fieldF1.typed} | ≥ 0.90 |
| field F1, scanned/photographed documents (micro) | ${report.fieldF1.scanned} | |
| **real forms** (${confusion.real.total()} filled documents): classification accuracy | ${report.classificationAccuracy.realForms} | |
| **real forms**: field F1 typed (PDF, DOCX, fillable PDF) / scanned | ${report.fieldF1.realFormsTyped} / ${report.fieldF1.realFormsScanned} | ≥ 0.90 typed |
| **real forms**: recommendation accuracy (${report.realFormDossiers.dossiers} dossiers) | ${report.realFormDossiers.recommendationAccuracy} | ≥ 0.95 |
| extracted fields (with ground truth) that carry an evidence box | ${report.evidenceBoxes.share} (${boxes.withBox}/${boxes.fields}) | |
| seconds per dossier (mean) | ${report.secondsPerDossier} | |
| seconds for a 5-page dossier (mean s/page × 5) | ${report.secondsPerFivePageDossier} | ≤ 10 |

## Recommendations (rows: expected, columns: proposed)

${decisions.toMarkdown()}

## Document classification (rows: truth, columns: predicted)

${confusion.all.toMarkdown()}

## Field extraction — typed (PDF text layer)

| field | TP | FP | FN | F1 |
|---|---:|---:|---:|---:|
${fieldRows(fieldCounts.typed)}

## Field extraction — scanned / photographed (OCR)

| field | TP | FP | FN | F1 |
|---|---:|---:|---:|---:|
${fieldRows(fieldCounts.scanned)}

## Real forms filled (\`$SHARED_DIR/corpora/forms\`: birth-registration declaration, Mẫu CT01, Mẫu DC01)

Declarations of the ${REAL_FORM_VARIANTS.join(', ')} dossiers (khai-sinh, thuong-tru): the real blank form's text filled and printed to PDF (DejaVu) or printed and scanned (JPEG pages in a PDF, light damage); DC01 also as the filled DOCX itself, the real PDF typed over, or the real PDF with AcroForm fields added and filled.

### Classification (rows: truth, columns: predicted)

${confusion.real.toMarkdown()}

### Fields — typed

| field | TP | FP | FN | F1 |
|---|---:|---:|---:|---:|
${fieldRows(fieldCounts.realTyped)}

### Fields — scanned

| field | TP | FP | FN | F1 |
|---|---:|---:|---:|---:|
${fieldRows(fieldCounts.realScanned)}

## Misses

${rows.filter((row) => row.expected !== row.got).map((row) => `- \`${row.id}\`: expected ${row.expected}, proposed ${row.got} — ${row.summary}`).join('\n') || 'none'}
`;
mkdirSync(path.join(repoRoot, 'evals', 'reports'), { recursive: true });
writeFileSync(path.join(repoRoot, 'evals', 'reports', `${reportName}.json`), `${JSON.stringify(report, null, 2)}\n`);
writeFileSync(path.join(repoRoot, 'evals', 'reports', `${reportName}.md`), markdown);
console.log(`recommendation accuracy ${report.recommendationAccuracy}, field F1 typed ${report.fieldF1.typed} scanned ${report.fieldF1.scanned}, classification ${report.classificationAccuracy.all}, ${report.secondsPerDossier} s/dossier`);
