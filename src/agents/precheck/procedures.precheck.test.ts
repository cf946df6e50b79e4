import assert from 'node:assert/strict';
import { test } from 'node:test';
import { corpusSkip, SHARED_DIR } from '../../ingest/structure/shared-corpus.testing.js';
import { buildDossier, PROCEDURES, type ProcedureKey } from '../../../evals/precheck/synthetic/dossiers.js';
import { loadProcedures, materialise } from '../../../evals/precheck/materialize.js';
import { loadRealForms } from '../../../evals/precheck/synthetic/real-forms.js';
import { createDossierPrechecker } from './index.js';

/**
 * For each of the five evaluated procedures (records parsed from the shared corpus): a complete
 * typed dossier is accepted, and a dossier with a required document taken out is never accepted.
 * Every file is rendered as a typed PDF here (OCR is measured in the evaluation, not in tests).
 */
const skip = corpusSkip('procedures');
const engine = createDossierPrechecker({ modelsDir: 'models' });

for (const procedure of Object.keys(PROCEDURES) as ProcedureKey[]) {
  test(`${procedure}: complete → accept; a required document missing → never accept`, { skip }, async () => {
    const records = await loadProcedures(SHARED_DIR);
    for (const seed of [11, 12, 13]) {
      for (const variant of ['complete', 'missing'] as const) {
        const spec = buildDossier(procedure, variant, seed);
        spec.files = spec.files.map((file) => ({ ...file, rendering: { kind: 'pdf' } }));
        const files = await materialise(spec, seed);
        const result = await engine.precheck({ procedure: records[procedure], applicant: spec.applicant, files: files.map((file) => file.input), referenceDate: new Date(`${spec.referenceDate}T00:00:00Z`) });
        const message = `${spec.id}: ${result.recommendation.reasons.join(' | ')}`;
        if (variant === 'missing') {
          assert.notEqual(result.recommendation.decision, 'accept', message);
          assert.ok(result.checks.some((check) => check.category === 'completeness' && check.status === 'fail'), message);
        } else {
          assert.equal(result.recommendation.decision, 'accept', message);
        }
      }
    }
  });
}

test('dossiers whose declarations are the real forms, filled (text printed to PDF, DC01 as DOCX or PDF): accepted when complete, not when facts disagree', { skip: corpusSkip('forms') }, async () => {
  const records = await loadProcedures(SHARED_DIR);
  const forms = await loadRealForms(SHARED_DIR);
  for (const procedure of ['khai-sinh', 'thuong-tru'] as const) {
    for (const seed of [21, 22]) {
      for (const variant of ['real_form', 'real_form_inconsistent'] as const) {
        const spec = buildDossier(procedure, variant, seed);
        spec.files = spec.files.map((file) => (file.rendering.kind === 'image' ? { ...file, rendering: { kind: 'pdf' } } : file));
        const files = await materialise(spec, seed, forms);
        assert.ok(files.some((file) => file.realForm));
        const result = await engine.precheck({ procedure: records[procedure], applicant: spec.applicant, files: files.map((file) => file.input), referenceDate: new Date(`${spec.referenceDate}T00:00:00Z`) });
        assert.equal(result.recommendation.decision, spec.expected, `${spec.id}: ${result.recommendation.reasons.join(' | ')}`);
      }
    }
  }
});
